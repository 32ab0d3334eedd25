"""Help, README and schema stay in step with the commands."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, run

from summitcli.commands.data import schema_text

COMMANDS = ["brief", "timeline", "agreements", "countries", "validate", "schema", "export json"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = run(*command.split(), "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"summit {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_committed_schema_matches_the_model() -> None:
    assert (ROOT / "schema" / "summit-data.schema.json").read_text(encoding="utf-8") == schema_text()
    assert json.loads(run("schema").stdout)["title"] == "summit dataset file"


def test_every_data_file_references_the_schema() -> None:
    for path in (ROOT / "data").glob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/summit-data.schema.json", path
