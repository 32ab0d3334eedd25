"""Long terminal output through a pager, as git and gh do.

Only when stdout is a real terminal (never in a pipe, a file, or a test's fake terminal), only when the text is
taller than the screen, and not with `--no-pager`. The pager is `$SUMMIT_PAGER`, else `$PAGER`, else `less -FRX`
(quit at once if the text fits, keep colours, leave the text on the screen); an empty value or `cat` means none.
"""

from __future__ import annotations

import os
import shutil
import sys

DEFAULT = "less -FRX"


def pager_command() -> str | None:
    """The shell command to page with, or None for none."""
    for name in ("SUMMIT_PAGER", "PAGER"):
        if name in os.environ:
            command = os.environ[name].strip()
            return None if command in ("", "cat") else command
    return DEFAULT if shutil.which("less") else None


def screen_height() -> int:
    from summitcli.environment import env_number

    lines = env_number("LINES", 1, 1_000_000)
    if lines is not None:
        return lines
    try:
        return os.get_terminal_size(sys.stdout.fileno()).lines
    except (AttributeError, OSError, ValueError):
        return 24


def wants_pager(text: str, pager: bool) -> bool:
    try:
        terminal = os.isatty(sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        return False
    return pager and terminal and text.count("\n") >= screen_height()


def show(text: str, *, pager: bool) -> None:
    """Write `text` to stdout, through the pager when it wants one (`pager`: False with --no-pager)."""
    from summitcli.output.stream import end_index_reads, pipe_guard

    end_index_reads()  # the pager waits on its reader
    command = pager_command() if wants_pager(text, pager) else None
    if command is None or not _page(command, text):
        with pipe_guard():
            sys.stdout.write(text)


def _page(command: str, text: str) -> bool:
    """Run the pager on `text`; False when it could not be started (then the caller prints the text itself)."""
    import signal
    import subprocess

    sys.stdout.flush()
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LESSCHARSET", "utf-8")
    try:
        pager = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
    except OSError:
        return False
    # Ctrl-C belongs to the pager while it runs (less uses it to stop a search), as in git.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        assert pager.stdin is not None
        try:
            pager.stdin.write(text.encode(sys.stdout.encoding or "utf-8", "backslashreplace"))
            pager.stdin.close()
        except BrokenPipeError:
            pass  # the reader quit before reading everything: as `| head` does
        pager.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
    return pager.returncode != 127  # 127: the shell could not find the pager
