"""`summit export sqlite`: the dataset as relational tables for SQL users, Datasette and DuckDB.

Every record kind is a table keyed by its id; lists inside records (parties, participants, figures, topics,
sources) are link tables with foreign keys and an index on every foreign key. Events, outcomes, quotes, facts,
follow-ups and plans share one id namespace (a follow-up's origin may be any of them), so `records` lists those
ids with their kind and the link tables point at it. Dates are ISO text, amounts are numbers.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from summitcli import model
from summitcli.commands import Settings

SCHEMA_SQL = """
CREATE TABLE dataset (
    title TEXT NOT NULL,
    home TEXT NOT NULL REFERENCES countries(code),
    description TEXT
);
CREATE TABLE countries (
    code TEXT PRIMARY KEY,  -- ISO 3166-1 alpha-2
    name TEXT NOT NULL
);
CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    publication TEXT,
    title TEXT,
    date TEXT,  -- YYYY-MM-DD
    url TEXT,
    file TEXT,
    confidence TEXT NOT NULL,
    note TEXT
);
CREATE TABLE topics (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT
);
CREATE TABLE people (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    title TEXT,
    country TEXT REFERENCES countries(code),
    organization TEXT,
    aliases TEXT NOT NULL,  -- JSON array of text
    confidence TEXT NOT NULL
);
CREATE TABLE records (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL  -- event, outcome, quote, fact, followup, plan
);
CREATE TABLE events (
    id TEXT PRIMARY KEY REFERENCES records(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    date TEXT,
    start TEXT,  -- HH:MM local time in tz
    "end" TEXT,
    tz TEXT,
    duration_minutes INTEGER,
    duration_note TEXT,
    venue TEXT,
    city TEXT,
    country TEXT REFERENCES countries(code),
    atmosphere TEXT,
    summary TEXT,
    notes TEXT NOT NULL,  -- JSON array of text
    confidence TEXT NOT NULL
);
CREATE TABLE outcomes (
    id TEXT PRIMARY KEY REFERENCES records(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    status TEXT NOT NULL,
    date TEXT,
    event_id TEXT REFERENCES events(id),
    summary TEXT,
    confidence TEXT NOT NULL
);
CREATE TABLE figures (
    id INTEGER PRIMARY KEY,
    outcome_id TEXT NOT NULL REFERENCES outcomes(id),
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    value TEXT NOT NULL,  -- as the sources give it
    amount REAL,  -- the machine-readable amount, in unit
    unit TEXT,
    confidence TEXT
);
CREATE TABLE quotes (
    id TEXT PRIMARY KEY REFERENCES records(id),
    speaker_id TEXT NOT NULL REFERENCES people(id),
    text TEXT NOT NULL,
    date TEXT,
    event_id TEXT REFERENCES events(id),
    confidence TEXT NOT NULL
);
CREATE TABLE facts (
    id TEXT PRIMARY KEY REFERENCES records(id),
    text TEXT NOT NULL,
    confidence TEXT NOT NULL
);
CREATE TABLE followups (
    id TEXT PRIMARY KEY REFERENCES records(id),
    title TEXT NOT NULL,
    origin_id TEXT NOT NULL REFERENCES records(id),
    cadence TEXT,
    due TEXT,
    due_note TEXT,
    status TEXT NOT NULL,
    status_date TEXT,
    summary TEXT,
    confidence TEXT NOT NULL
);
CREATE TABLE plans (
    id TEXT PRIMARY KEY REFERENCES records(id),
    changed INTEGER NOT NULL,  -- 0 or 1
    planned TEXT NOT NULL,
    planned_date TEXT,
    planned_place TEXT,
    actual TEXT NOT NULL,
    actual_event_id TEXT REFERENCES events(id),
    confidence TEXT NOT NULL
);
CREATE TABLE disputes (
    id INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL REFERENCES records(id),
    position INTEGER NOT NULL,
    field TEXT NOT NULL,
    note TEXT NOT NULL
);
CREATE TABLE parties (  -- the countries of each record: parties, or a quote's or fact's countries
    record_id TEXT NOT NULL REFERENCES records(id),
    country TEXT NOT NULL REFERENCES countries(code),
    position INTEGER NOT NULL,
    PRIMARY KEY (record_id, country)
);
CREATE TABLE participants (
    event_id TEXT NOT NULL REFERENCES events(id),
    person_id TEXT NOT NULL REFERENCES people(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (event_id, person_id)
);
CREATE TABLE record_topics (
    record_id TEXT NOT NULL REFERENCES records(id),
    topic_id TEXT NOT NULL REFERENCES topics(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (record_id, topic_id)
);
CREATE TABLE citations (  -- exactly one of record_id, person_id, figure_id, dispute_id is set
    id INTEGER PRIMARY KEY,
    source_id TEXT NOT NULL REFERENCES sources(id),
    record_id TEXT REFERENCES records(id),
    person_id TEXT REFERENCES people(id),
    figure_id INTEGER REFERENCES figures(id),
    dispute_id INTEGER REFERENCES disputes(id),
    role TEXT NOT NULL,  -- record; status (a follow-up's status); actual (what happened to a plan)
    position INTEGER NOT NULL,
    CHECK ((record_id IS NOT NULL) + (person_id IS NOT NULL) + (figure_id IS NOT NULL)
           + (dispute_id IS NOT NULL) = 1)
);
"""


def _index_sql(connection: sqlite3.Connection) -> list[str]:
    """An index on every foreign key column that does not already lead a key's index (named table_column)."""
    statements = []
    tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        leading = {
            connection.execute(f'PRAGMA index_info("{index[1]}")').fetchone()[2]
            for index in connection.execute(f"PRAGMA index_list({table})")
        }
        for fk in connection.execute(f"PRAGMA foreign_key_list({table})").fetchall():
            column = fk[3]
            if column not in leading:
                statements.append(f'CREATE INDEX "{table}_{column}" ON {table}("{column}")')
    return statements


# Each record table: its columns, and the record field each is read from where the names differ.
COLUMNS: dict[str, tuple[str | tuple[str, str], ...]] = {
    "sources": ("id", "publication", "title", "date", "url", "file", "confidence", "note"),
    "topics": ("id", "name", "description"),
    "people": ("id", "name", "title", "country", "organization", "aliases", "confidence"),
    "events": (
        "id", "kind", "title", "date", "start", "end", "tz", "duration_minutes", "duration_note", "venue", "city",
        "country", "atmosphere", "summary", "notes", "confidence",
    ),
    "outcomes": ("id", "kind", "title", "status", "date", ("event_id", "event"), "summary", "confidence"),
    "quotes": ("id", ("speaker_id", "speaker"), "text", "date", ("event_id", "event"), "confidence"),
    "facts": ("id", "text", "confidence"),
    "followups": (
        "id", "title", ("origin_id", "origin"), "cadence", "due", "due_note", "status", "status_date", "summary",
        "confidence",
    ),
    "plans": (
        "id", "changed", "planned", "planned_date", "planned_place", "actual", ("actual_event_id", "actual_event"),
        "confidence",
    ),
}  # fmt: skip
# The tables whose ids share one namespace, with the kind `records` gives them.
RECORD_KINDS = {
    "events": "event",
    "outcomes": "outcome",
    "quotes": "quote",
    "facts": "fact",
    "followups": "followup",
    "plans": "plan",
}


def _value(value: Any) -> Any:
    """A field as SQLite stores it: dates as ISO text, booleans as 0 or 1, lists of text as a JSON array."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


def _row(record: Any, columns: Sequence[str | tuple[str, str]]) -> dict[str, Any]:
    pairs = [(c, c) if isinstance(c, str) else c for c in columns]
    return {column: _value(getattr(record, field)) for column, field in pairs}


def _insert(connection: sqlite3.Connection, table: str, rows: Iterable[dict[str, Any]]) -> None:
    rows = list(rows)
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f'"{c}"' for c in columns)
    sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' for _ in columns)})"
    connection.executemany(sql, [tuple(row[c] for c in columns) for row in rows])


class _Writer:
    """Fills the link tables as the records are read; numbers the rows that have no id of their own."""

    def __init__(self) -> None:
        self.links: dict[str, list[dict[str, Any]]] = {
            name: [] for name in ("records", "participants", "figures", "disputes", "parties", "record_topics")
        }
        self.citations: list[dict[str, Any]] = []

    def cite(self, refs: Sequence[str], role: str = "record", **owner: Any) -> None:
        base = {"record_id": None, "person_id": None, "figure_id": None, "dispute_id": None}
        for position, ref in enumerate(refs):
            self.citations.append({**base, **owner, "source_id": ref, "role": role, "position": position})

    def record(self, record: Any, kind: str) -> None:
        """What every record of the id namespace has: its kind, countries, topics, disputes and sources."""
        links = self.links
        links["records"].append({"id": record.id, "kind": kind})
        countries = getattr(record, "parties", None) or getattr(record, "countries", None) or []
        links["parties"] += [{"record_id": record.id, "country": c, "position": i} for i, c in enumerate(countries)]
        topics = getattr(record, "topics", None) or []
        links["record_topics"] += [{"record_id": record.id, "topic_id": t, "position": i} for i, t in enumerate(topics)]
        for position, dispute in enumerate(getattr(record, "disputes", None) or []):
            number = len(links["disputes"]) + 1
            links["disputes"].append(
                {
                    "id": number,
                    "record_id": record.id,
                    "position": position,
                    "field": dispute.field,
                    "note": dispute.note,
                }
            )
            self.cite(dispute.sources, dispute_id=number)
        self.cite(record.sources, record_id=record.id)
        if isinstance(record, model.Event):
            links["participants"] += [
                {"event_id": record.id, "person_id": p, "position": i} for i, p in enumerate(record.participants)
            ]
        elif isinstance(record, model.Outcome):
            for position, figure in enumerate(record.figures):
                number = len(links["figures"]) + 1
                links["figures"].append(
                    {
                        "id": number,
                        "outcome_id": record.id,
                        "position": position,
                        "label": figure.label,
                        "value": figure.value,
                        "amount": figure.amount,
                        "unit": figure.unit,
                        "confidence": figure.confidence,
                    }
                )
                self.cite(figure.sources, figure_id=number)
        elif isinstance(record, model.Followup):
            self.cite(record.status_sources, role="status", record_id=record.id)
        elif isinstance(record, model.Plan):
            self.cite(record.actual_sources, role="actual", record_id=record.id)

    def write(self, db: sqlite3.Connection, data: model.Dataset) -> None:
        from summitcli.countries import country_name

        codes = {data.meta.home}
        for table in ("people", *RECORD_KINDS):
            for record in getattr(data, table):
                codes.update(getattr(record, "parties", None) or getattr(record, "countries", None) or [])
                if country := getattr(record, "country", None):
                    codes.add(country)
        _insert(db, "countries", ({"code": c, "name": country_name(c)} for c in sorted(codes)))
        meta = data.meta
        _insert(db, "dataset", [{"title": meta.title, "home": meta.home, "description": meta.description}])
        for table in ("sources", "topics", "people"):
            _insert(db, table, (_row(r, COLUMNS[table]) for r in getattr(data, table)))
        for person in data.people:
            self.cite(person.sources, person_id=person.id)
        for table, kind in RECORD_KINDS.items():
            for record in getattr(data, table):
                self.record(record, kind)
        _insert(db, "records", self.links["records"])
        for table in RECORD_KINDS:
            _insert(db, table, (_row(r, COLUMNS[table]) for r in getattr(data, table)))
        for table in ("participants", "figures", "disputes", "parties", "record_topics"):
            _insert(db, table, self.links[table])
        _insert(db, "citations", ({"id": i, **c} for i, c in enumerate(self.citations, 1)))


def database_bytes(data: model.Dataset, scratch: Path) -> bytes:
    """The dataset as a SQLite database file, built at `scratch` (a path that does not exist yet).

    A scratch file needs no journal and no sync; indexes are made after the rows (faster than kept up row by row).
    The loader has checked every reference, so keys are not re-checked on insert (tests run foreign_key_check)."""
    connection = sqlite3.connect(scratch)
    try:
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        connection.executescript(SCHEMA_SQL)
        with connection:
            _Writer().write(connection, data)
            for statement in _index_sql(connection):
                connection.execute(statement)
    finally:
        connection.close()
    return scratch.read_bytes()


def export_sqlite(settings: Settings, *, output: Path | None) -> None:
    import tempfile

    from summitcli.dataset import load
    from summitcli.errors import UsageError
    from summitcli.output import stdout_is_terminal
    from summitcli.output.target import deliver_bytes

    if output is None and stdout_is_terminal():
        raise UsageError("a SQLite database is binary: give --output PATH, or redirect stdout to a file")
    data = load(settings.paths(), use_cache=settings.use_cache)
    with tempfile.TemporaryDirectory(prefix="summit-sqlite-") as scratch:
        deliver_bytes(database_bytes(data, Path(scratch) / "export.db"), output)
