"""Problems in data files: each one a line for people and its parts as data, and the formats for machines
(GitHub Actions annotations and JSON, as ruff and yamllint write them).

A problem keeps its parts from where it is found to every format: nothing is parsed back from text.
"""

from __future__ import annotations


class Problem(str):
    """One problem: the line `FILE:LINE:COLUMN: FIELD: message` that people read (a `str`, as the Python API has
    always given it), with its parts as attributes; `line` and `column` are 1-based, None where there is none
    (a path that does not exist)."""

    file: str
    line: int | None
    column: int | None
    field: str
    message: str

    def __new__(cls, file: str, line: int | None, column: int | None, field: str, message: str) -> Problem:
        self = super().__new__(cls, f"{file}:{line or 0}:{column or 0}: {field}: {message}")
        self.file, self.line, self.column, self.field, self.message = file, line or None, column or None, field, message
        return self

    def as_dict(self) -> dict[str, str | int | None]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "field": self.field,
            "message": self.message,
        }


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
        props.append(f"file={_escape_property(visible(p.file))}")
        if p.line is not None:
            props.append(f"line={p.line}")
        if p.column is not None:
            props.append(f"col={p.column}")
        props.append(f"title={_escape_property(visible(p.field))}")
        lines.append(f"::error {','.join(props)}::{_escape_data(visible(f'{p.field}: {p.message}'))}")
    return "".join(line + "\n" for line in lines)


def to_json(problems: list[Problem]) -> str:
    """A JSON array of {file, line, column, field, message}, one problem per line; `[]` when there are none."""
    import json

    from summitcli.text import json_safe

    if not problems:
        return "[]\n"
    items = [json.dumps(p.as_dict(), ensure_ascii=False) for p in problems]
    return json_safe("[" + ",\n ".join(items) + "]\n")
