"""Locks on the index never hold another summit up (issue 27, items 6 and 7).

A summit whose output waits on its reader (a full pipe, a pager) holds no lock on the index: it read what it
needed and ended its read transaction before the first byte went out, so another summit can update the index
after an edit. A summit that waits for another's lock waits in short tries, where Ctrl-C and SIGTERM are handled,
says so on stderr after a moment, and after a long bound answers from the files without the index.

Every wait here is on a line a process reports (the holder's "locked", summit's "waiting" note, the first bytes
of output), never on a fixed sleep.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURE, ROOT, default_sigint, run, subprocess_env, summit_cmd

import summitcli.index.locking

WAITING = b"waiting for another summit"

# Holds the index's database lock of the kind named by argv[2] ("shared": a reader in a read transaction, as a
# summit whose output waits on a pager; "exclusive": a writer committing), until its stdin closes.
HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "exclusive":
    conn.execute("BEGIN EXCLUSIVE")
else:
    conn.execute("BEGIN")
    conn.execute("SELECT count(*) FROM records").fetchone()
print("locked", flush=True)
sys.stdin.read()
"""


def _index(tmp_path: Path) -> Path:
    (path,) = (tmp_path / "cache" / "summit").glob("*.sqlite")
    return path


def _mini(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    assert run("--data", str(data), "countries").exit_code == 0  # the index, built
    return data


def _hold(index: Path, kind: str) -> subprocess.Popen[bytes]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(index), kind], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert holder.stdout is not None
    assert holder.stdout.readline() == b"locked\n"
    return holder


def _release(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.kill()
    process.communicate(timeout=30)


def _read_until(process: subprocess.Popen[bytes], wanted: bytes, seconds: float = 60) -> bytes:
    """What the process wrote on stderr up to the line holding `wanted`; fails if it never comes."""
    assert process.stderr is not None
    seen = b""
    deadline = time.monotonic() + seconds
    while wanted not in seen:
        left = deadline - time.monotonic()
        assert left > 0, f"never said {wanted!r}; said {seen!r}"
        ready, _, _ = select.select([process.stderr], [], [], left)
        if ready:
            chunk = os.read(process.stderr.fileno(), 4096)
            assert chunk, f"ended without saying {wanted!r}; said {seen!r}"
            seen += chunk
    return seen


def _summit(data: Path, *args: str, **popen: Any) -> subprocess.Popen[bytes]:
    """`summit --data DATA ARGS...` started as a process from the checkout: stdout and stderr piped unless
    `popen` says otherwise."""
    popen = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "env": subprocess_env(), **popen}
    return subprocess.Popen(summit_cmd("--data", str(data), *args), cwd=ROOT, **popen)


def test_a_reader_that_waits_does_not_keep_others_from_updating_the_index(tmp_path: Path) -> None:
    data = tmp_path / "big"
    made = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "benchmarks" / "make_dataset.py"), "2000", str(data)],
        capture_output=True,
        timeout=120,
    )
    assert made.returncode == 0, made.stderr
    assert run("--data", str(data), "countries").exit_code == 0  # the index, built
    # a reader that reads the first bytes, then stops reading: the timeline fills the pipe and waits on it
    waiting = _summit(data, "timeline", "--format", "jsonl", stderr=subprocess.DEVNULL)
    try:
        assert waiting.stdout is not None and waiting.stdout.read(1) == b"{"
        people = data / "people.yaml"
        people.write_text(people.read_text().replace("Home Leader,", "Home Leaders,"))
        edited = subprocess.run(
            summit_cmd("--data", str(data), "people", "-f", "csv"),
            capture_output=True,
            env=subprocess_env(),
            cwd=ROOT,
            timeout=120,
        )
        assert edited.returncode == 0, edited.stderr
        assert b"Home Leaders" in edited.stdout
        assert edited.stderr == b"", "the index was updated, not waited for nor passed by"
        assert waiting.poll() is None, "the first summit was still waiting on its reader all along"
    finally:
        _release(waiting)
    with sqlite3.connect(_index(tmp_path)) as conn:
        assert conn.execute("SELECT count(*) FROM records WHERE instr(json, 'Home Leaders')").fetchone() == (1,)


def test_a_pager_left_open_does_not_keep_others_from_updating_the_index(tmp_path: Path) -> None:
    import fcntl
    import pty
    import struct
    import termios

    data = _mini(tmp_path)
    go = tmp_path / "quit-the-pager"
    pager = (
        f"{sys.executable} -c \"import os, sys, time; sys.stdin.read(); print('<<PAGED>>', flush=True)\n"
        f'while not os.path.exists({str(go)!r}): time.sleep(0.05)"'
    )  # a reader who keeps the pager open until the test is done
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 10, 100, 0, 0))
    paged = subprocess.Popen(
        summit_cmd("--data", str(data), "brief", "canada"),
        stdin=child,
        stdout=child,
        stderr=child,
        env=subprocess_env(SUMMIT_PAGER=pager),
        cwd=ROOT,
        close_fds=True,
    )
    os.close(child)
    try:
        seen = b""
        while b"<<PAGED>>" not in seen:
            ready, _, _ = select.select([main], [], [], 60)
            assert ready, f"the pager never started; the terminal showed {seen!r}"
            seen += os.read(main, 65536)
        (data / "data.yaml").write_text((data / "data.yaml").read_text().replace("Mark Carney", "Mark J. Carney"))
        edited = subprocess.run(
            summit_cmd("--data", str(data), "people", "-f", "csv"),
            capture_output=True,
            env=subprocess_env(),
            cwd=ROOT,
            timeout=120,
        )
        assert edited.returncode == 0, edited.stderr
        assert b"Mark J. Carney" in edited.stdout
        assert edited.stderr == b"", "the index was updated, not waited for nor passed by"
        assert paged.poll() is None, "the pager was open all along"
    finally:
        go.touch()
        paged.wait(timeout=60)
        os.close(main)


def test_a_dataset_open_in_a_notebook_does_not_keep_others_from_updating_the_index(tmp_path: Path) -> None:
    import summitcli

    data = _mini(tmp_path)
    week = summitcli.open_dataset(data)
    assert week.people()  # read, and kept open as a notebook keeps it
    (data / "data.yaml").write_text((data / "data.yaml").read_text().replace("Mark Carney", "Mark J. Carney"))
    edited = subprocess.run(
        summit_cmd("--data", str(data), "people", "-f", "csv"),
        capture_output=True,
        env=subprocess_env(),
        cwd=ROOT,
        timeout=120,
    )
    assert edited.returncode == 0 and b"Mark J. Carney" in edited.stdout, edited.stderr
    assert edited.stderr == b"", "the index was updated, not waited for nor passed by"
    assert week.people()


@pytest.mark.signals
def test_ctrl_c_while_waiting_for_the_index_lock_exits_130(tmp_path: Path) -> None:
    data = _mini(tmp_path)
    holder = _hold(_index(tmp_path), "exclusive")
    try:
        waiting = _summit(data, "agreements", preexec_fn=default_sigint)
        try:
            said = _read_until(waiting, WAITING)
            waiting.send_signal(signal.SIGINT)
            out, err = waiting.communicate(timeout=30)
            assert waiting.returncode == 130, said + err
            assert b"Traceback" not in said + err and out == b""
        finally:
            _release(waiting)
    finally:
        _release(holder)


@pytest.mark.signals
def test_sigterm_while_an_update_waits_to_commit_exits_143_and_changes_nothing(tmp_path: Path) -> None:
    data = _mini(tmp_path)
    index = _index(tmp_path)
    before = index.read_bytes()
    (data / "data.yaml").write_text((data / "data.yaml").read_text().replace("Mini week", "Mini weeks"))
    holder = _hold(index, "shared")  # a reader whose snapshot the update must wait for
    try:
        updating = _summit(data, "agreements")
        try:
            said = _read_until(updating, WAITING)
            updating.send_signal(signal.SIGTERM)
            _, err = updating.communicate(timeout=30)
            assert updating.returncode == 143, said + err
            assert b"Traceback" not in said + err
        finally:
            _release(updating)
    finally:
        _release(holder)
    assert index.read_bytes() == before, "the update was rolled back"
    assert not list(index.parent.glob("*-journal"))


def test_after_a_long_wait_the_answer_comes_from_the_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _mini(tmp_path)
    expected = run("--data", str(data), "--no-cache", "agreements", "-f", "json")
    holder = _hold(_index(tmp_path), "exclusive")
    monkeypatch.setattr(summitcli.index.locking, "WAIT_S", 0.5)
    try:
        answered = run("--data", str(data), "agreements", "-f", "json")
    finally:
        _release(holder)
    assert answered.exit_code == 0, answered.stderr
    assert answered.stdout == expected.stdout
    assert "answering from the data files" in answered.stderr
