"""`summit validate --format junit`: problems as JUnit XML, which Jenkins, GitLab and Azure Pipelines show as
test results.

Each problem is a failing test case, named by its place (`FILE:LINE:COLUMN FIELD`), with its rule as the
failure's type and its line as the failure's text. Valid data is one passing case per file. A dataset with
problems lists no passing file: checks across files stop at the first stage that finds a problem, so a file
without problems may not yet have been checked whole. Control and bidi characters from the data are shown as
escapes (`\\x1b`), as in a terminal: XML 1.0 cannot hold most of them at all.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from summitcli.problems import Problem, rule_of
from summitcli.text import visible

SUITE = "summit validate"


def _case(suite: ET.Element, file: str, name: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", {"classname": visible(file), "name": visible(name), "file": visible(file)})


def to_junit(problems: list[Problem], files: list[str]) -> str:
    """A `<testsuites>` document with one suite: a failing case per problem, else a passing case per file."""
    passing = [] if problems else files
    counts = {"tests": str(len(passing) + len(problems)), "failures": str(len(problems)), "errors": "0"}
    root = ET.Element("testsuites", {"name": SUITE, **counts})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE, **counts, "skipped": "0"})
    for file in passing:
        _case(suite, file, file)
    for problem in problems:
        case = _case(suite, problem.file, f"{problem.file}:{problem.line or 0}:{problem.column or 0} {problem.field}")
        if problem.line is not None:
            case.set("line", str(problem.line))
        message = visible(f"{problem.field}: {problem.message}")
        ET.SubElement(case, "failure", {"type": rule_of(problem).id, "message": message}).text = visible(problem)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
