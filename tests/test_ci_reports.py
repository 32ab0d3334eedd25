"""`summit validate --format sarif|junit`: the problems the text lines give, as SARIF 2.1.0 (checked against
OASIS's schema) and as JUnit XML (read back with an XML parser)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse
from xml.etree import ElementTree as ET

import jsonschema
import pytest
from conftest import BAD, FIXTURE, ROOT, run, subprocess_env, summit_cmd

NAMES = sorted(p.name for p in BAD.glob("*.yaml"))
SCHEMA = json.loads((ROOT / "tests" / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def _sarif(*args: str) -> tuple[int, dict]:
    result = run("validate", "--format", "sarif", *args)
    assert result.stderr == ""
    log = json.loads(result.stdout)
    errors = sorted(VALIDATOR.iter_errors(log), key=str)
    assert not errors, [e.message for e in errors]
    return result.exit_code, log


def _text_lines(*args: str) -> list[tuple[str, int, int, str]]:
    """The text format's problems as (file, line, column, 'FIELD: message')."""
    rows = []
    for line in run("validate", *args).stderr.splitlines():
        file, row, column, rest = line.split(":", 3)
        rows.append((file, int(row), int(column), rest.strip()))
    return rows


def _junit(*args: str) -> tuple[int, ET.Element]:
    result = run("validate", "--format", "junit", *args)
    assert result.stderr == ""
    assert result.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    return result.exit_code, ET.fromstring(result.stdout.encode("utf-8"))


@pytest.mark.parametrize("name", NAMES)
def test_sarif_is_valid_and_places_each_problem_exactly(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD)
    code, log = _sarif(name)
    assert code == 1
    assert log["version"] == "2.1.0"
    [sarif_run] = log["runs"]
    assert sarif_run["columnKind"] == "unicodeCodePoints"
    rules = sarif_run["tool"]["driver"]["rules"]
    placed = []
    for result in sarif_run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] == "error"
        [location] = result["locations"]
        physical = location["physicalLocation"]
        region = physical["region"]
        placed.append(
            (physical["artifactLocation"]["uri"], region["startLine"], region["startColumn"], result["message"]["text"])
        )
    assert placed == _text_lines(name)


def test_sarif_gives_each_kind_of_problem_its_own_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD)
    rule_of = {}
    for name in NAMES:
        _, log = _sarif(name)
        rule_of[name] = {r["ruleId"] for r in log["runs"][0]["results"]}
    assert rule_of["invalid_date.yaml"] == {"invalid-date"}
    assert rule_of["unknown_country.yaml"] == {"unknown-country"}
    assert rule_of["missing_reference.yaml"] == {"unknown-reference"}
    assert rule_of["duplicate_id.yaml"] == {"duplicate-id"}
    assert rule_of["syntax_error.yaml"] == {"yaml-syntax"}
    assert rule_of["unknown_key.yaml"] == rule_of["unknown_section.yaml"] == {"unknown-field"}
    kinds = {frozenset(ids) for ids in rule_of.values()}
    assert len(kinds) >= 12  # seventeen broken files, a dozen different kinds of problem
    declared = [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]]
    assert len(declared) == len(set(declared))
    assert set().union(*rule_of.values()) <= set(declared)


def test_rules_are_given_where_problems_are_found_not_read_from_their_words(tmp_path: Path) -> None:
    """Each problem carries its rule: one whose wording starts like no rule's (an invisible character in a name)
    has its own, in SARIF and JUnit alike, and each problem the API gives says its rule."""
    from summitcli.errors import DataError
    from summitcli.problems import RULES

    path = tmp_path / "data.yaml"
    path.write_text(
        "meta: {title: T, home: KR}\nsources: [{id: s, confidence: H}]\n"
        'people:\n  - {id: mc, name: "Mark Car\u200bney", country: XX, sources: [s], confidence: H}\n'
        "events:\n  - {id: e, kind: bilateral, title: T, date: 2025-13-01, parties: [KR, CA], sources: [s], "
        "confidence: H}\n",
        encoding="utf-8",
    )
    _, log = _sarif(str(path))
    by_field = {
        r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]: r["ruleId"] for r in log["runs"][0]["results"]
    }
    assert by_field == {
        "people[0].name": "invisible-character",
        "events[0].date": "invalid-date",
        "people[0].country": "unknown-country",
    }
    _, root = _junit(str(path))
    assert sorted(f.get("type") for f in root.iter("failure")) == sorted(by_field.values())
    with pytest.raises(DataError) as refused:
        from summitcli.datafiles import read_files
        from summitcli.dataset import parse_and_validate

        parse_and_validate(read_files([path]))
    assert {p.field: p.rule for p in refused.value.problems} == by_field
    assert {p.rule for p in refused.value.problems} <= {rule.id for rule in RULES}


def test_sarif_for_valid_data_has_no_result() -> None:
    code, log = _sarif(str(FIXTURE))
    assert code == 0
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["tool"]["driver"]["name"] == "summit"


def test_sarif_names_a_missing_path_without_a_region(tmp_path: Path) -> None:
    missing = tmp_path / "no such dir" / "a%b.yaml"
    code, log = _sarif(str(missing))
    assert code == 1
    [result] = log["runs"][0]["results"]
    physical = result["locations"][0]["physicalLocation"]
    assert "region" not in physical
    uri = urlparse(physical["artifactLocation"]["uri"])
    assert uri.scheme == "file" and Path(unquote(uri.path)) == missing
    assert result["ruleId"] == "unreadable-path"


def test_sarif_relative_names_stay_relative_and_are_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    odd = tmp_path / "my data" / "a#b 100%.yaml"
    odd.parent.mkdir()
    odd.write_text(
        "meta: {title: 캐나다, home: KR}\nevents: [{id: x, title: 캐나다 🇨🇦, kind: picnic}]\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    code, log = _sarif("my data")
    assert code == 1
    results = log["runs"][0]["results"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {"my%20data/a%23b%20100%25.yaml"}
    assert unquote(uris.pop()) == "my data/a#b 100%.yaml"
    # Columns count characters, not UTF-16 units or bytes: the column the text line gives.
    assert [r["locations"][0]["physicalLocation"]["region"]["startColumn"] for r in results] == [
        column for _, _, column, _ in _text_lines("my data")
    ]


def test_junit_fails_one_case_per_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD)
    names = ["duplicate_key.yaml", "invalid_date.yaml", "unknown_country.yaml"]
    expected = _text_lines(*names)
    code, root = _junit(*names)
    assert code == 1
    [suite] = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert len(cases) == len(expected) == int(suite.get("tests", "")) == int(suite.get("failures", "")) >= 2
    assert root.get("failures") == suite.get("failures")
    for case, (file, line, column, text) in zip(cases, expected, strict=True):
        [failure] = case.findall("failure")
        assert case.get("file") == case.get("classname") == file
        assert case.get("line") == str(line)
        assert failure.get("message") == text
        assert failure.text == f"{file}:{line}:{column}: {text}"
        # the three files are one dataset: each meta block after the first, and each id again, is a problem too
        assert failure.get("type") in {"duplicate-key", "invalid-date", "unknown-country", "meta", "duplicate-id"}


def test_junit_passes_one_case_per_file_of_valid_data() -> None:
    code, root = _junit(str(FIXTURE))
    assert code == 0
    cases = root.findall("testsuite/testcase")
    assert sorted(c.get("file") for c in cases) == sorted(str(p) for p in FIXTURE.glob("*.yaml"))
    assert root.findall(".//failure") == [] and root.get("failures") == "0"
    assert root.get("tests") == str(len(cases))


def test_junit_stays_well_formed_xml_with_control_characters_in_the_data(tmp_path: Path) -> None:
    bad = tmp_path / "esc.yaml"
    bad.write_text('meta: {title: T, home: KR}\nevents: [{id: x, "a\\e\u202e<&b": 1}]\n', encoding="utf-8")
    code, root = _junit(str(bad))
    assert code == 1
    messages = [failure.get("message") or "" for failure in root.findall(".//failure")]
    assert any(m.startswith("events[0].a\\x1b\\u202e<&b: unknown field") for m in messages), messages


def test_a_real_process_writes_sarif_to_stdout(tmp_path: Path) -> None:
    done = subprocess.run(
        summit_cmd("validate", "--format", "sarif", "unknown_country.yaml"),
        capture_output=True,
        text=True,
        cwd=BAD,
        env=subprocess_env(),
        timeout=60,
    )
    assert (done.returncode, done.stderr) == (1, "")
    report = tmp_path / "summit.sarif"
    report.write_text(done.stdout, encoding="utf-8")
    checked = subprocess.run(
        ["check-jsonschema", "--schemafile", str(ROOT / "tests" / "sarif" / "sarif-schema-2.1.0.json"), str(report)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
