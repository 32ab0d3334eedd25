"""Start-up benchmark: `summit brief canada` piped and in a pseudo-terminal against `python -c "import typer"`.

Run on demand (not in CI): python tests/benchmarks/bench_startup.py [RUNS]
Goals (issue "Briefings for people and for pipes"): piped <= 1.25x, terminal <= 1.8x the typer import.
Medians of RUNS runs each, measured in one run so that machine noise hits all three alike; the cache is warmed first.
"""

from __future__ import annotations

import os
import pty
import statistics
import subprocess
import sys
import time


def piped(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def in_pty(cmd: list[str]) -> float:
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["COLUMNS"] = "120"
        os.execv(cmd[0], cmd)
    while True:
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    return time.perf_counter() - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    summit = [sys.executable, "-m", "summitcli", "brief", "canada"]
    baseline = [sys.executable, "-c", "import typer"]
    piped(summit)  # warm the dataset cache
    results = {
        "python -c 'import typer'": statistics.median(piped(baseline) for _ in range(runs)),
        "summit brief canada | cat": statistics.median(piped(summit) for _ in range(runs)),
        "summit brief canada (pty)": statistics.median(in_pty(summit) for _ in range(runs)),
        "summit --help": statistics.median(piped([*summit[:3], "--help"]) for _ in range(runs)),
    }
    base = results["python -c 'import typer'"]
    goals = {"summit brief canada | cat": 1.25, "summit brief canada (pty)": 1.8}
    for name, seconds in results.items():
        goal = (
            f"  goal <= {goals[name]}x: {'met' if seconds / base <= goals[name] else 'MISSED'}" if name in goals else ""
        )
        print(f"{name:30} {seconds * 1000:7.1f} ms  {seconds / base:5.2f}x{goal}")


if __name__ == "__main__":
    main()
