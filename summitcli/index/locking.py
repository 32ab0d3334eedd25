"""Locks on the index: one writer at a time per dataset (a lock file beside it), SQLite's wait for a writer's
commit, and SIGTERM turned into an exception while the index is written."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

BUSY_MS = 600_000  # how long a reader waits for a writer's commit (a writer commits in well under that)


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
    conn = sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True, check_same_thread=False, timeout=BUSY_MS / 1000)
    conn.isolation_level = None  # transactions as written below
    return conn
