"""Terminal rendering, colour rules, pipes that close, full disks, and shell completion."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys

import pytest
from conftest import FIXTURE, ROOT, run_mini, sh, subprocess_env, summit_cmd
from rich.cells import cell_len

ANSI = "\x1b["


def test_terminal_table_fits_the_window_and_aligns_hangul() -> None:
    result = run_mini("countries", env={"TTY_COMPATIBLE": "1", "COLUMNS": "100"})
    assert result.exit_code == 0 and ANSI in result.stdout
    lines = [_strip(line) for line in result.stdout.splitlines() if "│" in line or "┃" in line]
    assert any("캐나다" in line for line in lines) and any("뉴질랜드" in line for line in lines)
    # every column separator stands in the same terminal cell on every line, Hangul (2 cells a syllable) or not
    assert len({_separator_cells(line) for line in lines}) == 1
    assert all(cell_len(line) <= 100 for line in lines)


def _separator_cells(line: str) -> tuple[int, ...]:
    return tuple(cell_len(line[:i]) for i, char in enumerate(line) if char in "│┃")


def test_a_window_too_narrow_for_the_columns_gets_one_block_per_row() -> None:
    result = run_mini("countries", env={"TTY_COMPATIBLE": "1", "COLUMNS": "40"})
    lines = _strip(result.stdout).splitlines()
    assert all(cell_len(line) <= 40 for line in lines)
    assert "│" not in result.stdout
    assert "Korean         캐나다" in lines and "Korean         뉴질랜드" in lines
    assert "Counterparts   Christopher Luxon (Prime" in lines  # wrapped under its value, never folded mid-word
    assert "               Minister)" in lines


def test_no_color_keeps_emphasis_and_a_dumb_terminal_gets_none() -> None:
    env = {"TTY_COMPATIBLE": "1", "COLUMNS": "100"}
    no_color = run_mini("brief", "canada", env={**env, "NO_COLOR": "1"}).stdout
    assert "\x1b[1m" in no_color and "\x1b[36m" not in no_color and "\x1b[1;35m" not in no_color
    assert "\x1b[36m[1]" in run_mini("brief", "canada", env=env).stdout
    assert ANSI not in run_mini("brief", "canada", env={**env, "TERM": "dumb"}).stdout


def test_terminal_brief_has_sections_markers_and_sources() -> None:
    out = _strip(run_mini("brief", "canada", env={"TTY_COMPATIBLE": "1", "COLUMNS": "100"}).stdout)
    for heading in ("Counterpart", "Meeting", "Outcomes", "Quotes", "Follow-ups", "Plans", "Sources"):
        assert heading in out
    assert "[1] Daily A · 30 Oct 2025 · high confidence · “Leaders meet”" in out
    assert "      https://a.example/1" in out.splitlines()  # the address whole, on a line of its own
    raw = run_mini("brief", "canada", env={"TTY_COMPATIBLE": "1", "COLUMNS": "20"}).stdout
    assert "\x1b]8;;https://a.example/1\x1b\\https://a.example/1\x1b]8;;\x1b\\" in raw  # a link, never wrapped
    assert "due not reported" in out
    assert "[bold]A[/bold]" in out  # data is never read as Rich markup


def test_color_never_and_no_color_emit_no_colour() -> None:
    env = {"TTY_COMPATIBLE": "1", "COLUMNS": "80"}
    assert ANSI not in run_mini("--color", "never", "countries", env=env).stdout
    assert "\x1b[3" not in run_mini("countries", env={**env, "NO_COLOR": "1"}).stdout


def test_pipe_output_has_no_escape_codes_even_with_color_always() -> None:
    out = run_mini("--color", "always", "brief", "canada").stdout
    assert ANSI not in out and "─" not in out


def test_head_closing_the_pipe_ends_quietly() -> None:
    done = sh(f'{sys.executable} -m summitcli --data {FIXTURE} timeline | head -n1; echo "rc=${{PIPESTATUS[0]}}"')
    assert done.stdout.splitlines()[-1] == "rc=0"
    assert done.stderr == ""


@pytest.mark.parametrize("args", ["schema", "validate", "--help", "brief --help", "timeline", "export json"])
def test_a_reader_that_closed_before_the_first_write_gives_exit_0(args: str) -> None:
    """The pipe's reading end is closed before summit starts: every write fails, and summit ends quietly."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.run(
            summit_cmd("--data", str(FIXTURE), *args.split()),
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env=subprocess_env(),
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert (proc.returncode, proc.stderr) == (0, "")


def test_full_disk_is_one_line_and_exit_1() -> None:
    done = sh(f"{sys.executable} -m summitcli --data {FIXTURE} timeline > /dev/full")
    assert done.returncode == 1
    assert done.stderr == "summit: error: cannot write output: No space left on device\n"


def test_real_pseudo_terminal_gets_the_table() -> None:
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.environ.update({"COLUMNS": "120", "LINES": "40"})  # wide enough to keep the Korean names
        os.execv(sys.executable, summit_cmd("--data", str(FIXTURE), "countries"))
    output = b""
    while True:
        ready, _, _ = select.select([fd], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    _, status = os.waitpid(pid, 0)
    text = output.decode()
    assert os.waitstatus_to_exitcode(status) == 0
    assert "┃" in text or "│" in text
    assert "캐나다" in text


def test_python_dash_m_and_version() -> None:
    done = subprocess.run(summit_cmd("--version"), capture_output=True, text=True, env=subprocess_env(), timeout=60)
    assert done.stdout.startswith("summit ") and done.returncode == 0


def test_completion_of_countries_in_a_subprocess() -> None:
    env = subprocess_env(_SUMMIT_COMPLETE="complete_zsh", _TYPER_COMPLETE_ARGS="summit brief new-z")
    done = subprocess.run(summit_cmd(), capture_output=True, text=True, env=env, timeout=60, cwd=ROOT)
    assert "new-zealand" in done.stdout
    assert done.returncode == 0


def test_completion_of_topics_from_the_cache_never_parsing_yaml(tmp_path) -> None:
    env = subprocess_env(
        XDG_CACHE_HOME=str(tmp_path), _SUMMIT_COMPLETE="complete_zsh", _TYPER_COMPLETE_ARGS="summit topics crit"
    )
    cold = subprocess.run(summit_cmd(), capture_output=True, text=True, env=env, timeout=60, cwd=ROOT)
    assert cold.returncode == 0 and "critical-minerals" not in cold.stdout and cold.stderr == ""
    assert not any(tmp_path.rglob("*.sqlite")), "completion must not parse the data to fill the cache"
    warm_env = {k: v for k, v in env.items() if not k.startswith(("_SUMMIT", "_TYPER"))}
    subprocess.run([*summit_cmd(), "topics"], capture_output=True, env=warm_env, timeout=60, cwd=ROOT, check=True)
    warm = subprocess.run(summit_cmd(), capture_output=True, text=True, env=env, timeout=60, cwd=ROOT)
    assert "critical-minerals" in warm.stdout


def test_completion_of_formats() -> None:
    env = subprocess_env(_SUMMIT_COMPLETE="complete_zsh", _TYPER_COMPLETE_ARGS="summit timeline --format js")
    done = subprocess.run(summit_cmd(), capture_output=True, text=True, env=env, timeout=60, cwd=ROOT)
    assert "json" in done.stdout and "jsonl" in done.stdout


def _strip(text: str) -> str:
    import re

    return re.sub(r"\x1b\[[0-9;]*m|\x1b\]8;;[^\x1b]*\x1b\\", "", text)


def test_the_command_named_runs_whatever_the_global_options_hold(tmp_path) -> None:
    """A --data value that is a command's name must not confuse the command line."""
    import shutil

    shutil.copytree(FIXTURE, tmp_path / "timeline")

    def summit(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            summit_cmd(*args), capture_output=True, text=True, cwd=tmp_path, env=subprocess_env(), timeout=60
        )

    brief = summit("--data", "timeline", "--color", "never", "brief", "canada", "--format", "tsv")
    assert brief.returncode == 0 and brief.stdout.startswith("section\tid\t")
    assert "Usage: summit brief [OPTIONS]" in summit("brief", "--help").stdout
    unknown = summit("--data", "timeline", "brif")
    assert unknown.returncode == 2 and "No such command 'brif'" in unknown.stderr
    assert "timeline" in summit("--help").stdout and "export" in summit("--help").stdout
