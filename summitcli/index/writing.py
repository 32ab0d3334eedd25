"""Writing the index: one file's records a batch at a time, the rows of files that go, and the dataset's summary."""

from __future__ import annotations

import sqlite3
import zlib
from typing import Any

import msgspec

from summitcli import model
from summitcli.datafiles import SourceFile, Stat, path_key
from summitcli.index.freshness import FileRow
from summitcli.index.schema import SPACES
from summitcli.relations import own_countries


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
