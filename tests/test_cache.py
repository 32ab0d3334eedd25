"""The parsed-dataset cache: rebuilt when corrupt, skipped when it cannot be written or is not wanted, shared by
processes started together, and answering as the YAML does. (That it is never stale: test_freshness.py.)"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURE, run


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURE, target)
    return target


def _title(data: Path) -> str:
    result = run("--data", str(data), "export", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["meta"]["title"]


def test_corrupt_cache_is_rebuilt(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    assert _title(data) == "Mini week"
    entries = list((tmp_path / "cache" / "summit").glob("*.sqlite"))
    assert len(entries) == 1
    entries[0].write_bytes(b"\x93garbage")
    assert _title(data) == "Mini week"
    assert entries[0].read_bytes() != b"\x93garbage"


def test_unwritable_cache_directory_is_skipped(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert _title(_copy(tmp_path)) == "Mini week"


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    assert run("--no-cache", "--data", str(data), "timeline").exit_code == 0
    assert not (tmp_path / "cache" / "summit").exists()


def test_summit_data_environment_variable_and_flag_precedence(tmp_path: Path, monkeypatch) -> None:
    data = _copy(tmp_path)
    monkeypatch.setenv("SUMMIT_DATA", str(data))
    assert json.loads(run("export", "json").stdout)["meta"]["title"] == "Mini week"
    bundled = json.loads(run("--data", str(Path(__file__).parents[1] / "data"), "export", "json").stdout)
    assert bundled["meta"]["home"] == "KR" and bundled["meta"]["title"] != "Mini week"


def test_processes_started_together_on_a_cold_cache_all_answer(tmp_path: Path) -> None:
    import subprocess

    from conftest import ROOT, subprocess_env, summit_cmd

    data = _copy(tmp_path)
    env = subprocess_env(XDG_CACHE_HOME=str(tmp_path / "cold"))
    cmd = summit_cmd("--data", str(data), "agreements", "--format", "json")
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT) for _ in range(6)]
    results = [proc.communicate(timeout=120) for proc in procs]
    assert all(proc.returncode == 0 for proc in procs), [err for _, err in results]
    outputs = {out for out, _ in results}
    assert len(outputs) == 1 and json.loads(outputs.pop())[0]["id"] == "kr-ca-pact"
    assert all(err == b"" for _, err in results)
    after = subprocess.run(cmd, capture_output=True, env=env, cwd=ROOT, timeout=60)
    assert json.loads(after.stdout)[0]["id"] == "kr-ca-pact"
    assert not list((tmp_path / "cold").rglob("*.tmp")), "no temporary files left behind"


def test_index_from_another_version_is_rebuilt(tmp_path: Path) -> None:
    import sqlite3

    data = _copy(tmp_path)
    assert _title(data) == "Mini week"
    (entry,) = (tmp_path / "cache" / "summit").glob("*.sqlite")
    with sqlite3.connect(entry) as conn:
        conn.execute("UPDATE meta SET value = '0.0.0/0' WHERE key = 'version'")
        conn.execute("UPDATE records SET json = '{}'")  # what an old layout would hold
    assert _title(data) == "Mini week"
    with sqlite3.connect(entry) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()[0] != "0.0.0/0"


@pytest.mark.parametrize(
    "args",
    [
        ["brief", "nz"],
        ["agreements", "canada"],
        ["agreements"],
        ["timeline"],
        ["countries"],
        ["topics", "critical-minerals"],
        ["followups"],
        ["quotes", "nz"],
        ["search", "minerals"],
        ["sources", "src-a"],
        ["matrix"],
    ],
    ids=" ".join,
)
def test_answers_from_the_index_equal_answers_from_the_yaml(tmp_path: Path, args: list[str]) -> None:
    parsed = run("--data", str(FIXTURE), "--no-cache", *args, "-f", "json")
    cold = run("--data", str(FIXTURE), *args, "-f", "json")
    assert list((tmp_path / "cache" / "summit").glob("*.sqlite")), "the first run wrote the index"
    warm = run("--data", str(FIXTURE), *args, "-f", "json")
    assert parsed.exit_code == cold.exit_code == warm.exit_code == 0
    assert parsed.stdout == cold.stdout == warm.stdout
