"""`summit show ID` (issue 25, point 1): any record a search finds opens by its id, as a document with its key facts
first, its text in the brief's own entries, what it links to and its sources; every format; an unknown id is one
line with the closest ids."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from summitcli.cli import complete_record_id
from tests.conftest import ROOT, run

JAPAN = str(ROOT / "tests" / "fixtures" / "japan")
TERMINAL = {"TTY_COMPATIBLE": "1", "NO_COLOR": "1", "TERM": "dumb"}


def show(*args: str, data: str | None = None, fmt: str = "plain") -> str:
    result = run(*(["--data", data] if data else []), "--no-pager", "show", *args, "--format", fmt)
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return result.stdout


def records(*args: str, data: str | None = None) -> list[dict]:
    out = run(*(["--data", data] if data else []), *args, "--format", "json").stdout
    return json.loads(out)


def test_an_outcome_found_by_search_opens_with_its_key_facts_disputes_and_follow_ups() -> None:
    hit = next(h for h in records("search", "submarine") if h["kind"] == "outcome")
    out = show(hit["id"])
    head, _, rest = out.partition("\n\n")
    assert hit["title"] in head and hit["id"] in head
    key = rest.split("\n\n")[0]
    assert "Status" in key and "Parties" in key and "United States" in key  # countries by name, not code
    assert "Sources differ on" in out
    origin_of = [f for f in records("followups") if f["origin"] == hit["id"]]
    assert origin_of and all(f["title"] in out for f in origin_of)
    assert "\nSources\n" in out and "[1]" in out
    machine = json.loads(show(hit["id"], fmt="json"))
    assert machine["kind"] == "outcome" and machine["outcome"]["id"] == hit["id"]
    assert set(machine["outcome"]["parties"]) >= {"US"}  # a country as its ISO code
    assert [f["id"] for f in machine["followups"]] == [f["id"] for f in origin_of]
    assert {s["id"] for s in machine["sources"]} >= set(machine["outcome"]["sources"])


def test_an_event_says_when_and_where_who_took_part_and_what_came_of_it() -> None:
    event = next(e for e in records("timeline") if e["participants"] and e["kind"] == "bilateral")
    out = show(event["id"])
    assert "When and where" in out and "Participants" in out
    agreed = [o for o in records("agreements") if o.get("event") == event["id"]]
    assert all(o["title"] in out for o in agreed)
    machine = json.loads(show(event["id"], fmt="json"))
    assert machine["event"]["date"] == event["date"]  # ISO
    assert sorted(o["id"] for o in machine.get("outcomes", [])) == sorted(o["id"] for o in agreed)


def test_a_quote_opens_with_its_speaker_and_the_occasion() -> None:
    hit = next(h for h in records("search", "submarine") if h["kind"] == "quote")
    out = show(hit["id"])
    assert out.startswith(hit["title"])  # the speaker
    assert "Speaker" in out and "“" in out
    assert json.loads(show(hit["id"], fmt="json"))["quote"]["speaker"]


def test_a_follow_up_names_its_due_date_and_opens_what_it_came_from_in_any_dataset() -> None:
    followup = next(f for f in records("followups", data=JAPAN) if f["due"])
    origin = next(o for o in records("agreements", data=JAPAN) if o["id"] == followup["origin"])
    out = show(followup["id"], data=JAPAN)
    assert "Due" in out and "\nFrom\n" in out and origin["title"] in out
    assert "(low confidence)" in out  # the fixture's follow-up rests on a low-confidence source only
    machine = json.loads(show(followup["id"], data=JAPAN, fmt="json"))
    assert machine["followup"]["due"] == followup["due"] and machine["origin"][0]["id"] == origin["id"]


def test_a_grouping_lists_its_members_and_what_it_is_party_to() -> None:
    hit = next(h for h in records("search", "apec") if h["kind"] == "grouping")
    out = show(hit["id"])
    assert "Members" in out
    bound = [o for o in records("agreements") if hit["id"] in o["parties"]]
    assert bound and all(o["title"] in out for o in bound)
    grouping = json.loads(show(hit["id"], fmt="json"))["grouping"]
    members = next(line for line in out.splitlines() if line.startswith("Members"))
    assert grouping["member_names"] and all(name in members for name in grouping["member_names"].values())
    assert all(code not in members.split(", ") for code in grouping["member_names"])  # its own name, not the code


@pytest.mark.parametrize("data", [None, JAPAN], ids=["bundled", "japan"])
def test_an_unknown_id_is_one_line_with_the_closest_ids(data: str | None) -> None:
    rid = records("timeline", data=data)[0]["id"]
    typo = rid[:-1] + ("x" if rid[-1] != "x" else "y")
    result = run(*(["--data", data] if data else []), "show", typo)
    assert result.exit_code == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert f"'{typo}'" in result.stderr and f"'{rid}'" in result.stderr  # did you mean


@pytest.mark.parametrize("fmt", ["table", "plain", "markdown", "html", "json"])
def test_every_format_writes_the_record(fmt: str) -> None:
    rid = records("agreements", data=JAPAN)[0]["id"]
    result = run("--data", JAPAN, "--no-pager", "show", rid, "--format", fmt, env={**TERMINAL, "COLUMNS": "80"})
    assert result.exit_code == 0 and result.stderr == ""
    title = records("agreements", data=JAPAN)[0]["title"]
    assert title in result.stdout or json.loads(result.stdout)["outcome"]["title"] == title


def test_a_person_and_a_source_open_as_their_own_commands_open_them() -> None:
    person = records("people")[0]["id"]
    assert json.loads(show(person, fmt="json")) == json.loads(run("people", person, "--format", "json").stdout)
    source = records("sources")[0]["id"]
    assert show(source) == run("--no-pager", "sources", source, "--format", "plain").stdout


def test_completion_offers_the_datasets_ids(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SUMMIT_DATA", JAPAN)
    run("timeline")  # completion reads the index a command has built
    offered = complete_record_id("japan-")
    assert "japan-korea-statement" in offered and "japan-grid-report" in offered
    assert all(rid.startswith("japan-") for rid in offered)


def test_the_python_api_returns_what_json_writes() -> None:
    import summitcli
    from summitcli import UsageError

    week = summitcli.open_dataset(JAPAN)
    rid = records("followups", data=JAPAN)[0]["id"]
    found = week.show(rid)
    assert json.loads(json.dumps(found, default=str)) == json.loads(show(rid, data=JAPAN, fmt="json"))
    assert isinstance(found["origin"][0]["date"], datetime.date)  # dates as dates, as every API method gives them
    with pytest.raises(UsageError, match="Did you mean"):
        week.show(rid + "x")
