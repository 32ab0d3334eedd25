from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

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


# One record of every record list of the model, linked as a dataset links them (the event `ev-zqy` is what the
# others refer to): a dataset covering every kind, for what must hold of each. test_model_fields checks that it
# covers every list of `model.DataFile`; `every_kind()` writes it (JSON is YAML).
EVERY_KIND: dict[str, Any] = {
    "meta": {"title": "Memo week", "home": "KR"},
    "sources": [{"id": "s", "publication": "Daily", "confidence": "H"}],
    "topics": [{"id": "t", "name": "Trade"}],
    "people": [{"id": "p", "name": "Mark Carney", "title": "Prime Minister", "country": "CA", "sources": ["s"],
                "confidence": "H"}],
    "events": [{"id": "ev-zqy", "kind": "bilateral", "title": "Summit", "date": "2025-10-30", "parties": ["KR", "CA"],
                "participants": ["p"], "topics": ["t"], "sources": ["s"], "confidence": "H"}],
    "outcomes": [{"id": "o", "kind": "mou", "title": "Pact", "status": "signed", "event": "ev-zqy",
                  "parties": ["KR", "CA"], "topics": ["t"], "sources": ["s"], "confidence": "H"}],
    "quotes": [{"id": "q", "speaker": "p", "text": "Hello", "event": "ev-zqy", "countries": ["CA"], "topics": ["t"],
                "sources": ["s"], "confidence": "H"}],
    "facts": [{"id": "f", "text": "Old friends", "countries": ["CA"], "topics": ["t"], "sources": ["s"],
               "confidence": "H"}],
    "followups": [{"id": "u", "title": "Talks", "origin": "o", "parties": ["KR", "CA"], "status": "pending",
                   "topics": ["t"], "sources": ["s"], "confidence": "H"}],
    "plans": [{"id": "l", "parties": ["KR", "CA"], "planned": "A visit", "actual": "A call", "actual_event": "ev-zqy",
               "actual_sources": ["s"], "sources": ["s"], "confidence": "H"}],
    "groupings": [{"id": "g", "name": "Group", "members": ["CA", "KR"], "sources": ["s"], "confidence": "H"}],
}  # fmt: skip


def every_kind(path: Path, **fields: Any) -> Path:
    """EVERY_KIND written to `path`, each record (not `meta`) with `fields` added; `{list}` in a text value is
    its record list's name."""
    data = {
        name: value
        if name == "meta"
        else [
            {**record, **{k: v.format(list=name) if isinstance(v, str) else v for k, v in fields.items()}}
            for record in value
        ]
        for name, value in EVERY_KIND.items()
    }
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return path


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


__all__ = [
    "BAD",
    "EVERY_KIND",
    "FIXTURE",
    "ROOT",
    "app",
    "default_sigint",
    "every_kind",
    "run",
    "run_mini",
    "sh",
    "subprocess_env",
    "summit_cmd",
]
