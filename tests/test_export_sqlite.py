"""`summit export sqlite`: a database SQL users can open, answering the questions the CLI answers."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BAD, FIXTURE, ROOT, run, subprocess_env, summit_cmd

from summitcli import model
from summitcli.commands.export_sqlite import prose_tables
from summitcli.dataset import load

TABLES = {  # a table per record list of the model, and these
    *model.RECORD_LISTS, "dataset", "countries", "records", "figures", "disputes", "parties", "participants",
    "record_topics", "citations", "memberships",
}  # fmt: skip

CANADA_OUTCOMES_SQL = """
SELECT o.id, c.source_id
FROM outcomes o
JOIN citations c ON c.record_id = o.id AND c.role = 'record'
WHERE o.id IN (SELECT record_id FROM parties WHERE country = 'CA'
               OR country IN (SELECT grouping_id FROM memberships WHERE member = 'CA'))
ORDER BY o.id, c.position
"""
SIGNED_USD_SQL = """
SELECT sum(f.amount) FROM figures f JOIN outcomes o ON o.id = f.outcome_id
WHERE o.status = 'signed' AND f.unit = 'USD'
"""


@pytest.fixture
def db(tmp_path: Path) -> sqlite3.Connection:
    target = tmp_path / "week.db"
    result = run("export", "sqlite", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    connection = sqlite3.connect(target)
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def test_every_table_is_there_and_every_key_holds(db: sqlite3.Connection) -> None:
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {t for t in tables if "_fts" not in t} == TABLES
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_every_foreign_key_has_an_index(db: sqlite3.Connection) -> None:
    foreign_keys = 0
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        leading = {
            db.execute(f'PRAGMA index_info("{index[1]}")').fetchone()[2]
            for index in db.execute(f"PRAGMA index_list({table})").fetchall()
        }
        for fk in db.execute(f"PRAGMA foreign_key_list({table})").fetchall():
            foreign_keys += 1
            assert fk[3] in leading, f"{table}.{fk[3]} references {fk[2]} without an index"
    assert foreign_keys >= 20


def test_every_record_is_a_row(db: sqlite3.Connection) -> None:
    data = load(None, use_cache=False)
    for table in model.RECORD_LISTS:
        records = getattr(data, table)
        ids = {row[0] for row in db.execute(f"SELECT id FROM {table}")}
        assert ids == {r.id for r in records}, table
    figures = sum(len(o.figures) for o in data.outcomes)
    assert db.execute("SELECT count(*) FROM figures").fetchone()[0] == figures
    participants = sum(len(e.participants) for e in data.events)
    assert db.execute("SELECT count(*) FROM participants").fetchone()[0] == participants


def test_a_due_month_quarter_or_year_is_found_by_its_days(db: sqlite3.Connection, tmp_path: Path) -> None:
    """`due` stays as given; `due_first`/`due_last` let SQL compare days whatever the precision."""
    before = {
        r[0]: r[1:] for r in db.execute("SELECT id, due, due_precision FROM followups WHERE due_last < '2026-01-01'")
    }
    assert before["cambodia-task-force-operations"] == ("2025-11", "month")  # November: found as 1-30 Nov
    assert before["uae-state-visit"] == ("2025-11-17", "day")
    assert "apec-demographic-policy-forum" not in before  # 2026: the whole year, not before 2026
    row = db.execute(
        "SELECT due_first, due_last, due_precision FROM followups WHERE id = 'asean-special-summit-2029'"
    ).fetchone()
    assert row == ("2029-01-01", "2029-12-31", "year")
    undated = db.execute("SELECT count(*) FROM followups WHERE due IS NULL AND due_first IS NULL").fetchone()[0]
    assert undated == db.execute("SELECT count(*) FROM followups WHERE due IS NULL").fetchone()[0] > 0
    target = tmp_path / "week.db"
    assert run("export", "sqlite", "-o", str(target), "--metadata").exit_code == 0
    meta = json.loads((tmp_path / "week.metadata.json").read_text(encoding="utf-8"))
    columns = meta["databases"]["week"]["tables"]["followups"]["columns"]
    assert "last day" in columns["due_last"]


def test_dates_are_iso_and_amounts_numbers(db: sqlite3.Connection) -> None:
    dates = [
        row[0]
        for sql in ("SELECT date FROM events", "SELECT date FROM outcomes", "SELECT due_end FROM followups")
        for row in db.execute(sql)
        if row[0] is not None
    ]
    assert len(dates) > 50
    assert all(len(d) == 10 and db.execute("SELECT date(?)", (d,)).fetchone()[0] == d for d in dates)
    # A due date is as precise as the sources: a day, or a month (2025-11) or year (2029) as given.
    due = {row[0] for row in db.execute("SELECT due FROM followups WHERE due IS NOT NULL")}
    assert {"2025-11", "2029", "2025-11-17"} <= due
    types = {row[0] for row in db.execute("SELECT typeof(amount) FROM figures WHERE amount IS NOT NULL")}
    assert types == {"real"}
    assert {row[0] for row in db.execute("SELECT typeof(duration_minutes) FROM events")} <= {"integer", "null"}
    # The figure the sources give as "$350 billion" comes back as a number SQL can add up.
    amount = db.execute(
        "SELECT amount FROM figures WHERE outcome_id = 'korea-us-trade-deal-details' AND position = 0"
    ).fetchone()[0]
    assert amount == 350_000_000_000


def test_outcomes_with_canada_and_their_sources_match_the_cli(db: sqlite3.Connection) -> None:
    from_sql: dict[str, list[str]] = {}
    for outcome, source in db.execute(CANADA_OUTCOMES_SQL):
        from_sql.setdefault(outcome, []).append(source)
    cli = json.loads(run("agreements", "canada", "--format", "json").stdout)
    assert cli, "the CLI lists Canada's outcomes"
    assert from_sql == {row["id"]: row["sources"] for row in cli}


def test_total_usd_of_signed_outcomes_matches_the_model(db: sqlite3.Connection) -> None:
    total = db.execute(SIGNED_USD_SQL).fetchone()[0]
    signed = {row["id"] for row in json.loads(run("agreements", "--status", "signed", "--format", "json").stdout)}
    data = load(None, use_cache=False)
    expected = sum(f.amount for o in data.outcomes if o.id in signed for f in o.figures if f.unit == "USD" and f.amount)
    assert signed and expected > 0
    assert total == pytest.approx(expected)


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="the sqlite3 command-line shell is not installed")
def test_the_sqlite3_shell_reads_it(tmp_path: Path) -> None:
    target = tmp_path / "week.db"
    done = subprocess.run(summit_cmd("export", "sqlite", "-o", str(target)), env=subprocess_env(), timeout=60)
    assert done.returncode == 0
    shell = subprocess.run(
        ["sqlite3", "-json", str(target), CANADA_OUTCOMES_SQL], capture_output=True, text=True, timeout=60
    )
    assert shell.returncode == 0, shell.stderr
    pairs = [(row["id"], row["source_id"]) for row in json.loads(shell.stdout)]
    cli = json.loads(run("agreements", "canada", "--format", "json").stdout)
    assert pairs == [(row["id"], s) for row in sorted(cli, key=lambda r: r["id"]) for s in row["sources"]]
    total = subprocess.run(["sqlite3", str(target), SIGNED_USD_SQL], capture_output=True, text=True, timeout=60)
    assert float(total.stdout) == sqlite3.connect(target).execute(SIGNED_USD_SQL).fetchone()[0]


def test_a_pipe_gets_the_database_and_a_terminal_gets_an_error(tmp_path: Path) -> None:
    piped = subprocess.run(summit_cmd("export", "sqlite"), capture_output=True, env=subprocess_env(), timeout=60)
    assert piped.returncode == 0
    assert piped.stdout.startswith(b"SQLite format 3\x00")
    terminal = subprocess.run(
        summit_cmd("export", "sqlite"), capture_output=True, env=subprocess_env(TTY_COMPATIBLE="1"), timeout=60
    )
    assert terminal.returncode == 2
    assert terminal.stdout == b""
    assert terminal.stderr.decode().count("\n") == 1 and "--output" in terminal.stderr.decode()


def test_the_same_data_gives_the_same_file_from_the_yaml_or_the_index(tmp_path: Path) -> None:
    first, second, third = (tmp_path / f"{n}.db" for n in ("parsed", "indexed", "no-cache"))
    assert run("export", "sqlite", "-o", str(first)).exit_code == 0  # parses and builds the index
    assert run("export", "sqlite", "-o", str(second)).exit_code == 0  # reads the index
    assert run("--no-cache", "export", "sqlite", "-o", str(third)).exit_code == 0
    assert first.read_bytes() == second.read_bytes() == third.read_bytes()


def test_bad_data_leaves_the_previous_export_in_place(tmp_path: Path) -> None:
    target = tmp_path / "week.db"
    assert run("export", "sqlite", "-o", str(target)).exit_code == 0
    before = target.read_bytes()
    result = run("--data", str(BAD / "wrong_type.yaml"), "export", "sqlite", "-o", str(target))
    assert result.exit_code == 1
    assert "wrong_type.yaml:" in result.stderr and "Traceback" not in result.stderr
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name != "cache"] == ["week.db"]


def test_an_unwritable_target_is_one_line(tmp_path: Path) -> None:
    result = run("export", "sqlite", "-o", str(tmp_path / "missing-dir" / "week.db"))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "cannot write" in result.stderr


def test_the_readme_shows_it() -> None:
    assert "summit export sqlite" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_figures_with_their_own_sources_are_cited(tmp_path: Path) -> None:
    """A figure's own `sources` and `confidence`: each source becomes a citation of the figure."""
    import msgspec

    from summitcli.commands.export_sqlite import database_bytes

    data = load([FIXTURE], use_cache=False)
    outcome = data.outcomes[0]
    figure = msgspec.structs.replace(outcome.figures[0], sources=["src-b", "src-a"], confidence="M")
    changed = msgspec.structs.replace(outcome, figures=[figure])
    data = msgspec.structs.replace(data, outcomes=[changed, *data.outcomes[1:]])
    target = tmp_path / "figures.db"
    target.write_bytes(database_bytes(data, tmp_path / "scratch.db"))
    db = sqlite3.connect(target)
    rows = db.execute(
        "SELECT c.source_id, f.confidence FROM citations c JOIN figures f ON f.id = c.figure_id ORDER BY c.position"
    ).fetchall()
    assert rows == [("src-b", "M"), ("src-a", "M")]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_every_prose_table_has_a_full_text_table_that_finds_its_rows(db: sqlite3.Connection) -> None:
    """`TABLE_fts` over the table's own rows (Datasette's `?_search=`): each row is found by a word of its text."""
    prose = prose_tables()
    assert {"events", "outcomes", "quotes", "facts", "followups", "sources", "people", "figures"} <= set(prose)
    for table, columns in prose.items():
        sql = f'CREATE VIRTUAL TABLE "{table}_fts" USING fts5'
        assert (
            db.execute("SELECT sql FROM sqlite_master WHERE name = ?", (f"{table}_fts",)).fetchone()[0].startswith(sql)
        )
        assert (
            f'content="{table}"'
            in db.execute("SELECT sql FROM sqlite_master WHERE name = ?", (f"{table}_fts",)).fetchone()[0]
        )
        for rowid, text in db.execute(f'SELECT rowid, "{columns[0]}" FROM "{table}" LIMIT 5').fetchall():
            words = [w for w in "".join(c if c.isalnum() else " " for c in text or "").split() if len(w) > 3]
            if not words:
                continue
            found = {
                r[0]
                for r in db.execute(f'SELECT rowid FROM "{table}_fts" WHERE "{table}_fts" MATCH ?', (f'"{words[0]}"',))
            }
            assert rowid in found, (table, words[0])


def test_links_are_labelled_with_the_title_of_what_they_point_at(db: sqlite3.Connection) -> None:
    data = load(None, use_cache=False)
    titles = dict(db.execute("SELECT id, title FROM records"))
    assert {e.id: e.title for e in data.events}.items() <= titles.items()
    assert {q.id: q.text for q in data.quotes}.items() <= titles.items()
    assert {p.id: p.planned for p in data.plans}.items() <= titles.items()


def test_views_give_the_usual_joins(db: sqlite3.Connection) -> None:
    data = load(None, use_cache=False)
    with_countries = dict(db.execute("SELECT id, countries FROM outcomes_with_countries"))
    assert with_countries == {o.id: ", ".join(o.parties) or None for o in data.outcomes}
    origins = {row[0]: row[1:] for row in db.execute("SELECT id, origin_kind, origin_title FROM followups_with_origin")}
    records = {r.id: r for r in (*data.events, *data.outcomes)}
    assert origins == {
        f.id: ("event" if records[f.origin] in data.events else "outcome", records[f.origin].title)
        for f in data.followups
    }
    speakers = dict(db.execute("SELECT id, speaker_name FROM quotes_with_speakers"))
    people = {p.id: p.name for p in data.people}
    assert speakers == {q.id: people[q.speaker] for q in data.quotes}


def test_cited_by_counts_what_summit_sources_counts(db: sqlite3.Connection) -> None:
    """`sources_cited_by.cited_by`: the records (people included) citing a source, each once, as the CLI's
    `cited_by`; `citations` counts rows of the citations table, which may be more."""
    cli = {row["id"]: row["cited_by"] for row in json.loads(run("sources", "--format", "json").stdout)}
    sql = {row[0]: row[1:] for row in db.execute("SELECT id, cited_by, citations FROM sources_cited_by")}
    assert {sid: counts[0] for sid, counts in sql.items()} == cli
    assert all(citations >= cited_by for cited_by, citations in sql.values())
    rows = db.execute("SELECT source_id, count(*) FROM citations GROUP BY source_id").fetchall()
    assert {sid: n for sid, n in rows} == {sid: counts[1] for sid, counts in sql.items() if counts[1]}


def test_a_currency_column_beside_amounts_in_money(db: sqlite3.Connection) -> None:
    rows = db.execute("SELECT unit, currency FROM figures WHERE unit IS NOT NULL").fetchall()
    assert ("USD", "USD") in rows and ("%", None) in rows
    assert all(currency in (unit, None) for unit, currency in rows)
    assert {unit for unit, currency in rows if currency is None} & {"t", "GPUs", "%"}
    totals = dict(db.execute("SELECT currency, sum(amount) FROM figures WHERE currency IS NOT NULL GROUP BY currency"))
    assert set(totals) <= {"USD", "KRW", "JPY", "EUR", "CAD", "AUD", "NZD"} and totals["USD"] > 0


def test_metadata_describes_every_table_and_view_beside_the_database(tmp_path: Path) -> None:
    target = tmp_path / "week.db"
    result = run("export", "sqlite", "-o", str(target), "--metadata")
    assert result.exit_code == 0, result.stderr
    metadata = json.loads((tmp_path / "week.metadata.json").read_text(encoding="utf-8"))
    data = load(None, use_cache=False)
    assert metadata["title"] == data.meta.title
    tables = metadata["databases"]["week"]["tables"]
    with sqlite3.connect(target) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    assert {n for n in names if "_fts" not in n} == set(tables)
    assert all(entry["description"] for entry in tables.values())
    assert tables["figures"]["columns"]["currency"].startswith("ISO 4217")
    refused = run("export", "sqlite", "--metadata")
    assert refused.exit_code == 2 and "--output" in refused.stderr


def test_datasette_searches_and_labels_the_export(tmp_path: Path) -> None:
    pytest.importorskip("datasette")
    target = tmp_path / "week.db"
    assert run("export", "sqlite", "-o", str(target), "--metadata").exit_code == 0

    def get(path: str) -> list[dict]:
        done = subprocess.run(
            [sys.executable, "-m", "datasette", str(target), "--metadata", str(tmp_path / "week.metadata.json"),
             "--get", path],
            capture_output=True, timeout=120, env=subprocess_env(),
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    found = get("/week/events.json?_search=Canada&_shape=array")
    assert found and all("Canada" in (e["title"] + (e["summary"] or "")) for e in found)
    (party,) = get("/week/parties.json?_labels=on&_shape=array&_size=1")
    assert party["record_id"]["label"] and party["record_id"]["label"] != party["record_id"]["value"]
    assert party["country"]["label"]
