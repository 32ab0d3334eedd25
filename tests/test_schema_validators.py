"""The JSON Schema with the validators people wire into CI, and agreeing with `summit validate` on one file."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import ROOT, run

SCHEMA_PATH = ROOT / "schema" / "summit-data.schema.json"
DATA_FILES = sorted((ROOT / "data").glob("*.yaml"))


def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _schema_errors(text: str) -> list[str]:
    """What PyYAML (YAML 1.1, as most CI scripts read YAML) and jsonschema say of one file."""
    return [f"{list(e.absolute_path)}: {e.message}" for e in _validator().iter_errors(yaml.safe_load(text))]


def readme_yaml_examples() -> list[str]:
    """The README's data files: YAML blocks that name the schema as data files do (not pre-commit's config)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, flags=re.S)
    return [b for b in blocks if b.startswith("# yaml-language-server: $schema=")]


def test_check_jsonschema_accepts_the_bundled_data() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(SCHEMA_PATH), *map(str, DATA_FILES)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "validation done" in done.stdout


def test_check_jsonschema_refuses_an_unknown_country(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("meta: {title: T, home: XX}\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(SCHEMA_PATH), str(bad)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "XX" in done.stdout


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_pyyaml_and_jsonschema_accept_the_bundled_data(path: Path) -> None:
    assert _schema_errors(path.read_text(encoding="utf-8")) == []


def test_the_readme_examples_validate_with_pyyaml_jsonschema_and_the_tool(tmp_path: Path) -> None:
    examples = readme_yaml_examples()
    assert examples, "the README shows a data file"
    for number, example in enumerate(examples):
        assert _schema_errors(example) == [], example
        path = tmp_path / f"example{number}.yaml"
        path.write_text(example, encoding="utf-8")
        result = run("validate", str(path))
        assert result.exit_code == 0, result.stderr


HEAD = "meta: {title: T, home: KR}\nsources: [{id: s, confidence: H}]\n"
EVENT = "{id: e, kind: summit, title: T, sources: [s], confidence: H"
CASES: dict[str, tuple[str, bool]] = {
    "known country": (HEAD + f"events: [{EVENT}, parties: [KR, NZ]}}]\n", True),
    "unknown country in a list": (HEAD + f"events: [{EVENT}, parties: [KR, XX]}}]\n", False),
    "unknown home country": ("meta: {title: T, home: ZZ}\n", False),
    "unknown person's country": (
        HEAD + "people: [{id: p, name: P, country: QQ, sources: [s], confidence: H}]\n",
        False,
    ),
    "lower-case country": (HEAD + f"events: [{EVENT}, country: kr}}]\n", False),
    "empty record list": (HEAD + "events:\noutcomes:\n", True),
    "empty list written []": (HEAD + "events: []\n", True),
    "empty meta": ("meta:\n", False),
    "time with zone": (HEAD + f'events: [{EVENT}, start: "10:00", tz: Asia/Seoul}}]\n', True),
    "start without zone": (HEAD + f'events: [{EVENT}, start: "10:00"}}]\n', False),
    "end with a null zone": (HEAD + f'events: [{EVENT}, end: "11:00", tz: null}}]\n', False),
    "no time, no zone": (HEAD + f"events: [{EVENT}, start: null}}]\n", True),
    "whole minutes": (HEAD + f"events: [{EVENT}, duration_minutes: 90}}]\n", True),
    "minutes as text": (HEAD + f'events: [{EVENT}, duration_minutes: "90"}}]\n', False),
    "fractional minutes": (HEAD + f"events: [{EVENT}, duration_minutes: 90.5}}]\n", False),
    "zero minutes": (HEAD + f"events: [{EVENT}, duration_minutes: 0}}]\n", False),
    "amount as a number": (
        HEAD + "outcomes: [{id: o, kind: mou, title: T, status: signed, parties: [KR],"
        " figures: [{label: L, value: V, amount: 5}], sources: [s], confidence: H}]\n",
        True,
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_schema_and_tool_agree(case: str, tmp_path: Path) -> None:
    text, valid = CASES[case]
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    tool = run("validate", str(path))
    assert (tool.exit_code == 0) is valid, tool.stderr
    errors = _schema_errors(text)
    assert (errors == []) is valid, errors


def test_country_codes_are_the_iso_list_the_tool_knows() -> None:
    from summitcli.countries import is_country_code

    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    codes = schema["$defs"]["CountryCode"]["enum"]
    assert len(codes) >= 249 and all(is_country_code(c) for c in codes)
    assert "NZ" in codes and "XX" not in codes
