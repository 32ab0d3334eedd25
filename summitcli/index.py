"""The index: the validated dataset in SQLite, file by file, and the checks that span files, in SQL.

The third step of the data layer (files -> loader -> index -> dataset -> query): it stores what the loader
parsed and answers the query layer; deciding when to re-parse is the dataset step's job.

Each data file has a row in `files`: its absolute path, what its stat was when it was read (size, mtime_ns,
ctime_ns, inode, device), when that was (`seen_ns`), the digest of its bytes and its `meta` block. Each record
is stored as JSON, with a checksum, under its file, with indexed columns (record list, id, date, kind) and side
tables of its countries, topics and the references it makes, so `agreements canada` reads Canada's outcomes
only, and an edit to one file replaces that file's rows only. Duplicate ids, references between records and the
one `meta` are checked in SQL, for the files that changed and for the records that point into them.
"""

from __future__ import annotations

import os
import sqlite3
import weakref
import zlib
from functools import cached_property
from hashlib import blake2b
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import msgspec

from summitcli import __version__, model
from summitcli.datafiles import SourceFile, Stat, path_key, problem
from summitcli.relations import own_countries

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from summitcli.problems import Problem

T = TypeVar("T")

LAYOUT = "7"  # bump when the tables change


def model_digest(text: bytes) -> str:
    return blake2b(text, digest_size=8).hexdigest()


# An index is read only by the model it was written with: its records are the model's structs encoded by msgspec,
# so a field added to or removed from summitcli/model.py must rebuild the index, in any version.
VERSION = f"{__version__}/{LAYOUT}/{model_digest(Path(__file__).with_name('model.py').read_bytes())}"
# A file whose mtime or ctime lies within this of the moment its stat was recorded is "racy" (git's word): an
# edit in the same timestamp tick could keep its stat, so its bytes are hashed again until it is older than this.
RACY_NS = 2_000_000_000
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE files (id INTEGER PRIMARY KEY, ord INTEGER NOT NULL, path BLOB NOT NULL UNIQUE,
                    size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL,
                    ino INTEGER NOT NULL, dev INTEGER NOT NULL, seen_ns INTEGER NOT NULL, digest BLOB NOT NULL,
                    meta BLOB, lo INTEGER NOT NULL, hi INTEGER NOT NULL);
CREATE TABLE records (seq INTEGER PRIMARY KEY, file INTEGER NOT NULL, list TEXT NOT NULL, pos INTEGER NOT NULL,
                      space TEXT NOT NULL, id TEXT NOT NULL, date TEXT, kind TEXT, speaker TEXT,
                      crc INTEGER NOT NULL, json BLOB NOT NULL);
CREATE TABLE record_countries (seq INTEGER NOT NULL, list TEXT NOT NULL, country TEXT NOT NULL,
                               PRIMARY KEY (seq, country)) WITHOUT ROWID;
CREATE TABLE record_topics (seq INTEGER NOT NULL, list TEXT NOT NULL, topic TEXT NOT NULL,
                            PRIMARY KEY (seq, topic)) WITHOUT ROWID;
CREATE TABLE refs (seq INTEGER NOT NULL, n INTEGER NOT NULL, space TEXT NOT NULL, ref TEXT NOT NULL,
                   sub BLOB NOT NULL, PRIMARY KEY (seq, n)) WITHOUT ROWID;
CREATE TABLE file_countries (file INTEGER NOT NULL, list TEXT NOT NULL, country TEXT NOT NULL,
                             PRIMARY KEY (file, list, country)) WITHOUT ROWID;
CREATE TABLE countries (country TEXT PRIMARY KEY) WITHOUT ROWID;
"""
# A file's records have consecutive seqs (files.lo to files.hi), and every side table is keyed by seq first, so
# a file's rows go by ranges, without an index by file.
INDEXES = {
    # what the checks that span files need
    "check": "CREATE INDEX IF NOT EXISTS records_by_id ON records (space, id);",
    # what queries need
    "query": """
CREATE INDEX IF NOT EXISTS records_by_list ON records (list, file);
CREATE INDEX IF NOT EXISTS records_by_speaker ON records (speaker) WHERE speaker IS NOT NULL;
CREATE INDEX IF NOT EXISTS countries_by_country ON record_countries (country, list, seq);
CREATE INDEX IF NOT EXISTS topics_by_topic ON record_topics (topic, list, seq);
""",
}
# The id namespace of each record list: a reference names a source, topic, person, event or any other record.
SPACES = {"sources": "source", "topics": "topic", "people": "person", "groupings": "grouping"}
# Where a reference into a namespace may point: (space, only this list or None).
TARGETS = {"source": ("source", None), "topic": ("topic", None), "person": ("person", None),
           "event": ("record", "events"), "record": ("record", None),
           "grouping": ("grouping", None)}  # fmt: skip


def _resolves(space: str, ref: str) -> str:
    """SQL: the reference (`space`, `ref`) names a record that exists."""
    return (
        f"EXISTS (SELECT 1 FROM records d WHERE d.space = (CASE {space} WHEN 'event' THEN 'record' ELSE {space} END) "
        f"AND d.id = {ref} AND ({space} <> 'event' OR d.list = 'events'))"
    )


class Damaged(Exception):
    """The index does not hold what it was written with (a record fails its checksum, a table is missing)."""


def index_dir() -> Path | None:
    """`$XDG_CACHE_HOME/summit`, else `~/.cache/summit`; relative paths are ignored (XDG spec); None if neither."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        home = os.path.expanduser("~")
        if not os.path.isabs(home):
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "summit"


def owned_privately(path: Path) -> bool:
    """The file or folder is the current user's and nobody else may write it: an index there can be trusted (its
    checksums are CRCs, not secrets: anyone who may write it could plant answers)."""
    st = os.stat(path, follow_symlinks=False)
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def private_dir(folder: Path) -> Path:
    """`folder`, made with its missing parents as 0700 whatever the umask; OSError if it cannot be."""
    missing = []
    at = folder
    while not at.exists():
        missing.append(at)
        at = at.parent
    for path in reversed(missing):
        path.mkdir(mode=0o700, exist_ok=True)
        os.chmod(path, 0o700)  # the umask may have taken bits away, or left others
    return folder


def index_name(sources: list[SourceFile]) -> str:
    """The index file's name: a hash of the directories that hold the files, so that a dataset keeps its index
    when a file is added, removed or renamed (the index itself records which files it holds)."""
    folders = sorted({os.path.dirname(path_key(source.path)) for source in sources})
    return blake2b(b"\0".join(folders), digest_size=16).hexdigest()


def digest(data: bytes) -> bytes:
    return blake2b(data, digest_size=32).digest()


class FileRow(NamedTuple):
    id: int
    ord: int
    stat: Stat
    seen_ns: int
    digest: bytes
    lo: int
    hi: int

    def racy(self) -> bool:
        return max(self.stat.mtime_ns, self.stat.ctime_ns) >= self.seen_ns - RACY_NS


def recorded_files(conn: sqlite3.Connection) -> dict[bytes, FileRow] | None:
    """The files the index holds, by absolute path; None if it was written by another version of the tool."""
    version = conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    if version is None or version[0] != VERSION:
        return None
    rows = conn.execute("SELECT id, ord, path, size, mtime_ns, ctime_ns, ino, dev, seen_ns, digest, lo, hi FROM files")
    try:
        return {
            bytes(r[2]): FileRow(r[0], r[1], Stat(r[3], r[4], r[5], r[6], r[7]), r[8], bytes(r[9]), r[10], r[11])
            for r in rows
        }
    except (TypeError, ValueError) as exc:  # a column of the wrong type
        raise Damaged(str(exc)) from None


def create(conn: sqlite3.Connection) -> None:
    """The tables of an empty index (secondary indexes come once the rows are in: `create_indexes`)."""
    conn.executescript(SCHEMA)
    conn.execute("INSERT INTO meta VALUES ('version', ?)", (VERSION,))


def create_indexes(conn: sqlite3.Connection, uses: tuple[str, ...]) -> None:
    """The secondary indexes for `uses` ("check", "query"), once the rows are in."""
    conn.executescript("".join(INDEXES[use] for use in uses))


def set_order(conn: sqlite3.Connection, file_id: int, ord: int) -> None:
    conn.execute("UPDATE files SET ord = ? WHERE id = ?", (ord, file_id))


def touch(conn: sqlite3.Connection, file_id: int, ord: int, stat: Stat, seen_ns: int) -> None:
    """Record a new stat for a file whose bytes were hashed again and found unchanged."""
    conn.execute(
        "UPDATE files SET ord = ?, size = ?, mtime_ns = ?, ctime_ns = ?, ino = ?, dev = ?, seen_ns = ? WHERE id = ?",
        (ord, *stat, seen_ns, file_id),
    )


def mark_lost(conn: sqlite3.Connection, files: list[FileRow]) -> None:
    """Remember the ids the `files` define before their rows go, to check who pointed at them."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS lost (space TEXT NOT NULL, id TEXT NOT NULL)")
    conn.execute("DELETE FROM lost")
    for row in files:
        conn.execute("INSERT INTO lost SELECT space, id FROM records WHERE seq BETWEEN ? AND ?", (row.lo, row.hi))
        conn.execute(
            "INSERT INTO lost SELECT 'event', id FROM records WHERE seq BETWEEN ? AND ? AND list = 'events'",
            (row.lo, row.hi),
        )


def drop_file(conn: sqlite3.Connection, row: FileRow) -> None:
    for table in ("records", "record_countries", "record_topics", "refs"):
        conn.execute(f"DELETE FROM {table} WHERE seq BETWEEN ? AND ?", (row.lo, row.hi))
    conn.execute("DELETE FROM file_countries WHERE file = ?", (row.id,))
    conn.execute("DELETE FROM files WHERE id = ?", (row.id,))


class FileWriter:
    """Stores one file's records as the loader hands them over, a batch at a time (memory: one batch), then the
    file's own row. `lean`: only what the checks and counts need (no record JSON, no topics), for an index that
    is only validated, never queried."""

    def __init__(self, conn: sqlite3.Connection, lean: bool = False) -> None:
        self.conn = conn
        self.lean = lean
        (self.file_id,) = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM files").fetchone()
        (self.lo,) = conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM records").fetchone()
        self.next = self.lo
        self.countries: set[tuple[str, str]] = set()
        self.subs: dict[tuple[str | int, ...], bytes] = {}  # a few paths (`sources[0]`) stand for every ref

    def add(self, batch: list[tuple[str, int, Any]]) -> None:
        """Store a batch of (record list, index in the YAML list, record), in document order."""

        from summitcli.loader import _iter_refs

        encode = msgspec.json.encode
        lean, file_id, subs = self.lean, self.file_id, self.subs
        records, countries, topics, refs = [], [], [], []
        for seq, (name, pos, record) in enumerate(batch, self.next):
            date = getattr(record, "date", None)
            speaker = record.speaker if isinstance(record, model.Quote) else None
            text = b"" if lean else encode(record)
            records.append(
                (seq, file_id, name, pos, SPACES.get(name, "record"), record.id, date.isoformat() if date else None,
                 getattr(record, "kind", None), speaker, zlib.crc32(text) if text else 0, text)
            )  # fmt: skip
            countries += [(seq, name, code) for code in own_countries(record)]
            if not lean:
                topics += [(seq, name, topic) for topic in getattr(record, "topics", None) or []]
            for n, (sub, space, ref) in enumerate(_iter_refs(record)):
                if (where := subs.get(sub)) is None:
                    where = subs[sub] = encode(sub)
                refs.append((seq, n, space, ref, where))
        self.next += len(batch)
        self.countries.update((name, code) for _, name, code in countries)
        conn = self.conn
        conn.executemany("INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", records)
        if not lean:
            conn.executemany("INSERT OR IGNORE INTO record_countries VALUES (?, ?, ?)", countries)
            conn.executemany("INSERT OR IGNORE INTO record_topics VALUES (?, ?, ?)", topics)
        conn.executemany("INSERT INTO refs VALUES (?, ?, ?, ?, ?)", refs)

    def finish(
        self, ord: int, source: SourceFile, meta: msgspec.Struct | None, seen_ns: int, file_digest: bytes
    ) -> int:
        """The file's own row, once its records are in (`meta`: its meta block, if it has one); return its file id."""

        stat = source.stat or Stat(len(source.data), 0, 0, 0, 0)  # bytes given, not read from a file
        self.conn.execute(
            "INSERT INTO files (id, ord, path, size, mtime_ns, ctime_ns, ino, dev, seen_ns, digest, meta, lo, hi) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (self.file_id, ord, path_key(source.path), *stat, seen_ns, file_digest,
             msgspec.json.encode(meta) if meta is not None else None, self.lo, self.next - 1),
        )  # fmt: skip
        # the countries each file has records on: `summit countries` without reading every record's
        self.conn.executemany(
            "INSERT INTO file_countries VALUES (?, ?, ?)", [(self.file_id, *pair) for pair in sorted(self.countries)]
        )
        return int(self.file_id)


def summarize(conn: sqlite3.Connection) -> None:
    """Recompute what the query layer asks of the whole dataset (the countries it has records on), once per
    update rather than on every query."""
    conn.execute("DELETE FROM countries")
    conn.execute(
        "INSERT INTO countries SELECT DISTINCT country FROM file_countries WHERE list NOT IN ('people', 'quotes')"
    )


DocPath = tuple[str | int, ...]


class Where(NamedTuple):
    """A problem found across files: its file and path, its message, and where the other place it names stands
    (the first definition of a duplicate id, the other meta block), written into the message as `{other}`."""

    file_id: int
    path: DocPath
    message: str
    other: tuple[int, DocPath] | None = None


def cross_checks(
    conn: sqlite3.Connection, changed: list[int] | None, names: dict[int, str], complete: bool = True
) -> list[Where]:
    """The problems that span files, among the records of the files `changed` (None: all files) and the
    references into ids they no longer define (`mark_lost`). `names`: each file id's name, for messages.
    `complete`: YAML could read every file; else a reference may point into the file it could not read, and
    neither references nor a missing meta block are reported."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS changed (id INTEGER PRIMARY KEY, lo INTEGER, hi INTEGER)")
    conn.execute("DELETE FROM changed")
    if changed is not None:
        marks = ", ".join("?" * len(changed))
        conn.execute(f"INSERT INTO changed SELECT id, lo, hi FROM files WHERE id IN ({marks})", changed)
    found = _duplicates(conn, changed is None)
    if complete:
        found += _unknown_references(conn, changed is None)
    return found + _meta_checks(conn, complete)


def _duplicates(conn: sqlite3.Connection, everywhere: bool) -> list[Where]:
    """Each id defined again (in the changed files, or `everywhere`), at its later places, naming the first."""
    if everywhere:
        dupes = conn.execute("SELECT space, id FROM records GROUP BY space, id HAVING count(*) > 1").fetchall()
    else:
        dupes = conn.execute(
            "SELECT DISTINCT r.space, r.id FROM changed c JOIN records r ON r.seq BETWEEN c.lo AND c.hi WHERE EXISTS "
            "(SELECT 1 FROM records o WHERE o.space = r.space AND o.id = r.id AND o.seq <> r.seq)"
        ).fetchall()
    found = []
    for space, rid in dupes:
        (first_file, first_list, first_pos), *later = conn.execute(
            "SELECT r.file, r.list, r.pos FROM records r JOIN files f ON f.id = r.file "
            "WHERE r.space = ? AND r.id = ? ORDER BY f.ord, r.seq",
            (space, rid),
        ).fetchall()
        message = f"duplicate id '{rid}' (first defined at {{other}}; expected unique ids)"
        for file_id, name, pos in later:
            found.append(Where(file_id, (name, pos, "id"), message, (first_file, (first_list, first_pos, "id"))))
    return found


_REFS = "SELECT r.file, x.space, x.ref, r.list, r.pos, x.sub FROM "


def _unresolved(conn: sqlite3.Connection, everywhere: bool) -> list[Any]:
    """The references that name no record: from the changed files (or `everywhere`), and, from the other files,
    those into ids the changed files no longer define (`lost`)."""
    if everywhere:
        return conn.execute(
            f"{_REFS} refs x JOIN records r ON r.seq = x.seq WHERE NOT {_resolves('x.space', 'x.ref')}"
        ).fetchall()
    unresolved = conn.execute(
        f"{_REFS} changed c JOIN refs x ON x.seq BETWEEN c.lo AND c.hi JOIN records r ON r.seq = x.seq "
        f"WHERE NOT {_resolves('x.space', 'x.ref')}"
    ).fetchall()
    conn.execute(f"DELETE FROM lost WHERE {_resolves('lost.space', 'lost.id')}")
    if conn.execute("SELECT 1 FROM lost LIMIT 1").fetchone():  # rare: an id removed; one scan of the refs
        unresolved += conn.execute(
            f"{_REFS} refs x JOIN records r ON r.seq = x.seq WHERE (x.space, x.ref) IN (SELECT space, id FROM lost) "
            "AND r.file NOT IN (SELECT id FROM changed)"
        ).fetchall()
    return unresolved


def _unknown_references(conn: sqlite3.Connection, everywhere: bool) -> list[Where]:
    """Each reference that names no record, with the closest id of its kind as a hint."""
    from summitcli.countries import is_country_code
    from summitcli.loader import _hint

    known: dict[str, list[str]] = {}
    found = []
    for file_id, space, ref, name, pos, sub in _unresolved(conn, everywhere):
        if space not in known:
            target, only = TARGETS[space]
            query = "SELECT id FROM records WHERE space = ? AND (? IS NULL OR list = ?)"
            known[space] = [r[0] for r in conn.execute(query, (target, only, only))]
        hint = _hint(ref, known[space], f"expected the id of a {space}")
        if space == "grouping" and is_country_code(ref.upper()):  # `ca` for CA
            hint = f"a country code is written in capitals, '{ref.upper()}'; else {hint}"
        path = (name, pos, *msgspec.json.decode(sub))
        found.append(Where(file_id, path, f"unknown {space} id '{ref}' ({hint})"))
    return found


def _meta_checks(conn: sqlite3.Connection, complete: bool) -> list[Where]:
    """Exactly one meta block across the dataset: each further one named at its own file, with the first's place."""
    metas = [r[0] for r in conn.execute("SELECT id FROM files WHERE meta IS NOT NULL ORDER BY ord")]
    if not metas:
        first = conn.execute("SELECT id FROM files ORDER BY ord LIMIT 1").fetchone()
        if first is None or not complete:
            return []
        return [Where(first[0], (), "no file has a meta: block (expected one with title: and home:)")]
    message = "a second meta: block (the first is at {other}; expected exactly one across the dataset)"
    return [Where(file_id, ("meta",), message, (metas[0], ("meta",))) for file_id in metas[1:]]


def locate_problems(found: list[Where], files: dict[int, SourceFile]) -> list[Problem]:
    """The problems `found`, each file read once to locate all of its problems and the places they name."""
    from summitcli.loader import _format_path

    wanted: dict[int, set[DocPath]] = {}
    for where in found:
        wanted.setdefault(where.file_id, set()).add(where.path)
        if where.other is not None:
            wanted.setdefault(where.other[0], set()).add(where.other[1])
    places = {fid: _locate(files[fid], paths) for fid, paths in wanted.items()}
    problems = []
    for where in found:
        line, column = places[where.file_id].get(where.path, (1, 1))
        message = where.message
        if where.other is not None:
            other_file, other_path = where.other
            other_line, other_column = places[other_file].get(other_path, (1, 1))
            message = message.replace("{other}", f"{files[other_file].name}:{other_line}:{other_column}")
        name = "meta" if not where.path else _format_path(where.path)
        problems.append(problem(files[where.file_id].name, line, column, name, message))
    return problems


def _locate(source: SourceFile, paths: set[DocPath]) -> dict[DocPath, tuple[int, int]]:
    """Line and column of each path in the file, read once; none if the file changed meanwhile."""
    from summitcli.yamlread import locate_all

    try:
        return locate_all(source.text, [path for path in paths if path])
    except Exception:  # the file changed meanwhile; name it without a position
        return {}
    finally:
        source.release()


def checked(name: str, rows: list[Any]) -> list[Any]:
    """`rows` (crc, json), each record's bytes checked against its checksum (Damaged where one fails)."""
    try:
        if all(zlib.crc32(text) == crc for crc, text in rows):
            return rows
    except TypeError:  # a value that is not bytes: written by something else than the index
        pass
    raise Damaged(f"a {name} record fails its checksum")


def structs(name: str, rows: list[Any]) -> list[Any]:
    """The records of the list `name` (or the `meta`) in `rows` (crc, json) decoded by msgspec as the model's."""
    item = model.Meta if name == "meta" else model.Dataset.__annotations__[name].__args__[0]
    try:
        return msgspec.json.decode(b"[" + b",".join(r[1] for r in rows) + b"]", type=list[item])  # type: ignore[valid-type]
    except (TypeError, ValueError, msgspec.DecodeError, msgspec.ValidationError) as exc:
        raise Damaged(str(exc)) from None


class IndexedDataset:
    """The dataset as the query layer reads it, each record list decoded from the index on first use.

    Every record read is checked against its checksum; a damaged index (a record that fails it, a table
    missing, a column of the wrong type) is handed to `recover`, which rebuilds it, and the question is
    answered again from the rebuilt one."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        files: list[str],
        recover: Callable[[], IndexedDataset] | None = None,
    ) -> None:
        self._conn = conn
        # A connection is freed only by the cycle collector (its statement cache refers to it): close it, and end
        # its read transaction, as soon as the dataset is no longer used.
        weakref.finalize(self, conn.close)
        self.files = files
        self._recover = recover
        self._rebuilt: IndexedDataset | None = None
        row = self._query("SELECT meta FROM files WHERE meta IS NOT NULL ORDER BY ord LIMIT 1")
        try:
            self._meta_json: bytes = row[0][0]
        except IndexError as exc:
            raise Damaged(str(exc)) from None
        self.meta: model.Meta = structs("meta", [(0, self._meta_json)])[0]

    def _query(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        try:
            return self._conn.execute(sql, tuple(params)).fetchall()
        except sqlite3.Error as exc:
            raise Damaged(str(exc)) from None

    def _answer(self, ask: Callable[[IndexedDataset], T]) -> T:
        """`ask` this index; if it turns out damaged, the rebuilt one."""
        if self._rebuilt is None:
            try:
                return ask(self)
            except Damaged:
                if self._recover is None:
                    raise
                self._conn.close()
                self._rebuilt = self._recover()
        return ask(self._rebuilt)

    def _decode(self, name: str, rows: list[Any]) -> list[Any]:
        """The records of the list `name` in `rows` (crc, json), each checked against its checksum."""
        return structs(name, checked(name, rows))

    def _rows(self, name: str) -> list[Any]:
        """The stored (crc, json) of every record of the list `name`, in the order of the files and of each file."""
        return self._query(
            "SELECT r.crc, r.json FROM records r JOIN files f ON f.id = r.file WHERE r.list = ? ORDER BY f.ord, r.seq",
            (name,),
        )

    def _all(self, name: str) -> list[Any]:
        return self._decode(name, self._rows(name))

    def all(self, name: str) -> list[Any]:
        """Every record of the list `name`, in the order of the files and of each file."""
        return self._answer(lambda index: index._all(name))

    def _with_country(self, name: str, code: str) -> list[Any]:
        # driven by the country index: only the rows of `code` are read, however large the list
        chosen = "SELECT seq FROM record_countries WHERE country = ? AND list = ?"
        params: list[Any] = [code, name]
        if name == "quotes":  # a quote also involves its speaker's country
            chosen += (
                " UNION SELECT q.seq FROM records q WHERE q.list = 'quotes' AND q.speaker IN (SELECT p.id FROM "
                "record_countries c JOIN records p ON p.seq = c.seq WHERE c.country = ? AND c.list = 'people')"
            )
            params.append(code)
        rows = self._query(
            f"SELECT r.crc, r.json FROM ({chosen}) s CROSS JOIN records r ON r.seq = s.seq "
            "JOIN files f ON f.id = r.file ORDER BY f.ord, r.seq",
            params,
        )
        return self._decode(name, rows)

    def with_country(self, name: str, code: str) -> list[Any]:
        """Records of one list that involve `code`, read through the country index."""
        return self._answer(lambda index: index._with_country(name, code))

    def _record(self, list_names: tuple[str, ...], rid: str) -> Any:
        spaces = sorted({SPACES.get(name, "record") for name in list_names})
        rows = self._query(
            f"SELECT list, crc, json FROM records WHERE space IN ({', '.join('?' * len(spaces))}) AND id = ? "
            f"AND list IN ({', '.join('?' * len(list_names))})",
            (*spaces, rid, *list_names),
        )
        return self._decode(rows[0][0], [rows[0][1:]])[0] if rows else None

    def record(self, list_names: tuple[str, ...], rid: str) -> Any:
        """The record with id `rid` in one of the lists named, read through the id index; None if there is none."""
        return self._answer(lambda index: index._record(list_names, rid))

    def _country_codes(self) -> set[str]:
        rows = self._query("SELECT country FROM countries")
        return {r[0] for r in rows}

    def country_codes(self) -> set[str]:
        return self._answer(lambda index: index._country_codes())

    def _counts(self) -> dict[str, int]:
        rows = self._query("SELECT list, count(*) FROM records GROUP BY list")
        return dict.fromkeys(model.RECORD_LISTS, 0) | dict(rows)

    def counts(self) -> dict[str, int]:
        """The number of records in each list."""
        return self._answer(lambda index: index._counts())

    def summary(self) -> dict[str, int]:
        """What `summit validate` prints: countries met (other than home), meetings, other events, and the
        number of records of every other list."""
        (countries,) = self._query(
            "SELECT count(DISTINCT country) FROM file_countries WHERE list IN ('events', 'outcomes') AND country <> ? "
            "AND country GLOB '[A-Z][A-Z]'",  # a grouping (apec) is no country
            (self.meta.home,),
        )[0]
        (meetings, events) = self._query(
            "SELECT coalesce(sum(kind = 'bilateral'), 0), coalesce(sum(kind <> 'bilateral'), 0) FROM records "
            "WHERE list = 'events'"
        )[0]
        n = self.counts()
        return {
            "countries": countries,
            "meetings": meetings,
            "events": events,
            "outcomes": n["outcomes"],
            "quotes": n["quotes"],
            "facts": n["facts"],
            "follow-ups": n["followups"],
            "plans": n["plans"],
            "people": n["people"],
            "topics": n["topics"],
            "sources": n["sources"],
        }

    @cached_property
    def sources(self) -> list[model.Source]:
        return self.all("sources")

    @cached_property
    def topics(self) -> list[model.Topic]:
        return self.all("topics")

    @cached_property
    def people(self) -> list[model.Person]:
        return self.all("people")

    @cached_property
    def events(self) -> list[model.Event]:
        return self.all("events")

    @cached_property
    def outcomes(self) -> list[model.Outcome]:
        return self.all("outcomes")

    @cached_property
    def quotes(self) -> list[model.Quote]:
        return self.all("quotes")

    @cached_property
    def facts(self) -> list[model.Fact]:
        return self.all("facts")

    @cached_property
    def followups(self) -> list[model.Followup]:
        return self.all("followups")

    @cached_property
    def plans(self) -> list[model.Plan]:
        return self.all("plans")

    def _materialize(self) -> model.Dataset:
        lists: dict[str, Any] = {}
        for name in model.RECORD_LISTS:
            lists[name] = structs(name, checked(name, self._rows(name)))
        meta = structs("meta", [(0, self._meta_json)])[0]
        return model.Dataset(meta=meta, files=self.files, **lists)

    def materialize(self) -> model.Dataset:
        """Every list decoded into the model's structs: the whole model, as parsing the YAML would give it."""
        return self._answer(lambda index: index._materialize())
