"""Scale benchmark: a synthetic dataset of N meetings, measured against baselines run in the same process.

    python tests/benchmarks/bench_scale.py [N ...]       # default: 100000; e.g. 100000 1000000

For each N it prints, with each command's wall time and peak memory (max RSS of the process):
- warm query, `summit agreements canada --format json` with a valid index, against `jq length` parsing the
  same dataset as JSON (written by `summit export json`); goal <= 1.0x;
- cold query, the same right after an edit to one data file, against a bare
  `yaml.load(..., Loader=yaml.CSafeLoader)` of the same files; goal <= 1.3x;
- `summit validate`; goal for every peak: under 2 GiB at 100,000 meetings.
Above 300,000 meetings the yaml.load baseline is left out (it alone takes tens of minutes); the cold run is
still timed, since the warm query needs the index it builds.
Needs jq on PATH for the warm baseline (Debian: apt-get install jq). Runs on demand, never in CI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
GIB = 1 << 30


def measure(cmd: list[str], env: dict[str, str], stdout: int | None = subprocess.DEVNULL) -> tuple[float, int]:
    """Wall seconds and peak RSS bytes of one run of `cmd`."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}: {proc.stderr.read().decode()[-500:] if proc.stderr else ''}")
    return seconds, usage.ru_maxrss * 1024


def row(name: str, seconds: float, peak: int, base: float | None = None, goal: float | None = None) -> None:
    ratio = f"{seconds / base:6.2f}x" if base else " " * 7
    verdict = f"  goal <= {goal}x: {'met' if base and seconds / base <= goal else 'MISSED'}" if goal else ""
    memory = f"  peak {peak / 2**20:7.0f} MB{'' if peak < 2 * GIB else ' (over 2 GiB)'}"
    print(f"  {name:44} {seconds:8.2f} s {ratio}{memory}{verdict}", flush=True)


def bench(n: int, work: Path) -> None:
    data, cache = work / f"data-{n}", work / f"cache-{n}"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    summit = [sys.executable, "-m", "summitcli", "--data", str(data)]
    subprocess.run([sys.executable, str(HERE / "make_dataset.py"), str(n), str(data)], check=True, env=env)
    files = sorted(str(p) for p in data.glob("*.yaml"))
    load = "import sys, yaml\nfor f in sys.argv[1:]:\n    yaml.load(open(f, 'rb'), Loader=yaml.CSafeLoader)"
    query = [*summit, "agreements", "canada", "--format", "json"]

    print(f"{n} meetings ({sum(os.path.getsize(f) for f in files) / 1e6:.0f} MB of YAML in {len(files)} files)")
    validate = measure([*summit, "--no-cache", "validate"], env)
    row("summit validate", *validate)
    with open(files[-1], "a", encoding="utf-8") as fh:
        fh.write("# an edit: the index must be rebuilt\n")
    cold = measure(query, env)
    if n <= 300_000:
        yaml_load = measure([sys.executable, "-c", load, *files], env)
        row("yaml.load(CSafeLoader) of the files (baseline)", *yaml_load)
        row("cold query (first run after an edit)", *cold, base=yaml_load[0], goal=1.3)
    else:
        row("cold query (first run after an edit)", *cold)
    warm = min((measure(query, env) for _ in range(3)), key=lambda m: m[0])
    exported = work / f"export-{n}.json"
    with exported.open("wb") as fh:
        subprocess.run([*summit, "export", "json"], stdout=fh, check=True, env=env)
    if shutil.which("jq"):
        jq = min((measure(["jq", "length", str(exported)], env) for _ in range(3)), key=lambda m: m[0])
        row(f"jq length ({exported.stat().st_size / 1e6:.0f} MB of JSON, baseline)", *jq)
        row("warm query (best of 3)", *warm, base=jq[0], goal=1.0)
    else:
        row("warm query (best of 3; no jq for the baseline)", *warm)
    shutil.rmtree(data)
    exported.unlink()
    shutil.rmtree(cache, ignore_errors=True)


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [100_000]
    with tempfile.TemporaryDirectory(prefix="summit-bench-") as tmp:
        for n in sizes:
            bench(n, Path(tmp))


if __name__ == "__main__":
    main()
