"""`summit validate --format github|json`: the same problems as the text lines, in the shapes CI tools read."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from conftest import BAD, FIXTURE, run, subprocess_env, summit_cmd

NAMES = sorted(p.name for p in BAD.glob("*.yaml"))
ANNOTATION = re.compile(r"::error file=([^,:]+),line=(\d+),col=(\d+),title=([^:]*)::(.*)")


def _decode(text: str) -> str:
    return text.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


@pytest.mark.parametrize("name", NAMES)
def test_json_lists_the_problems_text_prints(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD)
    text = run("validate", name)
    result = run("validate", "--format", "json", name)
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr and result.stderr == ""
    problems = json.loads(result.stdout)
    assert [set(p) for p in problems] == [{"file", "line", "column", "field", "message"}] * len(problems)
    rebuilt = [f"{p['file']}:{p['line']}:{p['column']}: {p['field']}: {p['message']}" for p in problems]
    assert rebuilt == text.stderr.splitlines()
    assert all(p["file"] == name and isinstance(p["line"], int) and p["line"] >= 1 for p in problems)


@pytest.mark.parametrize("name", NAMES)
def test_github_annotates_each_problem_at_its_place(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD)
    text = run("validate", name).stderr.splitlines()
    result = run("validate", "--format", "github", name)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == len(text) >= 1
    for line, expected in zip(lines, text, strict=True):
        match = ANNOTATION.fullmatch(line)
        assert match, line
        file, row, column, title, message = match.groups()
        assert f"{file}:{row}:{column}: {_decode(message)}" == expected
        assert _decode(message).startswith(_decode(title) + ": ")


def test_valid_data_is_an_empty_list_or_no_annotation() -> None:
    as_json = run("--data", str(FIXTURE), "validate", "--format", "json")
    assert (as_json.exit_code, as_json.stdout, as_json.stderr) == (0, "[]\n", "")
    as_github = run("validate", "--format", "github", str(FIXTURE))
    assert (as_github.exit_code, as_github.stdout, as_github.stderr) == (0, "", "")
    as_text = run("validate", str(FIXTURE))
    assert as_text.exit_code == 0 and as_text.stdout.startswith("valid: ")


def test_every_problem_of_several_files_is_listed(tmp_path: Path) -> None:
    bad = tmp_path / "two.yaml"
    bad.write_text(
        "meta: {title: T, home: KR}\nsources:\n  - {id: s, confidence: H}\nevents:\n"
        "  - {id: a, kind: summit, title: T, sources: [s], confidence: H, venu: X}\n"
        "  - {id: b, kind: summit, title: T, date: 2025-02-30, sources: [s], confidence: H}\n",
        encoding="utf-8",
    )
    problems = json.loads(run("validate", "-f", "json", str(bad)).stdout)
    assert [(p["line"], p["field"]) for p in problems] == [(5, "events[0].venu"), (6, "events[1].date")]


def test_a_path_without_position_has_null_line_and_no_line_property(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    problems = json.loads(run("validate", "-f", "json", str(missing)).stdout)
    assert problems == [
        {
            "file": str(missing),
            "line": None,
            "column": None,
            "field": "path",
            "message": "does not exist (expected a YAML file or a directory of them)",
        }
    ]
    annotation = run("validate", "-f", "github", str(missing)).stdout
    assert annotation.startswith("::error file=") and ",line=" not in annotation


def test_commas_colons_and_percent_in_names_are_escaped(tmp_path: Path) -> None:
    odd = tmp_path / "a,b:100%.yaml"
    odd.write_text("meta: {title: T, home: KR}\nevents: [{id: x}]\n", encoding="utf-8")
    line = run("validate", "-f", "github", str(odd)).stdout.splitlines()[0]
    assert "a%2Cb%3A100%25.yaml" in line
    as_json = json.loads(run("validate", "-f", "json", str(odd)).stdout)
    assert as_json[0]["file"] == str(odd) and as_json[0]["line"] == 2


def test_control_characters_from_the_data_cannot_reach_the_log(tmp_path: Path) -> None:
    bad = tmp_path / "esc.yaml"
    bad.write_text('meta: {title: T, home: KR}\nevents: [{id: x, "a\\e\u202eb": 1}]\n', encoding="utf-8")
    result = run("validate", "-f", "github", str(bad))
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "title=events[0].a\\x1b\\u202eb::" in result.stdout
    as_json = run("validate", "-f", "json", str(bad))
    assert "\x1b" not in as_json.stdout and "\u202e" not in as_json.stdout
    assert json.loads(as_json.stdout)[0]["field"] == "events[0].a\x1b\u202eb"  # JSON gives the data back exactly


def test_a_real_process_writes_annotations_to_stdout() -> None:
    done = subprocess.run(
        summit_cmd("validate", "--format", "github", "missing_reference.yaml"),
        capture_output=True,
        text=True,
        cwd=BAD,
        env=subprocess_env(),
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr == ""
    assert done.stdout.startswith("::error file=missing_reference.yaml,line=5,col=47,")


def test_a_path_that_looks_like_a_location_stays_the_file(tmp_path: Path) -> None:
    """Problems stay data from the loader to every format: a directory named like a location is still the file."""
    folder = tmp_path / "run:1:2: z"
    folder.mkdir()
    (folder / "bad.yaml").write_text((BAD / "unknown_country.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = run("validate", "--format", "json", str(folder))
    [problem] = json.loads(result.stdout)
    assert problem["file"].endswith("run:1:2: z/bad.yaml")
    assert (problem["line"], problem["column"], problem["field"]) == (5, 51, "events[0].parties[1]")
