"""Analyst views on the bundled data: the questions of the issue answered with what the sources say,
and the errors a mistyped filter gets. Exact output per format is in test_formats.py (fixture dataset)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import run, run_mini


def rows(*args: str) -> list[dict[str, Any]]:
    """A list command's JSON: an array of records."""
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    found = json.loads(result.stdout)
    assert isinstance(found, list)
    return found


def document(*args: str) -> dict[str, Any]:
    """A view command's JSON (`brief`, `people NAME`, `sources ID`, `topics TOPIC`): one object, a key per section."""
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    found = json.loads(result.stdout)
    assert isinstance(found, dict)
    return found


TOPIC_SECTIONS = ("events", "outcomes", "followups", "quotes", "facts")


def test_topic_critical_minerals_names_the_countries_and_outcomes_of_the_week() -> None:
    found = document("topics", "critical-minerals")
    assert found["topic"]["id"] == "critical-minerals"
    assert {"AU", "CL", "NZ", "US", "CN"} <= set(found["countries"])
    plain = run("topics", "critical-minerals").stdout
    assert all(name in plain for name in ("Australia", "Chile", "New Zealand", "United States", "China"))
    outcomes = {row["id"] for row in found["outcomes"]}
    assert {
        "nz-minerals-security-partnership-intent",
        "korea-us-joint-fact-sheet",
        "us-china-busan-deal",
        "korea-chile-minerals-energy-culture",
    } <= outcomes
    assert all("critical-minerals" in row["topics"] for section in TOPIC_SECTIONS for row in found[section])


def test_topic_by_its_name_and_the_topic_list_counts() -> None:
    assert document("topics", "Critical minerals") == document("topics", "critical-minerals")
    listed = {row["id"]: row for row in rows("topics")}
    by_topic = document("topics", "critical-minerals")
    for section in TOPIC_SECTIONS:
        assert listed["critical-minerals"][section] == len(by_topic[section]), section
    assert listed["critical-minerals"]["countries"] == by_topic["countries"]


def test_followups_canada_tracks_the_classified_information_agreement() -> None:
    found = {row["id"]: row for row in rows("followups", "canada")}
    pending = found["canada-classified-information-entry-into-force"]
    assert pending["status"] == "pending"
    assert pending["status_sources"] == ["newswire-canada-2025-10-30"]
    assert found["canada-biennial-ministers-meeting"]["cadence"] == "biennial"
    assert all(row["countries"] == ["CA"] for row in found.values())


def test_followups_status_and_due_filters() -> None:
    stalled = rows("followups", "--status", "stalled")
    assert "chile-fta-upgrade-talks" in {row["id"] for row in stalled}
    assert all(row["status"] == "stalled" for row in stalled)
    done = {row["id"]: row for row in rows("followups", "us", "--status", "done")}
    assert done["us-investment-mou-signature"]["status_date"] == "2025-11-14"
    mini = json.loads(run_mini("followups", "--due-before", "2026-07-01", "-f", "json").stdout)
    assert [row["id"] for row in mini] == ["fu2"]
    assert json.loads(run_mini("followups", "--due-before", "2026-06-30", "-f", "json").stdout) == []


def test_quotes_by_speaker_albanese() -> None:
    found = rows("quotes", "--speaker", "Albanese")
    assert len(found) == 4
    assert {row["speaker"] for row in found} == {"anthony-albanese"}
    assert {row["speaker_name"] for row in found} == {"Anthony Albanese"}
    assert any("critical minerals" in row["text"] for row in found)
    assert all(row["sources"] for row in found)
    assert rows("quotes", "australia", "--speaker", "albanese") == found


def test_search_submarine_finds_canada_and_the_united_states_ranked() -> None:
    found = rows("search", "submarine")
    countries = {c for row in found for c in row["countries"]}
    assert {"CA", "US"} <= countries
    assert [row["score"] for row in found] == sorted((row["score"] for row in found), reverse=True)
    assert "korea-us-nuclear-submarine-approval" in {row["id"] for row in found[:3]}
    assert all("submarine" in (row["snippet"] or row["title"]).casefold() for row in found)


def test_search_needs_every_word_and_is_case_insensitive() -> None:
    assert rows("search", "SUBMARINE") == rows("search", "submarine")
    both = {row["id"] for row in rows("search", "submarine", "philadelphia")}
    assert both and both <= {row["id"] for row in rows("search", "submarine")}
    assert rows("search", "zzzunlikely") == []


def test_search_piped_is_one_result_per_line_with_kind_and_id() -> None:
    lines = run("search", "submarine").stdout.splitlines()
    assert len(lines) == len(rows("search", "submarine"))
    first = lines[0].split("\t")
    assert first[:3] == ["quote", "trump-submarine-approval", "Donald Trump"]


def test_search_highlights_matches_in_a_terminal() -> None:
    result = run("--color", "always", "search", "minerals", "-f", "table", env={"COLUMNS": "120"})
    assert "\x1b[1;7mminerals\x1b[0m" in result.stdout or "\x1b[1;7mMinerals\x1b[0m" in result.stdout


def test_people_and_their_meetings() -> None:
    found = document("people", "carney")
    assert found["person"]["name"] == "Mark Carney"
    assert any("Korea-Canada summit" in event["title"] for event in found["events"])
    everyone = rows("people")
    assert len(everyone) == 46
    listed = {row["id"]: row for row in everyone}
    assert listed["mark-carney"]["events"] == [event["id"] for event in found["events"]]


def test_sources_list_and_records_citing_one() -> None:
    listed = {row["id"]: row for row in rows("sources")}
    assert len(listed) == 141  # with the three that list APEC's and ASEAN's members
    citing = document("sources", "newswire-canada-2025-10-30")
    assert citing["source"]["id"] == "newswire-canada-2025-10-30"
    records = [row for section, found in citing.items() if section != "source" for row in found]
    assert len(records) == listed["newswire-canada-2025-10-30"]["cited_by"]
    assert "canada-classified-information-entry-into-force" in {row["id"] for row in citing["followups"]}


def test_matrix_is_a_grid_of_every_country_by_every_topic() -> None:
    grid = {row["country"]: row for row in rows("matrix")}
    assert set(grid) == {row["country"] for row in rows("countries")}
    assert grid["CA"]["defence"] > 0 and grid["US"]["shipbuilding"] > 0 and grid["AU"]["critical-minerals"] > 0
    assert grid["KH"]["transnational-crime"] > 0
    header = run("matrix", "-f", "csv").stdout.splitlines()[0].split(",")
    assert header[:3] == ["country", "country_name", "critical-minerals"] and header[-1] == "total"
    assert run("matrix").stdout.splitlines()[0].split("\t") == header  # code, then name, as every list


def cited_in_order(node: Any) -> list[str]:
    """Source ids a part of a document cites, in order of first citation: a record's sources, then those of its
    disputes, its status (follow-ups) and what actually happened (plans)."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("sources", "status_sources", "actual_sources") and all(isinstance(v, str) for v in value):
                found += value
            else:
                found += cited_in_order(value)
    elif isinstance(node, list):
        for item in node:
            found += cited_in_order(item)
    return list(dict.fromkeys(found))


def test_brief_and_agreements_sources_list_what_their_markers_point_to() -> None:
    brief = document("brief", "nz")
    sections = {key: value for key, value in brief.items() if isinstance(value, list) and key != "sources"}
    cited = cited_in_order(sections)
    assert [row["id"] for row in brief["sources"]] == cited
    assert [row["id"] for row in rows("brief", "nz", "--sources")] == cited
    records = [row for found in sections.values() for row in found]
    assert records and all(row["sources"] for row in records), "every record of a brief carries its source ids"
    lines = [json.loads(line) for line in run("brief", "nz", "-f", "jsonl").stdout.splitlines()]
    assert [row["id"] for row in lines if row["section"] == "sources"] == cited
    assert all(row["sources"] for row in lines if row["section"] != "sources")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["topics", "minerals"], "Did you mean 'critical-minerals'?"),
        (["quotes", "--speaker", "Albanesse"], "Did you mean 'Albanese'"),
        (["people", "Carnie"], "Did you mean 'Carney'"),
        (["sources", "asiae-post-sumit"], "Did you mean 'asiae-post-summit'?"),
        (["followups", "--status", "stall"], "Did you mean 'stalled'?"),
        (["followups", "--due-before", "next week"], "is not a date: use YYYY-MM-DD"),
        (["search", " "], "nothing to search for"),
        (["followups", "narnia"], "unknown country 'narnia'"),
    ],
)
def test_bad_filters_exit_2_with_one_line(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
