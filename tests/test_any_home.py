"""Any user's dataset: a home country other than Korea, calls, a cancelled meeting and the home country's own records.

tests/fixtures/japan is a fictional dataset (marked as such in its files) whose home is Japan, in four files. Every
command runs on it in every format; nothing Korean may appear (no Hangul, no `korean` field or column), the names
of its home's language do, and what concerns Japan alone has a place in the terminal and in the book.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import sqlite3
from pathlib import Path

import icalendar
import pytest
from conftest import ROOT, run

JAPAN = ROOT / "tests" / "fixtures" / "japan"
FORMATS = ["table", "plain", "json", "jsonl", "csv", "tsv", "markdown", "html"]
HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
LISTS = [
    ("brief", "canada"),
    ("brief", "韓国"),
    ("brief", "united-states", "--full"),
    ("brief", "australia"),
    ("brief", "philippines"),
    ("brief", "kr", "--sources"),
    ("timeline",),
    ("timeline", "--from", "2026-06-19", "--to", "2026-06-19"),
    ("agreements",),
    ("agreements", "japan"),
    ("countries",),
    ("topics",),
    ("topics", "energy"),
    ("followups",),
    ("quotes",),
    ("people",),
    ("people", "sato"),
    ("search", "grid"),
    ("sources",),
    ("sources", "ex-notes"),
    ("matrix",),
    ("home",),
]


def japan(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = run("--data", str(JAPAN), *args, env=env)
    return result.exit_code, result.stdout, result.stderr


def assert_not_korean(text: str, where: str) -> None:
    assert not HANGUL.search(text), f"{where}: Hangul {HANGUL.findall(text)[:5]}"
    assert "korean" not in text.casefold(), where


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("args", LISTS, ids=" ".join)
def test_every_command_runs_on_a_japanese_home_and_shows_nothing_korean(args: tuple[str, ...], fmt: str) -> None:
    code, out, err = japan(*args, "--format", fmt, env={"COLUMNS": "100"})
    assert (code, err) == (0, "")
    assert out.strip()
    assert_not_korean(out, f"{' '.join(args)} --format {fmt}")
    if fmt == "json":
        json.loads(out)


@pytest.mark.parametrize(
    "args",
    [("validate",), ("schema",), ("export", "json"), ("export", "ics"), ("export", "markdown"), ("export", "html")],
    ids=" ".join,
)
def test_validate_schema_and_exports_run_on_it(args: tuple[str, ...]) -> None:
    code, out, err = japan(*args, env={"SOURCE_DATE_EPOCH": "1781913600"})
    assert (code, err) == (0, "")
    assert_not_korean(out, " ".join(args))


def test_the_sqlite_export_has_its_records_and_nothing_korean(tmp_path: Path) -> None:
    target = tmp_path / "week.db"
    assert japan("export", "sqlite", "-o", str(target))[0] == 0
    db = sqlite3.connect(target)
    try:
        assert db.execute("SELECT count(*) FROM events").fetchone() == (7,)
        assert db.execute("SELECT kind FROM events WHERE id LIKE '%call%' ORDER BY kind").fetchall() == [("call",)]
        every = [
            str(value)
            for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
            for row in db.execute(f'SELECT * FROM "{table}"').fetchall()
            for value in row
        ]
    finally:
        db.close()
    assert_not_korean("\n".join(every), "export sqlite")


def test_countries_name_the_home_language_column_after_it() -> None:
    table = japan("countries", "--format", "table", env={"COLUMNS": "120"})[1]
    assert re.search(r"Code\s+┃ Country\s+┃ Japanese\s+┃", table)
    assert re.search(r"KR\s+│ South Korea\s+│ 韓国\s+│", table)
    rows = json.loads(japan("countries", "--format", "json")[1])
    assert {row["country"]: row["japanese"] for row in rows}["US"] == "アメリカ合衆国"
    assert all("korean" not in row for row in rows)
    header = japan("countries", "--format", "csv")[1].splitlines()[0]
    assert header.split(",")[:4] == ["country", "country_name", "slug", "japanese"]


def test_an_english_speaking_home_has_no_name_column(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for path in JAPAN.glob("*.yaml"):
        text = path.read_text(encoding="utf-8").replace("home: JP", "home: GB")
        (data / path.name).write_text(text, encoding="utf-8")
    rows = json.loads(run("--data", str(data), "countries", "--format", "json").stdout)
    assert {row["country"] for row in rows} >= {"JP", "KR"}
    assert all(
        set(row) == {"country", "country_name", "slug", "counterparts", "meeting_dates", "meetings", "outcomes"}
        for row in rows
    )
    table = run("--data", str(data), "countries", "--format", "table", env={"COLUMNS": "120"}).stdout
    assert "Korean" not in table and "Japanese" not in table and "English" not in table


@pytest.mark.parametrize(
    ("name", "country"), [("韓国", "South Korea"), ("カナダ", "Canada"), ("アメリカ合衆国", "United States")]
)
def test_names_in_the_home_language_resolve(name: str, country: str) -> None:
    code, out, err = japan("brief", name)
    assert (code, err) == (0, "")
    assert out.startswith(f"Japan – {country} · briefing · ")


def test_the_home_country_named_in_its_own_language_is_the_home_country() -> None:
    code, _, err = japan("brief", "日本")
    assert code == 2 and err.startswith("summit: error: Japan is the home country")


def screen(*args: str, columns: int = 100) -> str:
    """What a terminal of `columns` shows, colour aside."""
    env = {"COLUMNS": str(columns), "TTY_COMPATIBLE": "1", "NO_COLOR": "1", "TERM": "dumb"}
    code, out, err = japan("--no-pager", *args, env=env)
    assert (code, err) == (0, "")
    return out


def test_a_meeting_with_only_a_country_is_placed_in_that_country() -> None:
    lines = screen("timeline").splitlines()
    assert "  •      Japan-Canada summit on the G7 sidelines · France · CA [1]" in lines
    assert "  09:30  Japan-US summit · Hotel Royal, Evian, France · US [1]" in lines
    # at home, the home country goes without saying
    assert "  18:00  Japan-Korea summit · Prime Minister's Office, Tokyo · KR [2]" in lines
    assert "Meeting      Tue 16 Jun 2026 · time and length not reported · France [1]" in screen("brief", "canada")
    plain = {line.split("\t")[9]: line.split("\t") for line in japan("timeline")[1].splitlines()}
    assert plain["japan-canada-2026-06-16"][4:6] == ["not reported", "France"]
    assert plain["japan-us-2026-06-17"][4:6] == ["Hotel Royal", "Evian, France"]
    assert plain["japan-korea-2026-06-18"][4:6] == ["Prime Minister's Office", "Tokyo"]


def test_calls_say_how_they_were_held_and_are_not_meetings_in_person() -> None:
    lines = screen("timeline").splitlines()
    assert "  08:00  Japan-Australia leaders' telephone call · by telephone · AU [3]" in lines
    assert "  •      Japan-France leaders' video call · by video call · FR [3]" in lines
    brief = screen("brief", "australia")
    assert "no bilateral meeting with Japan is recorded" in brief
    assert "19 Jun  Japan-Australia leaders' telephone call · by telephone [1]" in brief
    assert "venue not reported" not in brief
    rows = {row["country"]: row for row in json.loads(japan("countries", "--format", "json")[1])}
    assert (rows["AU"]["meetings"], rows["FR"]["meetings"], rows["US"]["meetings"]) == (0, 0, 1)
    (call,) = [line.split("\t") for line in japan("timeline")[1].splitlines() if "\tcall\t" in line]
    assert call[2:6] == ["call", "Japan-Australia leaders' telephone call", "by telephone", ""]


def ics_events(*args: str) -> dict[str, icalendar.Event]:
    code, out, err = japan("export", "ics", *args, env={"SOURCE_DATE_EPOCH": "1781913600"})
    assert (code, err) == (0, "")
    return {str(e["UID"]).split("@")[0]: e for e in icalendar.Calendar.from_ical(out).walk("VEVENT")}


def test_the_calendar_location_is_the_place_with_its_country() -> None:
    events = ics_events()
    assert str(events["japan-canada-2026-06-16"]["LOCATION"]) == "France"
    assert str(events["japan-korea-2026-06-18"]["LOCATION"]) == "Prime Minister's Office, Tokyo, Japan"
    assert "LOCATION" not in events["japan-australia-call-2026-06-19"]


def test_a_cancelled_meeting_is_on_the_agenda_of_its_day_with_its_sources() -> None:
    lines = screen("timeline", "--from", "2026-06-19", "--to", "2026-06-19", columns=120).splitlines()
    day = lines.index(next(line for line in lines if line.startswith("Fri 19 Jun 2026")))
    cancelled = next(i for i, line in enumerate(lines) if "Cancelled: Sato would stop in Manila" in line)
    assert day < cancelled and lines[cancelled].endswith("· Manila · PH [2]")
    assert lines[cancelled + 1].strip() == (
        "did not take place: The stop was called off the day before; no new date was set. [1]"
    )
    assert any("[2] Example Daily · 16 Jun 2026" in line for line in lines)  # the legend: a line per source
    assert "Manila" not in screen("timeline", "--from", "2026-06-20")
    assert "Manila" not in screen("timeline", "--country", "australia")
    records = json.loads(japan("timeline", "--format", "json")[1])
    (plan,) = [r for r in records if r["cancelled"]]
    assert (plan["id"], plan["date"], plan["kind"], plan["sources"]) == (
        "japan-philippines-visit",
        "2026-06-19",
        None,
        ["ex-daily-0616", "ex-wire-0619"],
    )
    assert [r["date"] for r in records] == sorted(r["date"] for r in records)
    plain = japan("timeline", "--country", "PH")[1].splitlines()
    assert len(plain) == 1 and plain[0].split("\t")[:4] == ["2026-06-19", "", "cancelled", plan["title"]]


def test_the_calendar_marks_the_cancelled_meeting_and_keeps_a_rough_length() -> None:
    events = ics_events()
    plan = events["japan-philippines-visit"]
    assert (str(plan["STATUS"]), plan.decoded("DTSTART")) == ("CANCELLED", dt.date(2026, 6, 19))
    assert "Did not take place: The stop was called off" in str(plan["DESCRIPTION"])
    assert "ex-wire-0619: Example Wire" in str(plan["DESCRIPTION"])
    assert all("STATUS" not in entry for uid, entry in events.items() if uid != "japan-philippines-visit")
    korea = events["japan-korea-2026-06-18"]
    assert korea.decoded("DTEND") - korea.decoded("DTSTART") == dt.timedelta(minutes=20)
    assert "about 20 minutes" in str(korea["DESCRIPTION"]) and "approximate" in str(korea["DESCRIPTION"])
    assert "By telephone" in str(events["japan-australia-call-2026-06-19"]["DESCRIPTION"])
    assert set(ics_events("--country", "australia")) == {"japan-australia-call-2026-06-19"}


def test_source_date_epoch_sets_every_dtstamp() -> None:
    stamps = {entry.decoded("DTSTAMP") for entry in ics_events().values()}
    assert stamps == {dt.datetime(2026, 6, 20, tzinfo=dt.timezone.utc)}


def test_home_shows_what_concerns_the_home_country_alone() -> None:
    shown = screen("home", columns=160)
    assert shown.startswith("Japan on its own · what concerns no other country · 20 Jun 2026\n")
    lines = [" ".join(line.split()) for line in shown.splitlines()]
    for text in (  # [1] is the ministry's readout, the only source and a low-confidence one: each line says so
        "20 Jun Prime Minister's press conference on the trip · Tokyo (low confidence) [1]",
        "20 Jun Clean Grid Initiative of Japan (low confidence) [1]",
        "planned Clean Grid Initiative progress report to the Diet (low confidence) [1]",
        "20 Jun “The grid is our next frontier.” — Aoi Sato, Prime Minister · Prime Minister's press conference on "
        "the trip (low confidence) [1]",
        "• Sato took office on 1 April 2026. [2]",
    ):
        assert text in lines, text
    assert "maritime security" not in shown and "Our neighbours" not in shown
    records = json.loads(japan("home", "--format", "json")[1])
    assert records["home"] == "JP"
    assert [f["id"] for f in records["context"]] == ["sato-took-office"]
    assert [o["id"] for o in records["outcomes"]] == ["japan-clean-grid-initiative"]
    assert {s["id"] for s in records["sources"]} == {"ex-notes", "ex-daily-0616"}


def test_brief_of_the_home_country_points_to_home() -> None:
    code, _, err = japan("brief", "japan")
    assert code == 2 and "'summit home'" in err


def book_text(*args: str) -> str:
    code, out, err = japan("export", "html", *args, env={"SOURCE_DATE_EPOCH": "1781913600"})
    assert (code, err) == (0, "")
    return html.unescape(re.sub(r"<[^>]+>", "", out))


def test_the_book_has_everything_the_commands_list() -> None:
    book = book_text()
    listed = {"agreements": "title", "followups": "title", "quotes": "text", "timeline": "title", "home": None}
    for command, field in listed.items():
        found = json.loads(japan(command, "--format", "json")[1])
        records = found if field else [r for key in ("outcomes", "followups", "context") for r in found[key]]
        assert records, command
        for record in records:
            text = record[field] if field else record.get("title") or record["text"]
            assert text in book, (command, text)
    for fact in json.loads(japan("export", "json")[1])["facts"]:
        assert fact["text"] in book, fact["text"]
    assert "Japan on its own" in book and "Sato took office on 1 April 2026." in book


def test_the_book_of_some_countries_keeps_the_home_country_s_own_side() -> None:
    book = book_text("--country", "canada")
    assert "Clean Grid Initiative progress report to the Diet" in book and "Sato took office" in book
    assert "maritime security" not in book


def test_the_python_api_gives_the_home_country_s_own_side() -> None:
    import summitcli

    own = summitcli.open_dataset(JAPAN).own_side()
    assert own["home_name"] == "Japan"
    assert [f["id"] for f in own["followups"]] == ["japan-grid-report"]
    assert own["context"][0]["text"] == "Sato took office on 1 April 2026."
