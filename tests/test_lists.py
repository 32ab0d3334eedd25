"""List commands for people and for scripts (issue 25): lists that fit their content in a terminal, sources a line
each, `--sources`, `--fields` and `--header`."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from summitcli.cli import fields_of
from tests.conftest import FIXTURE, run, run_mini

TERMINAL = {"TTY_COMPATIBLE": "1", "NO_COLOR": "1", "TERM": "dumb"}

# What the bundled data's lists may take at 100 columns (issue 25); at 80 columns at most 1.5 times as much.
BUDGET = {
    ("timeline",): 150,
    ("agreements",): 250,
    ("followups",): 150,
    ("quotes",): 250,
    ("people",): 200,
    ("sources",): 320,
    ("search", "submarine"): 80,
}
LISTS = [
    ("timeline",),
    ("agreements",),
    ("followups",),
    ("quotes",),
    ("people",),
    ("sources",),
    ("search", "submarine"),
    ("countries",),
    ("topics",),
    ("matrix",),
]


def table(*args: str, columns: int = 100) -> str:
    result = run("--no-pager", *args, "--format", "table", env={**TERMINAL, "COLUMNS": str(columns)})
    assert (result.exit_code, result.stderr) == (0, "")
    return result.stdout


@pytest.mark.parametrize("command", list(BUDGET), ids=" ".join)
def test_a_list_fits_its_content_at_80_and_100_columns(command: tuple[str, ...]) -> None:
    assert len(table(*command).splitlines()) <= BUDGET[command]
    assert len(table(*command, columns=80).splitlines()) <= BUDGET[command] * 1.5


def test_a_lists_sources_take_a_line_each_publication_date_confidence() -> None:
    lines = table("agreements", columns=80).splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Sources · publication · date · confidence"))
    legend = lines[start + 1 :]
    cited = {n for line in lines[:start] for a, b in re.findall(r"\[(\d+)(?:–(\d+))?\]", line) for n in _run(a, b)}
    assert len(legend) == len(cited)  # one line per source cited, nothing else
    assert all(line.startswith("[") and line.rstrip().endswith(("high", "medium", "low")) for line in legend)
    assert not any("https://" in line for line in legend)  # the address is a link, or whole with --sources


def _run(first: str, last: str) -> range:
    return range(int(first), int(last or first) + 1)


def test_a_sources_publication_links_to_its_address_in_a_terminal_that_takes_links() -> None:
    result = run("--no-pager", "--color", "always", "agreements", "--format", "table", env={"COLUMNS": "100"})
    assert "\x1b]8;;https://" in result.stdout.split("Sources · publication")[1]


def test_a_grouped_table_has_its_header_once() -> None:
    out = table("agreements")
    assert out.count("Status") == 1
    assert "Canada\n" in out and "New Zealand\n" in out  # the groups keep their headings


@pytest.mark.parametrize("command", ["timeline", "agreements", "followups", "quotes", "people"])
def test_sources_prints_the_cited_sources_whole(command: str) -> None:
    out = run("--no-pager", command, "--sources", "--format", "tsv").stdout.splitlines()
    assert out[0].split("\t")[:2] == ["id", "publication"]
    assert len(out) > 2 and all("\thttp" in line for line in out[1:] if "\turl" not in line)


@pytest.mark.parametrize("command", LISTS, ids=" ".join)
@pytest.mark.parametrize("fmt", ["plain", "tsv", "csv", "json", "jsonl"])
def test_fields_selects_record_fields_in_every_format(command: tuple[str, ...], fmt: str) -> None:
    full = json.loads(run(*command, "--format", "json").stdout)
    names = list(full[0])[:2][::-1]  # two fields, in another order than the command's own
    out = run(*command, "--fields", ",".join(names), "--format", fmt)
    assert out.exit_code == 0, out.stderr
    expected = [[record[n] for n in names] for record in full]
    if fmt == "json":
        assert [[r[n] for n in names] for r in json.loads(out.stdout)] == expected
        assert all(list(r) == names for r in json.loads(out.stdout))
    elif fmt == "jsonl":
        assert [list(json.loads(line).values()) for line in out.stdout.splitlines()] == expected
    else:
        rows = list(csv.reader(io.StringIO(out.stdout), delimiter="," if fmt == "csv" else "\t"))
        if fmt != "plain" or command == ("matrix",):  # a grid always has its header row
            assert rows.pop(0) == names
        assert len(rows) == len(full) and all(len(row) == 2 for row in rows)


def test_an_unknown_field_is_refused_with_the_fields_available() -> None:
    out = run_mini("timeline", "--fields", "id,colour")
    assert out.exit_code == 2
    assert "'colour'" in out.stderr and "fields available: id,sources,confidence,kind,title," in out.stderr


def test_header_adds_a_header_row_to_plain_text() -> None:
    lines = run("--data", str(FIXTURE), "quotes", "--fields", "speaker,date", "--header").stdout.splitlines()
    assert lines[0] == "speaker\tdate"
    assert lines[1].split("\t")[1][:4].isdigit()
    assert run_mini("agreements", "--header").stdout.splitlines()[0].startswith("country\t")


def test_completion_offers_the_fields_after_the_last_comma() -> None:
    assert "date" in fields_of("timeline")("da")
    offered = fields_of("timeline")("id,ti")
    assert offered == ["id,title"]


def test_search_in_a_pipe_is_a_hit_a_line_kind_id_title_snippet_countries_date() -> None:
    lines = [line.split("\t") for line in run("search", "submarine").stdout.splitlines()]
    kind, rid, title, snippet, codes, names, date = lines[0][:7]
    assert (kind, rid, title) == ("quote", "trump-submarine-approval", "Donald Trump")
    assert "Submarine" in snippet and title not in snippet
    assert (codes, names, date) == ("US", "United States", "2025-10-30")
    outcome = next(line for line in lines if line[0] == "outcome")
    assert "submarine" in outcome[2] and outcome[3] == ""  # the match is the title: said once


@pytest.mark.parametrize("columns", [80, 100, 120])
def test_search_in_a_terminal_says_each_text_once_and_never_splits_a_marker(columns: int) -> None:
    out = table("search", "submarine", columns=columns)
    for line in out.splitlines():
        assert line.count("[") == line.count("]"), line  # a marker is whole on its line
    assert out.count("Canada is preparing to place orders") == 1
    assert out.count("I have given them approval") == 1
    assert "trump-submarine-approval" in out  # the id, to open the record


def test_a_source_or_person_found_by_search_opens_with_its_id() -> None:
    hits = json.loads(run("search", "submarine", "--format", "json").stdout)
    source = next(hit["id"] for hit in hits if hit["kind"] == "source")
    assert run("sources", source, "--format", "json").exit_code == 0
    person = json.loads(run("search", "carney", "--format", "json").stdout)
    rid = next(hit["id"] for hit in person if hit["kind"] == "person")
    assert json.loads(run("people", rid, "--format", "json").stdout)["person"]["id"] == rid


def _agenda_day(day: str) -> list[str]:
    lines = table("timeline", columns=120).splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(day))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith(" "))
    return lines[start:end]


def test_the_agenda_puts_each_event_where_the_sources_place_it() -> None:
    day = _agenda_day("Wed 29 Oct 2025")
    assert day[0].startswith("Wed 29 Oct 2025 · KST ")  # the zone once a day, in its usual abbreviation
    titles = [line.strip() for line in day[1:] if line.strip()]
    summit = next(i for i, t in enumerate(titles) if "Korea-US summit" in t)
    dinner = next(i for i, t in enumerate(titles) if "Lee's dinner for Trump" in t)
    unplaced = titles.index("time not reported")
    assert titles[summit].startswith("14:39–16:06 ") and "Asia/Seoul" not in titles[summit]
    assert summit < unplaced < dinner and titles[dinner].startswith("evening ")  # the evening ends the day
    assert titles[unplaced + 1].startswith("•") and "APEC CEO Summit" in titles[unplaced + 1]


def test_a_part_of_the_day_from_the_sources_places_an_event_among_the_timed_ones() -> None:
    titles = [line.strip() for line in _agenda_day("Thu 30 Oct 2025")[1:]]
    order = [next(i for i, t in enumerate(titles) if name in t) for name in ("Canada", "Vietnam", "Thailand")]
    assert order == sorted(order)
    assert titles[order[0]].startswith("morning ") and titles[order[1]].startswith("afternoon ")
    gala = _agenda_day("Fri 31 Oct 2025")
    meeting = next(i for i, line in enumerate(gala) if "Leaders' Meeting, day 1" in line)
    assert meeting < next(i for i, line in enumerate(gala) if "Gala Dinner" in line)


def test_the_pipe_lists_events_in_the_agendas_order() -> None:
    titles = [line.split("\t")[3] for line in run("timeline").stdout.splitlines() if line.startswith("2025-10-31")]
    assert titles.index("32nd APEC Economic Leaders' Meeting, day 1") < titles.index(
        "APEC Economic Leaders' Meeting Gala Dinner"
    )


def _contract() -> dict[str, list[str]]:
    """The README's pipe contract: command -> its columns in a pipe, in order."""
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- pipe-contract -->")[1].split("<!-- /pipe-contract -->")[0]
    rows = [line.split("|")[1:3] for line in table.strip().splitlines()[2:]]
    return {command.strip(" `"): columns.strip(" `").split() for command, columns in rows}


CONTRACT_ARGS = {"search": ("search", "summit"), "countries": ("countries",)}


def test_the_readme_documents_every_list_commands_columns() -> None:
    assert set(_contract()) == {args[0] for args in LISTS}


@pytest.mark.parametrize("data", ["bundled", "japan"])
@pytest.mark.parametrize("command", [args[0] for args in LISTS])
def test_the_pipe_prints_the_columns_the_readme_documents(command: str, data: str) -> None:
    """Each line has the documented columns: `--header` names them, and every row has as many."""
    documented = _contract()[command]
    home = () if data == "bundled" else ("--data", str(FIXTURE.parent / "japan"))
    args = (*home, *CONTRACT_ARGS.get(command, (command,)))
    lines = run(*args, "--header").stdout.splitlines()
    header = lines[0].split("\t")
    pattern = [
        {"HOME-LANGUAGE": r"[a-z]+", "TOPIC...": r"(?:[a-z0-9-]+\t)*[a-z0-9-]+"}.get(name, re.escape(name))
        for name in documented
    ]
    assert re.fullmatch("\t".join(pattern), lines[0]), (header, documented)
    assert all(line.count("\t") == len(header) - 1 for line in lines[1:])
    plain = run(*args).stdout.splitlines()
    assert plain == (lines if command == "matrix" else lines[1:])  # --header adds only the header


def test_fields_hold_data_not_display_text() -> None:
    agreements = [line.split("\t") for line in run("agreements").stdout.splitlines()]
    assert not any("not a party" in row[5] for row in agreements)
    assert {row[6] for row in agreements} == {"yes", "no"}
    # code (or a grouping's id), then name
    assert all(
        (len(row[0]) == 2 and row[0].isupper()) or row[0] in {"apec", "asean", "asean-plus-three"} for row in agreements
    )
    followups = [line.split("\t") for line in run("followups").stdout.splitlines()]
    assert not any(row[4].startswith("from:") or row[8].startswith("as of") for row in followups)
    quotes = [line.split("\t") for line in run("quotes").stdout.splitlines()]
    assert all("," not in row[1] and not row[3].startswith("“") for row in quotes)
    canada = next(line.split("\t") for line in run("timeline").stdout.splitlines() if "Korea-Canada summit" in line)
    assert "CA" in canada[6].split(", ") and "Canada" in canada[7].split(", ")  # `grep -i canada` finds it


def test_the_home_languages_column_goes_first_when_the_window_is_narrow() -> None:
    for columns in (80, 100):
        header = table("countries", columns=columns).splitlines()[1]
        assert "Korean" not in header and "Counterparts" in header
    assert "Meeting dates" in table("countries", columns=100).splitlines()[1]
    assert "Korean" in table("countries", columns=150).splitlines()[1]


def test_counterparts_are_listed_by_rank_as_the_brief_lists_them() -> None:
    china = next(line.split("\t") for line in run("countries").stdout.splitlines() if line.startswith("CN\t"))
    assert china[4].index("Xi Jinping") < china[4].index("Dai Bing")  # at the summit; Li Qiang only at ASEAN+3


def test_the_matrix_fits_120_columns_in_one_table() -> None:
    out = table("matrix", columns=120)
    assert out.count("Topic ") == 1 and "┃ US ┃" in out
    assert all(len(line) <= 120 for line in out.splitlines())
    assert table("matrix", columns=80).count("Topic ") == 2  # too narrow: the countries in two tables


def test_help_shows_each_commands_whole_description() -> None:
    out = run("--help", env={"COLUMNS": "100"}).stdout
    commands = " ".join(out.split("Commands:")[1].split())
    assert "..." not in commands and "…" not in commands
    assert "Everything the dataset knows about one country: counterparts, meetings, outcomes, quotes, follow-ups, " in (
        commands
    )


@pytest.mark.parametrize(
    ("kind", "suffix"), [("json", ".json"), ("ics", ".ics"), ("markdown", ".md"), ("html", ".html"), ("sqlite", ".db")]
)
def test_an_export_to_a_terminal_names_the_output_to_use_and_writes_nothing(kind: str, suffix: str) -> None:
    result = run("export", kind, env={"TTY_COMPATIBLE": "1"})
    assert result.exit_code == 2 and result.stdout == ""
    assert f"'summit export {kind} -o south-koreas-summit-week{suffix}'" in result.stderr
    assert result.stderr.count("\n") == 1
    japan = run("--data", str(FIXTURE.parent / "japan"), "export", kind, env={"TTY_COMPATIBLE": "1"})
    assert japan.exit_code == 2 and f"export {kind} -o " in japan.stderr and "south-korea" not in japan.stderr


@pytest.mark.parametrize("kind", ["json", "ics", "markdown", "html"])
def test_an_export_in_a_pipe_or_to_a_file_is_written_as_before(kind: str, tmp_path: Path) -> None:
    assert run("export", kind).stdout  # CliRunner's stdout is not a terminal: a pipe
    target = tmp_path / f"book.{kind}"
    assert run("export", kind, "-o", str(target), env={"TTY_COMPATIBLE": "1"}).exit_code == 0
    assert target.stat().st_size > 0


def test_people_with_no_country_are_not_filed_under_not_reported() -> None:
    out = table("people", "lee")
    assert "Country not given\n" in out and "\nnot reported\n" not in out
    rows = [line.split("\t") for line in run("people", "lee").stdout.splitlines()]
    assert any(row[0] == "" and row[1] == "" for row in rows)  # in a pipe: empty, as any unknown


def test_changes_takes_fields_and_header_too() -> None:
    args = ("changes", "--against", str(FIXTURE))
    full = json.loads(run(*args, "--format", "json").stdout)
    lines = run(*args, "--fields", "id,kind", "--header").stdout.splitlines()
    assert lines[0] == "id\tkind"
    assert lines[1:] == [f"{record['id']}\t{record['kind']}" for record in full]
