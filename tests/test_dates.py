"""Dates against today (issue 22 points 3, 4 and 7; issue 25 point 7): date options as people type them, due
dates as precise as the sources, overdue and open items as of a day, expectations apart from plans, events over
several days."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from conftest import ROOT, run, run_mini

import summitcli

JAPAN = ROOT / "tests" / "fixtures" / "japan"
TASK_FORCE = "cambodia-task-force-operations"


def ids(result: object) -> list[str]:
    return [row["id"] for row in json.loads(result.stdout)]  # type: ignore[attr-defined]


# ---- date options as people type them -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "iso"),
    [
        ("2025-11-15", "2025-11-15"),
        ("today", "2025-11-15"),
        ("yesterday", "2025-11-14"),
        ("tomorrow", "2025-11-16"),
        ("-7d", "2025-11-08"),
        ("+30d", "2025-12-15"),
        ("2w", "2025-11-29"),
        ("saturday", "2025-11-15"),  # 15 Nov 2025 is a Saturday: the latest Saturday is today
        ("friday", "2025-11-14"),
        ("next friday", "2025-11-21"),
        ("last saturday", "2025-11-08"),
        ("Mon", "2025-11-10"),
    ],
)
def test_due_before_reads_dates_as_people_type_them_relative_to_as_of(typed: str, iso: str) -> None:
    """Each form names the same day as the ISO date it stands for, `--as-of` being today."""
    typed_out = run("followups", "--as-of", "2025-11-15", "--due-before", typed, "-f", "json")
    iso_out = run("followups", "--as-of", "2025-11-15", "--due-before", iso, "-f", "json")
    assert typed_out.exit_code == 0, typed_out.stderr
    assert typed_out.stdout == iso_out.stdout


@pytest.mark.parametrize(
    ("typed", "iso"), [("yesterday", "2025-10-30"), ("-2d", "2025-10-29"), ("thursday", "2025-10-30")]
)
def test_timeline_relative_dates_count_from_as_of(typed: str, iso: str) -> None:
    """31 Oct 2025 (a Friday) as today: the same events as the ISO day, on the command line and in the API."""
    relative = run("timeline", "--from", typed, "--to", typed, "--as-of", "2025-10-31", "-f", "json")
    assert relative.exit_code == 0, relative.stderr
    rows = json.loads(relative.stdout)
    assert rows and {r["date"] for r in rows} == {iso}
    api = summitcli.open_dataset().timeline(start=typed, end=typed, as_of=dt.date(2025, 10, 31))
    assert [r["id"] for r in api] == [r["id"] for r in rows]


def test_timeline_dates_are_relative_to_the_day_it_runs(tmp_path: Path) -> None:
    """On a dataset with a meeting today, yesterday and 400 days ago (the bundled week is in the past, where
    `--from today` finds nothing whichever day it means), each typed day finds its own meeting."""
    today = dt.date.today()
    days = {"today": today, "yesterday": today - dt.timedelta(days=1), "-400d": today - dt.timedelta(days=400)}
    events = "".join(
        f'  - {{id: e{n}, kind: bilateral, title: Meeting {n}, date: "{day.isoformat()}", parties: [KR, CA],\n'
        "     sources: [s], confidence: H}\n"
        for n, day in enumerate(days.values())
    )
    data = tmp_path / "week.yaml"
    data.write_text(
        f"meta: {{title: T, home: KR}}\nsources: [{{id: s, confidence: H}}]\nevents:\n{events}", encoding="utf-8"
    )
    for n, (typed, day) in enumerate(days.items()):
        relative = run("--data", str(data), "timeline", "--from", typed, "--to", typed, "-f", "json")
        absolute = run(
            "--data", str(data), "timeline", "--from", day.isoformat(), "--to", day.isoformat(), "-f", "json"
        )
        if dt.date.today() != today:  # run across midnight: the two runs had different todays
            pytest.skip("the day changed during the test")
        assert ids(relative) == ids(absolute) == [f"e{n}"], typed


def test_a_month_or_year_is_its_first_day_after_from_and_its_last_after_to() -> None:
    november = json.loads(run("timeline", "--from", "2025-11", "--to", "2025-11", "-f", "json").stdout)
    days = {row["date"] for row in november}
    assert "2025-11-01" in days and "2025-11-17" in days
    assert all(day.startswith("2025-11") for day in days)
    whole_year = ids(run("timeline", "--from", "2025", "--to", "2025", "-f", "json"))
    assert "korea-china-2026-01-05" not in whole_year and "korea-us-2025-10-29" in whole_year


@pytest.mark.parametrize(
    "args",
    [
        ["timeline", "--from", "30 Oct"],
        ["timeline", "--to", "2025-02-30"],
        ["followups", "--due-before", "next week"],
        ["followups", "--as-of", "soon"],
        ["brief", "cambodia", "--as-of", "2025-13"],
        ["export", "markdown", "--as-of", "someday"],
    ],
)
def test_a_date_that_cannot_be_read_is_refused_with_the_forms_accepted(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "is not a date: use YYYY-MM-DD, YYYY-MM" in result.stderr and "today" in result.stderr
    assert "-7d" in result.stderr and "weekday" in result.stderr


def test_due_within_refuses_what_is_not_a_length() -> None:
    result = run("followups", "--due-within", "soon")
    assert result.exit_code == 2 and "30d, 2w" in result.stderr


# ---- due dates as precise as the sources; overdue as of a day ----------------------------------------------------


def test_the_scam_task_force_is_overdue_today_and_not_as_of_15_november_2025() -> None:
    now = run("followups", "cambodia", "-f", "table", env={"COLUMNS": "100"}).stdout
    assert "November 2025" in now and "overdue" in now
    then = run("followups", "cambodia", "--as-of", "2025-11-15", "-f", "table", env={"COLUMNS": "100"}).stdout
    assert "November 2025" in then and "overdue" not in then
    assert "as of 15 Nov 2025" in then


def test_machine_formats_give_the_due_date_as_given_its_days_and_overdue_as_a_boolean() -> None:
    rows = {r["id"]: r for r in json.loads(run("followups", "--as-of", "2025-12-01", "-f", "json").stdout)}
    task = rows[TASK_FORCE]
    assert (task["due"], task["due_first"], task["due_last"]) == ("2025-11", "2025-11-01", "2025-11-30")
    assert task["due_precision"] == "month" and task["overdue"] is True and task["as_of"] == "2025-12-01"
    visit = rows["uae-state-visit"]
    assert (visit["due_first"], visit["due_last"], visit["overdue"]) == ("2025-11-17", "2025-11-19", False)
    assert rows["philippines-visit-invitation"]["overdue"] is None  # no due date: unknown, not "not overdue"
    assert rows["asean-special-summit-2029"]["due_precision"] == "year"
    table = list(csv.DictReader(io.StringIO(run("followups", "--as-of", "2025-12-01", "-f", "csv").stdout)))
    assert {r["id"]: r["overdue"] for r in table}[TASK_FORCE] == "true"


def test_overdue_lists_only_open_commitments_whose_whole_due_period_is_past() -> None:
    late = run("followups", "--overdue", "--as-of", "2025-12-01", "-f", "json")
    assert ids(late) == [TASK_FORCE]
    assert "with no due date" in late.stderr and len(late.stderr.strip().splitlines()) == 1
    # On 15 Nov the month of November is not over: the task force is not yet overdue.
    assert ids(run("followups", "--overdue", "--as-of", "2025-11-15", "-f", "json")) == []
    # A commitment that is done is never overdue (the UAE visit was due 17-19 Nov and made).
    assert "uae-state-visit" not in ids(run("followups", "--overdue", "--as-of", "2026-06-01", "-f", "json"))


def test_a_month_is_its_whole_month_and_what_cannot_be_placed_is_said_on_stderr() -> None:
    after = run("followups", "--due-before", "2025-12-01", "-f", "json")
    assert TASK_FORCE in ids(after)  # the whole of November is before 1 Dec
    inside = run("followups", "--due-before", "2025-11-15", "-f", "json")
    assert TASK_FORCE not in ids(inside)  # neither dropped silently nor taken as 1 Nov:
    assert f"{TASK_FORCE} (2025-11)" in inside.stderr and "only partly in range" in inside.stderr
    assert len(inside.stderr.strip().splitlines()) == 1
    assert "--due-before 2025-11-15" in inside.stderr


def test_due_within_counts_from_as_of() -> None:
    soon = run("followups", "--due-within", "30d", "--as-of", "2025-11-10", "-f", "json")
    assert ids(soon) == ["uae-state-visit"]  # due 17-19 Nov; November began before 10 Nov
    assert f"{TASK_FORCE} (2025-11)" in soon.stderr
    whole = run("followups", "--due-within", "30d", "--as-of", "2025-11-01", "-f", "json")
    assert set(ids(whole)) == {TASK_FORCE, "uae-state-visit"}  # 1 Nov to 1 Dec holds the whole of November


def test_the_api_leaves_out_what_it_cannot_place_and_the_documented_recipe_finds_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """As README says: the same records as the command, nothing on stderr; the typed fields show what was left."""
    week = summitcli.open_dataset()
    inside = week.followups(due_before="2025-11-15", as_of="2025-11-20")
    assert [r["id"] for r in inside] == ids(run("followups", "--due-before", "2025-11-15", "-f", "json"))
    assert capsys.readouterr().err == ""
    every = week.followups(as_of="2025-11-20")
    undated = [f["id"] for f in every if f["due_first"] is None]
    partly = [f["id"] for f in every if f["due_first"] and f["due_first"] < dt.date(2025, 11, 15) <= f["due_last"]]
    assert TASK_FORCE in partly and undated and not {*undated, *partly} & {r["id"] for r in inside}


def test_the_api_takes_as_of_and_the_filters() -> None:
    week = summitcli.open_dataset()
    late = week.followups(overdue=True, as_of=dt.date(2025, 12, 1))
    assert [r["id"] for r in late] == [TASK_FORCE]
    assert late[0]["due_last"] == dt.date(2025, 11, 30) and late[0]["overdue"] is True
    assert week.followups(overdue=True, as_of="2025-11-15") == []
    assert [r["id"] for r in week.followups(due_within="30d", as_of="2025-11-10")] == ["uae-state-visit"]
    brief = week.brief("cambodia", as_of="2025-12-01")
    # Cambodia is a member of ASEAN: the Korea-ASEAN special summit of 2029 is open for it too, not yet due
    assert [(r["id"], r["overdue"]) for r in brief["open_items"]] == [
        (TASK_FORCE, True),
        ("asean-special-summit-2029", False),
    ]


# ---- open items in the brief -----------------------------------------------------------------------------------


def test_the_brief_has_open_items_right_after_the_key_points() -> None:
    text = run("brief", "cambodia", "--as-of", "2026-12-04", "-f", "plain").stdout
    headings = [line for line in text.splitlines() if re.match(r"^[A-Z].*", line) and "·" not in line]
    assert headings.index("Open items (as of 4 Dec 2026)") < headings.index("Outcomes")
    assert text.index("Open items") < text.index("Follow-ups")
    block = text[text.index("Open items") : text.index("\nOutcomes\n")]
    assert "Start of the joint scam task force's operations" in block
    assert "planned · status date not reported · due November 2025 · overdue" in block
    earlier = run("brief", "cambodia", "--as-of", "2025-11-15", "-f", "plain").stdout
    assert "Open items (as of 15 Nov 2025)" in earlier and "overdue" not in earlier


@pytest.mark.parametrize("fmt", ["plain", "markdown", "html"])
def test_the_briefs_follow_ups_say_overdue_where_the_due_date_is_past(fmt: str) -> None:
    """Not only the open items: the Follow-ups section itself marks it, in the same words in every format."""
    late = run("brief", "cambodia", "--as-of", "2025-12-01", "-f", fmt).stdout
    section = late[late.index("Follow-ups") :]
    line = next(ln for ln in section.splitlines() if "due November 2025" in ln)
    assert re.search(r"due November 2025 · overdue\b", line), line
    early = run("brief", "cambodia", "--as-of", "2025-11-30", "-f", fmt).stdout  # the month is not over yet
    early_line = next(ln for ln in early[early.index("Follow-ups") :].splitlines() if "due November 2025" in ln)
    assert "overdue" not in early and "due November 2025" in early_line


def test_the_follow_ups_table_says_overdue_in_html_and_markdown_and_the_pipe_has_it_as_a_column() -> None:
    html = run("followups", "cambodia", "--as-of", "2025-12-01", "-f", "html").stdout
    assert re.search(r"November 2025\W+overdue", html), html
    assert "overdue" not in run("followups", "cambodia", "--as-of", "2025-11-30", "-f", "html").stdout
    for day, said in (("2025-12-01", "yes"), ("2025-11-30", "no")):
        markdown = run("followups", "cambodia", "--as-of", day, "-f", "markdown").stdout
        assert f"| November 2025 |  | {said} |" in markdown, markdown
    for day, said in (("2025-12-01", "true"), ("2025-11-30", "false")):
        piped = run("followups", "cambodia", "--as-of", day, "-f", "plain", "--fields", "id,overdue").stdout
        assert piped == f"asean-special-summit-2029\tfalse\ncambodia-task-force-operations\t{said}\n"  # ASEAN's too


def test_the_home_side_counts_overdue_from_as_of_alone_and_in_the_book(tmp_path: Path) -> None:
    """The demographic forum is due in 2026: not overdue on 1 Nov 2025, overdue on 1 Jan 2027."""
    forum = "due 2026 · overdue\n\\s*(- )?from: APEC Collaborative Framework"  # the status line, then its origin
    assert not re.search(forum, run("home", "--as-of", "2025-11-01", "-f", "plain").stdout)
    assert re.search(forum, run("home", "--as-of", "2027-01-01", "-f", "plain").stdout)
    out = tmp_path / "book.md"
    assert run("export", "markdown", "-c", "cambodia", "--as-of", "2025-11-01", "-o", str(out)).exit_code == 0
    assert re.search("due 2026\n\\s*(- )?from: APEC", out.read_text(encoding="utf-8"))
    assert run("export", "markdown", "-c", "cambodia", "--as-of", "2027-01-01", "-o", str(out)).exit_code == 0
    assert re.search(forum, out.read_text(encoding="utf-8"))


def test_open_items_hold_open_follow_ups_by_due_date_and_outcomes_not_yet_done() -> None:
    brief = json.loads(run("brief", "canada", "--as-of", "2026-12-04", "-f", "json").stdout)
    items = {r["id"]: r for r in brief["open_items"]}
    assert items["canada-classified-information-entry-into-force"]["status_date"] == "2025-10-30"
    agreement = items["korea-canada-classified-information-agreement"]
    assert (agreement["kind"], agreement["status"]) == ("outcome", "negotiations-concluded")
    assert all(r["as_of"] == "2026-12-04" for r in brief["open_items"])
    done = {f["id"] for f in brief["followups"] if f["status"] == "done"}
    assert not done & set(items)
    chile = json.loads(run("brief", "chile", "-f", "json").stdout)["open_items"]
    assert [r["id"] for r in chile][:1] == ["chile-un-ocean-conference-unga"]  # due Dec 2025 before the undated


def test_open_items_with_another_home_country(tmp_path: Path) -> None:
    text = run("--data", str(JAPAN), "brief", "korea", "--as-of", "2027-01-10", "-f", "plain").stdout
    assert "Open items (as of 10 Jan 2027)" in text
    assert "Shuttle diplomacy, the next visit in Seoul" in text


def test_the_book_counts_open_items_as_of_its_day(tmp_path: Path) -> None:
    out = tmp_path / "book.md"
    result = run("export", "markdown", "-c", "cambodia", "--as-of", "2025-11-15", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    book = out.read_text(encoding="utf-8")
    assert "Open items (as of 15 Nov 2025)" in book and "Open items as of 15 Nov 2025" in book
    assert "overdue" not in book


# ---- plans are plans; events over several days -----------------------------------------------------------------


def test_an_expectation_is_not_a_plan_that_changed() -> None:
    rows = {r["id"]: r for r in json.loads(run("timeline", "-f", "json").stdout)}
    korea_us = rows["korea-us-2025-10-29"]
    assert korea_us["plans_changed"] == [] and korea_us["expectations"] == ["korea-us-trade-deal-expectation"]
    plain = next(line for line in run("timeline").stdout.splitlines() if "korea-us-2025-10-29" in line)
    assert "plan changed" not in plain and "expected: The key question" in plain
    text = run("timeline", "--from", "2025-10-29", "--to", "2025-10-29", "-f", "table").stdout
    assert "plan changed" not in text and "expected: The key question" in text and "what happened:" in text
    brief = run("brief", "us", "--full", "-f", "plain").stdout
    assert "Expected: The key question" in brief and "What happened: Details of the trade deal" in brief


def test_a_schedule_that_changed_still_shows_as_a_plan_that_changed() -> None:
    rows = {r["id"]: r for r in json.loads(run("timeline", "-f", "json").stdout)}
    assert rows["korea-japan-2025-10-30"]["plans_changed"] == ["takaichi-first-meeting-plan"]
    assert "plan changed" in run("timeline", "--from", "2025-10-30", "--to", "2025-10-30", "-f", "table").stdout


def test_the_uae_state_visit_is_three_days_in_the_timeline_follow_ups_brief_and_calendar(tmp_path: Path) -> None:
    agenda = run("timeline", "--from", "2025-11-18", "--to", "2025-11-18", "-f", "table").stdout
    assert "Tue 18 Nov 2025" in agenda and "Lee's state visit to Abu Dhabi · day 2 of 3" in agenda
    assert "korea-uae" not in run("timeline", "--from", "2025-11-20", "-f", "plain").stdout
    assert "17–19 Nov 2025" in run("followups", "uae", "-f", "table").stdout
    assert "\t2025-11-17/2025-11-19\t" in run("followups", "uae", "-f", "plain").stdout  # ISO 8601's interval
    assert "Mon 17 – Wed 19 Nov 2025" in run("brief", "uae", "-f", "plain").stdout
    ics = tmp_path / "week.ics"
    assert run("export", "ics", "-o", str(ics)).exit_code == 0
    text = ics.read_text(encoding="utf-8")
    visit = text[text.index("UID:lee-uae-state-visit-2025-11") - 200 :]
    assert "DTSTART;VALUE=DATE:20251117" in visit and "DTEND;VALUE=DATE:20251120" in visit


# ---- users' data -------------------------------------------------------------------------------------------------

HEAD = """meta: {title: T, home: KR}
sources:
  - {id: s1, confidence: H}
outcomes:
  - {id: o1, kind: mou, title: O, status: signed, parties: [KR, CA], sources: [s1], confidence: H}
"""


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (
            "followups: [{id: f, title: A, origin: o1, parties: [KR], status: planned, due: 2026, sources: [s1], "
            "confidence: H}]",
            'followups[0].due: wrong type: got a whole number (expected a quoted date: due: "2026"',
        ),
        (
            "followups: [{id: f, title: A, origin: o1, parties: [KR], status: planned, due: Nov 2025, sources: [s1], "
            "confidence: H}]",
            "followups[0].due: invalid format (expected a day YYYY-MM-DD, a month YYYY-MM",
        ),
        (
            "followups: [{id: f, title: A, origin: o1, parties: [KR], status: planned, due: '2025-02-30', "
            "sources: [s1], confidence: H}]",
            "followups[0].due: invalid date '2025-02-30'",
        ),
        (
            "followups: [{id: f, title: A, origin: o1, parties: [KR], status: planned, due: '2025-11', "
            "due_end: '2025-11-19', sources: [s1], confidence: H}]",
            "followups[0].due_end: due_end without a due day",
        ),
        (
            "events: [{id: e, kind: bilateral, title: E, date: '2025-11-17', end_date: '2025-11-16', sources: [s1], "
            "confidence: H}]",
            "events[0].end_date: end_date without a date on or before it",
        ),
    ],
)
def test_bad_dates_in_data_are_one_line_naming_file_line_and_field(tmp_path: Path, record: str, message: str) -> None:
    (tmp_path / "a.yaml").write_text(HEAD + record + "\n", encoding="utf-8")
    result = run("--no-cache", "--data", str(tmp_path), "validate")
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines() or result.stdout.strip().splitlines()
    assert any(line.startswith(f"{tmp_path / 'a.yaml'}:6:") and message in line for line in lines), lines


def test_data_written_before_still_validates_and_new_forms_are_read(tmp_path: Path) -> None:
    old = "followups: [{id: f, title: A, origin: o1, parties: [KR, CA], status: planned, due: 2026-06-30, "
    old += "due_note: end of June, sources: [s1], confidence: H}]\n"
    old += "plans: [{id: p, parties: [KR, CA], planned: Meet, actual: Met, actual_sources: [s1], sources: [s1], "
    old += "confidence: H}]\n"
    (tmp_path / "a.yaml").write_text(HEAD + old, encoding="utf-8")
    assert run("--no-cache", "--data", str(tmp_path), "validate").exit_code == 0
    rows = json.loads(run("--data", str(tmp_path), "followups", "-f", "json").stdout)
    assert rows[0]["due"] == "2026-06-30" and rows[0]["due_precision"] == "day"
    quarter = HEAD + old.replace("due: 2026-06-30", "due: '2026-Q2'")
    (tmp_path / "a.yaml").write_text(quarter, encoding="utf-8")
    rows = json.loads(run("--data", str(tmp_path), "followups", "-f", "json").stdout)
    assert (rows[0]["due_first"], rows[0]["due_last"]) == ("2026-04-01", "2026-06-30")
    assert "Q2 2026" in run("--data", str(tmp_path), "followups", "-f", "table").stdout
    assert "\t2026-Q2\t" in run("--data", str(tmp_path), "followups", "-f", "plain").stdout


def test_run_mini_keeps_its_due_filter() -> None:
    """The fixture's one dated commitment (due 30 Jun 2026) is before 1 Jul and not before 30 Jun."""
    assert ids(run_mini("followups", "--due-before", "2026-07", "-f", "json")) == ["fu2"]
    assert ids(run_mini("followups", "--due-before", "2026-06-30", "-f", "json")) == []
