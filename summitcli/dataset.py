"""The dataset every command reads: the index, brought up to date with the files first if it is not.

The fourth step of the data layer (files -> loader -> index -> dataset -> query).

Freshness without reading the data (git's rule): a file whose size, mtime, ctime, inode and device are what the
index recorded is trusted; one whose stat differs, or that was "racy" when recorded (changed within RACY_NS of
that moment, when a second edit could keep its stat), is read and hashed again. An edit that restores size and
mtime still changes ctime; an added, removed or renamed file changes the list of paths.

Incremental: only the files whose bytes changed are parsed and validated, in one SQLite transaction that also
runs the checks spanning files; a problem rolls the transaction back, so a query sees the old files or the new
ones, never a mix. Writers take a lock file first (processes started together: one builds, the others wait and
then read what it built); readers read one snapshot. A new or damaged index is built in a temporary file and
renamed into place. Memory holds one batch of records at a time (see `loader.BATCH`).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from summitcli import index
from summitcli.datafiles import SourceFile, data_paths, find_files, path_key, read_files
from summitcli.errors import DataError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from summitcli import model
    from summitcli.problems import Problem

STALE_TMP_S = 3600  # temporary index files of other datasets older than this are swept


def open_data(cli_paths: list[Path] | None = None, use_cache: bool = True) -> index.IndexedDataset:
    """The validated dataset: from the index (brought up to date first), else parsed into a temporary one."""
    sources = read_files(find_files(data_paths(cli_paths)))
    return open_sources(sources, use_cache)


def open_sources(sources: list[SourceFile], use_cache: bool = True) -> index.IndexedDataset:
    if use_cache:
        folder = index.index_dir()
        if folder is not None:
            try:
                return _open_cached(folder, sources)
            except (OSError, sqlite3.Error, index.Damaged):
                pass  # the cache cannot be used: answer without it
            except index.Busy as busy:
                print(f"summit: note: {busy.message}; answering from the data files", file=sys.stderr)
            except (TypeError, ValueError, KeyError, IndexError):  # an index damaged in a way not foreseen
                _discard(folder / f"{index.index_name(sources)}.sqlite")
    return parse_into_temporary(sources)


def load(cli_paths: list[Path] | None = None, use_cache: bool = True) -> model.Dataset:
    """The whole validated dataset, every record decoded."""
    return open_data(cli_paths, use_cache).materialize()


def parse_and_validate(sources: list[SourceFile]) -> model.Dataset:
    """Parse every file and check the whole dataset (nothing cached); raise DataError listing every problem."""
    return parse_into_temporary(sources).materialize()


def validate_files(sources: list[SourceFile], warnings: list[Problem] | None = None) -> tuple[str, dict[str, int]]:
    """Parse and check every file (never trusting the index); the dataset's title and what it holds, counted
    without decoding the records (memory: one batch of records at a time). `warnings`: where to add what is valid
    but may not be what was meant (a source address that is not http(s)), found even when the data is refused."""
    indexed = parse_into_temporary(sources, lean=True, warnings=warnings)
    return indexed.meta.title, {"files": len(sources), **indexed.summary()}


def parse_into_temporary(
    sources: list[SourceFile], lean: bool = False, warnings: list[Problem] | None = None
) -> index.IndexedDataset:
    """Every file parsed and checked into a private temporary index (SQLite deletes it when closed); `lean`:
    for counting and checking only, not for queries."""
    conn = sqlite3.connect("", check_same_thread=False)
    try:
        conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536;")
        _build(conn, sources, ("check",) if lean else ("check", "query"), lean, warnings)
    except BaseException:
        conn.close()
        raise
    return index.IndexedDataset(conn, _names(sources))


def _names(sources: list[SourceFile]) -> list[str]:
    return [s.name for s in sources]


@contextlib.contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Parsing makes millions of small dicts and lists and no cycles: the cyclic collector would only slow it."""
    import gc

    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _build(
    conn: sqlite3.Connection,
    sources: list[SourceFile],
    uses: tuple[str, ...] = ("check", "query"),
    lean: bool = False,
    warnings: list[Problem] | None = None,
) -> None:
    """Parse and check every file into the empty database `conn`, with the secondary indexes for `uses`;
    raise DataError listing every problem (nothing committed)."""
    index.create(conn)
    with conn:
        stored = _store_files(conn, enumerate(sources), lean, warnings)
        index.create_indexes(conn, uses)
        problems = _every_problem(conn, None, stored.files, stored, sources)
        if problems:
            raise DataError(problems)
        index.summarize(conn)


class _Stored(NamedTuple):
    problems: list[Problem]  # each file's own
    files: dict[int, SourceFile]  # file id -> the file, for every file stored
    complete: bool  # YAML could read every file


def _store_files(
    conn: sqlite3.Connection,
    files: Iterable[tuple[int, SourceFile]],
    lean: bool = False,
    warnings: list[Problem] | None = None,
) -> _Stored:
    """Parse each (order, file) and store its records, problems or not, so that one run finds every problem:
    each file's own, and those across files. Memory: one batch of records at a time."""
    from summitcli.loader import parse_file

    problems: list[Problem] = []
    stored: dict[int, SourceFile] = {}
    complete = True
    with no_cycle_collection():
        for ord, source in files:
            seen = time.time_ns()
            writer = index.FileWriter(conn, lean)
            parsed = parse_file(source, problems, sink=writer.add, warnings=warnings)
            if parsed is None:
                complete = False
            else:
                writer.add(parsed.records)
                stored[writer.finish(ord, source, parsed.meta, seen, index.digest(source.data))] = source
            source.release()
    return _Stored(problems, stored, complete)


def _every_problem(
    conn: sqlite3.Connection,
    changed: list[int] | None,
    files: dict[int, SourceFile],
    stored: _Stored,
    sources: list[SourceFile],
) -> list[Problem]:
    """The files' own problems and those across files (`changed`: the files to check, None for all), in the
    order of the files, each file's by line."""
    found = index.cross_checks(conn, changed, {fid: s.name for fid, s in files.items()}, complete=stored.complete)
    problems = stored.problems + index.locate_problems(found, files)
    order = {s.name: n for n, s in enumerate(sources)}
    return sorted(problems, key=lambda p: (order.get(p.file, len(order)), p.line or 0, p.column or 0))


def _open_cached(folder: Path, sources: list[SourceFile]) -> index.IndexedDataset:
    key = index.index_name(sources)
    path = folder / f"{key}.sqlite"
    index.private_dir(folder)
    _trusted(folder, path, folder / f"{key}.lock")
    fresh = _fresh(path, sources)
    if fresh is not None:
        return fresh
    with index.terminated_cleanly(), index.locked(folder / f"{key}.lock"):
        fresh = _fresh(path, sources)  # another process may have brought it up to date meanwhile
        if fresh is not None:
            return fresh
        try:
            verified = _update(path, sources) if path.is_file() else None
        except (sqlite3.DatabaseError, index.Damaged):  # damaged: built anew below
            verified = None
        if verified is None:
            _sweep(folder, key)
            _build_file(folder, key, sources)
            verified = {path_key(s.path) for s in sources}
        fresh = _fresh(path, sources, verified)  # the snapshot is taken while the lock is held
    if fresh is None:
        raise index.Damaged("the index just written does not match the files")
    return fresh


def _trusted(*paths: Path) -> None:
    """Refuse (index.Damaged: the caller answers from the YAML) an index folder, file or lock that another user
    owns or may write, with a note on stderr."""
    for path in paths:
        if path.exists() and not index.owned_privately(path):
            print(f"summit: note: not using the index: others may write {path}", file=sys.stderr)
            raise index.Damaged(f"{path} is not private")


def _recover(path: Path, sources: list[SourceFile]) -> index.IndexedDataset:
    """Rebuild a damaged index from the YAML and answer from the new one."""
    with contextlib.suppress(OSError):
        os.unlink(path)
    for source in sources:
        source.stat = None  # read again: the files may have changed since
    fresh = read_files([s.path for s in sources])
    return open_sources(fresh)


def _fresh(
    path: Path, sources: list[SourceFile], verified: set[bytes] | None = None, settle: bool = True
) -> index.IndexedDataset | None:
    """The index at `path` in a read transaction, if it holds exactly these files as they are; else None.

    Files whose stat matches are trusted; racy ones (and only those) are hashed again. `verified` names files
    whose recorded stat was taken from the bytes just indexed."""
    if not path.is_file():
        return None
    try:
        conn = index.connect(path)
    except sqlite3.Error:
        return None
    try:
        conn.execute("BEGIN")
        rows = index.patiently(lambda: index.recorded_files(conn))
        settled = index.unchanged(rows, sources, verified) if rows is not None and len(rows) == len(sources) else None
        if settled is None:
            conn.close()
            return None
        if settled and settle:
            index.settle(conn, settled)
            conn.close()
            return _fresh(path, sources, verified, settle=False)
        return index.IndexedDataset(conn, _names(sources), recover=lambda: _recover(path, sources))
    except (sqlite3.Error, index.Damaged):
        conn.close()
        _discard(path)
        return None
    except BaseException:  # a file that can no longer be read: a data error, raised with the snapshot released
        conn.close()
        raise


def _discard(path: Path) -> None:
    """Remove an index that cannot be read (corrupt, not SQLite): the next writer builds a new one."""
    with contextlib.suppress(OSError):
        os.unlink(path)


def _update(path: Path, sources: list[SourceFile]) -> set[bytes] | None:
    """Bring the index at `path` up to date in one transaction (the lock is held); return the files whose stat
    was recorded from the bytes just read. None if the index must be built anew (other version, damaged)."""
    try:
        conn = index.connect(path)
        # a cache: an application crash is safe (the journal rolls back); a power loss may damage it (then rebuilt)
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -65536")
        index.patiently(lambda: conn.execute("BEGIN IMMEDIATE"))
        rows = index.recorded_files(conn)
    except sqlite3.Error:
        return None
    except index.Busy:
        conn.close()
        raise
    if rows is None:
        conn.close()
        return None
    try:
        verified, changed = index.sort_files(conn, rows, sources)
        gone = [*rows.values(), *(row for _, _, row in changed if row is not None)]
        index.mark_lost(conn, gone)
        for row in gone:
            index.drop_file(conn, row)
        for _, source, _ in changed:
            source.stat = None
        stored = _store_files(conn, ((ord, source) for ord, source, _ in changed))
        by_key = {path_key(s.path): s for s in sources}
        files = {fid: by_key[bytes(p)] for fid, p in conn.execute("SELECT id, path FROM files ORDER BY ord")}
        problems = _every_problem(conn, list(stored.files), files, stored, sources)
        if problems:
            conn.execute("ROLLBACK")
            raise DataError(problems)
        verified |= {path_key(s.path) for s in stored.files.values()}
        index.summarize(conn)
        index.patiently(lambda: conn.execute("COMMIT"))  # waits for readers' snapshots to end
        return verified
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()


def _build_file(folder: Path, key: str, sources: list[SourceFile]) -> None:
    """Build the index anew in a temporary file and rename it into place (the lock is held)."""
    # named before it is created, so that a signal at any moment finds the name in the cleanup below
    tmp = folder / f".{key}.{os.urandom(6).hex()}.tmp"
    try:
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        conn = sqlite3.connect(tmp)
        try:
            conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536;")
            _build(conn, sources)
            conn.executescript("PRAGMA journal_mode = DELETE;")
        finally:
            conn.close()
        with contextlib.suppress(OSError):  # a journal left by a killed update belongs to the old file, not this one
            os.unlink(folder / f"{key}.sqlite-journal")
        os.replace(tmp, folder / f"{key}.sqlite")
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _sweep(folder: Path, key: str) -> None:
    """Remove temporary index files left by killed builds: this dataset's (its lock is held, so no build of
    it runs) and any other older than STALE_TMP_S."""
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if not (entry.name.startswith(".") and entry.name.endswith(".tmp")):
                continue
            with contextlib.suppress(OSError):
                if entry.name.startswith(f".{key}.") or now - entry.stat().st_mtime > STALE_TMP_S:
                    os.unlink(entry.path)


def refuse_overwriting(output: Path, cli_paths: list[Path] | None) -> None:
    """SummitError if `output` is one of the dataset's files or its index (as `cp` refuses "are the same file"),
    so that an export never destroys what it is made from. A dataset that cannot be read is the command's to
    report."""
    if not output.exists():
        return
    try:
        sources = read_files(find_files(data_paths(cli_paths)))
    except DataError:
        return
    folder = index.index_dir()
    ours = [s.path for s in sources]
    if folder is not None:
        key = index.index_name(sources)
        ours += [folder / f"{key}.sqlite", folder / f"{key}.lock"]
    for path in ours:
        with contextlib.suppress(OSError):
            if os.path.samefile(output, path):
                from summitcli.datafiles import display_name
                from summitcli.errors import SummitError

                same = "" if display_name(path) == display_name(output) else f" the same file as {display_name(path)},"
                raise SummitError(
                    f"{display_name(output)}:{same} a file of the dataset being read "
                    "(expected another path: an export never replaces its own data)"
                )


def open_index(sources: list[SourceFile]) -> index.IndexedDataset | None:
    """The index if it is up to date with these files, else None: never parses YAML (shell completion)."""
    folder = index.index_dir()
    if folder is None:
        return None
    try:
        return _fresh(folder / f"{index.index_name(sources)}.sqlite", sources)
    except (OSError, sqlite3.Error, index.Damaged, index.Busy, DataError):
        return None
