"""`summit` as pipx starts it (`#!…/python -E`, which ignores every PYTHON* variable) behaves as under pip and
`uv tool install` (a plain `#!…/python`): PYTHONIOENCODING still chooses the output encoding."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import subprocess_env

ARGS = {"stdout": ["brief", "canada", "--format", "plain"], "stderr": ["brief", "캐나다x"]}


def _run(flags: list[str], args: list[str], **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, *flags, "-m", "summitcli", *args], capture_output=True, env=subprocess_env(**env), timeout=60
    )


@pytest.mark.parametrize("stream", ["stdout", "stderr"])
def test_pythonioencoding_means_the_same_under_python_dash_e(stream: str) -> None:
    plain = _run([], ARGS[stream], PYTHONIOENCODING="ascii")
    dash_e = _run(["-E"], ARGS[stream], PYTHONIOENCODING="ascii")
    assert (dash_e.returncode, dash_e.stdout, dash_e.stderr) == (plain.returncode, plain.stdout, plain.stderr)
    written = getattr(dash_e, stream)
    assert written and written.isascii() and b"\\u" in written  # Hangul and dashes as escapes, not bytes


def test_without_pythonioencoding_dash_e_writes_utf_8() -> None:
    dash_e = _run(["-E"], ARGS["stdout"])
    assert dash_e.returncode == 0 and not dash_e.stdout.isascii()
    assert dash_e.stdout == _run([], ARGS["stdout"]).stdout
