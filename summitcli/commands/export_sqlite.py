"""`summit export sqlite`: the dataset as relational tables for SQL users, Datasette and DuckDB.

Every record kind is a table keyed by its id; lists inside records (parties, participants, figures, topics,
sources) are link tables with foreign keys and an index on every foreign key. Events, outcomes, quotes, facts,
follow-ups and plans share one id namespace (a follow-up's origin may be any of them), so `records` lists those
ids with their kind and title (what Datasette labels a link with) and the link tables point at it. Dates are
ISO text, amounts are numbers, with a `currency` column where the unit is an ISO 4217 code. Each table with
prose has a full-text table `TABLE_fts` (FTS5, external content: what Datasette's `?_search=` uses), and views
give the usual joins (`VIEWS`).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import msgspec

from summitcli import model, modelinfo
from summitcli.commands import Settings
from summitcli.query import FACT_KINDS, label
from summitcli.relations import own_countries

# Lists inside records that have a table of their own, by field name (every `sources` or `*_sources` list is a
# citation); any other list is a column of JSON text.
LINKS = {
    "parties": "parties",
    "countries": "parties",
    "participants": "participants",
    "topics": "record_topics",
    "figures": "figures",
    "disputes": "disputes",
}
# The tables of records nested in records: the column that holds the key of their record, and its table.
NESTED_KEYS = {"figures": ("outcome_id", "outcomes"), "disputes": ("record_id", "records")}
LINK_TABLES = """CREATE TABLE parties (  -- the countries of each record: parties, or a quote's or fact's countries
    record_id TEXT NOT NULL REFERENCES records(id),
    country TEXT NOT NULL REFERENCES countries(code),
    position INTEGER NOT NULL,
    PRIMARY KEY (record_id, country)
);
CREATE TABLE memberships (  -- each grouping's members, nested groupings expanded: a party counts for these
    grouping_id TEXT NOT NULL REFERENCES groupings(id),
    member TEXT NOT NULL,  -- an ISO 3166-1 alpha-2 code, or a member's name (Hong Kong, China)
    position INTEGER NOT NULL,
    PRIMARY KEY (grouping_id, member)
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
# The joins every analyst writes. `sources_cited_by.cited_by` counts what `summit sources` counts: the records
# (people included) that cite the source anywhere (their own sources, a status's, a plan's actual ones, their
# figures' and disputes'), each once; `citations` counts the rows of `citations` (a record citing a source for
# its status and for a figure is one record, two citations).
VIEWS = """CREATE VIEW outcomes_with_countries AS  -- each outcome with its countries, in the data's order
SELECT o.*, (SELECT group_concat(country, ', ') FROM (SELECT country FROM parties p WHERE p.record_id = o.id
             ORDER BY p.position)) AS countries
FROM outcomes o;
CREATE VIEW events_with_countries AS  -- each event with its countries, in the data's order
SELECT e.*, (SELECT group_concat(country, ', ') FROM (SELECT country FROM parties p WHERE p.record_id = e.id
             ORDER BY p.position)) AS countries
FROM events e;
CREATE VIEW followups_with_origin AS  -- each follow-up with the kind and title of the record it came from
SELECT f.*, r.kind AS origin_kind, r.title AS origin_title FROM followups f JOIN records r ON r.id = f.origin_id;
CREATE VIEW quotes_with_speakers AS  -- each quote with its speaker's name and country
SELECT q.*, p.name AS speaker_name, p.country AS speaker_country FROM quotes q JOIN people p ON p.id = q.speaker_id;
CREATE VIEW figures_with_outcomes AS  -- each figure with its outcome's title and status
SELECT f.*, o.title AS outcome_title, o.status AS outcome_status FROM figures f JOIN outcomes o ON o.id = f.outcome_id;
CREATE VIEW citations_with_sources AS  -- each citation with what cites and what is cited
SELECT c.id, c.role, c.position, c.source_id, s.publication, s.title AS source_title, s.date AS source_date, s.url,
       coalesce(c.record_id, fo.outcome_id, d.record_id) AS record_id, r.kind AS record_kind,
       r.title AS record_title, c.person_id, c.figure_id, c.dispute_id
FROM citations c JOIN sources s ON s.id = c.source_id
LEFT JOIN figures fo ON fo.id = c.figure_id LEFT JOIN disputes d ON d.id = c.dispute_id
LEFT JOIN records r ON r.id = coalesce(c.record_id, fo.outcome_id, d.record_id);
CREATE VIEW sources_cited_by AS  -- cited_by: the records (people included) citing the source, each once
SELECT s.id, s.publication, s.title,
       count(DISTINCT coalesce('record:' || w.record_id, 'person:' || w.person_id)) AS cited_by,
       count(w.id) AS citations
FROM sources s LEFT JOIN citations_with_sources w ON w.source_id = s.id GROUP BY s.id ORDER BY s.rowid;
"""
SQL_TYPES = {int: "INTEGER", float: "REAL", bool: "INTEGER"}  # anything else is TEXT
COMMENTS = {dt.date: "YYYY-MM-DD", bool: "0 or 1"}


class Column(NamedTuple):
    name: str
    field: str  # the record field it is read from
    sql: str  # type and constraints
    comment: str | None = None


def is_citation(name: str) -> bool:
    return name == "sources" or name.endswith("_sources")


def _column(field: modelinfo.Field, records: bool) -> Column:
    """A field as a column: an id it refers to is `NAME_id` with its foreign key; a list is JSON text."""
    if field.name == "id":
        return Column("id", "id", "TEXT PRIMARY KEY" + (" REFERENCES records(id)" if records else ""))
    sql = "TEXT" if field.many else SQL_TYPES.get(field.base, "TEXT")
    if field.many or not field.optional:
        sql += " NOT NULL"
    name = field.name
    if field.refers == "countries":
        sql += " REFERENCES countries(code)"
    elif field.refers == "parties":  # a grouping's members: codes, grouping ids or names, as JSON
        pass
    elif field.refers:
        name, sql = f"{name}_id", f"{sql} REFERENCES {field.refers}(id)"
    comment = "JSON array of text" if field.many else COMMENTS.get(field.base)
    return Column(name, field.name, sql, comment)


def _due(part: str) -> Callable[[Any], Any]:
    """A part of a follow-up's due period (`first`, `last`, `precision`); None where no due date is given."""
    from summitcli.commands.followups import due_period

    def read(followup: Any) -> Any:
        due = due_period(followup)
        return getattr(due, part) if due else None

    return read


class Derived(NamedTuple):
    """A column that no field holds but that SQL users need, read from the record (`read`), after `after`."""

    column: Column
    after: str  # the field whose column it follows
    read: Callable[[Any], Any]


# The one place for derived columns: a follow-up's due date as days SQL can compare (`WHERE due_last < ...`),
# whatever its precision (`due` stays the text as given: `2025-11`, `2025-Q4`, `2026`).
DERIVED: dict[type[msgspec.Struct], list[Derived]] = {
    model.Followup: [
        Derived(Column("due_first", "", "TEXT", "YYYY-MM-DD: the first day it is due (a month: its 1st)"), "due_end",
                _due("first")),
        Derived(Column("due_last", "", "TEXT", "YYYY-MM-DD: the last day it is due (a month: its last day)"),
                "due_end", _due("last")),
        Derived(Column("due_precision", "", "TEXT", "day, month, quarter or year: how precise `due` is"), "due_end",
                _due("precision")),
    ],
}  # fmt: skip


def columns_of(struct: type[msgspec.Struct], records: bool = False) -> list[Column]:
    """The columns of a record kind's table, in the struct's order (the fields every record has, other than its
    id, last), with its derived columns (DERIVED); the fields held in tables of their own (LINKS, citations) are
    not columns."""
    shared = set(model.Record.__struct_fields__) - {"id"} if issubclass(struct, model.Record) else set()
    fields = [f for f in modelinfo.fields_of(struct) if f.name not in LINKS and not is_citation(f.name)]
    fields.sort(key=lambda f: f.name in shared)
    columns = [_column(f, records) for f in fields]
    for derived in DERIVED.get(struct, []):
        at = next(i for i, c in enumerate(columns) if c.field == derived.after)
        while at + 1 < len(columns) and not columns[at + 1].field:  # after the derived columns already there
            at += 1
        columns.insert(at + 1, derived.column)
    return columns


def record_kinds() -> dict[str, str]:
    """The record lists whose ids share one namespace (`records`), with the kind each is called by."""
    kinds = dict(FACT_KINDS)
    return {name: kinds[name] for name in model.RECORD_LISTS if name in kinds}


def nested_tables() -> dict[str, type[msgspec.Struct]]:
    """The tables of records nested in records (figures, disputes), with the struct of their rows."""
    found: dict[str, type[msgspec.Struct]] = {}
    for struct in modelinfo.record_lists().values():
        for field in modelinfo.fields_of(struct):
            if field.nested:
                found.setdefault(field.name, field.base)
    return found


def _create(table: str, columns: Sequence[Column], comment: str | None = None) -> str:
    lines = [f"CREATE TABLE {table} (" + (f"  -- {comment}" if comment else "")]
    for n, c in enumerate(columns, 1):
        name = f'"{c.name}"' if c.name.upper() in ("END", "ORDER", "GROUP", "INDEX", "KEY") else c.name
        line = f"    {name} {c.sql}" + ("," if n < len(columns) else "")
        lines.append(line + (f"  -- {c.comment}" if c.comment else ""))
    return "\n".join([*lines, ");"]) + "\n"


CURRENCY = Column("currency", "", "TEXT", "ISO 4217 code: the unit, where it is a currency; else NULL")


def nested_columns(struct: type[msgspec.Struct]) -> list[Column]:
    """The columns of a nested record's table: its fields, and `currency` beside a `unit`."""
    columns = []
    for column in columns_of(struct):
        columns.append(column)
        if column.name == "unit":
            columns.append(CURRENCY)
    return columns


def _nested_table(table: str, struct: type[msgspec.Struct]) -> str:
    key, owner = NESTED_KEYS[table]
    own = [
        Column("id", "", "INTEGER PRIMARY KEY"),
        Column(key, "", f"TEXT NOT NULL REFERENCES {owner}(id)"),
        Column("position", "", "INTEGER NOT NULL"),
    ]
    return _create(table, own + nested_columns(struct))


def schema_sql() -> str:
    """The tables: each record kind's columns derived from the model (`columns_of`), then the link tables."""
    kinds = record_kinds()
    sql = [
        _create("dataset", columns_of(model.Meta)),
        _create(
            "countries",
            [
                Column("code", "", "TEXT PRIMARY KEY", "ISO 3166-1 alpha-2, or a grouping's id (groupings)"),
                Column("name", "", "TEXT NOT NULL"),
            ],
        ),
    ]
    nested = nested_tables()
    for table, struct in modelinfo.record_lists().items():
        if table == next(iter(kinds)):  # the namespace's table, before the first of its kinds
            kind = Column("kind", "", "TEXT NOT NULL", ", ".join(kinds.values()))
            title = Column("title", "", "TEXT NOT NULL", "its title, text or plan: what a link to it shows")
            sql.append(_create("records", [Column("id", "", "TEXT PRIMARY KEY"), kind, title]))
        sql.append(_create(table, columns_of(struct, table in kinds)))
        sql += [_nested_table(name, nested[name]) for name, (_, owner) in NESTED_KEYS.items() if owner == table]
    sql += [_nested_table(name, nested[name]) for name, (_, owner) in NESTED_KEYS.items() if owner == "records"]
    return "".join(sql) + LINK_TABLES + VIEWS


def prose_tables() -> dict[str, list[str]]:
    """Each table with prose (record kinds and nested records) and its columns of prose: what full-text search
    reads (`modelinfo.Field.text`)."""
    tables = {**modelinfo.record_lists(), **nested_tables()}
    found = {}
    for table, struct in tables.items():
        prose = {f.name for f in modelinfo.fields_of(struct) if f.text}
        if columns := [c.name for c in columns_of(struct) if c.field in prose]:
            found[table] = columns
    return found


def fts_sql() -> list[str]:
    """A full-text table per prose table, `TABLE_fts` over the table's own rows (external content, as
    sqlite-utils makes them, which Datasette detects), filled from the table."""
    statements = []
    for table, columns in prose_tables().items():
        names = ", ".join(f'"{c}"' for c in columns)
        statements.append(f'CREATE VIRTUAL TABLE "{table}_fts" USING fts5({names}, content="{table}")')
        statements.append(f'INSERT INTO "{table}_fts"("{table}_fts") VALUES (\'rebuild\')')
    return statements


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


def _value(value: Any) -> Any:
    """A field as SQLite stores it: dates as ISO text, booleans as 0 or 1, lists of text as a JSON array, a table
    (a grouping's member names) as a JSON object."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


def _row(record: Any, columns: Sequence[Column], **keys: Any) -> dict[str, Any]:
    """The row of a record: `keys` (the columns that are not its fields), then a value per column."""
    row = {**keys, **{c.name: _value(getattr(record, c.field)) for c in columns if c.field}}
    row.update({d.column.name: _value(d.read(record)) for d in DERIVED.get(type(record), []) if d.column in columns})
    if CURRENCY in columns:
        from summitcli.countries import currency_codes

        row["currency"] = record.unit if record.unit in currency_codes() else None
    return row


def _insert(connection: sqlite3.Connection, table: str, rows: Iterable[dict[str, Any]]) -> None:
    rows = list(rows)
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f'"{c}"' for c in columns)
    sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' for _ in columns)})"
    connection.executemany(sql, [tuple(row[c] for c in columns) for row in rows])


def _country_codes(data: model.Dataset, kinds: Iterable[str]) -> list[str]:
    """Every country the dataset names: the home country, and those of people and records."""
    codes = {data.meta.home}
    for table in ("people", *kinds):
        for record in getattr(data, table):
            codes.update(own_countries(record))  # a person's country, a record's parties or countries
            if country := getattr(record, "country", None):  # where an event took place
                codes.add(country)
    return sorted(codes)


def memberships(groupings: list[model.Grouping]) -> list[dict[str, Any]]:
    """The rows of `memberships`: every member of each grouping, those of a grouping among them included."""
    from summitcli.parties import Parties

    parties = Parties(groupings)
    return [
        {"grouping_id": g.id, "member": member, "position": i}
        for g in groupings
        for i, member in enumerate(parties.members(g.id))
    ]


class _Writer:
    """Fills the link tables as the records are read; numbers the rows that have no id of their own."""

    def __init__(self) -> None:
        self.nested = {table: nested_columns(struct) for table, struct in nested_tables().items()}
        self.links: dict[str, list[dict[str, Any]]] = {
            name: [] for name in ("records", "participants", *self.nested, "parties", "record_topics")
        }
        self.citations: list[dict[str, Any]] = []

    def cite(self, refs: Sequence[str], role: str = "record", **owner: Any) -> None:
        base = {"record_id": None, "person_id": None, "figure_id": None, "dispute_id": None}
        for position, ref in enumerate(refs):
            self.citations.append({**base, **owner, "source_id": ref, "role": role, "position": position})

    def cite_lists(self, record: Any, names: Iterable[str], **owner: Any) -> None:
        """The record's lists of sources among `names`: `sources` as role `record`, `status_sources` as `status`…"""
        for name in names:
            if is_citation(name):
                role = "record" if name == "sources" else name.removesuffix("_sources")
                self.cite(getattr(record, name), role, **owner)

    def nest(self, record: Any, table: str) -> None:
        """The records nested in `record` (its figures, its disputes): a row each, numbered, and their citations."""
        rows, key = self.links[table], NESTED_KEYS[table][0]
        for position, item in enumerate(getattr(record, table, None) or []):
            number = len(rows) + 1
            rows.append(_row(item, self.nested[table], id=number, **{key: record.id, "position": position}))
            self.cite_lists(item, item.__struct_fields__, **{f"{table.removesuffix('s')}_id": number})

    def record(self, record: Any, kind: str) -> None:
        """A record of the id namespace: its kind, countries, topics and participants; then what every record has
        (disputes, sources), then what its kind has (figures, a follow-up's status sources, a plan's actual ones)."""
        self.links["records"].append({"id": record.id, "kind": kind, "title": label(record)})
        for table, (key, value, refs) in {
            "parties": ("record_id", "country", own_countries(record)),
            "record_topics": ("record_id", "topic_id", getattr(record, "topics", None) or []),
            "participants": ("event_id", "person_id", getattr(record, "participants", None) or []),
        }.items():
            self.links[table] += [{key: record.id, value: ref, "position": i} for i, ref in enumerate(refs)]
        shared = [table for table, (_, owner) in NESTED_KEYS.items() if owner == "records"]
        for table in shared:
            self.nest(record, table)
        self.cite(record.sources, record_id=record.id)
        for table in [t for t in self.nested if t not in shared]:
            self.nest(record, table)
        self.cite_lists(record, [n for n in record.__struct_fields__ if n != "sources"], record_id=record.id)

    def write(self, db: sqlite3.Connection, data: model.Dataset) -> None:
        from summitcli.countries import country_name

        kinds = record_kinds()
        names = {g.id: g.name for g in data.groupings}  # a party may be a grouping
        _insert(
            db,
            "countries",
            ({"code": c, "name": names.get(c) or country_name(c)} for c in _country_codes(data, kinds)),
        )
        _insert(db, "dataset", [_row(data.meta, columns_of(model.Meta))])
        lists = modelinfo.record_lists()
        for table in [t for t in lists if t not in kinds]:
            _insert(db, table, (_row(r, columns_of(lists[table])) for r in getattr(data, table)))
        for person in data.people:
            self.cite_lists(person, person.__struct_fields__, person_id=person.id)
        for table, kind in kinds.items():
            for record in getattr(data, table):
                self.record(record, kind)
        _insert(db, "records", self.links["records"])
        for table in kinds:
            columns = columns_of(lists[table], records=True)
            _insert(db, table, (_row(r, columns) for r in getattr(data, table)))
        _insert(db, "memberships", memberships(data.groupings))
        for table in ("participants", *self.nested, "parties", "record_topics"):
            _insert(db, table, self.links[table])
        _insert(db, "citations", ({"id": i, **c} for i, c in enumerate(self.citations, 1)))


# What the tables that are no record kind hold, for `datasette_metadata`.
OTHER_TABLES = {
    "dataset": "The dataset's own facts: its title, home country and description.",
    "countries": "Every country the dataset names, by ISO 3166-1 alpha-2 code, and every grouping a record names "
    "as a party, by its id.",
    "records": "Every event, outcome, quote, fact, follow-up and plan: one id namespace, with its kind and title.",
    "parties": "The countries (or groupings) of each record: its parties, or a quote's or fact's countries.",
    "participants": "The people who took part in each event.",
    "memberships": "The members of each grouping, those of a grouping among them included: a party counts for each.",
    "record_topics": "The topics of each record.",
    "citations": "Which source each record, person, figure or dispute cites; role: record, status (a follow-up's "
    "latest status) or actual (what happened to a plan).",
}
LABELS = {"figures": "label", "disputes": "field"}  # Datasette's label of a link to a table with no name or title


def _views() -> dict[str, str]:
    """Each view's name and what it gives (its comment in VIEWS)."""
    import re

    return dict(re.findall(r"CREATE VIEW (\w+) AS  -- (.+)", VIEWS))


def _table_metadata(table: str, struct: type[msgspec.Struct], nested: bool) -> dict[str, Any]:
    described = {f.name: f.description for f in modelinfo.fields_of(struct) if f.description}
    columns = nested_columns(struct) if nested else columns_of(struct, table in record_kinds())
    entry: dict[str, Any] = {
        "description": (struct.__doc__ or "").strip().split("\n")[0],
        "columns": {c.name: described.get(c.field) or c.comment for c in columns if c.field in described or c.comment},
    }
    if table in LABELS:
        entry["label_column"] = LABELS[table]
    return entry


def datasette_metadata(data: model.Dataset, name: str) -> dict[str, Any]:
    """What `datasette NAME.db --metadata NAME.metadata.json` shows: the dataset's title and description, where
    its facts come from, and what every table, column and view holds (the model's own words)."""
    tables: dict[str, Any] = {table: {"description": text} for table, text in OTHER_TABLES.items()}
    nested = nested_tables()
    for table, struct in {**modelinfo.record_lists(), **nested}.items():
        tables[table] = _table_metadata(table, struct, table in nested)
    tables.update({view: {"description": text} for view, text in _views().items()})
    description = data.meta.description or ""
    return {
        "title": data.meta.title,
        "description": description,
        "source": f"{len(data.sources)} sources, each in the sources table (publication, title, date, address)",
        "about": "summit export sqlite",
        "databases": {name: {"title": data.meta.title, "description": description, "tables": tables}},
    }


def database_bytes(data: model.Dataset, scratch: Path) -> bytes:
    """The dataset as a SQLite database file, built at `scratch` (a path that does not exist yet).

    A scratch file needs no journal and no sync; indexes are made after the rows (faster than kept up row by row).
    The loader has checked every reference, so keys are not re-checked on insert (tests run foreign_key_check)."""
    connection = sqlite3.connect(scratch)
    try:
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        connection.executescript(schema_sql())
        with connection:
            _Writer().write(connection, data)
            for statement in _index_sql(connection) + fts_sql():
                connection.execute(statement)
    finally:
        connection.close()
    return scratch.read_bytes()


def export_sqlite(settings: Settings, *, output: Path | None, metadata: bool = False) -> None:
    """The database to `output` (else stdout, when redirected); with `metadata`, NAME.metadata.json beside it."""
    import tempfile

    from summitcli.dataset import load
    from summitcli.errors import SummitError, UsageError
    from summitcli.output.target import deliver, deliver_bytes, not_to_a_terminal

    data = load(settings.paths(), use_cache=settings.use_cache)
    if output is None:
        not_to_a_terminal("export sqlite", "a SQLite database (binary)", data.meta.title, ".db")
        if metadata:
            raise UsageError("--metadata writes NAME.metadata.json beside the database: give --output NAME.db")
    with tempfile.TemporaryDirectory(prefix="summit-sqlite-") as scratch:  # removed on every way out
        try:
            built = database_bytes(data, Path(scratch) / "export.db")
        except (sqlite3.Error, OSError) as exc:  # a full disk, `ulimit -f`: SQLite's own words, one line
            raise SummitError(f"cannot build the database in {scratch}: {exc}") from None
        deliver_bytes(built, output)
    if metadata and output is not None:
        from summitcli.text import json_safe

        described = datasette_metadata(data, output.stem)
        text = json_safe(json.dumps(described, ensure_ascii=False, indent=1)) + "\n"
        deliver(text, output.with_name(f"{output.stem}.metadata.json"))
