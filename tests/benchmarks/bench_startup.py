"""Start-up benchmark: `summit brief canada` piped and in a pseudo-terminal against `python -c "import typer"`.

Run on demand (not in CI): python tests/benchmarks/bench_startup.py [RUNS]
Goals (issue "Briefings for people and for pipes"): piped <= 1.25x, terminal <= 1.8x the typer import.
Medians of RUNS rounds; each round runs every command once, interleaved, so that machine noise hits all alike.
The dataset cache is warmed and the package byte-compiled first (pip does both for an installed package; a source
checkout run with PYTHONDONTWRITEBYTECODE=1 would otherwise recompile summitcli on every run).

Where a warm run's time goes beyond the typer import: the warm path reads records from the index without
msgspec or the model's structs (summitcli.stored; tests/test_startup.py checks what it imports), and the
summit script ends without the interpreter's last cycle collection (summitcli.entry.leaving), which even the
baseline pays (about 8 ms of `python -c "import typer"`). Figures, 2 shared cores, 21 rounds (ms, ratio):

                               before      stored records   + gc.freeze at exit
    python -c 'import typer'   60.4 1.00   61.0 1.00        61.4 1.00
    summit brief canada | cat  90.4 1.50   81.1 1.33        71.1 1.16
    summit brief canada (pty)  97.1 1.61   88.2 1.45        77.5 1.26
    summit --help              73.4 1.22   72.9 1.20        63.7 1.04
"""

from __future__ import annotations

import compileall
import os
import pty
import statistics
import subprocess
import sys
import time
from pathlib import Path


def piped(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def in_pty(cmd: list[str]) -> float:
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["COLUMNS"] = "120"
        os.environ["SUMMIT_PAGER"] = ""  # no pager: a pager waits for its reader, and start-up ends at the last byte
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
    script = Path(sys.executable).with_name("summit")  # the console script users run, as pip installed it
    summit = [str(script)] if script.exists() else [sys.executable, "-m", "summitcli"]
    summit += ["brief", "canada"]
    baseline = [sys.executable, "-c", "import typer"]
    compileall.compile_dir(Path(__file__).resolve().parents[2] / "summitcli", quiet=1)
    piped(summit)  # warm the dataset cache
    commands = {
        "python -c 'import typer'": lambda: piped(baseline),
        "summit brief canada | cat": lambda: piped(summit),
        "summit brief canada (pty)": lambda: in_pty(summit),
        "summit --help": lambda: piped([*summit[:-2], "--help"]),
    }
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, run in commands.items():
            samples[name].append(run())
    results = {name: statistics.median(times) for name, times in samples.items()}
    base = results["python -c 'import typer'"]
    goals = {"summit brief canada | cat": 1.25, "summit brief canada (pty)": 1.8}
    for name, seconds in results.items():
        goal = (
            f"  goal <= {goals[name]}x: {'met' if seconds / base <= goals[name] else 'MISSED'}" if name in goals else ""
        )
        print(f"{name:30} {seconds * 1000:7.1f} ms  {seconds / base:5.2f}x{goal}")


if __name__ == "__main__":
    main()
