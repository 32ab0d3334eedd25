"""docs/cli.md stays what the commands' help says (as sqlite-utils keeps its CLI reference with cog)."""

from __future__ import annotations

import pytest
from conftest import ROOT, run

from summitcli import clidoc

REGENERATE = (
    "docs/cli.md is out of date with the commands' help: regenerate it with `python -m summitcli.clidoc --write`"
)


def test_the_cli_reference_is_in_step_with_the_help() -> None:
    committed = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert committed == clidoc.render(), REGENERATE


def test_every_command_has_a_section_with_its_help() -> None:
    page = clidoc.render()
    for words in (["brief"], ["validate"], ["export", "sqlite"], ["export", "ics"]):
        name = " ".join(["summit", *words])
        assert f"\n## {name}\n" in page and f"- [`{name}`](#{name.replace(' ', '-')})" in page
        first = run(*words, "--help").stdout.splitlines()[0]
        assert first in page
    assert "--format <text|github|json|sarif|junit>" in page.split("## summit validate")[1].split("## ")[0]


def test_the_generator_writes_to_stdout_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert clidoc.main([]) == 0
    assert capsys.readouterr().out == clidoc.render()
    assert clidoc.main(["--bogus"]) == 2
