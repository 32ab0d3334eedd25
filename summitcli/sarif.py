"""`summit validate --format sarif`: problems as a SARIF 2.1.0 log, which GitHub code scanning, GitLab and most
CI dashboards read.

One run of the tool `summit`, every rule the validator has (so a dashboard can list what is checked), and one
result per problem: its rule, the line `FIELD: message`, the file as a URI (relative paths stay relative, to
the checkout; absolute ones become `file:` URIs) and the exact start of the problem. Columns count Unicode
code points, as summit's do (`columnKind`); a path that does not exist has a location without a region.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from summitcli import __version__
from summitcli.problems import RULES, Problem, rule_of

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(file: str) -> str:
    path = PurePath(file)
    if path.is_absolute():
        return path.as_uri()
    return quote(path.as_posix(), safe="/")


def _result(problem: Problem, index: dict[str, int]) -> dict[str, Any]:
    rule = rule_of(problem)
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(problem.file)}}
    if problem.line is not None:
        region = {"startLine": problem.line}
        if problem.column is not None:
            region["startColumn"] = problem.column
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    if problem.field not in ("path", "file", "syntax"):
        location["logicalLocations"] = [{"fullyQualifiedName": problem.field, "kind": "element"}]
    return {
        "ruleId": rule.id,
        "ruleIndex": index[rule.id],
        "level": problem.level,
        "message": {"text": f"{problem.field}: {problem.message}"},
        "locations": [location],
    }


def to_sarif(problems: list[Problem]) -> str:
    """The SARIF log: one run, every rule, one result per problem (none for valid data)."""
    from summitcli.text import json_safe

    index = {rule.id: i for i, rule in enumerate(RULES)}
    rules = [
        {
            "id": rule.id,
            "name": rule.name,
            "shortDescription": {"text": rule.description},
            "defaultConfiguration": {"level": rule.level},
        }
        for rule in RULES
    ]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {"name": "summit", "version": __version__, "semanticVersion": __version__, "rules": rules}
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(p, index) for p in problems],
            }
        ],
    }
    return json_safe(json.dumps(log, ensure_ascii=False, indent=1)) + "\n"
