"""Ctrl-C at start-up: the installed `summit` (scripts/summit) against the wrapper pip generates for an entry point.

Sends SIGINT to `summit --no-cache validate` at 40 delays spread over the first 60 ms, ROUNDS times, and counts
what the user sees: a quiet exit 130, a quiet death by SIGINT (before Python installed its handler), a traceback
through summit (a line of the script or of the summitcli package), or CPython's own report of a KeyboardInterrupt
during its start-up (importing `io` and `site`, running the environment's .pth files, or raised at the script's
first instruction, `line 0`, before any line ran), which no Python code can prevent.
The baseline is pip's generated wrapper (`import re` first, outside any handler), written to a temporary file
and run in the same session. On demand, not in CI:

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

PIP_WRAPPER = """#!{python}
# -*- coding: utf-8 -*-
import re
import sys
from summitcli.entry import main
if __name__ == '__main__':
    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])
    sys.exit(main())
"""


def outcome(script: str, returncode: int, stderr: str) -> str:
    if not stderr:
        return "quiet, exit 130" if returncode == 130 else f"quiet, status {returncode}"
    frames = re.findall(r'File "([^"]+)", line (\d+)', stderr)
    if any((f == script and line != "0") or f"{os.sep}summitcli{os.sep}" in f for f, line in frames):
        return "traceback through summit"
    return "CPython start-up report"  # `line 0` of the script: raised at its first instruction, before any line


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
            counts[outcome(script, proc.returncode, err.decode(errors="replace"))] += 1
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
        baseline = Path(folder, "summit-pip-wrapper")
        baseline.write_text(PIP_WRAPPER.format(python=sys.executable), encoding="utf-8")
        baseline.chmod(0o755)
        runs = 40 * rounds
        results = {
            "pip's generated wrapper (baseline)": measure(str(baseline), data, rounds, folder),
            "scripts/summit (installed)": measure(str(installed), data, rounds, folder),
        }
    for name, counts in results.items():
        print(f"{name}: {runs} runs")
        for kind, count in sorted(counts.items()):
            print(f"  {kind:28} {count:4}  ({count / runs:.0%})")
    base, ours = (results[k]["traceback through summit"] for k in results)
    print(f"tracebacks through summit: {ours} against {base} for the baseline")


if __name__ == "__main__":
    main()
