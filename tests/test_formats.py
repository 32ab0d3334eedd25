"""Exact output of every command in every pipe format, on the small fixture dataset.

Expected outputs live in tests/golden/; each was read and checked by hand when written. To refresh after an
intended change: SUMMIT_REGOLD=1 pytest tests/test_formats.py, then review the diff before committing.
"""

from __future__ import annotations

import json
import os

import pytest
from conftest import ROOT, run_mini

GOLDEN = ROOT / "tests" / "golden"
FORMATS = ["table", "plain", "json", "jsonl", "csv", "tsv", "markdown", "html"]
COMMANDS = {
    "brief": ["brief", "canada", "--as-of", "2026-01-01"],
    "brief-sources": ["brief", "nz", "--sources"],
    "timeline": ["timeline"],
    "agreements": ["agreements"],
    "agreements-ca": ["agreements", "CA"],
    "countries": ["countries"],
    "topics": ["topics"],
    "topics-minerals": ["topics", "critical-minerals"],
    "followups": ["followups", "--as-of", "2026-01-01"],
    "followups-due": ["followups", "--due-before", "2026-12-31", "--as-of", "2026-01-01"],
    "quotes": ["quotes"],
    "quotes-luxon": ["quotes", "--speaker", "luxon"],
    "people": ["people"],
    "search": ["search", "minerals"],
    "sources": ["sources"],
    "sources-src-a": ["sources", "src-a"],
    "matrix": ["matrix"],
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", COMMANDS)
def test_exact_output(name: str, fmt: str) -> None:
    """`table` is what a 100-column terminal shows, colour aside (CliRunner's stdout is not a terminal)."""
    result = run_mini(*COMMANDS[name], "--format", fmt, env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.stderr
    if name != "followups-due":  # says on stderr what it could not place (test_dates.py)
        assert result.stderr == ""
    golden = GOLDEN / f"{name}.{fmt}"
    if os.environ.get("SUMMIT_REGOLD"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


def test_auto_format_in_a_pipe_is_plain() -> None:
    assert run_mini("timeline").stdout == run_mini("timeline", "--format", "plain").stdout


def test_json_is_one_document_and_jsonl_one_object_per_line() -> None:
    brief = json.loads(run_mini("brief", "canada", "-f", "json").stdout)
    lines = [json.loads(line) for line in run_mini("brief", "canada", "-f", "jsonl").stdout.splitlines()]
    sections = [key for key, value in brief.items() if isinstance(value, list)]
    assert [{k: v for k, v in line.items() if k != "section"} for line in lines] == [
        record for key in sections for record in brief[key]
    ]
    assert [line["section"] for line in lines] == [key for key in sections for _ in brief[key]]
    assert {line["section"] for line in lines} >= {
        "counterparts",
        "meetings",
        "outcomes",
        "quotes",
        "context",
        "followups",
        "plans",
        "sources",
    }
    rows = json.loads(run_mini("timeline", "-f", "json").stdout)
    assert [json.loads(line) for line in run_mini("timeline", "-f", "jsonl").stdout.splitlines()] == rows


def test_unknown_is_null_in_json_and_not_reported_in_plain() -> None:
    rows = json.loads(run_mini("timeline", "-f", "json").stdout)
    dinner = next(r for r in rows if r["id"] == "kr-ca-dinner")
    assert dinner["date"] is None and dinner["venue"] is None and dinner["start"] is None
    plain = run_mini("timeline").stdout.splitlines()
    # a meeting's date and venue are facts a reader expects; a time or a note are not
    assert plain[-1].startswith("not reported\t\tdinner\tDinner\\twith\\ntabs\tnot reported\t")


def test_tabs_and_newlines_in_values_are_escaped_in_tsv_and_plain() -> None:
    for fmt in ("tsv", "plain"):
        out = run_mini("timeline", "-f", fmt).stdout
        assert "Dinner\\twith\\ntabs" in out
        assert len({line.count("\t") for line in out.splitlines()}) == 1  # every line as many columns as the first


def test_undated_events_come_last_and_plans_that_changed_are_marked() -> None:
    rows = json.loads(run_mini("timeline", "-f", "json").stdout)
    assert [r["id"] for r in rows] == ["kr-ca", "kr-nz", "kr-ca-dinner"]
    assert rows[0]["plans_changed"] == ["p1"]
    assert "plan changed: Meet in Seoul" in run_mini("timeline", "-f", "plain").stdout.splitlines()[0]


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        (["--from", "2025-10-31"], ["kr-nz"]),
        (["--from", "2025-11-01"], []),
        (["--to", "2025-10-30"], ["kr-ca"]),
        (["--kind", "dinner"], ["kr-ca-dinner"]),
        (["--topic", "defence"], ["kr-ca"]),
        (["--country", "canada"], ["kr-ca", "kr-ca-dinner"]),
    ],
)
def test_timeline_filters(args: list[str], ids: list[str]) -> None:
    rows = json.loads(run_mini("timeline", *args, "-f", "json").stdout)
    assert [r["id"] for r in rows] == ids


def test_agreements_filters() -> None:
    assert json.loads(run_mini("agreements", "--status", "established", "-f", "json").stdout)[0]["id"] == "kr-ca-pact"
    rows = json.loads(run_mini("agreements", "--kind", "partnership", "-f", "json").stdout)
    assert [r["id"] for r in rows] == ["kr-ca-pact"]


def test_agreements_sources_lists_the_cited_sources() -> None:
    out = run_mini("agreements", "canada", "--sources", "-f", "tsv").stdout.splitlines()
    assert out[0] == "id\tpublication\ttitle\tdate\turl\tfile\tconfidence\tnote"
    assert out[1] == "src-a\tDaily A\tLeaders meet\t2025-10-30\thttps://a.example/1\t\tH\t"
    assert out[2] == "src-b\tWeekly B\t\t\t\t\tM\t"
    plain = run_mini("agreements", "canada", "--sources").stdout.splitlines()
    assert plain[0] == "src-a\tDaily A · 30 Oct 2025 · high confidence · “Leaders meet” · https://a.example/1"


def test_export_json_is_the_whole_model() -> None:
    data = json.loads(run_mini("export", "json").stdout)
    assert data["meta"] == {"title": "Mini week", "home": "KR", "description": None}
    assert [e["id"] for e in data["events"]] == ["kr-ca", "kr-ca-dinner", "kr-nz"]
    assert data["outcomes"][0]["figures"][0]["amount"] == 60000000000000


def test_markup_in_data_is_printed_literally() -> None:
    assert "HICO \\| hall \\[bold\\]A\\[/bold\\]" in run_mini("timeline", "-f", "markdown").stdout
    assert "HICO | hall [bold]A[/bold]" in run_mini("brief", "canada", "-f", "plain").stdout


def test_every_format_a_user_can_name_has_one_renderer() -> None:
    """Adding a format is one renderer and one registration: a format without one fails here, not in a user's run."""
    from summitcli.output import Format
    from summitcli.output.formats import RENDERERS
    from summitcli.output.writers import RECORD_WRITERS

    assert set(RENDERERS) == {f for f in Format if f is not Format.auto}
    assert {Format(name) for name in RECORD_WRITERS} == {Format.json, Format.jsonl, Format.csv, Format.tsv}
