"""Errors the CLI turns into one stderr line and a documented exit code."""

from __future__ import annotations

EXIT_OK = 0
EXIT_DATA = 1  # invalid data, unreadable file, write failure
EXIT_USAGE = 2  # bad option or unknown name (Typer uses 2 for usage errors too)
EXIT_NOT_FOUND = 3  # a real country or record the dataset has nothing on
EXIT_INTERRUPTED = 130


class SummitError(Exception):
    exit_code = EXIT_DATA


class DataError(SummitError):
    """One or more problems in the data files; each line is `FILE:LINE:COLUMN: FIELD: message`."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class UsageError(SummitError):
    exit_code = EXIT_USAGE


class NotFoundError(SummitError):
    exit_code = EXIT_NOT_FOUND
