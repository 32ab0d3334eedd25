"""Problems in data files for machines: GitHub Actions annotations and JSON, as ruff and yamllint write them.

A problem arrives as the line the loader writes, `FILE:LINE:COLUMN: FIELD: message`; this module reads that
line back into its parts. A line of another shape keeps its text as the message, with no file or position.
"""

from __future__ import annotations


class Problem:
    """One problem; `line` and `column` are 1-based, None where there is none (a path that does not exist)."""

    __slots__ = ("column", "field", "file", "line", "message")

    def __init__(self, file: str | None, line: int | None, column: int | None, field: str | None, message: str):
        self.file, self.line, self.column, self.field, self.message = file, line, column, field, message

    def as_dict(self) -> dict[str, str | int | None]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "field": self.field,
            "message": self.message,
        }


def parse(line: str) -> Problem:
    """`FILE:LINE:COLUMN: FIELD: message` into its parts; a line 0 or column 0 means no position."""
    import re

    match = re.fullmatch(r"(?s)(.+?):(\d+):(\d+): (.*?): (.*)", line)
    if match is None:
        return Problem(None, None, None, None, line)
    file, row, column, field, message = match.groups()
    return Problem(file, int(row) or None, int(column) or None, field, message)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(problems: list[Problem]) -> str:
    """One `::error file=…,line=…,col=…,title=…::message` workflow command per problem."""
    from summitcli.text import visible

    lines = []
    for p in problems:
        props = []
        if p.file is not None:
            props.append(f"file={_escape_property(visible(p.file))}")
        if p.line is not None:
            props.append(f"line={p.line}")
        if p.column is not None:
            props.append(f"col={p.column}")
        if p.field is not None:
            props.append(f"title={_escape_property(visible(p.field))}")
        text = f"{p.field}: {p.message}" if p.field is not None else p.message
        command = f"::error {','.join(props)}" if props else "::error"
        lines.append(f"{command}::{_escape_data(visible(text))}")
    return "".join(line + "\n" for line in lines)


def to_json(problems: list[Problem]) -> str:
    """A JSON array of {file, line, column, field, message}, one problem per line; `[]` when there are none."""
    import json

    from summitcli.text import json_safe

    if not problems:
        return "[]\n"
    items = [json.dumps(p.as_dict(), ensure_ascii=False) for p in problems]
    return json_safe("[" + ",\n ".join(items) + "]\n")
