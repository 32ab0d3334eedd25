"""What an outside reader of `summit brief` and `summit timeline` found wrong (the polish review): a fact listed
twice in Open items, markers said twice, two ways to write a time, a bare bullet for an unknown date, the order of
a day's events, a member's name as its grouping gives it, and `validate` counting other countries than `countries`.
Each test reads what a person sees, on the bundled data and on a dataset whose home country is Japan."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, run

JAPAN = ROOT / "tests" / "fixtures" / "japan"
TERMINAL = {"TTY_COMPATIBLE": "1", "NO_COLOR": "1", "TERM": "dumb"}
DATASETS = {"bundled": (), "japan": ("--data", str(JAPAN))}


def briefed(data: tuple[str, ...]) -> list[str]:
    """Every country `summit countries` lists for a dataset, by slug."""
    listed = run(*data, "countries", "-f", "json")
    assert listed.exit_code == 0, listed.stderr
    return [row["slug"] for row in json.loads(listed.stdout)]


def open_items(data: tuple[str, ...], country: str) -> list[list[str]]:
    """The Open items of a brief as plain text shows them: an entry a list of lines (its head first)."""
    text = run(*data, "brief", country, "--as-of", "2025-12-01", "-f", "plain").stdout
    if "\nOpen items (as of" not in text:
        return []
    block = text[text.index("\nOpen items (as of") + 1 :].split("\n\n")[0]
    entries: list[list[str]] = []
    for line in block.splitlines()[2:]:  # under the heading and its rule
        if line.startswith("  •"):
            entries.append([line[3:].strip()])
        elif entries and line.startswith("   "):
            entries[-1].append(line.strip())
    return entries


def markers(text: str) -> list[int]:
    """The source numbers a line's markers point at, a range `[4–6]` as each of its numbers."""
    found: list[int] = []
    for first, last in re.findall(r"\[(\d+)(?:–(\d+))?\]", text):
        found += range(int(first), int(last or first) + 1)
    return found


def test_canadas_classified_information_agreement_is_one_open_item_with_its_follow_up_under_it() -> None:
    entries = open_items((), "canada")
    heads = [entry[0] for entry in entries]
    assert not any(head.startswith("Entry into force") for head in heads), heads
    agreement = next(e for e in entries if e[0].startswith("Agreement on the Protection of Military"))
    assert agreement[1] == "negotiations concluded · as of 1 Nov 2025"
    assert agreement[2] == (
        "follow-up: Entry into force of the military classified-information agreement"
        " · pending · as of 30 Oct 2025 · due not reported"
    )


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_no_open_item_is_listed_twice_and_a_follow_up_of_an_open_outcome_stands_under_it(dataset: str) -> None:
    """For every country: each open follow-up whose origin is an open outcome of the brief reads as a line under
    that outcome; no title is a head twice, and none is both a head and a follow-up line."""
    data = DATASETS[dataset]
    merged = 0
    for country in briefed(data):
        brief = json.loads(run(*data, "brief", country, "--as-of", "2025-12-01", "-f", "json").stdout)
        outcomes = {r["id"]: r["title"] for r in brief["open_items"] if r["kind"] == "outcome"}
        origin = {f["id"]: f["origin"] for f in brief["followups"]}
        entries = open_items(data, country)
        heads = [e[0] for e in entries]
        followed = [line.removeprefix("follow-up: ") for e in entries for line in e[1:] if line.startswith("follow-up")]
        assert len({re.sub(r" \[.*$", "", h) for h in heads}) == len(heads), (country, heads)
        for item in (r for r in brief["open_items"] if r["kind"] == "followup"):
            if origin[item["id"]] in outcomes:
                merged += 1
                owner = next(e for e in entries if e[0].startswith(outcomes[origin[item["id"]]]))
                assert any(line.startswith(f"follow-up: {item['title']} · ") for line in owner[1:]), owner
                assert not any(h.startswith(item["title"]) for h in heads), (country, heads)
            else:
                assert any(h.startswith(item["title"]) for h in heads), (country, heads)
                assert not any(f.startswith(item["title"]) for f in followed)
    assert merged >= (4 if dataset == "bundled" else 0)  # Canada, Chile, Indonesia, Thailand in the bundled data


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_each_open_item_says_each_of_its_source_markers_once(dataset: str) -> None:
    data = DATASETS[dataset]
    for country in briefed(data):
        for entry in open_items(data, country):
            numbers = [n for line in entry for n in markers(line)]
            assert numbers and len(numbers) == len(set(numbers)), (country, entry)


def agenda(data: tuple[str, ...], columns: int = 100) -> list[str]:
    result = run(*data, "--no-pager", "timeline", "--format", "table", env={**TERMINAL, "COLUMNS": str(columns)})
    assert (result.exit_code, result.stderr) == (0, "")
    return result.stdout.splitlines()


@pytest.mark.parametrize(
    ("dataset", "country", "day", "hours", "zone"),
    [
        ("bundled", "united-states", "Wed 29 Oct 2025", "14:39–16:06", "KST"),
        ("japan", "korea", "Thu 18 Jun 2026", "18:00", "JST"),
    ],
)
def test_a_brief_and_the_timeline_write_a_time_the_same_way(
    dataset: str, country: str, day: str, hours: str, zone: str
) -> None:
    """An en dash between start and end, the zone as the timeline's day heading says it: in the brief's key
    points, in the agenda (the zone once, in the heading) and in the timeline's Markdown and HTML tables."""
    data = DATASETS[dataset]
    brief = run(*data, "brief", country, "-f", "plain").stdout
    meeting = next(line for line in brief.splitlines() if line.startswith("Meeting"))
    assert f"{day} · {hours} {zone} · " in meeting, meeting
    lines = agenda(data)
    heading = next(i for i, line in enumerate(lines) if line.startswith(day))
    assert lines[heading].startswith(f"{day} · {zone} ")
    assert any(line.strip().startswith(f"{hours} ") for line in lines[heading + 1 : heading + 8])
    assert f"| {hours} {zone} |" in run(*data, "timeline", "-f", "markdown").stdout
    assert f"<td>{hours} {zone}</td>" in run(*data, "timeline", "-f", "html").stdout
    assert "Asia/" not in brief and "-" not in hours


def test_scripts_keep_the_time_as_the_data_has_it() -> None:
    """The pipe's time column and the typed fields are data, not the reader's words."""
    rows = [line.split("\t") for line in run("timeline", "-f", "plain").stdout.splitlines()]
    assert next(row for row in rows if row[9] == "korea-us-2025-10-29")[1] == "14:39-16:06 Asia/Seoul"
    event = next(e for e in json.loads(run("timeline", "-f", "json").stdout) if e["id"] == "korea-us-2025-10-29")
    assert (event["start"], event["end"], event["tz"]) == ("14:39", "16:06", "Asia/Seoul")


def section_lines(text: str, heading: str) -> list[str]:
    """A plain-text section's lines under its heading and rule, up to the next blank line."""
    start = text.index(f"\n{heading}\n") + 1
    return text[start:].split("\n\n")[0].splitlines()[2:]


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_a_multilateral_outcome_no_source_dates_says_so_where_the_others_show_their_date(dataset: str) -> None:
    """An undated entry says "date not reported" on its line instead of standing by a bare bullet; its `date` in
    JSON stays null."""
    data = DATASETS[dataset]
    seen = 0
    for country in briefed(data):
        text = run(*data, "brief", country, "-f", "plain").stdout
        if "\nMultilateral outcomes\n" not in text:
            continue
        undated = [
            r
            for r in json.loads(run(*data, "brief", country, "-f", "json").stdout)["outcomes_multilateral"]
            if r["date"] is None
        ]
        lines = section_lines(text, "Multilateral outcomes")[1:]  # under the line that sets them apart
        said = [line for line in lines if " · date not reported [" in line]
        assert len(said) == len(undated), (country, lines)
        assert all(re.match(r"  \d{1,2} [A-Z][a-z]{2} ", line) for line in lines if line not in said), lines
        seen += len(said)
    assert seen or dataset == "japan"  # Chile to host APEC in 2032: no date given, in every APEC member's brief


DAYTIME = re.compile(r"(morning|afternoon|(0\d|1[0-7]):\d\d)\b")
EVENING = re.compile(r"(evening|(1[89]|2\d):\d\d)\b")


@pytest.mark.parametrize("dataset", list(DATASETS))
@pytest.mark.parametrize("columns", [80, 100, 120])
def test_a_days_untimed_events_stand_between_its_daytime_and_its_evening(dataset: str, columns: int) -> None:
    """In every day of the agenda: what the sources place before the evening, then "time not reported" and what
    they do not place, then the evening; never an untimed summit below an evening return or banquet."""
    lines = agenda(DATASETS[dataset], columns)
    lines = lines[: next(i for i, line in enumerate(lines) if line.startswith("Sources"))]  # the days alone
    days = [i for i, line in enumerate(lines) if re.match(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d", line)]
    for start, end in zip(days, [*days[1:], len(lines)], strict=True):
        leads = [line[2:].split(" ")[0] for line in lines[start + 1 : end] if re.match(r"  \S", line)]
        leads = ["•" if lead == "time" else lead for lead in leads]  # the "time not reported" line opens the untimed
        kinds = [0 if DAYTIME.fullmatch(lead) else 2 if EVENING.fullmatch(lead) else 1 for lead in leads]
        assert kinds == sorted(kinds), (lines[start], leads)
        if 1 in kinds and kinds != [1] * len(kinds):
            assert "time not reported" in "\n".join(lines[start + 1 : end])


def test_lee_returns_in_the_evening_after_the_days_untimed_summits_in_the_agenda_and_in_a_pipe() -> None:
    day = agenda(())
    start = day.index(next(line for line in day if line.startswith("Mon 27 Oct 2025")))
    titles = [line.strip() for line in day[start + 1 : start + 8]]
    assert titles[0] == "time not reported" and titles[1].startswith("•            ASEAN+3 summit")
    assert titles[5].startswith("evening      Lee returns to Korea")
    piped = [line.split("\t")[3] for line in run("timeline", "-f", "plain").stdout.splitlines()]
    assert piped.index("Lee returns to Korea") > piped.index("Korea-Malaysia talks") > piped.index("ASEAN+3 summit")
    assert piped.index("Lee leaves for Kuala Lumpur") < piped.index("47th ASEAN Summit")  # in the morning


def test_a_brief_names_a_member_as_the_datasets_grouping_names_it(tmp_path: Path) -> None:
    """APEC's `member_names` gives `Hong Kong, China`: the brief's heading and its words say it; without it, the
    ISO name. The JSON keeps the ISO name in `country_name`, as every command's records do."""
    text = run("brief", "hong-kong", "-f", "plain").stdout
    assert text.startswith("South Korea – Hong Kong, China · briefing")
    assert "not South Korea–Hong Kong, China outcomes." in text
    assert json.loads(run("brief", "hong-kong", "-f", "json").stdout)["country_name"] == "Hong Kong"
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    groupings = data / "groupings.yaml"
    named = '    member_names: {HK: "Hong Kong, China", TW: Chinese Taipei}\n'
    assert named in groupings.read_text(encoding="utf-8")
    groupings.write_text(groupings.read_text(encoding="utf-8").replace(named, ""), encoding="utf-8")
    plain = run("--data", str(data), "brief", "hong-kong", "-f", "plain").stdout
    assert plain.startswith("South Korea – Hong Kong · briefing"), plain[:80]


def test_a_country_that_is_a_party_itself_keeps_its_own_name_in_its_brief() -> None:
    """Taiwan is a party to records of its own: its brief says Taiwan, not APEC's `Chinese Taipei` (a grouping's
    name for a member is for the member seen only through that grouping)."""
    assert run("brief", "taiwan", "-f", "plain").stdout.startswith("South Korea – Taiwan · briefing")


@pytest.mark.parametrize("data", [(), ("--data", str(JAPAN)), ("--data", str(ROOT / "tests" / "fixtures" / "mini"))])
def test_validate_counts_the_countries_that_summit_countries_lists(data: tuple[str, ...]) -> None:
    """The bundled data's North Korea is a party to a plan only: listed by `countries`, so counted by `validate`."""
    summary = run(*data, "validate")
    assert summary.exit_code == 0, summary.stderr
    counted = next(int(line.split("\t")[1]) for line in summary.stdout.splitlines() if line.startswith("countries\t"))
    listed = run(*data, "countries", "-f", "plain").stdout.splitlines()
    assert counted == len(listed) and listed
    if not data:
        assert any(line.startswith("KP\tNorth Korea\t") for line in listed)


def test_open_items_in_json_follow_the_reader_and_keep_each_record_whole() -> None:
    """`open_items` in the order a reader gets them: a follow-up that continues an open outcome right after it,
    `origin` naming it; each item's own sources and count as the record's other sections give them; the due
    date's note (a deadline no date can say) kept."""
    canada = json.loads(run("brief", "canada", "-f", "json").stdout)
    ids = [item["id"] for item in canada["open_items"]]
    for at, item in enumerate(canada["open_items"]):
        if item["kind"] == "followup" and item["origin"] in ids and ids.index(item["origin"]) < at:
            between = canada["open_items"][ids.index(item["origin"]) + 1 : at]
            assert all(other["kind"] == "followup" and other["origin"] == item["origin"] for other in between)
    nested = [i for i in canada["open_items"] if i["kind"] == "followup" and i["origin"] in ids]
    assert nested, "Canada's classified-information agreement and its entry into force"
    followups = {f["id"]: f for f in canada["followups"]}
    for item in (i for i in canada["open_items"] if i["kind"] == "followup"):
        same = followups[item["id"]]
        assert (item["sources"], item["source_count"]) == (same["sources"], same["source_count"])
        assert item["status_sources"] == same["status_sources"]
    us = json.loads(run("brief", "united-states", "-f", "json").stdout)
    notes = {i["id"]: i["due_note"] for i in us["open_items"]}
    assert any(note and "2029" in note for note in notes.values())
