"""Every refusal of the loader: exit 1, no traceback, one line naming file:line:column and the field.

tests/bad_data/ is the regression corpus: each file triggers one problem, and expected.txt holds the exact
line `summit validate FILE` prints for it (run from tests/bad_data/).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import BAD, run

EXPECTED = dict(line.split(":", 1) for line in (BAD / "expected.txt").read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_is_refused_with_exact_message(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD)
    result = run("validate", name)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"{name}:{EXPECTED[name]}\n"
    assert "Traceback" not in result.stderr


def test_corpus_covers_every_file() -> None:
    assert sorted(EXPECTED) == sorted(p.name for p in BAD.glob("*.yaml"))


def test_bad_data_also_stops_other_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD)
    result = run("--data", "unknown_key.yaml", "timeline")
    assert result.exit_code == 1
    assert result.stderr.startswith("unknown_key.yaml:5:72: events[0].venu: unknown field 'venu'")


def test_every_problem_is_reported_not_only_the_first(tmp_path: Path) -> None:
    bad = tmp_path / "two.yaml"
    bad.write_text(
        "meta: {title: T, home: KR}\nsources:\n  - {id: s, confidence: H}\nevents:\n"
        "  - {id: a, kind: summit, title: T, sources: [s], confidence: H, venu: X}\n"
        "  - {id: b, kind: summit, title: T, date: 2025-02-30, sources: [s], confidence: H}\n",
        encoding="utf-8",
    )
    result = run("validate", str(bad))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{bad}:5:") and "venu" in lines[0]
    assert lines[1].startswith(f"{bad}:6:") and "events[1].date: invalid date" in lines[1]


def test_missing_path(tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"{tmp_path / 'nope.yaml'}:0:0: path: does not exist (expected a YAML file or a directory of them)\n"
    )


def test_directory_without_yaml(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    result = run("validate", str(tmp_path))
    assert result.exit_code == 1
    assert "directory has no .yaml files" in result.stderr


def test_symlink_loop(tmp_path: Path) -> None:
    loop = tmp_path / "loop.yaml"
    os.symlink(loop, loop)
    result = run("validate", str(loop))
    assert result.exit_code == 1
    assert result.stderr == f"{loop}:0:0: path: symlink loop (expected a file or directory)\n"


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        "meta: {title: T, home: KR}\nsources:\n  - {id: s, confidence: H}\n", encoding="utf-8"
    )
    (tmp_path / "b.yaml").write_text("sources:\n  - {id: s, confidence: M}\n", encoding="utf-8")
    result = run("validate", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{tmp_path / 'b.yaml'}:2:10: sources[0].id: duplicate id 's'")


def test_valid_directory_prints_summary() -> None:
    from conftest import FIXTURE

    result = run("validate", str(FIXTURE))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:4] == ["valid: Mini week", "files\t2", "countries\t2", "meetings\t2"]


def test_usage_error_exits_2() -> None:
    result = run("timeline", "--bogus")
    assert result.exit_code == 2
    assert "No such option" in result.stderr


REWORDED = [
    # (what a later msgspec might say, the line validate must still print)
    (
        "Value is not a whole number - at `$.duration_minutes`",
        "events[0].duration_minutes: invalid value (expected a whole number)",
    ),
    ("Unexpected kind of value - at `$.kind`", "events[0].kind: invalid value (expected one of: bilateral, "),
    ("Something else entirely", "events[0]: invalid value (expected a record as `summit schema` describes it)"),
]


@pytest.mark.parametrize(("wording", "expected"), REWORDED)
def test_a_changed_msgspec_wording_still_gives_a_clear_line(
    wording: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The loader words its own messages from msgspec's; a wording it does not know gives the project's own
    message, with the field and what it expects from the model, never msgspec's text."""
    import msgspec

    import summitcli.loader

    convert = msgspec.convert

    def reworded(value: object, kind: type, **options: object) -> object:
        try:
            return convert(value, kind, **options)
        except msgspec.ValidationError:
            raise msgspec.ValidationError(wording) from None

    monkeypatch.setattr(summitcli.loader.msgspec, "convert", reworded, raising=True)
    monkeypatch.chdir(BAD)
    result = run("validate", "wrong_type.yaml")
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith("wrong_type.yaml:5:") and expected in line, line
    assert wording not in line
