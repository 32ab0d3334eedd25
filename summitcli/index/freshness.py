"""Whether the index still holds the files as they are (git's rule): the stat each file had when it was read, the
digest of its bytes, and the "racy" files whose stat alone cannot be trusted."""

from __future__ import annotations

import contextlib
import sqlite3
import time
from typing import Any, NamedTuple

from summitcli.datafiles import SourceFile, Stat, path_key, read_bytes
from summitcli.index import schema
from summitcli.index.schema import Damaged

# A file whose mtime or ctime lies within this of the moment its stat was recorded is "racy" (git's word): an
# edit in the same timestamp tick could keep its stat, so its bytes are hashed again until it is older than this.
RACY_NS = 2_000_000_000


def digest(data: bytes) -> bytes:
    """A file's BLAKE2b digest: needed only when a file's stat cannot be trusted, so hashlib (2 ms to import) is
    imported here, not by every warm run."""
    from hashlib import blake2b

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
    if version is None or version[0] != schema.VERSION:
        return None
    rows = conn.execute(f"SELECT path, {_ROW} FROM files")
    try:
        return {bytes(r[0]): _file_row(r[1:]) for r in rows}
    except (TypeError, ValueError) as exc:  # a column of the wrong type
        raise Damaged(str(exc)) from None


_ROW = "id, ord, size, mtime_ns, ctime_ns, ino, dev, seen_ns, digest, lo, hi"


def _file_row(r: tuple[Any, ...]) -> FileRow:
    return FileRow(r[0], r[1], Stat(r[2], r[3], r[4], r[5], r[6]), r[7], bytes(r[8]), r[9], r[10])


def recorded_file(conn: sqlite3.Connection, source: SourceFile) -> FileRow | None:
    """The row of one file, by its path; None if the index has none."""
    found = conn.execute(f"SELECT {_ROW} FROM files WHERE path = ?", (path_key(source.path),)).fetchone()
    try:
        return _file_row(found) if found is not None else None
    except (TypeError, ValueError) as exc:  # a column of the wrong type
        raise Damaged(str(exc)) from None


def holds(row: FileRow, source: SourceFile) -> bool:
    """Git's rule for one file: the index holds `source` as it is now (its stat as recorded; a racy file's bytes
    hashed again and found the same)."""
    if source.stat is None or row.stat != source.stat:
        return False
    if not row.racy():
        return True
    data, stat = read_bytes(source.path)
    return stat == row.stat and digest(data) == row.digest


def set_order(conn: sqlite3.Connection, file_id: int, ord: int) -> None:
    conn.execute("UPDATE files SET ord = ? WHERE id = ?", (ord, file_id))


def touch(conn: sqlite3.Connection, file_id: int, ord: int, stat: Stat, seen_ns: int) -> None:
    """Record a new stat for a file whose bytes were hashed again and found unchanged."""
    conn.execute(
        "UPDATE files SET ord = ?, size = ?, mtime_ns = ?, ctime_ns = ?, ino = ?, dev = ?, seen_ns = ? WHERE id = ?",
        (ord, *stat, seen_ns, file_id),
    )


def unchanged(
    rows: dict[bytes, FileRow], sources: list[SourceFile], verified: set[bytes] | None
) -> list[tuple[int, int]] | None:
    """Git's rule, for a read: None if any file is not as recorded (another path, order or stat; a racy file's
    bytes changed); else the racy files found unchanged and now old enough to be trusted by their stat, each
    (file id, now)."""
    settled: list[tuple[int, int]] = []
    now = time.time_ns()
    for ord, source in enumerate(sources):
        key = path_key(source.path)
        row = rows.get(key)
        if row is None or row.ord != ord or row.stat != source.stat:
            return None
        if row.racy() and not (verified and key in verified):
            data, stat = read_bytes(source.path)
            if stat != row.stat or digest(data) != row.digest:
                return None
            if max(stat.mtime_ns, stat.ctime_ns) < now - RACY_NS:
                settled.append((row.id, now))
    return settled


def settle(conn: sqlite3.Connection, settled: list[tuple[int, int]]) -> None:
    """Record that racy files, hashed again and unchanged, are no longer racy (git's "smudging"), unless another
    process is writing. The read transaction guarantees the rows are those just checked."""
    try:
        conn.execute("PRAGMA busy_timeout = 50")
        conn.executemany("UPDATE files SET seen_ns = ? WHERE id = ?", [(ns, fid) for fid, ns in settled])
        conn.execute("COMMIT")
    except sqlite3.OperationalError:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


def sort_files(
    conn: sqlite3.Connection, rows: dict[bytes, FileRow], sources: list[SourceFile]
) -> tuple[set[bytes], list[tuple[int, SourceFile, FileRow | None]]]:
    """Git's rule, for an update: files whose stat matches are kept (moved to their new place in the order);
    files whose bytes are unchanged get their new stat (`verified`); the rest are `changed`, each with its old row
    if it had one. The rows left in `rows` are the files no longer in the dataset."""
    verified: set[bytes] = set()
    changed: list[tuple[int, SourceFile, FileRow | None]] = []
    for ord, source in enumerate(sources):
        key = path_key(source.path)
        row = rows.pop(key, None)
        if row is not None and row.stat == source.stat and not row.racy():
            if row.ord != ord:
                set_order(conn, row.id, ord)
            continue
        seen = time.time_ns()
        data, stat = read_bytes(source.path)
        if row is not None and digest(data) == row.digest:
            touch(conn, row.id, ord, stat, seen)
            source.stat = stat
            verified.add(key)
        else:
            changed.append((ord, source, row))
    return verified, changed
