"""Ctrl-C at start-up: what a user of the installed `summit` (pip's wrapper for the package's entry point) sees.

Sends SIGINT to `summit --no-cache validate` at 40 delays spread over the first 60 ms, ROUNDS times, and counts
what the user sees: a quiet exit 130, a quiet death by SIGINT (before Python installed its handler), a traceback
through summit's entry function (`summitcli.entry.main` on the stack: a bug, which the guarantee in the README
excludes), a traceback before it (pip's wrapper and its imports: outside the guarantee), or CPython's own report
of a KeyboardInterrupt during its start-up (importing `io` and `site`, running the environment's .pth files).
On demand, not in CI:

    python tests/benchmarks/bench_ctrl_c.py [ROUNDS]
"""

from __future__ import annotations

import collections
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def outcome(returncode: int, stderr: str) -> str:
    if not stderr:
        return "quiet, exit 130" if returncode == 130 else f"quiet, status {returncode}"
    frames = re.findall(r'File "([^"]+)", line \d+, in (\S+)', stderr)
    if any(f.endswith(f"{os.sep}summitcli{os.sep}entry.py") and name == "main" for f, name in frames):
        return "traceback through summit's main"
    if "Fatal Python error" in stderr or not frames:
        return "CPython start-up report"
    return "traceback before summit's main"


def measure(script: str, data: Path, rounds: int, folder: str) -> collections.Counter[str]:
    counts: collections.Counter[str] = collections.Counter()
    env = {**os.environ, "XDG_CACHE_HOME": os.path.join(folder, "cache")}
    for _ in range(rounds):
        for n in range(40):
            proc = subprocess.Popen(
                [script, "--no-cache", "--data", str(data), "validate"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                env=env,
            )
            time.sleep(0.060 * n / 39)
            proc.send_signal(signal.SIGINT)
            _, err = proc.communicate(timeout=120)
            counts[outcome(proc.returncode, err.decode(errors="replace"))] += 1
    return counts


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    installed = Path(sys.executable).with_name("summit")
    if not installed.exists():
        sys.exit("summit is not installed beside this Python: python -m pip install .")
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder, "big.yaml")
        data.write_text(
            "meta: {title: Big, home: KR}\nsources:\n"
            + "".join(f"  - {{id: s{i}, publication: P, confidence: H}}\n" for i in range(20_000)),
            encoding="utf-8",
        )
        counts = measure(str(installed), data, rounds, folder)
    runs = 40 * rounds
    print(f"{installed}: {runs} runs")
    for kind, count in sorted(counts.items()):
        print(f"  {kind:32} {count:4}  ({count / runs:.0%})")


if __name__ == "__main__":
    main()
