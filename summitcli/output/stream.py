"""Standard output as every command writes it: ready for any data, quiet when the reader goes away.

- Characters the output encoding cannot hold (`PYTHONIOENCODING=ascii`, a C locale) are written as visible
  escapes (`\\u201c`), never raised as UnicodeEncodeError after half the output; in JSON output the same escape
  is JSON's own, so a parser reads the same data.
- A closed stdout (`summit brief canada >&-`) is one error line and exit 1, never an AttributeError; and the
  closed descriptor is filled with /dev/null so that a file the tool opens later (the index) can never land on
  descriptor 1 or 2 and receive output meant for a terminal.
- A reader that closed the pipe (`| head -n1`, or one that never reads) ends the command quietly with exit 0.

Kept free of imports beyond what Python has loaded at start-up: every command passes through here.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import TextIO

CLOSED_STDOUT = "cannot write output: standard output is closed"


def fill_closed_descriptors() -> None:
    """Open /dev/null on any of descriptors 0, 1 and 2 that the caller closed (`>&-`), keeping sys.stdout as
    Python found it (None), so that writing data still reports the closed stdout. With stderr closed (`2>&-`),
    error messages go nowhere (the exit status still tells), never into stdout."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            try:
                null = os.open(os.devnull, os.O_RDWR)
            except OSError:
                return
            if null != fd:  # the lowest free descriptor is the closed one; anything else means it is not ours
                os.dup2(null, fd)
                os.close(null)
    if sys.stderr is None:  # else print(..., file=sys.stderr) would write error messages into stdout's data
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 (open for the rest of the run)


ESCAPE_ERRORS = "summitcli.escape"


def _escape_error(error: UnicodeError) -> tuple[str, int]:
    """`\\uXXXX` for each character the encoding cannot hold; beyond U+FFFF a UTF-16 surrogate pair
    (`\\ud83d\\ude00`), as JSON writes it: inside a JSON string the escape is the same character, in text it
    is visible (and unambiguous: a backslash in the data is written doubled)."""
    assert isinstance(error, UnicodeEncodeError)
    out = []
    for char in error.object[error.start : error.end]:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{code:04x}")
    return "".join(out), error.end


def escape_unencodable(stream: TextIO | None) -> None:
    """Make `stream` write what its encoding cannot hold as `\\uXXXX` escapes instead of raising."""
    reconfigure = getattr(stream, "reconfigure", None)
    # strict raises; surrogateescape (Python's choice for stdout under the C or POSIX locale) raises too, for
    # every character it cannot encode that is not an escaped byte.
    if reconfigure is not None and getattr(stream, "errors", "") in ("strict", "surrogateescape"):
        import codecs

        codecs.register_error(ESCAPE_ERRORS, _escape_error)
        with suppress(OSError, ValueError):
            reconfigure(errors=ESCAPE_ERRORS)


def end_index_reads() -> None:
    """Before output starts: end this process's read transactions on the index, since output may wait on its
    reader (a pager, a full pipe) and another summit that must update the index would wait on the snapshot. The
    index's module is looked up, not imported: a run that read no index has nothing to end."""
    reading = sys.modules.get("summitcli.index.reading")
    if reading is not None:
        reading.end_reads()


def stdout() -> TextIO:
    """sys.stdout, ready for data (no read transaction held: `end_index_reads`); a closed stdout raises the
    one-line error."""
    end_index_reads()
    out = sys.stdout
    if out is None:
        from summitcli.errors import SummitError

        raise SummitError(CLOSED_STDOUT)
    escape_unencodable(out)
    return out


def quiet_exit() -> None:
    """The reader is gone: point stdout at /dev/null, so that the final flush cannot complain, and exit 0."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno() if sys.__stdout__ else 1)
    except (OSError, ValueError):
        pass
    sys.exit(0)


@contextmanager
def pipe_guard() -> Iterator[TextIO]:
    """Write to stdout inside this block: a reader that closed the pipe ends the command quietly with exit 0."""
    try:
        yield stdout()
        sys.stdout.flush()
    except BrokenPipeError:
        quiet_exit()


def write(text: str) -> None:
    """Write text to stdout: escaped where the encoding cannot hold it, quietly ended by a closed pipe."""
    with pipe_guard() as out:
        out.write(text)
