"""The index: the validated dataset in SQLite, in the user's cache, so a run neither parses YAML nor decodes
records it does not need.

The YAML stays the only source of truth. An index file is named by a hash of the data paths and holds the
digest of every file's path and full content (not size or mtime): any edit, added or removed file is seen on
the next run. Each record is stored as JSON with indexed columns (record list, id, date, kind) and side tables
of its countries and topics, so `agreements canada` reads Canada's outcomes only. An index is written to a
temporary file and renamed into place (processes started together each write a whole one, the last rename
wins); one that is corrupt, from another version of the tool or for other bytes is ignored and rebuilt; a cache
directory that cannot be written is skipped.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from functools import cached_property
from pathlib import Path
from typing import Any

import msgspec

from summitcli import __version__, model
from summitcli.datafiles import SourceFile
from summitcli.query import involved_countries

try:  # the BLAKE2 module alone: `hashlib` also loads OpenSSL, a few ms of every run's start-up
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - Pythons built without it
    from hashlib import blake2b

LAYOUT = "3"  # bump when the tables change
VERSION = f"{__version__}/{LAYOUT}"
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE records (seq INTEGER PRIMARY KEY, list TEXT NOT NULL, id TEXT NOT NULL, date TEXT, kind TEXT,
                      json BLOB NOT NULL);
CREATE TABLE record_countries (seq INTEGER NOT NULL, list TEXT NOT NULL, country TEXT NOT NULL);
CREATE TABLE record_topics (seq INTEGER NOT NULL, list TEXT NOT NULL, topic TEXT NOT NULL);
"""
INDEXES = """
CREATE INDEX records_by_list ON records (list, seq);
CREATE INDEX records_by_id ON records (id);
CREATE INDEX records_by_date ON records (list, date);
CREATE INDEX records_by_kind ON records (list, kind);
CREATE INDEX countries_by_country ON record_countries (country, list, seq);
CREATE INDEX topics_by_topic ON record_topics (topic, list, seq);
"""
ITEM_TYPES: dict[str, Any] = {name: model.Dataset.__annotations__[name] for name in model.RECORD_LISTS}


def index_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "summit"


def _names(sources: list[SourceFile]) -> tuple[str, str]:
    """(file name, content digest): the name hashes the paths, the digest every path and byte."""
    paths = blake2b(digest_size=16)
    content = blake2b(digest_size=32)
    for source in sources:
        name = os.path.abspath(source.path).encode()
        paths.update(name + b"\0")
        content.update(name + b"\0" + len(source.data).to_bytes(8, "little") + source.data)
    return paths.hexdigest(), content.hexdigest()


class IndexedDataset:
    """The dataset as the query layer reads it, each record list decoded from the index on first use."""

    def __init__(self, conn: sqlite3.Connection, meta: model.Meta, files: list[str]) -> None:
        self._conn = conn
        self.meta = meta
        self.files = files

    def _decode(self, name: str, rows: list[tuple[bytes]]) -> list[Any]:
        return msgspec.json.decode(b"[" + b",".join(r[0] for r in rows) + b"]", type=ITEM_TYPES[name])

    def _all(self, name: str) -> list[Any]:
        rows = self._conn.execute("SELECT json FROM records WHERE list = ? ORDER BY seq", (name,)).fetchall()
        return self._decode(name, rows)

    def with_country(self, name: str, code: str) -> list[Any]:
        """Records of one list that involve `code`, read through the country index."""
        rows = self._conn.execute(
            "SELECT r.json FROM record_countries c JOIN records r ON r.seq = c.seq "
            "WHERE c.country = ? AND c.list = ? ORDER BY r.seq",
            (code, name),
        ).fetchall()
        return self._decode(name, rows)

    def record(self, list_names: tuple[str, ...], rid: str) -> Any:
        """The record with id `rid` in one of the lists named, read through the id index; None if there is none."""
        marks = ", ".join("?" * len(list_names))
        row = self._conn.execute(
            f"SELECT list, json FROM records WHERE id = ? AND list IN ({marks})", (rid, *list_names)
        ).fetchone()
        return self._decode(row[0], [(row[1],)])[0] if row else None

    def country_codes(self) -> set[str]:
        rows = self._conn.execute(
            "SELECT DISTINCT country FROM record_countries WHERE list NOT IN ('people', 'quotes')"
        ).fetchall()
        return {r[0] for r in rows}

    @cached_property
    def sources(self) -> list[model.Source]:
        return self._all("sources")

    @cached_property
    def topics(self) -> list[model.Topic]:
        return self._all("topics")

    @cached_property
    def people(self) -> list[model.Person]:
        return self._all("people")

    @cached_property
    def events(self) -> list[model.Event]:
        return self._all("events")

    @cached_property
    def outcomes(self) -> list[model.Outcome]:
        return self._all("outcomes")

    @cached_property
    def quotes(self) -> list[model.Quote]:
        return self._all("quotes")

    @cached_property
    def facts(self) -> list[model.Fact]:
        return self._all("facts")

    @cached_property
    def followups(self) -> list[model.Followup]:
        return self._all("followups")

    @cached_property
    def plans(self) -> list[model.Plan]:
        return self._all("plans")

    def materialize(self) -> model.Dataset:
        """Every list decoded: the whole model, as parsing the YAML would give it."""
        lists = {name: getattr(self, name) for name in model.RECORD_LISTS}
        return model.Dataset(meta=self.meta, files=self.files, **lists)


def open_index(sources: list[SourceFile]) -> IndexedDataset | None:
    """The index for exactly these files' bytes, or None (missing, corrupt, stale or from another version)."""
    key, digest = _names(sources)
    path = index_dir() / f"{key}.sqlite"
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("version") != VERSION or meta.get("digest") != digest:
            conn.close()
            return None
        return IndexedDataset(
            conn, msgspec.json.decode(meta["meta"], type=model.Meta), msgspec.json.decode(meta["files"])
        )
    except (sqlite3.Error, msgspec.DecodeError, msgspec.ValidationError, KeyError, OSError):
        return None


def build(sources: list[SourceFile], dataset: model.Dataset) -> None:
    """Write the index of `dataset` atomically; skip silently when the cache directory cannot be written."""
    import tempfile

    key, digest = _names(sources)
    folder = index_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{key}.", suffix=".tmp")
        os.close(fd)
    except OSError:
        return
    try:
        _write(tmp, digest, dataset)
        os.replace(tmp, folder / f"{key}.sqlite")
    except (OSError, sqlite3.Error):
        _unlink(tmp)
    except BaseException:
        _unlink(tmp)
        raise


def _unlink(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _write(path: str, digest: str, dataset: model.Dataset) -> None:
    encode = msgspec.json.encode
    people = {p.id: p for p in dataset.people}
    records, countries, topics = [], [], []
    seq = 0
    for name in model.RECORD_LISTS:
        for record in getattr(dataset, name):
            seq += 1
            date = getattr(record, "date", None)
            kind = getattr(record, "kind", None)
            records.append((seq, name, record.id, date.isoformat() if date else None, kind, encode(record)))
            countries += [(seq, name, code) for code in involved_countries(record, people)]
            topics += [(seq, name, topic) for topic in getattr(record, "topics", None) or []]
    conn = sqlite3.connect(path)
    try:
        conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + SCHEMA)
        with conn:
            conn.executemany("INSERT INTO records VALUES (?, ?, ?, ?, ?, ?)", records)
            conn.executemany("INSERT INTO record_countries VALUES (?, ?, ?)", countries)
            conn.executemany("INSERT INTO record_topics VALUES (?, ?, ?)", topics)
            conn.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [
                    ("version", VERSION),
                    ("digest", digest),
                    ("meta", encode(dataset.meta)),
                    ("files", encode(dataset.files)),
                ],
            )
        conn.executescript(INDEXES)
    finally:
        conn.close()
