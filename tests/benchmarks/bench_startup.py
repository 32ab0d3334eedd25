"""Start-up benchmark: warm summit commands, piped and in a pseudo-terminal, against `python -c "import typer"`.

Run on demand (not in CI): python tests/benchmarks/bench_startup.py [RUNS] [--against CHECKOUT ...]
Goals (issue 21, "Simpler inside"): every warm command piped (`brief canada`, `agreements`, `timeline`,
`followups`) <= 1.5x the typer import, `brief canada` in a terminal <= 1.8x.
Medians of RUNS rounds; each round runs every command once, interleaved, so that machine noise hits all alike.
Beside each median, the spread of the middle half of its samples (interquartile range), to show how noisy the
machine was. The dataset cache is warmed and the package byte-compiled first (pip does both for an installed
package; a source checkout run with PYTHONDONTWRITEBYTECODE=1 would otherwise recompile summitcli on every run).

`--against CHECKOUT` (repeatable) also runs the same commands from another source tree (a `git worktree` of
another commit), through `python -m summitcli` with PYTHONPATH=CHECKOUT, and this one the same way, in the same
rounds: a change's cost or saving, measured alone.

Where a warm run's time goes beyond the typer import, and the figures of the last measurement: README, "Start-up".
Saving of one change alone: `--against` a worktree without it. On a noisy machine, add `--pairs N`: each piped
command from each other tree and from this one, N times in alternation, and the median of the N differences.
"""

from __future__ import annotations

import compileall
import os
import pty
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BASELINE = "python -c 'import typer'"
PIPED = [["brief", "canada"], ["agreements"], ["timeline"], ["followups"]]
IN_PTY = [["brief", "canada"]]
GOALS = {"|": 1.5, "(pty)": 1.8}  # piped, in a terminal


# Every run starts outside any checkout: `python -m summitcli` puts the current directory first on sys.path, and
# run from a checkout it would import that checkout's summitcli whatever PYTHONPATH says (--against).
ELSEWHERE = tempfile.gettempdir()


def piped(cmd: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True, env=env, cwd=ELSEWHERE)
    return time.perf_counter() - start


def in_pty(cmd: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(ELSEWHERE)
        os.environ.update(env or {})
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


def launchers(against: list[Path]) -> dict[str, tuple[list[str], dict[str, str] | None]]:
    """Name -> (how to start summit, environment): the installed console script (else `python -m summitcli`);
    with --against, this checkout and each other one through `python -m summitcli` and PYTHONPATH."""
    script = Path(sys.executable).with_name("summit")  # the console script users run, as pip installed it
    found: dict[str, tuple[list[str], dict[str, str] | None]] = {
        "summit": ([str(script)] if script.exists() else [sys.executable, "-m", "summitcli"], None)
    }
    for tree in [ROOT, *against] if against else []:
        # each tree its own index: one written by another model.py would be rebuilt on every switch of tree
        cache = os.path.join(ELSEWHERE, f"summit-bench-cache-{tree.name}")
        env = {**os.environ, "PYTHONPATH": str(tree), "XDG_CACHE_HOME": cache}
        found[f"[{tree.name}] summit"] = ([sys.executable, "-m", "summitcli"], env)
    return found


def plan(against: list[Path]) -> dict[str, Callable[[], float]]:
    """Every measurement of a round, by name, the typer import first."""
    baseline = [sys.executable, "-c", "import typer"]
    commands: dict[str, Callable[[], float]] = {BASELINE: lambda: piped(baseline)}
    for label, (start, env) in launchers(against).items():
        compileall.compile_dir(Path((env or {}).get("PYTHONPATH", ROOT)) / "summitcli", quiet=1)
        for args in PIPED:
            cmd = [*start, *args]
            piped(cmd, env)  # warm the dataset cache
            commands[f"{label} {' '.join(args)} | cat"] = lambda cmd=cmd, env=env: piped(cmd, env)
        for args in IN_PTY:
            cmd = [*start, *args]
            commands[f"{label} {' '.join(args)} (pty)"] = lambda cmd=cmd, env=env: in_pty(cmd, env)
        commands[f"{label} --help | cat"] = lambda start=start, env=env: piped([*start, "--help"], env)
    return commands


def report(samples: dict[str, list[float]]) -> None:
    base = statistics.median(samples[BASELINE])
    width = max(len(name) for name in samples)
    for name, times in samples.items():
        median = statistics.median(times)
        q1, _, q3 = statistics.quantiles(times, n=4)
        goal = next((g for mark, g in GOALS.items() if mark in name and "--help" not in name), None)
        verdict = f"  goal <= {goal}x: {'met' if median / base <= goal else 'MISSED'}" if goal else ""
        print(f"{name:{width}} {median * 1000:7.1f} ms  iqr {(q3 - q1) * 1000:5.1f} ms  {median / base:5.2f}x{verdict}")


def paired(against: list[Path], pairs: int) -> None:
    """Each piped command, from each tree of `against` and from this one in alternation: the median difference."""
    found = launchers(against)
    here = found[f"[{ROOT.name}] summit"]
    for tree in [ROOT, *against]:
        compileall.compile_dir(tree / "summitcli", quiet=1)
    for tree in against:
        start, env = found[f"[{tree.name}] summit"]
        for args in PIPED:
            ours, theirs = [*here[0], *args], [*start, *args]
            piped(ours, here[1]), piped(theirs, env)  # warm both
            diffs = []
            for i in range(pairs):
                if i % 2:
                    theirs_time, ours_time = piped(theirs, env), piped(ours, here[1])
                else:
                    ours_time, theirs_time = piped(ours, here[1]), piped(theirs, env)
                diffs.append(theirs_time - ours_time)
            q1, med, q3 = statistics.quantiles(diffs, n=4)
            print(
                f"[{tree.name}] - [{ROOT.name}] {' '.join(args):14} median {med * 1000:+6.1f} ms  "
                f"(middle half {q1 * 1000:+.1f} to {q3 * 1000:+.1f})"
            )


def main() -> None:
    args = sys.argv[1:]
    against = [Path(args[i + 1]).resolve() for i, a in enumerate(args) if a == "--against"]
    if "--pairs" in args:
        paired(against, int(args[args.index("--pairs") + 1]))
        return
    rest = [a for i, a in enumerate(args) if a != "--against" and (i == 0 or args[i - 1] != "--against")]
    runs = int(rest[0]) if rest else 15
    commands = plan(against)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, run in commands.items():
            samples[name].append(run())
    print(f"{runs} rounds, load average (1 min) at the end: {os.getloadavg()[0]:.2f}")
    report(samples)


if __name__ == "__main__":
    main()
