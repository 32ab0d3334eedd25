"""Exports a delegation carries: the calendar parsed back and compared with the data, the briefing book in
Markdown and HTML (checked in a real browser), and atomic writes with --output."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import icalendar
import pytest
from conftest import run, run_mini

from summitcli.datafiles import bundled_data_dir
from summitcli.dataset import load

DATASET = load([bundled_data_dir()], use_cache=False)


def calendar(*args: str, mini: bool = False) -> icalendar.Calendar:
    result = (run_mini if mini else run)("export", "ics", *args)
    assert result.exit_code == 0, result.stderr
    return icalendar.Calendar.from_ical(result.stdout)


def test_calendar_round_trips_every_dated_event() -> None:
    events = {str(e["UID"]): e for e in calendar().walk("VEVENT")}
    dated = {e.id: e for e in DATASET.events if e.date}
    assert set(events) == {f"{event_id}@summit-cli" for event_id in dated}
    topics = {t.id: t.name for t in DATASET.topics}
    for event_id, record in dated.items():
        entry = events[f"{event_id}@summit-cli"]
        start = entry.decoded("DTSTART")
        assert str(entry["SUMMARY"]) == record.title
        if record.start:
            assert isinstance(start, dt.datetime) and start.tzinfo is not None
            assert str(start.tzinfo) == record.tz and start.strftime("%H:%M") == record.start
        else:
            assert type(start) is dt.date and start == record.date
            # An event over several days (the UAE state visit, 17-19 Nov) ends after its last day.
            assert entry.decoded("DTEND") == (record.end_date or record.date) + dt.timedelta(days=1)
        location = str(entry.get("LOCATION", ""))
        assert all(part in location for part in (record.venue, record.city) if part)
        categories = [str(c) for c in entry["CATEGORIES"].cats] if record.topics else []
        assert categories == [topics[t] for t in record.topics]
        description = str(entry["DESCRIPTION"])
        for outcome in (o for o in DATASET.outcomes if o.event == event_id):
            assert outcome.title in description
        assert all(ref in description for ref in record.sources)


def test_timed_events_keep_their_local_zone_and_the_calendar_defines_it() -> None:
    cal = calendar()
    zones = {e.tz for e in DATASET.events if e.date and e.start}
    assert zones, "the bundled data has timed events"
    assert {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")} == zones


def test_calendar_times_and_length_on_the_fixture() -> None:
    events = {str(e["UID"]): e for e in calendar(mini=True).walk("VEVENT")}
    assert set(events) == {"kr-ca@summit-cli", "kr-nz@summit-cli"}, "the undated dinner is left out"
    summit = events["kr-ca@summit-cli"]
    assert summit.decoded("DTSTART") == dt.datetime(2025, 10, 30, 10, 0, tzinfo=summit.decoded("DTSTART").tzinfo)
    assert summit.decoded("DTEND") - summit.decoded("DTSTART") == dt.timedelta(minutes=45)
    assert "Defence partnership (partnership, established)" in str(summit["DESCRIPTION"])
    assert str(summit["LOCATION"]) == "HICO | hall [bold]A[/bold], Gyeongju, South Korea"


def test_calendar_uids_are_stable_and_country_filtered() -> None:
    first = sorted(str(e["UID"]) for e in calendar().walk("VEVENT"))
    assert first == sorted(str(e["UID"]) for e in calendar().walk("VEVENT"))
    canada = {str(e["UID"]) for e in calendar("--country", "canada").walk("VEVENT")}
    expected = {f"{e.id}@summit-cli" for e in DATASET.events if e.date and "CA" in e.parties}
    assert canada == expected and "korea-canada-2025-10-30@summit-cli" in canada


def country_headings(text: str) -> list[str]:
    return re.findall(r"^## South Korea – (.+)$", text, flags=re.M)


def test_markdown_book_has_every_country_and_every_part() -> None:
    book = run("export", "markdown").stdout
    rows = [row.split("\t") for row in run("countries").stdout.splitlines()]
    names = [row[1] for row in rows]  # a country that is a party itself keeps its own name, whatever APEC calls it
    assert "Taiwan" in names and "Chinese Taipei" not in book
    # North Korea has nothing but one plan: a line in a list, not a page.
    assert country_headings(book) == [name for name in names if name != "North Korea"]
    listed = book.split("\n## Countries without a page\n")[1].split("\n## ")[0]
    assert "- North Korea: planned:" in listed
    for part in ("## Contents", "## Timeline", "## Agreements", "## Follow-up tracker", "## Countries and topics"):
        assert f"\n{part}\n" in book
    lines = book.rstrip().splitlines()
    last = max(i for i, line in enumerate(lines) if re.match(r"\d+\. ", line))
    assert all(line.startswith("   ") for line in lines[last + 1 :]), "the book ends with its numbered sources"
    assert "(#south-korea--canada)" in book, "contents link to GitHub's heading anchors"


def test_markdown_book_limited_to_some_countries() -> None:
    book = run("export", "markdown", "--country", "canada", "-c", "뉴질랜드").stdout
    assert country_headings(book) == ["Canada", "New Zealand"]
    assert "Korea-Australia summit" not in book


def test_html_book_is_one_self_contained_file() -> None:
    page = run("export", "html").stdout
    assert page.startswith("<!DOCTYPE html>")
    for external in ("<script", "<link", "<img", "src=", "@import", "url("):
        assert external not in page
    assert "@media print" in page and "break-before: page" in page
    assert page.count('<section id="country-') == len(run("countries").stdout.splitlines()) - 1  # not North Korea


def test_brief_format_html_is_one_country_page() -> None:
    page = run("brief", "canada", "--format", "html").stdout
    assert page.startswith("<!DOCTYPE html>") and "Korea-Canada summit" in page
    assert 'id="sources"' in page and "<nav" not in page


def _browser() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(_browser() is None, reason="no Chromium on this machine (.ci/run installs Debian's chromium)")
def test_html_book_in_a_real_browser(tmp_path: Path) -> None:
    book = tmp_path / "book.html"
    assert run("export", "html", "--output", str(book)).exit_code == 0
    flags = [_browser() or "", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
    dom = subprocess.run(
        [*flags, f"--user-data-dir={tmp_path / 'profile-dom'}", "--dump-dom", book.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
    ).stdout
    codes = [row.split("\t")[0] for row in run("countries").stdout.splitlines() if row.split("\t")[0] != "KP"]
    for code in codes:
        assert f'<section id="country-{code.lower()}"' in dom
    assert '<section id="timeline"' in dom and "Korea-Canada summit" in dom
    pdf = tmp_path / "book.pdf"
    subprocess.run(
        [
            *flags,
            f"--user-data-dir={tmp_path / 'profile-pdf'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            book.as_uri(),
        ],
        capture_output=True,
        timeout=180,
    )
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))
    assert pages > len(codes), f"one page or more per country when printed, got {pages}"


def test_output_writes_atomically_and_keeps_the_old_file_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "book.md"
    assert run_mini("export", "markdown", "-o", str(target)).exit_code == 0
    good = target.read_text(encoding="utf-8")
    assert "## South Korea – Canada" in good
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    result = run_mini("export", "markdown", "-c", "nz", "-o", str(target))
    assert result.exit_code != 0
    assert target.read_text(encoding="utf-8") == good
    assert sorted(p.name for p in target.parent.iterdir()) == ["book.md"], "no temporary file left behind"


def test_output_into_a_missing_directory_is_one_line_exit_1(tmp_path: Path) -> None:
    result = run_mini("export", "ics", "-o", str(tmp_path / "nope" / "week.ics"))
    assert result.exit_code == 1
    assert "cannot write" in result.stderr and len(result.stderr.splitlines()) == 1


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
