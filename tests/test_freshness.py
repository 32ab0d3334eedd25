"""The index keeps up with the files: stat-based freshness (git's rule, racy files included), re-indexing only
the files that changed, checks that span files, and concurrent processes that agree."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURE, ROOT, run, subprocess_env, summit_cmd

import summitcli.datafiles
import summitcli.dataset
import summitcli.index.freshness
import summitcli.loader


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURE, target)
    return target


def _export(data: Path) -> dict:
    result = run("--data", str(data), "export", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _index(tmp_path: Path) -> Path:
    (entry,) = (tmp_path / "cache" / "summit").glob("*.sqlite")
    return entry


def _count(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[object]:
    """Record each call of `module.name` (still calling it)."""
    calls: list[object] = []
    real = getattr(module, name)

    def spy(*args: object, **kwargs: object) -> object:
        calls.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, spy)
    return calls


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Record every read of a data file's bytes."""
    calls = _count(monkeypatch, summitcli.datafiles, "read_bytes")
    monkeypatch.setattr(summitcli.index.freshness, "read_bytes", summitcli.datafiles.read_bytes)
    return calls


def test_warm_run_reads_no_data_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(summitcli.index.freshness, "RACY_NS", 100_000_000)  # a racy window of 0.1 s
    data = _copy(tmp_path)
    assert _export(data)["meta"]["title"] == "Mini week"
    with sqlite3.connect(_index(tmp_path)) as conn:  # as if recorded the moment the files were written: racy
        conn.execute("UPDATE files SET seen_ns = ctime_ns")
    time.sleep(0.2)
    reads = _reads(monkeypatch)
    assert _export(data)["meta"]["title"] == "Mini week"
    assert len(reads) == 2, "racy files are hashed again"
    reads.clear()
    assert run("--data", str(data), "agreements", "canada", "-f", "json").exit_code == 0
    assert reads == [], "found unchanged and old enough, they are trusted from then on: a warm run reads no file"


def test_racy_edit_in_the_same_tick_is_seen(tmp_path: Path) -> None:
    """An edit that leaves the whole stat as recorded (same size, and a filesystem whose timestamps did not move
    within one tick) is still seen: a file changed that close to the moment its stat was recorded is hashed again."""
    data = _copy(tmp_path)
    file = data / "data.yaml"
    assert _export(data)["meta"]["title"] == "Mini week"
    file.write_text(file.read_text(encoding="utf-8").replace("Mini week", "Maxi week"), encoding="utf-8")
    st = file.stat()
    with sqlite3.connect(_index(tmp_path)) as conn:  # the stat recorded is now exactly the file's new stat
        conn.execute(
            "UPDATE files SET size = ?, mtime_ns = ?, ctime_ns = ?, ino = ?, dev = ? WHERE path = ?",
            (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev, os.fsencode(file)),
        )
    assert _export(data)["meta"]["title"] == "Maxi week"


def test_edit_keeping_size_and_mtime_is_seen_through_ctime(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    file = data / "data.yaml"
    assert _export(data)["meta"]["title"] == "Mini week"
    st = file.stat()
    file.write_text(file.read_text(encoding="utf-8").replace("Mini week", "Maxi week"), encoding="utf-8")
    os.utime(file, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert file.stat().st_size == st.st_size and file.stat().st_mtime_ns == st.st_mtime_ns
    assert _export(data)["meta"]["title"] == "Maxi week"


def test_added_removed_and_renamed_files_are_seen(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    assert [s["id"] for s in _export(data)["sources"]] == ["src-a", "src-b"]
    extra = data / "extra.yaml"
    extra.write_text("sources:\n  - {id: src-c, confidence: L}\n", encoding="utf-8")
    assert [s["id"] for s in _export(data)["sources"]] == ["src-a", "src-b", "src-c"]
    renamed = data / "0-first.yaml"
    extra.rename(renamed)  # same bytes, new name, now first in order
    exported = _export(data)
    assert [s["id"] for s in exported["sources"]] == ["src-c", "src-a", "src-b"]
    assert exported["files"][0] == str(renamed)
    renamed.unlink()
    assert [s["id"] for s in _export(data)["sources"]] == ["src-a", "src-b"]


def test_only_the_changed_file_is_parsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _copy(tmp_path)
    assert _export(data)["meta"]["title"] == "Mini week"
    parsed = _count(monkeypatch, summitcli.loader, "parse_file")
    extra = data / "extra.yaml"  # added
    extra.write_text("sources:\n  - {id: src-c, confidence: L}\n", encoding="utf-8")
    assert len(_export(data)["sources"]) == 3
    more = data / "more.yaml"  # edited
    more.write_text(more.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert len(_export(data)["sources"]) == 3
    assert [s.path for s in parsed] == [extra, more]  # type: ignore[attr-defined]


def test_reference_broken_by_an_edit_to_another_file(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    (data / "more.yaml").write_text(
        "sources:\n  - {id: src-c, confidence: L}\n"
        "facts:\n  - {id: fact-c, text: T, countries: [CA], sources: [src-c], confidence: M}\n",
        encoding="utf-8",
    )
    (data / "zz.yaml").write_text(
        "facts:\n  - {id: fact-z, text: Z, countries: [CA], sources: [src-c], confidence: M}\n", encoding="utf-8"
    )
    assert len(_export(data)["facts"]) > 1
    more = data / "more.yaml"
    more.write_text(more.read_text(encoding="utf-8").replace("src-c", "src-d"), encoding="utf-8")
    result = run("--data", str(data), "export", "json")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"{data / 'zz.yaml'}:2:54: facts[0].sources[0]: unknown source id 'src-c' (did you mean 'src-d'?)\n"
    )
    again = run("--data", str(data), "timeline")  # never an answer from the old index while the data is broken
    assert again.exit_code == 1 and again.stderr == result.stderr
    (data / "zz.yaml").unlink()
    assert "fact-c" in {f["id"] for f in _export(data)["facts"]}


def test_duplicate_id_and_second_meta_added_by_an_edit(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    assert _export(data)["meta"]["title"] == "Mini week"
    (data / "zz.yaml").write_text(
        "meta: {title: Other, home: KR}\nsources:\n  - {id: src-a, confidence: L}\n", encoding="utf-8"
    )
    result = run("--data", str(data), "export", "json")
    assert result.exit_code == 1
    zz = data / "zz.yaml"
    lines = result.stderr.splitlines()
    first = data / "data.yaml"
    assert lines[0] == (
        f"{zz}:1:7: meta: a second meta: block (the first is at {first}:1:7; expected exactly one across the dataset)"
    )
    assert lines[1] == (
        f"{zz}:3:10: sources[0].id: duplicate id 'src-a' (first defined at {first}:6:10; expected unique ids)"
    )


def test_concurrent_processes_after_an_edit_agree(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    env = subprocess_env(XDG_CACHE_HOME=str(tmp_path / "cache"))
    cmd = summit_cmd("--data", str(data), "export", "json")
    assert subprocess.run(cmd, capture_output=True, env=env, cwd=ROOT, timeout=60).returncode == 0
    file = data / "data.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace("Mini week", "Edited week"), encoding="utf-8")
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT) for _ in range(6)]
    results = [proc.communicate(timeout=120) for proc in procs]
    assert all(proc.returncode == 0 for proc in procs), [err for _, err in results]
    assert {json.loads(out)["meta"]["title"] for out, _ in results} == {"Edited week"}
    assert all(err == b"" for _, err in results)


def test_damaged_record_is_detected_and_the_index_rebuilt(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    assert _export(data)["meta"]["title"] == "Mini week"
    with sqlite3.connect(_index(tmp_path)) as conn:
        conn.execute("UPDATE records SET json = replace(json, 'Gyeongju', 'Pyongyang')")
    assert "Pyongyang" not in run("--data", str(data), "timeline", "-f", "json").stdout
    with sqlite3.connect(_index(tmp_path)) as conn:
        assert conn.execute("SELECT count(*) FROM records WHERE json LIKE '%Pyongyang%'").fetchone() == (0,)


@pytest.mark.parametrize(
    "damage",
    ["DROP TABLE record_countries", "UPDATE records SET json = 'not json', crc = 0", "UPDATE files SET meta = 7"],
)
def test_damaged_index_is_rebuilt_not_a_traceback(tmp_path: Path, damage: str) -> None:
    data = _copy(tmp_path)
    expected = run("--data", str(data), "--no-cache", "agreements", "canada", "-f", "json").stdout
    assert run("--data", str(data), "agreements", "canada", "-f", "json").stdout == expected
    with sqlite3.connect(_index(tmp_path)) as conn:
        conn.execute(damage)
    result = run("--data", str(data), "agreements", "canada", "-f", "json")
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected, "")


def test_validate_reads_the_yaml_not_the_index(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    assert _export(data)["meta"]["title"] == "Mini week"
    with sqlite3.connect(_index(tmp_path)) as conn:
        conn.execute("UPDATE files SET meta = replace(meta, 'Mini', 'Fake') WHERE meta IS NOT NULL")
    assert run("--data", str(data), "validate").stdout.splitlines()[0] == "valid: Mini week"


def test_stale_temporary_index_files_are_swept(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    assert _export(data)["meta"]["title"] == "Mini week"
    folder = tmp_path / "cache" / "summit"
    key = _index(tmp_path).stem
    mine = folder / f".{key}.killed.tmp"
    other_old = folder / ".0123abcd.killed.tmp"
    other_new = folder / ".4567cdef.building.tmp"
    for file in (mine, other_old, other_new):
        file.write_bytes(b"x" * 1000)
    os.utime(other_old, (1, 1))
    _index(tmp_path).unlink()  # the next run builds the index anew
    assert _export(data)["meta"]["title"] == "Mini week"
    assert not mine.exists() and not other_old.exists()
    assert other_new.exists(), "another dataset's build may still be running"


@pytest.mark.parametrize("value", ["relcache", ""])
def test_relative_cache_home_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    """The XDG spec: a relative XDG_CACHE_HOME is invalid and ignored (HOME's .cache is used)."""
    data = _copy(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", value)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for _ in range(2):
        assert _export(data)["meta"]["title"] == "Mini week"
    assert not (tmp_path / "relcache").exists()
    assert list((tmp_path / "home" / ".cache" / "summit").glob("*.sqlite"))


def test_relative_home_without_cache_home_skips_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _copy(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", "relcache")
    monkeypatch.setenv("HOME", "relhome")
    for _ in range(2):
        assert _export(data)["meta"]["title"] == "Mini week"
    assert not (tmp_path / "relcache").exists() and not (tmp_path / "relhome").exists()


@pytest.mark.signals
def test_sigterm_during_a_build_leaves_no_temporary_file(tmp_path: Path) -> None:
    data = tmp_path / "big"
    made = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "benchmarks" / "make_dataset.py"), "3000", str(data)],
        capture_output=True,
        timeout=120,
    )
    assert made.returncode == 0, made.stderr
    cache = tmp_path / "cold"
    env = subprocess_env(XDG_CACHE_HOME=str(cache))
    proc = subprocess.Popen(
        summit_cmd("--data", str(data), "countries"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT
    )
    deadline = time.monotonic() + 60
    while not list(cache.rglob("*.tmp")):  # the build has started writing its temporary index
        assert proc.poll() is None, "the build ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143 and b"Traceback" not in err
    assert not list(cache.rglob("*.tmp"))
    assert not list(cache.rglob("*.sqlite"))


def test_records_stored_in_batches_as_they_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file is stored a batch of records at a time (memory: one batch); a problem after the first batches
    still keeps the whole file out, and the index then holds the old file whole."""
    data = _copy(tmp_path)
    expected = _export(data)
    monkeypatch.setattr(summitcli.loader, "BATCH", 1)
    shutil.rmtree(tmp_path / "cache")
    assert _export(data) == expected
    more = data / "more.yaml"
    text = more.read_text(encoding="utf-8")
    more.write_text(text + "plans:\n  - {id: bad-plan}\n", encoding="utf-8")
    result = run("--data", str(data), "export", "json")
    assert result.exit_code == 1 and "plans[0]: missing required field" in result.stderr
    more.write_text(text, encoding="utf-8")
    assert _export(data) == expected
