"""How sure a fact is and where sources differ, said where the fact is read (issue 22, points 5 and 6): on the
line in every text format, as typed fields in machine formats, in the brief, `timeline --full` and the book."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, run

JAPAN = ROOT / "tests" / "fixtures" / "japan"

# A user's dataset (home JP): a fact only a low-confidence source states, one that a low and a high source state,
# an outcome whose figure rests on one of its two sources, and a dinner whose sources differ on its venue.
EXTRA = """
facts:
  - id: korea-rumour
    text: Korea is said to weigh a new ferry route.
    countries: [KR]
    sources: [ex-notes]
    confidence: L
  - id: korea-ferry
    text: Korea runs a ferry to Fukuoka.
    countries: [KR]
    sources: [ex-notes, ex-daily-0618]
    confidence: H
outcomes:
  - id: japan-korea-fund
    kind: commitment
    title: Japan-Korea youth exchange fund
    status: announced
    date: "2026-06-18"
    parties: [JP, KR]
    figures:
      - {label: Fund, value: "JPY 1 billion", amount: 1000000000, unit: JPY, sources: [ex-daily-0618]}
    sources: [ex-daily-0618, ex-wire-0619]
    confidence: H
events:
  - id: japan-korea-dinner
    kind: dinner
    title: Dinner for the Korean delegation
    date: "2026-06-18"
    city: Tokyo
    parties: [JP, KR]
    disputes:
      - {field: venue, note: One paper says the Imperial Hotel; another an official residence., sources: [ex-wire-0619]}
    sources: [ex-daily-0618]
    confidence: H
"""


@pytest.fixture
def japan(tmp_path: Path) -> Path:
    data = tmp_path / "japan"
    shutil.copytree(JAPAN, data)
    (data / "extra.yaml").write_text(EXTRA, encoding="utf-8")
    return data


def flat(text: str) -> str:
    """The text with every run of white space as one space: a terminal wraps long lines."""
    return re.sub(r"\s+", " ", text)


def line_with(text: str, needle: str) -> str:
    found = [line for line in text.splitlines() if needle in line]
    assert found, f"no line has {needle!r}"
    return found[0]


def brief_json(*args: str) -> dict[str, Any]:
    result = run("brief", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    found: dict[str, Any] = json.loads(result.stdout)
    return found


@pytest.mark.parametrize("fmt", ["plain", "markdown", "html"])
def test_the_3_5_percent_line_says_low_confidence_and_one_source_where_it_is_printed(fmt: str) -> None:
    result = run("brief", "united-states", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    line = line_with(result.stdout, "3.5% of GDP")
    assert "(low confidence; one source)" in line
    # A line with one low and one medium source is not low confidence.
    assert "low confidence" not in line_with(result.stdout, "Section 232 tariffs")


def test_the_terminal_says_the_same_words_as_plain_text() -> None:
    result = run("--color", "never", "brief", "united-states", "--format", "table", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    assert "Defence spending target: 3.5% of GDP (low confidence; one source)" in flat(result.stdout)


def test_machine_formats_give_each_record_and_figure_its_confidence_and_number_of_sources() -> None:
    found = brief_json("united-states")
    for section in ("counterparts", "meetings", "outcomes", "followups", "quotes", "context", "plans", "open_items"):
        for record in found[section]:
            assert record["source_count"] == len(record["sources"])
            assert record["low_confidence"] in (True, False)
    commitments = next(o for o in found["outcomes"] if o["id"] == "korea-us-defence-commitments")
    target = next(f for f in commitments["figures"] if f["label"] == "Defence spending target")
    assert (target["confidence"], target["source_count"], target["low_confidence"]) == ("M", 1, True)
    bought = next(f for f in commitments["figures"] if f["label"].startswith("U.S. military equipment"))
    assert bought["low_confidence"] is False
    # A figure with no confidence of its own gets its record's.
    assert all(f["confidence"] in ("H", "M", "L") for o in found["outcomes"] for f in o["figures"])


def test_a_users_dataset_marks_low_confidence_lines_and_figures_on_one_of_several_sources(japan: Path) -> None:
    result = run("--data", str(japan), "brief", "korea")
    assert result.exit_code == 0, result.stderr
    assert "(low confidence)" in line_with(result.stdout, "weigh a new ferry route")
    assert "low confidence" not in line_with(result.stdout, "runs a ferry to Fukuoka")
    assert "Fund: JPY 1 billion (one source)" in line_with(result.stdout, "exchange fund: announced")  # key points
    assert "JPY 1 billion (one source)" in line_with(result.stdout, "  Fund:")  # the outcome's own line
    csv = run("--data", str(japan), "brief", "korea", "--format", "csv")
    assert csv.exit_code == 0, csv.stderr
    header, *rows = csv.stdout.splitlines()
    columns = header.split(",")
    assert {"source_count", "low_confidence"} <= set(columns)
    rumour = next(r for r in rows if ",korea-rumour," in r)
    assert "true" in rumour.split(",")[columns.index("low_confidence")]


def test_a_meetings_disputed_length_is_flagged_in_the_key_points_and_explained_in_the_meeting() -> None:
    result = run("brief", "united-states")
    assert result.exit_code == 0, result.stderr
    key_points = result.stdout.split("\nOutcomes\n")[0]
    assert "Sources differ on length: see The meeting" in key_points
    meeting = result.stdout.split("The meeting\n-----------\n")[1]
    assert 'Sources differ on length: A BBC-derived aggregator says "nearly two hours"' in meeting


def test_the_us_china_meetings_disputed_length_shows_in_the_full_us_brief() -> None:
    result = run("brief", "united-states", "--full")
    assert result.exit_code == 0, result.stderr
    with_others = result.stdout.split("United States with others")[1]
    entry = with_others.split("US-China summit")[1].split("\n  ")[0:4]
    assert any('Sources differ on length: Livemint says "100-minute"' in line for line in entry)


def test_other_encounters_say_where_sources_differ(japan: Path) -> None:
    result = run("--data", str(japan), "brief", "korea")
    assert result.exit_code == 0, result.stderr
    encounters = result.stdout.split("Other encounters\n")[1]
    assert "Dinner for the Korean delegation" in encounters
    assert "Sources differ on venue: One paper says the Imperial Hotel" in encounters


def test_timeline_full_says_under_each_event_what_its_sources_differ_on() -> None:
    args = ("--color", "never", "timeline", "--from", "2025-10-30", "--to", "2025-10-30", "--format", "table")
    short = run(*args, env={"COLUMNS": "120"})
    full = run(*args, "--full", env={"COLUMNS": "120"})
    assert short.exit_code == full.exit_code == 0, full.stderr
    assert "Sources differ" not in short.stdout
    assert 'Sources differ on length: Livemint says "100-minute"' in flat(full.stdout)
    piped = run("timeline", "--from", "2025-10-30", "--to", "2025-10-30", "--full")
    us_china = line_with(piped.stdout, "US-China summit").split("\t")
    assert "sources differ on length, venue and date" in us_china


def test_the_book_says_where_sources_differ(tmp_path: Path) -> None:
    book = tmp_path / "book.md"
    result = run("export", "markdown", "-c", "united-states", "-o", str(book))
    assert result.exit_code == 0, result.stderr
    text = book.read_text(encoding="utf-8")
    # Once under the week's timeline and once on the country's page.
    assert text.count("Sources differ on length: Livemint says") >= 2
    assert "of GDP (low confidence; one source)" in text


def test_agreements_say_how_sure_each_figure_is_in_the_table_and_in_json() -> None:
    table = run("--color", "never", "agreements", "united-states", "--format", "table", env={"COLUMNS": "160"})
    assert table.exit_code == 0, table.stderr
    assert "Defence spending target: 3.5% of GDP (low confidence; one source)" in flat(table.stdout)
    result = run("agreements", "united-states", "--format", "json")
    records = json.loads(result.stdout)
    commitments = next(r for r in records if r["id"] == "korea-us-defence-commitments")
    assert (commitments["source_count"], commitments["low_confidence"]) == (2, False)
    target = next(f for f in commitments["figures"] if f["label"] == "Defence spending target")
    assert (target["source_count"], target["low_confidence"]) == (1, True)
