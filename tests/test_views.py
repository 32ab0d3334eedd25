"""Each command's view as a reader meets it (issue 12): a brief that leads with its key points, an agenda, tables
that stay tables at 80 columns, typed records in machine formats, filters that refuse what the data lacks, and a
pager only where one helps."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import pty
import re
import select
import subprocess
import sys
from collections.abc import Iterator

import pytest
from conftest import FIXTURE, ROOT, run, run_mini, subprocess_env, summit_cmd
from rich.cells import cell_len

from summitcli.output.text_document import marker_text
from summitcli.phrases import span

TERMINAL = {"TTY_COMPATIBLE": "1"}
LIST_COMMANDS = [
    ["timeline"],
    ["agreements"],
    ["followups"],
    ["countries"],
    ["sources"],
    ["people"],
    ["quotes"],
    ["search", "submarine"],
    ["topics"],
    ["matrix"],
]
JSON_COMMANDS = [
    *LIST_COMMANDS,
    ["brief", "canada"],
    ["brief", "united-states"],
    ["brief", "china"],
    ["people", "carney"],
    ["sources", "asiae-post-summit"],
    ["topics", "defence"],
]


def screen(*args: str, columns: int = 100) -> list[str]:
    """What a terminal of `columns` shows, escapes removed."""
    result = run(*args, env={**TERMINAL, "COLUMNS": str(columns)})
    assert result.exit_code == 0, result.stderr
    return strip(result.stdout).splitlines()


def strip(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m|\x1b\]8;;[^\x1b]*\x1b\\", "", text)


def test_the_first_screen_of_a_brief_holds_the_counterpart_the_meeting_and_the_headline_outcomes() -> None:
    first = "\n".join(screen("brief", "canada")[:25])
    assert "Mark Carney, Prime Minister" in first
    assert "Thu 30 Oct 2025" in first
    assert "Security and Defence Cooperation Partnership" in first
    assert "Agreement on the Protection of Military and Defence Classified Information" in first


# With open items; the briefs of APEC members also hold its outcomes and sessions, with their sources.
@pytest.mark.parametrize(("country", "most"), [("canada", 150), ("united-states", 290)])
def test_a_brief_fits_its_length(country: str, most: int) -> None:
    assert len(screen("brief", country)) <= most


def test_a_short_brief_says_what_it_left_out_and_full_shows_it() -> None:
    short, full = "\n".join(screen("brief", "united-states")), "\n".join(screen("brief", "united-states", "--full"))
    said = re.findall(r"and (\d+) more quotes, shown with --full", short)
    assert said, "a short brief counts the quotes it leaves out and names the command that shows them"
    quotes = json.loads(run("brief", "united-states", "-f", "json").stdout)["quotes"]
    shown = short.split("Quotes", 1)[1].split("\n\n", 1)[0].count("“")
    assert shown + int(said[0]) == len(quotes) == full.split("Quotes", 1)[1].split("\n\n", 1)[0].count("“")
    assert "--full" not in full and len(full.splitlines()) > len(short.splitlines())
    # the context a short brief keeps is about the country, never a fact about the whole week
    assert "Before and after the APEC summit Lee held meetings" in full
    assert "Before and after the APEC summit Lee held meetings" not in short
    # the facts a short brief keeps come in the dataset's order: what changes a reading of the week first
    assert "Scott Bessent attended instead" in " ".join(short.split())
    for country in ("australia", "philippines", "thailand"):  # one left out is one "quote", one "fact"
        text = "\n".join(screen("brief", country))
        assert not re.search(r"\b1 (more )?(quotes|facts|plans)\b", text), country


def test_machine_formats_have_every_record_whatever_the_view() -> None:
    for fmt in ("json", "jsonl", "csv"):
        assert run("brief", "china", "-f", fmt).stdout == run("brief", "china", "-f", fmt, "--full").stdout


def test_outcomes_the_home_country_is_not_party_to_are_set_apart() -> None:
    brief = json.loads(run("brief", "china", "-f", "json").stdout)
    outcomes_apart = [record for record in brief["outcomes_elsewhere"] if "parties" in record]
    assert outcomes_apart, "the US-China Busan arrangements are China's with others"
    assert all("KR" not in record["parties"] for record in outcomes_apart)
    assert all("KR" in record["parties"] for record in brief["outcomes"])
    lines = screen("brief", "china", "--full")
    apart = next(i for i, line in enumerate(lines) if line.startswith("China with others"))
    assert lines[apart + 1].strip() == "South Korea is not a party to these."
    assert any("US-China Busan trade arrangements" in line for line in lines[apart + 2 :])
    short = screen("brief", "china")
    apart = next(i for i, line in enumerate(short) if line.startswith("China with others"))
    assert short[apart + 1].strip() == "2 events, 2 outcomes and 4 quotes without South Korea, shown with --full"
    assert not any("Busan trade arrangements" in line for line in short)
    # the Korea-China summit is China's meeting with Korea; the US-China summit is another encounter
    meeting = next(line for line in lines if line.startswith("Meeting"))
    assert "1 Nov 2025" in meeting


def test_a_field_a_record_cannot_have_is_never_shown_and_unknown_facts_say_so() -> None:
    text = "\n".join(screen("brief", "canada"))
    assert "due not reported" in text  # a due date is a fact a reader expects
    context = text.split("Context", 1)[1].split("\n\n", 1)[0]
    assert "not reported" not in context  # a context fact has no date, time or status to report


def test_sources_are_listed_once_numbered_with_the_whole_address_on_a_line_of_its_own() -> None:
    lines = screen("brief", "canada", columns=80)
    sources = lines[lines.index(next(line for line in lines if line.startswith("Sources"))) :]
    urls = [line.strip() for line in sources if line.strip().startswith("http")]
    assert urls and len(urls) == len(set(urls))
    assert any(len(url) > 80 for url in urls)  # longer than the window, still whole
    numbers = [int(m) for line in sources for m in re.findall(r"^\s+\[(\d+)\]", line)]
    assert numbers == list(range(1, len(numbers) + 1))


def test_the_timeline_is_an_agenda_a_heading_a_day() -> None:
    lines = screen("timeline", columns=80)
    assert all(cell_len(line) <= 80 for line in lines if not line.lstrip().startswith("http"))
    days = [line for line in lines if re.match(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d+ \w+ \d{4}", line)]
    assert days[0].startswith("Sun 26 Oct 2025") and "Wed 29 Oct 2025" in days[2]
    korea_us = next(line for line in lines if "Korea-US summit" in line)
    assert korea_us.startswith("  14:39–16:06  ")  # start and end; the zone once, in the day's heading
    assert "Wed 29 Oct 2025 · KST" in days[2]
    after = lines[lines.index(korea_us) + 1 :]
    # The analysts' expectation of a trade deal is an expectation, not a plan that changed (issue 22).
    assert any(line.startswith("               expected: The key question") for line in after[:4])
    assert not any("plan changed" in line for line in after[:12])
    assert not any("┃" in line for line in lines)


@pytest.mark.parametrize("args", LIST_COMMANDS, ids=lambda a: "-".join(a))
def test_lists_stay_tables_or_agendas_at_80_columns(args: list[str]) -> None:
    lines = screen(*args, columns=80)
    assert all(cell_len(line) <= 80 for line in lines if not line.lstrip().startswith("http"))
    # a block per row starts a line with a column's header followed by its value; tables and agendas never do
    headers = {"Date", "Status", "Outcome", "Commitment", "Due", "Code", "Country", "Name", "Title", "Kind", "Record"}
    blocks = [line for line in lines if line.split("  ")[0] in headers and "┃" not in line and "│" not in line]
    assert not blocks, blocks[:3]


def test_brief_json_carries_figures_as_numbers_with_units() -> None:
    brief = json.loads(run("brief", "canada", "-f", "json").stdout)
    assert brief["country"] == "CA" and brief["country_name"] == "Canada"
    meeting = brief["meetings"][0]
    assert meeting["date"] == "2025-10-30" and meeting["city"] == "Gyeongju" and meeting["start"] is None
    china = json.loads(run("brief", "china", "-f", "json").stdout)
    figures = [f for outcome in china["outcomes"] for f in outcome["figures"]]
    assert {"amount": 70000000000000, "unit": "KRW"}.items() <= next(f for f in figures if f["unit"] == "KRW").items()


@pytest.mark.parametrize("args", JSON_COMMANDS, ids=lambda a: "-".join(a))
def test_no_json_output_holds_display_text(args: list[str]) -> None:
    strings = list(_strings(json.loads(run(*args, "-f", "json").stdout)))
    assert strings
    assert not [s for s in strings if "not reported" in s and len(s) < 40], "display text for an unknown value"
    assert not [s for s in strings if re.search(r"^[a-z]+: [^;]*; [a-z]+: ", s)], "a packed `label: value; …` string"


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def test_a_country_is_its_code_in_every_command_with_its_name_beside_it() -> None:
    agreements = json.loads(run("agreements", "canada", "-f", "json").stdout)
    assert {(r["country"], r["country_name"]) for r in agreements} == {("CA", "Canada")}
    brief = json.loads(run("brief", "canada", "-f", "json").stdout)
    assert brief["country"] == "CA"
    assert all(
        len(code) == 2 for r in json.loads(run("search", "submarine", "-f", "json").stdout) for code in r["countries"]
    )


def test_brief_csv_has_a_section_column_and_the_union_of_the_sections_fields() -> None:
    rows = list(csv.DictReader(io.StringIO(run("brief", "canada", "-f", "csv").stdout)))
    assert {r["section"] for r in rows} >= {"counterparts", "meetings", "outcomes", "sources"}
    assert next(r for r in rows if r["id"] == "korea-canada-security-defence-partnership")
    china = list(csv.DictReader(io.StringIO(run("brief", "china", "-f", "csv").stdout)))
    swap = next(r for r in china if r["id"] == "korea-china-currency-swap")
    assert json.loads(swap["figures"])[0]["amount"] == 70000000000000
    assert any(r["url"].startswith("https://") for r in rows if r["section"] == "sources")


def test_brief_in_a_pipe_is_the_same_document_without_colour_boxes_or_wrapping() -> None:
    plain = run("brief", "canada").stdout
    assert "\x1b" not in plain and "━" not in plain and "│" not in plain
    # the dinner of 29 Oct, the meeting of 30 Oct, the APEC outcomes of 1 Nov (Canada is a member)
    assert plain.splitlines()[0] == "South Korea – Canada · briefing · 29 Oct – 1 Nov 2025"
    long = [line for line in plain.splitlines() if len(line) > 120]
    assert long, "a fact is one line however long, for grep"
    assert any(line.startswith("Counterpart  Mark Carney") for line in plain.splitlines())


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["agreements", "--status", "signd"], "'signed'"),
        (["agreements", "--kind", "partnershp"], "'partnership'"),
        (["agreements", "--topic", "defense"], "'defence'"),
        (["timeline", "--kind", "dinnr"], "'dinner'"),
        (["timeline", "--topic", "minerals"], "critical-minerals"),
        (["followups", "--status", "plannd"], "'planned'"),
    ],
)
def test_a_filter_value_no_record_has_is_refused_with_a_suggestion(args: list[str], hint: str) -> None:
    result = run(*args)
    assert result.exit_code == 2 and result.stdout == ""
    assert "Did you mean" in result.stderr or "Topics:" in result.stderr
    assert hint in result.stderr


def test_a_filter_value_the_model_allows_but_no_record_has_is_refused_too() -> None:
    result = run_mini("agreements", "--status", "signed")
    assert result.exit_code == 2 and "In the dataset: announced, established" in result.stderr


def test_completion_offers_the_filter_values_the_data_has(tmp_path) -> None:
    env = subprocess_env(XDG_CACHE_HOME=str(tmp_path / "cache"), SUMMIT_DATA=str(FIXTURE))
    subprocess.run(summit_cmd("countries"), capture_output=True, env=env, check=True, timeout=60)
    for words, offered in (("agreements --status ", ["announced", "established"]), ("timeline --kind d", ["dinner"])):
        complete = {**env, "_SUMMIT_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": f"summit {words}"}
        done = subprocess.run(summit_cmd(), capture_output=True, text=True, env=complete, timeout=60)
        assert re.findall(r'"([a-z-]+)"', done.stdout) == offered  # what the data has, not all the model allows


# ---- the pager -----------------------------------------------------------------------------------------------


def _in_a_terminal(args: list[str], rows: int, **env: str) -> str:
    """Run summit on a pseudo-terminal `rows` high with a pager that marks what it is given."""
    import fcntl
    import struct
    import termios

    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", rows, 100, 0, 0))
    process = subprocess.Popen(
        summit_cmd("--data", str(FIXTURE), *args),
        stdin=child,
        stdout=child,
        stderr=child,
        env=subprocess_env(**env),
        close_fds=True,
    )
    os.close(child)
    out = b""
    while True:
        ready, _, _ = select.select([main], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    process.wait(timeout=30)
    os.close(main)
    return out.decode("utf-8", "replace")


PAGER = f"{sys.executable} -c \"import sys; print('<<PAGED>>'); sys.stdout.write(sys.stdin.read())\""


def test_the_pager_takes_output_taller_than_the_terminal() -> None:
    out = _in_a_terminal(["brief", "canada"], rows=10, SUMMIT_PAGER=PAGER)
    assert "<<PAGED>>" in out and "Mark Carney" in out


def test_no_pager_for_output_that_fits_or_with_no_pager() -> None:
    assert "<<PAGED>>" not in _in_a_terminal(["brief", "canada"], rows=200, SUMMIT_PAGER=PAGER)
    assert "<<PAGED>>" not in _in_a_terminal(["--no-pager", "brief", "canada"], rows=10, SUMMIT_PAGER=PAGER)
    assert "Mark Carney" in _in_a_terminal(["brief", "canada"], rows=10, SUMMIT_PAGER="")


def test_never_a_pager_in_a_pipe() -> None:
    done = subprocess.run(
        summit_cmd("--data", str(FIXTURE), "brief", "canada", "-f", "table"),
        capture_output=True,
        text=True,
        env=subprocess_env(SUMMIT_PAGER=PAGER, LINES="5", COLUMNS="100"),
        timeout=60,
    )
    assert done.returncode == 0 and "<<PAGED>>" not in done.stdout and "Mark Carney" in done.stdout


def test_the_pager_order_is_summit_pager_then_pager_then_less(monkeypatch: pytest.MonkeyPatch) -> None:
    from summitcli.output.pager import pager_command

    monkeypatch.setenv("SUMMIT_PAGER", "most")
    monkeypatch.setenv("PAGER", "more")
    assert pager_command() == "most"
    monkeypatch.delenv("SUMMIT_PAGER")
    assert pager_command() == "more"
    monkeypatch.setenv("PAGER", "cat")
    assert pager_command() is None


# ---- what a terminal shows, on the bundled data ---------------------------------------------------------------

BUNDLED_GOLDEN = ROOT / "tests" / "golden" / "bundled"
SCREENS = {
    "brief-canada": ["brief", "canada", "--as-of", "2026-12-04"],
    "brief-united-states": ["brief", "united-states", "--as-of", "2026-12-04"],
    "timeline": ["timeline"],
    "agreements": ["agreements"],
    "followups": ["followups", "--as-of", "2026-12-04"],
    "sources": ["sources"],
}


@pytest.mark.parametrize("columns", [80, 120])
@pytest.mark.parametrize("name", SCREENS)
def test_terminal_screens_of_the_bundled_data(name: str, columns: int) -> None:
    """Each golden was read as a reader would before committing. To refresh after an intended change:
    SUMMIT_REGOLD=1 pytest tests/test_views.py, then read the diff."""
    result = run(*SCREENS[name], env={**TERMINAL, "COLUMNS": str(columns), "NO_COLOR": "1", "TERM": "dumb"})
    assert result.exit_code == 0, result.stderr
    golden = BUNDLED_GOLDEN / f"{name}.{columns}.txt"
    if os.environ.get("SUMMIT_REGOLD"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("args", [["agreements"], ["timeline"], ["brief", "united-states"]], ids="-".join)
def test_every_list_or_object_in_a_csv_or_tsv_cell_is_valid_json(args: list[str]) -> None:
    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        out = run(*args, "-f", fmt).stdout
        rows = list(csv.reader(io.StringIO(out), delimiter=delimiter, quoting=csv.QUOTE_MINIMAL))
        cells = [cell for row in rows[1:] for cell in row if cell.startswith(("[", "{"))]
        assert cells and all(json.loads(cell) is not None for cell in cells)
        assert any('\\"' in cell for cell in cells), "a quotation mark inside a value, escaped once (JSON's way)"


def test_filters_take_values_as_the_output_prints_them() -> None:
    signed = json.loads(run("agreements", "--kind", "mou", "-f", "json").stdout)
    assert signed and json.loads(run("agreements", "--kind", "MOU", "-f", "json").stdout) == signed
    printed = run("agreements", "--status", "negotiations concluded", "-f", "json")
    assert printed.exit_code == 0 and json.loads(printed.stdout)[0]["status"] == "negotiations-concluded"
    prefix = run("agreements", "--status", "negotiations")
    assert prefix.exit_code == 2 and "Did you mean 'negotiations-concluded'?" in prefix.stderr


def test_the_home_country_is_not_a_counterpart() -> None:
    result = run("brief", "korea")
    assert result.exit_code == 2 and "South Korea is the home country" in result.stderr and result.stdout == ""


def test_a_date_range_that_cannot_match_is_a_usage_error() -> None:
    result = run("timeline", "--from", "2025-10-31", "--to", "2025-10-29")
    assert result.exit_code == 2 and "--from 2025-10-31 is after --to 2025-10-29" in result.stderr


def test_the_book_has_a_title_page_every_event_and_a_matrix_split_to_fit_a_page() -> None:
    book = run("export", "markdown", env={"SOURCE_DATE_EPOCH": "1767225600"}).stdout
    head = book.split("## Contents")[0]
    assert (
        "Covers 26 Oct 2025" in head
        and "Made 2026-01-01 00:00 UTC" in head
        and "Counterparts: Australia (Anthony Albanese)" in head
    )
    timeline = book.split("## Timeline", 1)[1].split("\n## ", 1)[0]
    for event in ("Korea-ASEAN summit", "APEC Ministerial Meeting", "Korea-Canada summit", "Lee leaves for"):
        assert event in timeline
    matrix = book.split("## Countries and topics", 1)[1].split("\n## ", 1)[0]
    headers = [line for line in matrix.splitlines() if line.startswith("| Country |")]
    assert len(headers) >= 2 and all(line.count("|") <= 2 + 8 + 1 for line in headers)


@pytest.mark.parametrize(
    ("first", "last", "said"),
    [
        ("2025-10-30", "2025-10-30", "30 Oct 2025"),
        ("2025-10-29", "2025-10-30", "29–30 Oct 2025"),
        ("2025-10-29", "2025-11-14", "29 Oct – 14 Nov 2025"),
        ("2025-10-27", "2026-01-05", "27 Oct 2025 – 5 Jan 2026"),
    ],
)
def test_a_span_of_dates_says_each_part_once(first: str, last: str, said: str) -> None:
    assert span(dt.date.fromisoformat(first), dt.date.fromisoformat(last)) == said


@pytest.mark.parametrize(
    ("numbers", "said"),
    [([1], "[1]"), ([1, 2], "[1][2]"), ([2, 3, 6, 7, 8, 9, 10, 11], "[2][3][6–11]"), ([5, 35, 36, 37], "[5][35–37]")],
)
def test_three_markers_in_a_row_read_as_a_range(numbers: list[int], said: str) -> None:
    assert marker_text(numbers) == said
