"""Problems in data files: each one a line for people and its parts as data, and the formats for machines
(GitHub Actions annotations and JSON, as ruff and yamllint write them).

A problem keeps its parts from where it is found to every format: nothing is parsed back from text.
"""

from __future__ import annotations

from typing import NamedTuple


class Problem(str):
    """One problem: the line `FILE:LINE:COLUMN: FIELD: message` that people read (a `str`, as the Python API has
    always given it), with its parts as attributes; `line` and `column` are 1-based, None where there is none
    (a path that does not exist). `rule`: the id of its kind (`RULES`), given where it is found, never read back
    from the message. `level`: "error" (the data is refused) or "warning" (the data is valid, but something in it
    may not be what was meant; the line then reads `FIELD: warning: message`)."""

    file: str
    line: int | None
    column: int | None
    field: str
    message: str
    rule: str
    level: str

    def __new__(
        cls,
        file: str,
        line: int | None,
        column: int | None,
        field: str,
        message: str,
        *,
        rule: str,
        level: str = "error",
    ) -> Problem:
        said = f"warning: {message}" if level == "warning" else message
        self = super().__new__(cls, f"{file}:{line or 0}:{column or 0}: {field}: {said}")
        self.file, self.line, self.column, self.field, self.message = file, line or None, column or None, field, message
        self.rule, self.level = rule, level
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
    """One `::error file=…,line=…,col=…,title=…::message` workflow command per problem (`::warning` for a
    warning)."""
    from summitcli.text import visible

    lines = []
    for p in problems:
        command = "warning" if p.level == "warning" else "error"
        props = []
        props.append(f"file={_escape_property(visible(p.file))}")
        if p.line is not None:
            props.append(f"line={p.line}")
        if p.column is not None:
            props.append(f"col={p.column}")
        props.append(f"title={_escape_property(visible(p.field))}")
        lines.append(f"::{command} {','.join(props)}::{_escape_data(visible(f'{p.field}: {p.message}'))}")
    return "".join(line + "\n" for line in lines)


def to_json(problems: list[Problem]) -> str:
    """A JSON array of {file, line, column, field, message}, one problem per line; `[]` when there are none."""
    import json

    from summitcli.text import json_safe

    if not problems:
        return "[]\n"
    items = [json.dumps(p.as_dict(), ensure_ascii=False) for p in problems]
    return json_safe("[" + ",\n ".join(items) + "]\n")


class Rule(NamedTuple):
    """A kind of problem: a stable id for CI reports (SARIF `ruleId`, JUnit failure `type`), a name and what it
    checks."""

    id: str
    name: str
    description: str
    level: str = "error"  # SARIF's default level for the rule: "warning" for data that is valid


# Every kind of problem. Each problem names its rule where it is found (`Problem.rule`).
RULES: tuple[Rule, ...] = (
    Rule("unreadable-path", "UnreadablePath", "A path that is missing, unreadable or not a YAML file."),
    Rule("not-yaml-text", "NotYamlText", "A file that is empty, binary or not UTF-8 text."),
    Rule("duplicate-key", "DuplicateKey", "A key written twice in one YAML mapping."),
    Rule("yaml-limit", "YamlLimit", "YAML past a safety limit: nesting, alias expansion or number range."),
    Rule("unknown-field", "UnknownField", "A field or section the schema does not have."),
    Rule("missing-field", "MissingField", "A required field left out."),
    Rule("wrong-type", "WrongType", "A value of the wrong type."),
    Rule("invalid-date", "InvalidDate", "A date that is not ISO YYYY-MM-DD or does not exist."),
    Rule("unknown-country", "UnknownCountry", "A country code not in ISO 3166-1 alpha-2."),
    Rule("time-zone", "TimeZone", "A time without its zone, or a zone that is not an IANA zone."),
    Rule("invalid-value", "InvalidValue", "A value outside the field's choices or format."),
    Rule("duplicate-id", "DuplicateId", "An id used by two records."),
    Rule("unknown-reference", "UnknownReference", "A reference to an id that no record has."),
    Rule("meta", "Meta", "No `meta:` block in the dataset, or more than one."),
    Rule("invisible-character", "InvisibleCharacter", "A zero-width or other invisible character in a name."),
    Rule(
        "address-not-linked",
        "AddressNotLinked",
        "A source address that is not http(s): valid, but shown as text, never linked.",
        "warning",
    ),
    Rule("yaml-syntax", "YamlSyntax", "Text that is not valid YAML, or not one YAML document."),
    Rule("invalid-data", "InvalidData", "Any other problem in the data."),
)
_BY_ID = {rule.id: rule for rule in RULES}


def rule_of(problem: Problem) -> Rule:
    """The kind of a problem, for reports that group problems by rule."""
    return _BY_ID[problem.rule]
