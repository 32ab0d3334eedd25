"""Scale benchmark: the index at 1,000 and N meetings, each figure against a baseline measured in the same run.

    python tests/benchmarks/bench_scale.py [N ...] [--runs R] [--cold-runs C] [--baseline-rev REV]
    # default N: 100000; e.g. `... 100000 1000000` (1M takes tens of minutes and several GB of disk)

Whole processes, wall time and peak memory (max RSS), on datasets from make_dataset.py (one file per year):
- warm query, `summit agreements canada --format json` with an up-to-date index, at N against the same query
  at 1,000 meetings (median of R interleaved pairs); goal <= 1.5x;
- edit one file: after appending a line to the last year's file, the next query against a bare
  `yaml.load(..., Loader=yaml.CSafeLoader)` of that one file in its own process (median of R edits); goal <= 1.5x;
- cold build (the first query, no index) and `summit --no-cache validate`, against the same commands of the
  summit at git revision REV (default: the last commit before the incremental index, which re-read every file)
  and against a bare yaml.load of every file (left out above 300,000 meetings: it alone takes tens of minutes);
  goals: no slower than REV, peak under 2 GiB. Cold builds: the median of C interleaved pairs (default 1; each a
  build from nothing, minutes at 1,000,000 meetings), so that a busy machine does not favour either side.
Runs on demand, never in CI.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
GIB = 1 << 30
BASELINE_REV = "4105367"  # the index before this benchmark's goals: every file hashed and parsed on any edit
QUERY = ["agreements", "canada", "--format", "json"]
LOAD = "import sys, yaml\nfor f in sys.argv[1:]:\n    yaml.load(open(f, 'rb'), Loader=yaml.CSafeLoader)"


def measure(cmd: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak RSS bytes of one run of `cmd` (run outside the checkout, so that `python -m`
    imports the summit installed, or the baseline's on PYTHONPATH, not the one in the current directory)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=tempfile.gettempdir())
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}: {proc.stderr.read().decode()[-500:] if proc.stderr else ''}")
    return seconds, usage.ru_maxrss * 1024


def row(name: str, seconds: float, peak: int, base: float | None = None, goal: float | None = None) -> None:
    ratio = f"{seconds / base:6.2f}x" if base else " " * 7
    verdict = f"  goal <= {goal}x: {'met' if base and seconds / base <= goal else 'MISSED'}" if goal else ""
    memory = f"  peak {peak / 2**20:7.0f} MB{'' if peak < 2 * GIB else ' (over 2 GiB)'}"
    print(f"  {name:52} {seconds:8.2f} s {ratio}{memory}{verdict}", flush=True)


def median(samples: list[tuple[float, int]]) -> tuple[float, int]:
    return statistics.median(s for s, _ in samples), max(p for _, p in samples)


def generate(n: int, work: Path) -> Path:
    data = work / f"data-{n}"
    subprocess.run([sys.executable, str(HERE / "make_dataset.py"), str(n), str(data)], check=True)
    return data


def baseline_tree(rev: str, work: Path) -> Path | None:
    """The summit package at `rev`, extracted with `git archive` (None outside a git checkout)."""
    tree = work / "baseline"
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "summitcli"], capture_output=True)
    if archive.returncode != 0:
        print(f"  (no baseline: git archive {rev} failed: {archive.stderr.decode().strip()})")
        return None
    tree.mkdir()
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    return tree


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold-runs", type=int, default=1)
    parser.add_argument("--baseline-rev", default=BASELINE_REV)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="summit-bench-") as tmp:
        work = Path(tmp)
        old = baseline_tree(args.baseline_rev, work)
        small = generate(1000, work)
        small_env = {**os.environ, "XDG_CACHE_HOME": str(work / "cache-1000")}
        small_query = [sys.executable, "-m", "summitcli", "--data", str(small), *QUERY]
        measure(small_query, small_env)  # the index of the small dataset
        measure(small_query, small_env)  # settled: its files are no longer racy
        for n in args.sizes:
            bench(n, work, old, small_query, small_env, args.runs, args.cold_runs)


def bench(
    n: int, work: Path, old: Path | None, small_query: list[str], small_env: dict[str, str], runs: int, cold_runs: int
) -> None:
    data = generate(n, work)
    files = sorted(str(p) for p in data.glob("*.yaml"))
    env = {**os.environ, "XDG_CACHE_HOME": str(work / f"cache-{n}")}
    summit = [sys.executable, "-m", "summitcli", "--data", str(data)]
    old_env = {**os.environ, "XDG_CACHE_HOME": str(work / f"cache-old-{n}"), "PYTHONPATH": str(old or "")}
    print(f"{n:,} meetings ({sum(os.path.getsize(f) for f in files) / 1e6:.0f} MB of YAML in {len(files)} files)")

    print(" cold build and validate")
    whole = measure([sys.executable, "-c", LOAD, *files], env) if n <= 300_000 else None
    if whole:
        row("yaml.load(CSafeLoader) of every file (baseline)", *whole)
    olds, news = [], []
    for i in range(cold_runs):  # each from an empty cache; the last round's index serves the warm queries below
        if old:
            olds.append(measure([*summit, *QUERY], {**old_env, "XDG_CACHE_HOME": str(work / f"cache-old-{n}-{i}")}))
            shutil.rmtree(work / f"cache-old-{n}-{i}", ignore_errors=True)
        last = i == cold_runs - 1
        news.append(measure([*summit, *QUERY], env if last else {**env, "XDG_CACHE_HOME": str(work / f"cold-{i}")}))
        shutil.rmtree(work / f"cold-{i}", ignore_errors=True)
    cold_old = median(olds) if olds else None
    if cold_old:
        row(f"cold build, summit {BASELINE_REV} (baseline)", *cold_old)
    cold = median(news)
    row("cold build (first query, no index)", *cold, base=cold_old[0] if cold_old else None, goal=1.0)
    validate_old = measure([*summit, "--no-cache", "validate"], old_env) if old else None
    if validate_old:
        row(f"validate, summit {BASELINE_REV} (baseline)", *validate_old)
    validate = measure([*summit, "--no-cache", "validate"], env)
    row("validate", *validate, base=validate_old[0] if validate_old else None, goal=1.0)
    shutil.rmtree(work / f"cache-old-{n}", ignore_errors=True)

    print(" warm query")
    measure([*summit, *QUERY], env)  # settle the racy files, as any first run after a while does
    pairs: list[tuple[tuple[float, int], tuple[float, int]]] = []
    for _ in range(runs):
        pairs.append((measure(small_query, small_env), measure([*summit, *QUERY], env)))
    warm_small = median([p[0] for p in pairs])
    warm = median([p[1] for p in pairs])
    row("warm query at 1,000 meetings (baseline)", *warm_small)
    row(f"warm query at {n:,} meetings", *warm, base=warm_small[0], goal=1.5)

    print(" edit one file")
    last = [f for f in files if Path(f).stem.isdigit()][-1]  # the latest year's file, as a newsroom edits it
    loads, edits = [], []
    for i in range(runs):
        loads.append(measure([sys.executable, "-c", LOAD, last], env))
        with open(last, "a", encoding="utf-8") as fh:
            fh.write(f"# edit {i}: the next query re-indexes this file\n")
        edits.append(measure([*summit, *QUERY], env))
    row(f"yaml.load(CSafeLoader) of {Path(last).name} (baseline)", *median(loads))
    row("first query after an edit to that file", *median(edits), base=median(loads)[0], goal=1.5)
    shutil.rmtree(data)
    shutil.rmtree(work / f"cache-{n}", ignore_errors=True)


if __name__ == "__main__":
    main()
