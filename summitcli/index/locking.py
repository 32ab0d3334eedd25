"""Locks on the index: one writer at a time per dataset (a lock file beside it), the waits for another process's
lock on the database, and SIGTERM turned into an exception while the index is written.

A wait inside SQLite (its busy handler) runs where Python cannot handle a signal: Ctrl-C or SIGTERM would do
nothing until it ends. So SQLite waits at most TRY_MS at a time, and `patiently` retries in Python, where signals
are handled between tries; it says on stderr that it waits after NOTE_AFTER_S, and gives up after WAIT_S (`Busy`:
the caller answers from the data files, without the index)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import time
from typing import TYPE_CHECKING, TypeVar

from summitcli.errors import SummitError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

T = TypeVar("T")

TRY_MS = 100  # the longest SQLite waits for a lock in one try (signals wait for the try to end)
NOTE_AFTER_S = 1.0  # a wait longer than this is said on stderr
WAIT_S = 30.0  # the longest a process waits for another's lock on the index (a commit takes well under that)
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6


class Busy(SummitError):
    """Another process held its lock on the index for longer than WAIT_S."""


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold the lock file beside the index: one writer at a time per dataset."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - no flock (Windows): SQLite's own locking still applies
        yield
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


@contextlib.contextmanager
def terminated_cleanly() -> Iterator[None]:
    """While the index is written, SIGTERM ends the run as an exception (exit 143), so that the update is rolled
    back and a temporary file removed on the way out, not left in the cache."""
    import signal

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: signals stay as they are
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def connect(path: Path) -> sqlite3.Connection:
    """The index at `path`, opened for reading and writing; SQLite waits for a lock TRY_MS at a time (`patiently`)."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True, check_same_thread=False, timeout=TRY_MS / 1000)
    conn.isolation_level = None  # transactions as written below
    return conn


def busy(exc: sqlite3.OperationalError) -> bool:
    """The error says another connection holds a lock (not that the index is damaged)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
    return "locked" in str(exc)  # pragma: no cover - Python before 3.11 names no error code


def patiently(step: Callable[[], T]) -> T:
    """`step` (SQLite statements that may wait for another process's lock), tried again while the lock is held,
    sleeping in Python between tries so that Ctrl-C and SIGTERM are handled; Busy after WAIT_S."""
    start = time.monotonic()
    said = False
    while True:
        try:
            return step()
        except sqlite3.OperationalError as exc:
            if not busy(exc):
                raise
        waited = time.monotonic() - start
        if waited >= WAIT_S:
            raise Busy(f"the index is locked by another summit process (waited {WAIT_S:g} s)")
        if waited >= NOTE_AFTER_S and not said:
            print("summit: note: waiting for another summit process to release the index", file=sys.stderr, flush=True)
            said = True
        time.sleep(0.02)
