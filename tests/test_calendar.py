"""`summit export ics`: a known end or length becomes DTEND, and the same data gives the same calendar bytes."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import icalendar
from conftest import run, subprocess_env, summit_cmd

from summitcli.datafiles import bundled_data_dir
from summitcli.dataset import load
from summitcli.roughlength import minutes

DATASET = load([bundled_data_dir()], use_cache=False)
ZONES = ["Pacific/Auckland", "America/Toronto", "Asia/Seoul", "Europe/Berlin", "Asia/Kuala_Lumpur", "UTC"]


def _events(text: str) -> dict[str, icalendar.Event]:
    return {str(e["UID"]).split("@")[0]: e for e in icalendar.Calendar.from_ical(text).walk("VEVENT")}


def test_timed_events_with_a_known_end_or_length_carry_dtend() -> None:
    result = run("export", "ics")
    assert result.exit_code == 0
    events = _events(result.stdout)
    timed = [e for e in DATASET.events if e.date and e.start]
    assert any(e.end for e in timed)
    for record in timed:
        entry = events[record.id]
        start = entry.decoded("DTSTART")
        if record.end:
            end = entry.decoded("DTEND")
            assert end.strftime("%H:%M") == record.end and end.tzinfo == start.tzinfo and end > start
        elif record.duration_minutes:
            assert entry.decoded("DTEND") - start == dt.timedelta(minutes=record.duration_minutes)
        elif rough := minutes(record.duration_note):
            # A length known only roughly ("about 40 minutes") ends the event there, and says it is approximate.
            assert entry.decoded("DTEND") - start == dt.timedelta(minutes=rough)
            assert f"about {rough} minutes" in str(entry["DESCRIPTION"])
        else:
            # No source gives an end: no invented DTEND, and the description says the end is unknown.
            assert "DTEND" not in entry and "DURATION" not in entry
            assert f"Start: {record.start}; end: not reported" in str(entry["DESCRIPTION"])


def test_an_end_past_midnight_is_the_next_day(tmp_path: Path) -> None:
    data = tmp_path / "late.yaml"
    data.write_text(
        "meta: {title: T, home: KR}\nsources: [{id: s, confidence: H}]\nevents:\n"
        '  - {id: late, kind: dinner, title: Late, date: "2025-10-30", start: "22:30", end: "00:15",'
        " tz: Asia/Seoul, sources: [s], confidence: H}\n",
        encoding="utf-8",
    )
    result = run("--data", str(data), "export", "ics")
    entry = _events(result.stdout)["late"]
    assert entry.decoded("DTEND") - entry.decoded("DTSTART") == dt.timedelta(minutes=105)
    assert "end: not reported" not in str(entry["DESCRIPTION"])


def _many_zones(path: Path) -> Path:
    lines = ["meta: {title: Zones, home: KR}", "sources: [{id: s, confidence: H}]", "events:"]
    for i, zone in enumerate(ZONES):
        lines.append(
            f'  - {{id: e{i}, kind: summit, title: "Meeting {i}", date: "2025-11-0{i + 1}", start: "09:00",'
            f" duration_minutes: 30, tz: {zone}, sources: [s], confidence: H}}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_two_exports_are_byte_identical_but_for_dtstamp(tmp_path: Path) -> None:
    data = _many_zones(tmp_path / "zones.yaml")
    outputs = set()
    for seed in ("0", "1", "2", "3", "4", "5"):  # the order of a set of strings changes with the hash seed
        done = subprocess.run(
            summit_cmd("--no-cache", "--data", str(data), "export", "ics"),
            capture_output=True,
            env=subprocess_env(PYTHONHASHSEED=seed),
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        outputs.add(re.sub(rb"DTSTAMP:[0-9TZ]+\r\n", b"", done.stdout))
    assert len(outputs) == 1


def test_vtimezones_come_first_sorted_by_tzid(tmp_path: Path) -> None:
    data = _many_zones(tmp_path / "zones.yaml")
    calendar = icalendar.Calendar.from_ical(run("--data", str(data), "export", "ics").stdout)
    names = [c.name for c in calendar.subcomponents]
    tzids = [str(c["TZID"]) for c in calendar.subcomponents if c.name == "VTIMEZONE"]
    used = {str(e.decoded("DTSTART").tzinfo) for e in calendar.walk("VEVENT")}
    assert tzids == sorted(tzids) and set(tzids) >= used - {"UTC"}
    assert names == ["VTIMEZONE"] * len(tzids) + ["VEVENT"] * len(ZONES)


def test_every_dataset_validate_accepts_exports_as_a_calendar(tmp_path: Path) -> None:
    """Issue 14, item 10: a folded title ending in a newline, an all-day event on the calendar's last day and
    a long meeting export; a length no meeting has is refused by validate, naming file, line and field."""
    data = tmp_path / "edge.yaml"
    data.write_text(
        "meta:\n  title: >\n    Folded title\n  home: KR\nsources: [{id: s, confidence: H}]\nevents:\n"
        '  - {id: last, kind: summit, title: T, date: "9999-12-31", parties: [KR, CA], sources: [s], confidence: H}\n'
        '  - {id: long, kind: summit, title: L, date: "2025-01-01", start: "10:00", tz: Asia/Seoul,'
        " duration_minutes: 525600, parties: [KR, CA], sources: [s], confidence: H}\n"
    )
    assert run("--data", str(data), "validate").exit_code == 0
    result = run("--data", str(data), "export", "ics")
    assert result.exit_code == 0, result.stderr
    events = _events(result.stdout)
    assert "DTEND" not in events["last"] and events["last"].decoded("DTSTART") == dt.date(9999, 12, 31)
    assert events["long"].decoded("DTEND") - events["long"].decoded("DTSTART") == dt.timedelta(days=365)
    assert "X-WR-CALNAME:Folded title\\n" in result.stdout
    data.write_text(data.read_text().replace("525600", "999999999999"))
    refused = run("--data", str(data), "validate")
    assert refused.exit_code == 1 and "edge.yaml:8:" in refused.stderr and "duration_minutes" in refused.stderr
