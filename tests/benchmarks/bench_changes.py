"""`summit changes --since HEAD~1` after one file of a large history was edited and committed, against a bare parse
of that one file (as bench_scale.py: `yaml.load` with libyaml, in its own process): the cost should follow the
change, not the dataset.

A git repository of MEETINGS meetings in FILES files (and the same meetings in FILES // 5 files, to show the cost
does not grow with the unchanged files); one meeting's title edited and committed; the index warmed by one run.
Each figure is the median of ROUNDS rounds of whole processes (each round runs every command once, in turn),
measured twice; said beside them, for where the time goes: `summit --version` (start-up) and summit's own parse of
the file in process (`changes` parses the older version only: the current one is read from the index).

Every file is dated some seconds before its commit, as a user's edited files are. Files written in the same second
as git's own index are "racily clean" to git: until some git command rewrites its index (a `git status`), every
`git diff` against the work tree reads all of them again (50 ms per diff for these 100 MB), and `summit changes`,
which never writes the user's index, would pay that on each run.
On demand, not in CI:

    python tests/benchmarks/bench_changes.py [MEETINGS] [FILES] [ROUNDS]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from summitcli.datafiles import SourceFile
from summitcli.loader import parse_file

GIT_ENV = {
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.org",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env={**os.environ, **GIT_ENV})


def event(n: int) -> str:
    return (
        f'  - {{id: m{n}, kind: bilateral, title: "Meeting number {n} on trade and security", '
        f'date: "2024-{1 + n % 12:02d}-{1 + n % 28:02d}", parties: [KR, {("CA", "JP", "NZ", "AU")[n % 4]}], '
        f'summary: "Leaders discussed cooperation in supply chains, energy and defence.", '
        f"sources: [s1], confidence: M}}\n"
    )


def written_ago(seconds: int, *paths: Path) -> None:
    then = time.time() - seconds
    for path in paths:
        os.utime(path, (then, then))


def build(folder: Path, meetings: int, files: int) -> Path:
    data = folder / "data"
    data.mkdir(parents=True)
    (data / "a-meta.yaml").write_text(
        'meta: {title: Bench, home: KR}\nsources:\n  - {id: s1, publication: Wire, date: "2024-01-01", '
        "confidence: M}\n",
        encoding="utf-8",
    )
    per_file = meetings // files
    for f in range(files):
        lines = ["events:\n", *(event(f * per_file + i) for i in range(per_file))]
        (data / f"part-{f:03d}.yaml").write_text("".join(lines), encoding="utf-8")
    written_ago(60, *data.iterdir())
    git(folder, "init", "-q")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "data")
    edited = data / f"part-{files // 2:03d}.yaml"
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("on trade and security", "on trade and SECURITY", 1), encoding="utf-8")
    written_ago(30, edited)
    git(folder, "commit", "-q", "-am", "one title corrected")
    return edited


def command(data: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "summitcli", "--data", str(data), "changes", "--since", "HEAD~1", "-f", "jsonl"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    elapsed = time.perf_counter() - start
    assert done.stdout.count("\n") == 1, done.stdout
    return elapsed


LOAD = "import sys, yaml\nfor f in sys.argv[1:]:\n    yaml.load(open(f, 'rb'), Loader=yaml.CSafeLoader)"


def bare_parse(path: Path) -> float:
    """The baseline of bench_scale.py: a bare `yaml.load` (libyaml) of that one file, in its own process."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", LOAD, str(path)], check=True)
    return time.perf_counter() - start


def in_process_parse(path: Path) -> float:
    """summit's own parser and checks on that one file, in process (no start-up): what `changes` does to the older
    version of it."""
    start = time.perf_counter()
    problems: list[str] = []
    parse_file(SourceFile(path), problems)  # type: ignore[arg-type]
    elapsed = time.perf_counter() - start
    assert not problems
    return elapsed


def start_up(env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "summitcli", "--version"], capture_output=True, env=env, check=True)
    return time.perf_counter() - start


def measure(folder: Path, meetings: int, files: int, rounds: int) -> tuple[float, float, float, float]:
    """Medians of `rounds` rounds, each running `changes`, the bare parse and `summit --version` once, in turn, so
    that a busy moment of the machine falls on all three alike."""
    edited = build(folder, meetings, files)
    env = {**os.environ, "XDG_CACHE_HOME": str(folder / "cache")}
    command(edited.parent, env)  # the index, as a user who ran summit before has it
    bare_parse(edited)  # the file in the page cache, as for the command
    samples: list[tuple[float, float, float]] = []
    for _ in range(rounds):
        samples.append((command(edited.parent, env), bare_parse(edited), start_up(env)))
    changes, bare, empty = (statistics.median(s[i] for s in samples) for i in range(3))
    return changes, bare, empty, statistics.median(in_process_parse(edited) for _ in range(rounds))


def main() -> None:
    meetings = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    files = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    print(f"{meetings} meetings; one file of {meetings // files} edited and committed; median of {rounds} runs")
    for attempt in (1, 2):
        for n_files in (files, files // 5):
            with tempfile.TemporaryDirectory() as folder:
                changes, bare, empty, ours = measure(Path(folder), meetings // files * n_files, n_files, rounds)
            print(
                f"run {attempt}, {n_files:3} files: changes --since HEAD~1 {changes * 1000:4.0f} ms; bare yaml.load "
                f"of the file {bare * 1000:4.0f} ms; ratio {changes / bare:4.2f} (goal <= 2)  [summit --version "
                f"{empty * 1000:3.0f} ms; summit's parse of the file in process {ours * 1000:3.0f} ms]"
            )


if __name__ == "__main__":
    main()
