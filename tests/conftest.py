from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summitcli.cli import app

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "mini"
BAD = ROOT / "tests" / "bad_data"


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own cache directory and no inherited dataset or colour settings from the environment."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for name in ("SUMMIT_DATA", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)


class Result:
    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code, self.stdout, self.stderr = exit_code, stdout, stderr


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    """Run summit in-process through Typer, as `summit ARGS` would."""
    result = CliRunner().invoke(app, list(args), env=env, prog_name="summit")
    return Result(result.exit_code, result.stdout, result.stderr)


def run_mini(*args: str, env: dict[str, str] | None = None) -> Result:
    return run("--data", str(FIXTURE), *args, env=env)


def subprocess_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "COLUMNS")}
    env.update(extra)
    return env


def default_sigint() -> None:
    """A child's `preexec_fn`: Ctrl-C's signal as a terminal delivers it. A shell starts its background jobs
    with SIGINT ignored, and Python then never installs its handler: a suite run that way (as CI may run it)
    would otherwise test a process that cannot be interrupted at all."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def summit_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "summitcli", *args]


def sh(command: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, env=subprocess_env(**env), timeout=60
    )


__all__ = ["BAD", "FIXTURE", "ROOT", "app", "default_sigint", "run", "run_mini", "sh", "subprocess_env", "summit_cmd"]
