"""`summit export sqlite`: the dataset as relational tables for SQL users, Datasette and DuckDB.

Every record kind is a table keyed by its id; lists inside records (parties, participants, figures, topics,
sources) are link tables with foreign keys and an index on every foreign key. Events, outcomes, quotes, facts,
follow-ups and plans share one id namespace (a follow-up's origin may be any of them), so `records` lists those
ids with their kind and the link tables point at it. Dates are ISO text, amounts are numbers.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from summitcli import model

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


def _date(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _json(values: Sequence[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def _insert(connection: sqlite3.Connection, table: str, rows: Iterable[dict[str, Any]]) -> None:
    rows = list(rows)
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f'"{c}"' for c in columns)
    sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' for _ in columns)})"
    connection.executemany(sql, [tuple(row[c] for c in columns) for row in rows])


class _Writer:
    """Fills the tables from a dataset; numbers the rows that have no id of their own."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.db = connection
        self.figure_id = 0
        self.dispute_id = 0
        self.citations: list[dict[str, Any]] = []
        self.parties: list[dict[str, Any]] = []
        self.topics: list[dict[str, Any]] = []
        self.disputes: list[dict[str, Any]] = []

    def cite(self, refs: Sequence[str], role: str = "record", **owner: Any) -> None:
        base = {"record_id": None, "person_id": None, "figure_id": None, "dispute_id": None}
        for position, ref in enumerate(refs):
            self.citations.append({**base, **owner, "source_id": ref, "role": role, "position": position})

    def link(self, record: Any, kind: str) -> dict[str, Any]:
        """The shared part of every record of the id namespace: its kind, countries, topics, disputes, sources."""
        countries = getattr(record, "parties", None) or getattr(record, "countries", None) or []
        self.parties += [{"record_id": record.id, "country": c, "position": i} for i, c in enumerate(countries)]
        topics = getattr(record, "topics", None) or []
        self.topics += [{"record_id": record.id, "topic_id": t, "position": i} for i, t in enumerate(topics)]
        for position, dispute in enumerate(getattr(record, "disputes", None) or []):
            self.dispute_id += 1
            self.disputes.append(
                {
                    "id": self.dispute_id,
                    "record_id": record.id,
                    "position": position,
                    "field": dispute.field,
                    "note": dispute.note,
                }
            )
            self.cite(dispute.sources, dispute_id=self.dispute_id)
        self.cite(record.sources, record_id=record.id)
        return {"id": record.id, "kind": kind}

    def write(self, data: model.Dataset) -> None:
        from summitcli.countries import country_name

        db = self.db
        codes = {data.meta.home}
        every: list[list[Any]] = [data.people, data.events, data.outcomes, data.quotes, data.facts, data.followups]
        for kind in [*every, data.plans]:
            for record in kind:
                codes.update(getattr(record, "parties", None) or getattr(record, "countries", None) or [])
                if country := getattr(record, "country", None):
                    codes.add(country)
        _insert(db, "countries", ({"code": c, "name": country_name(c)} for c in sorted(codes)))
        meta = data.meta
        _insert(db, "dataset", [{"title": meta.title, "home": meta.home, "description": meta.description}])
        _insert(
            db,
            "sources",
            (
                {
                    "id": s.id,
                    "publication": s.publication,
                    "title": s.title,
                    "date": _date(s.date),
                    "url": s.url,
                    "file": s.file,
                    "confidence": s.confidence,
                    "note": s.note,
                }
                for s in data.sources
            ),
        )
        _insert(db, "topics", ({"id": t.id, "name": t.name, "description": t.description} for t in data.topics))
        people: list[dict[str, Any]] = []
        for p in data.people:
            people.append(
                {
                    "id": p.id,
                    "name": p.name,
                    "title": p.title,
                    "country": p.country,
                    "organization": p.organization,
                    "aliases": _json(p.aliases),
                    "confidence": p.confidence,
                }
            )
            self.cite(p.sources, person_id=p.id)
        _insert(db, "people", people)
        records: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        participants: list[dict[str, Any]] = []
        for e in data.events:
            records.append(self.link(e, "event"))
            events.append(
                {
                    "id": e.id,
                    "kind": e.kind,
                    "title": e.title,
                    "date": _date(e.date),
                    "start": e.start,
                    "end": e.end,
                    "tz": e.tz,
                    "duration_minutes": e.duration_minutes,
                    "duration_note": e.duration_note,
                    "venue": e.venue,
                    "city": e.city,
                    "country": e.country,
                    "atmosphere": e.atmosphere,
                    "summary": e.summary,
                    "notes": _json(e.notes),
                    "confidence": e.confidence,
                }
            )
            participants += [{"event_id": e.id, "person_id": p, "position": i} for i, p in enumerate(e.participants)]
        outcomes: list[dict[str, Any]] = []
        figures: list[dict[str, Any]] = []
        for o in data.outcomes:
            records.append(self.link(o, "outcome"))
            outcomes.append(
                {
                    "id": o.id,
                    "kind": o.kind,
                    "title": o.title,
                    "status": o.status,
                    "date": _date(o.date),
                    "event_id": o.event,
                    "summary": o.summary,
                    "confidence": o.confidence,
                }
            )
            for position, figure in enumerate(o.figures):
                self.figure_id += 1
                figures.append(
                    {
                        "id": self.figure_id,
                        "outcome_id": o.id,
                        "position": position,
                        "label": figure.label,
                        "value": figure.value,
                        "amount": figure.amount,
                        "unit": figure.unit,
                        "confidence": getattr(figure, "confidence", None),
                    }
                )
                self.cite(getattr(figure, "sources", None) or [], figure_id=self.figure_id)
        quotes: list[dict[str, Any]] = []
        for q in data.quotes:
            records.append(self.link(q, "quote"))
            quotes.append(
                {
                    "id": q.id,
                    "speaker_id": q.speaker,
                    "text": q.text,
                    "date": _date(q.date),
                    "event_id": q.event,
                    "confidence": q.confidence,
                }
            )
        facts: list[dict[str, Any]] = []
        for f in data.facts:
            records.append(self.link(f, "fact"))
            facts.append({"id": f.id, "text": f.text, "confidence": f.confidence})
        followups: list[dict[str, Any]] = []
        for u in data.followups:
            records.append(self.link(u, "followup"))
            self.cite(u.status_sources, role="status", record_id=u.id)
            followups.append(
                {
                    "id": u.id,
                    "title": u.title,
                    "origin_id": u.origin,
                    "cadence": u.cadence,
                    "due": _date(u.due),
                    "due_note": u.due_note,
                    "status": u.status,
                    "status_date": _date(u.status_date),
                    "summary": u.summary,
                    "confidence": u.confidence,
                }
            )
        plans: list[dict[str, Any]] = []
        for plan in data.plans:
            records.append(self.link(plan, "plan"))
            self.cite(plan.actual_sources, role="actual", record_id=plan.id)
            plans.append(
                {
                    "id": plan.id,
                    "changed": int(plan.changed),
                    "planned": plan.planned,
                    "planned_date": _date(plan.planned_date),
                    "planned_place": plan.planned_place,
                    "actual": plan.actual,
                    "actual_event_id": plan.actual_event,
                    "confidence": plan.confidence,
                }
            )
        _insert(db, "records", records)
        for table, rows in (
            ("events", events),
            ("participants", participants),
            ("outcomes", outcomes),
            ("figures", figures),
            ("quotes", quotes),
            ("facts", facts),
            ("followups", followups),
            ("plans", plans),
            ("disputes", self.disputes),
            ("parties", self.parties),
            ("record_topics", self.topics),
            ("citations", [{"id": i, **c} for i, c in enumerate(self.citations, 1)]),
        ):
            _insert(db, table, rows)


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
            _Writer(connection).write(data)
            for statement in _index_sql(connection):
                connection.execute(statement)
    finally:
        connection.close()
    return scratch.read_bytes()


def _deliver_bytes(data: bytes, path: Path | None) -> None:
    """Write the finished file to `path` atomically (a temporary file beside it, renamed into place), or to a
    stdout that is not a terminal. The same mechanism as `output.deliver`, for bytes; at merge this becomes the
    shared `deliver_bytes`."""
    import os
    import sys
    import tempfile

    from summitcli.errors import DataError, UsageError
    from summitcli.output import pipe_guard, stdout_is_terminal

    if path is None:
        if stdout_is_terminal():
            raise UsageError("a SQLite database is binary: give --output PATH, or redirect stdout to a file")
        with pipe_guard():
            sys.stdout.buffer.write(data)
        return
    target = path.expanduser()
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".", prefix=f".{target.name}.")
    except OSError as exc:
        raise DataError([f"{path}: cannot write: {exc.strerror or exc}"]) from None
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.fchmod(fd, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        os.unlink(tmp)
        if isinstance(exc, OSError):
            raise DataError([f"{path}: cannot write: {exc.strerror or exc}"]) from None
        raise


def export_sqlite(output: Path | None) -> None:
    import tempfile

    from summitcli.commands import STATE
    from summitcli.datafiles import load

    data = load(STATE.data or None, use_cache=STATE.use_cache)
    with tempfile.TemporaryDirectory(prefix="summit-sqlite-") as scratch:
        _deliver_bytes(database_bytes(data, Path(scratch) / "export.db"), output)
