"""`summit --show-completion [SHELL]`: the script of the shell named, which that shell runs to complete a country;
with no shell named, the one summit runs under. Each shell that is installed runs its script for real (CI
installs bash, zsh and fish; a shell that is missing skips its test and says so)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, run, subprocess_env, summit_cmd

SHELLS = ("bash", "zsh", "fish")

# Each shell sources the script and asks it to complete `summit brief new-z`, as pressing Tab would. zsh's
# completion system runs only at an interactive prompt: its two functions the script calls are stood in for by
# ones that print what they are given; the script's own code (zsh's `${words[1,$CURRENT]}`) runs as written.
COMPLETE = {
    "bash": [
        "bash",
        "--norc",
        "-c",
        'source "$1"; COMP_WORDS=(summit brief new-z); COMP_CWORD=2; '
        '_summit_completion summit; printf "%s\\n" "${COMPREPLY[@]}"',
        "bash",
    ],
    "zsh": [
        "zsh",
        "-f",
        "-c",
        'compdef() { :; }; _arguments() { print -rl -- "$@"; }; source "$1"; '
        "words=(summit brief new-z); CURRENT=3; _summit_completion",
        "zsh",
    ],
    "fish": ["fish", "--no-config", "-c", 'source $argv[1]; complete -C "summit brief new-z"'],
}


def _script(shell: str, tmp_path: Path) -> Path:
    done = subprocess.run(
        [*summit_cmd("--show-completion", shell)], capture_output=True, text=True, env=subprocess_env(), timeout=60
    )
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    path = tmp_path / f"summit.{shell}"
    path.write_text(done.stdout, encoding="utf-8")
    return path


def _needs(shell: str) -> None:
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed")


@pytest.mark.parametrize("shell", SHELLS)
def test_each_shell_completes_a_country_with_its_own_script(shell: str, tmp_path: Path) -> None:
    _needs(shell)
    script = _script(shell, tmp_path)
    bin_dir = tmp_path / "bin"  # `summit` on PATH as an installed command: the script calls it back by name
    bin_dir.mkdir()
    (bin_dir / "summit").write_text(f'#!/bin/sh\nexec {" ".join(summit_cmd())} "$@"\n', encoding="utf-8")
    (bin_dir / "summit").chmod(0o755)
    env = subprocess_env(PATH=f"{bin_dir}:{subprocess_env()['PATH']}", XDG_CACHE_HOME=str(tmp_path / "cache"))
    done = subprocess.run(
        [*COMPLETE[shell], str(script)], capture_output=True, text=True, env=env, timeout=60, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert "new-zealand" in done.stdout, done.stdout + done.stderr


def test_the_three_scripts_differ(tmp_path: Path) -> None:
    scripts = {shell: _script(shell, tmp_path).read_text(encoding="utf-8") for shell in SHELLS}
    assert len(set(scripts.values())) == len(SHELLS)
    for shell, text in scripts.items():
        assert f"_SUMMIT_COMPLETE=complete_{shell}" in text  # what the script asks summit for


@pytest.mark.parametrize("shell", SHELLS)
def test_with_no_shell_named_the_current_shell_is_used(shell: str, tmp_path: Path) -> None:
    _needs(shell)
    named = _script(shell, tmp_path).read_text(encoding="utf-8")
    command = " ".join(summit_cmd("--show-completion"))
    # `; true`: the shell stays the parent of summit rather than replacing itself with it
    done = subprocess.run(
        [shell, "-c", f"{command}; true"], capture_output=True, text=True, env=subprocess_env(), timeout=60
    )
    assert done.returncode == 0 and done.stdout == named


def test_a_shell_summit_has_no_script_for_is_a_usage_error() -> None:
    result = run("--show-completion", "tcsh")
    assert result.exit_code == 2
    assert "'tcsh' is not one of bash, zsh, fish, powershell, pwsh" in result.stderr
    assert result.stdout == ""
