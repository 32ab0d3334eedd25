"""Hardening, round three: the cache as a trust boundary, paths and numbers from the environment, links.

The index is trusted only where nobody else may write it; an empty --data is refused; COLUMNS, LINES and their
kin are read one way (a bad value is noted and ignored, a huge one clamped); one file reached through a link is
read once.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import zlib
from pathlib import Path

import pytest
from conftest import FIXTURE, ROOT, run, subprocess_env, summit_cmd

from summitcli.environment import env_number


def cache_of(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "summit"


def test_cache_folders_are_private_whatever_the_umask(tmp_path: Path) -> None:
    cache = tmp_path / "fresh-cache"
    done = subprocess.run(
        summit_cmd("--data", str(FIXTURE), "countries"),
        capture_output=True,
        env=subprocess_env(XDG_CACHE_HOME=str(cache)),
        cwd=ROOT,
        timeout=60,
        preexec_fn=lambda: os.umask(0),
    )
    assert done.returncode == 0, done.stderr
    assert {oct(p.stat().st_mode & 0o777) for p in (cache, cache / "summit")} == {"0o700"}
    assert {oct(p.stat().st_mode & 0o777) for p in (cache / "summit").iterdir()} == {"0o600"}


def plant(index: Path, old: str, new: str) -> None:
    """Rewrite the stored records as an attacker would, checksums included."""
    with sqlite3.connect(index) as conn:
        rows = conn.execute("SELECT seq, json FROM records WHERE instr(json, ?)", (old.encode(),)).fetchall()
        assert rows
        for seq, text in rows:
            changed = bytes(text).replace(old.encode(), new.encode())
            conn.execute("UPDATE records SET json = ?, crc = ? WHERE seq = ?", (changed, zlib.crc32(changed), seq))


def test_an_index_others_may_write_is_not_used(tmp_path: Path) -> None:
    assert ",announced," in run("--data", str(FIXTURE), "agreements", "-f", "csv").stdout
    (index,) = cache_of(tmp_path).glob("*.sqlite")
    plant(index, '"announced"', '"stalled"')
    planted = run("--data", str(FIXTURE), "agreements", "-f", "csv")
    assert "stalled" in planted.stdout, "a private index is trusted as it is (the test plants for real)"
    index.chmod(0o666)
    refused = run("--data", str(FIXTURE), "agreements", "-f", "csv")
    assert refused.exit_code == 0
    assert "stalled" not in refused.stdout and ",announced," in refused.stdout
    assert refused.stderr == f"summit: note: not using the index: others may write {index}\n"


def test_an_index_folder_others_may_write_is_not_used(tmp_path: Path) -> None:
    run("--data", str(FIXTURE), "countries")
    cache_of(tmp_path).chmod(0o777)
    result = run("--data", str(FIXTURE), "countries")
    assert result.exit_code == 0 and "CA" in result.stdout
    assert "not using the index" in result.stderr


@pytest.mark.parametrize("args", [("--data", ""), ("--data", str(FIXTURE), "--data", "")])
def test_an_empty_data_path_is_refused(args: tuple[str, ...]) -> None:
    result = run(*args, "countries")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("summit: error: --data '': an empty path")


def test_a_huge_columns_is_clamped() -> None:
    result = run("--data", str(FIXTURE), "brief", "canada", env={"COLUMNS": "99999999999", "TTY_COMPATIBLE": "1"})
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 1000 + 40  # escape codes aside


@pytest.mark.parametrize("value", ["²", "-3", "80x", "٣"])
def test_a_columns_that_is_no_number_is_noted_and_ignored(value: str) -> None:
    result = run("--data", str(FIXTURE), "brief", "canada", env={"COLUMNS": value, "TTY_COMPATIBLE": "1"})
    assert result.exit_code == 0 and "Canada" in result.stdout
    assert f"summit: note: COLUMNS={value} ignored" in result.stderr


def test_numbers_from_the_environment_are_read_one_way(monkeypatch: pytest.MonkeyPatch) -> None:
    for text, expected in (("42", 42), ("", None), ("²", None), ("0", None), ("9" * 40, 100), (" 7 ", 7)):
        monkeypatch.setenv("SUMMIT_TEST_NUMBER", text)
        assert env_number("SUMMIT_TEST_NUMBER", 1, 100) == expected, text


def test_a_file_reached_through_a_link_is_read_once(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for file in FIXTURE.iterdir():
        (data / file.name).write_bytes(file.read_bytes())
    (tmp_path / "current").symlink_to(data)
    (data / "latest.yaml").symlink_to(data / "data.yaml")
    result = run("--data", str(data), "--data", str(tmp_path / "current"), "countries")
    assert result.exit_code == 0, result.stderr
    assert "duplicate id" not in result.stderr
    assert f"summit: note: {data / 'latest.yaml'} is the same file as {data / 'data.yaml'}: read once" in result.stderr
