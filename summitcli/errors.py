"""Errors the CLI turns into one stderr line and a documented exit code."""

from __future__ import annotations

import sys
from typing import IO, TYPE_CHECKING, Any

from summitcli.text import visible

if TYPE_CHECKING:
    from summitcli.problems import Problem

EXIT_DATA = 1  # invalid data, unreadable file, write failure
EXIT_USAGE = 2  # bad option or unknown name (Typer uses 2 for usage errors too)
EXIT_NOT_FOUND = 3  # a real country or record the dataset has nothing on


class SummitError(Exception):
    """Shown by the command line (`summitcli.cli.SummitGroup`) as one line on stderr, `summit: error: ...`, then
    exit with `exit_code`; raised as it is to the Python API's callers."""

    exit_code = EXIT_DATA

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def show(self, file: IO[Any] | None = None) -> None:
        print(f"summit: error: {visible(self.message)}", file=file or sys.stderr)


class DataError(SummitError):
    """One or more problems in the data files: `problems`, each a `summitcli.problems.Problem`, the line
    `FILE:LINE:COLUMN: FIELD: message` with its parts as attributes."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems

    def show(self, file: IO[Any] | None = None) -> None:
        print("\n".join(visible(p) for p in self.problems), file=file or sys.stderr)


class UsageError(SummitError):
    exit_code = EXIT_USAGE


class NotFoundError(SummitError):
    exit_code = EXIT_NOT_FOUND
