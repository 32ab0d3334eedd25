"""Hostile files and broken environments in the data layer (issue 14): one clear line naming the file, exit 1,
never a traceback or a hang; alias bombs refused by the text they expand to and by the values they reach. (Memory
limits on huge and malicious files, and fuzzed files: test_hostile_data_and_limits.py.)"""

from __future__ import annotations

import json
import os
import shutil
import typing
from pathlib import Path

import pytest
from conftest import FIXTURE, run

import summitcli.yamlread
from summitcli import model

EVENT_KINDS = typing.get_args(typing.get_args(model.EventKind)[0])  # as the model lists them

HEAD = "meta: {title: T, home: KR}\nsources:\n  - {id: s, confidence: H}\n"


def _write(tmp_path: Path, text: str, name: str = "data.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_alias_bomb_by_size_is_refused(tmp_path: Path) -> None:
    """Few values, each a large string reached many times: bounded by the text it expands to, not the count."""
    big = "x" * 1_000_000
    refs = ", ".join(["*big"] * 100)
    path = _write(tmp_path, f"{HEAD}facts:\n  - {{id: f, text: &big {big}, countries: [CA], sources: [s], "
                  f"confidence: H}}\nbomb: [{refs}]\n")  # fmt: skip
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert result.stderr == f"{path}:6:410: bomb[67]: expands to more than 64 MiB of text (an alias bomb?)\n"


def test_only_values_reached_through_aliases_count_toward_the_alias_bomb_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """A large honest file (the 1,000,000-meeting benchmark has over 5,000,000 values in one file) is read; the
    same number of values reached through aliases is refused. The limit is lowered here to keep the test small."""
    from summitcli import yamlread

    monkeypatch.setattr(yamlread, "MAX_ALIASED", 100)
    honest = "a: [" + ", ".join(["x"] * 1000) + "]\n"
    assert len(yamlread.read_yaml(honest)["a"]) == 1000
    bomb = "a: &a [" + ", ".join(["x"] * 30) + "]\nb: [*a, *a, *a, *a]\n"
    with pytest.raises(yamlread.YamlProblem, match="more than 100 values"):
        yamlread.read_yaml(bomb)


def test_a_thousand_problems_are_located_in_one_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    records = "".join(f"  - {{id: e{i}, kind: picnic, title: T, sources: [s], confidence: H}}\n" for i in range(1000))
    path = _write(tmp_path, f"{HEAD}events:\n{records}")
    passes = []
    real = summitcli.yamlread._Reader.__init__

    def counted(self: summitcli.yamlread._Reader, *args: object, **kwargs: object) -> None:
        passes.append(1)
        real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(summitcli.yamlread._Reader, "__init__", counted)
    result = run("validate", str(path))
    lines = result.stderr.splitlines()
    assert result.exit_code == 1 and len(lines) == 1000
    assert lines[999].startswith(f"{path}:1004:22: events[999].kind: invalid value 'picnic'")
    assert len(passes) == 2, "one pass to parse, one to locate every problem (not one per problem)"


def test_fifo_is_refused_by_name_not_waited_on(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    os.mkfifo(data / "x.yaml")
    result = run("--data", str(data), "timeline")
    assert result.exit_code == 1
    assert result.stderr == f"{data / 'x.yaml'}:0:0: file: not a regular file (expected a YAML file)\n"


def test_link_to_a_device_is_refused_by_name(tmp_path: Path) -> None:
    link = tmp_path / "z.yaml"
    os.symlink("/dev/zero", link)
    result = run("validate", str(link))
    assert result.exit_code == 1
    assert result.stderr == f"{link}:0:0: file: not a regular file (expected a YAML file)\n"


def test_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    odd = os.path.join(os.fsencode(data), b"bad\xff.yaml")
    with open(odd, "wb") as fh:
        fh.write(b"sources:\n  - {id: src-odd, confidence: L}\n")
    for _ in range(2):  # building the index, then reading it
        result = run("--data", str(data), "export", "json")
        assert result.exit_code == 0, result.stderr
        exported = json.loads(result.stdout)
        assert f"{data}/bad\\xff.yaml" in exported["files"]
        assert "src-odd" in {s["id"] for s in exported["sources"]}
        result.stdout.encode("utf-8")


def test_time_zone_that_is_a_directory_of_the_zone_database(tmp_path: Path) -> None:
    events = (
        "events:\n  - {id: e, kind: summit, title: T, start: '10:00', tz: Asia, sources: [s], confidence: H}\n"
        "  - {id: f, kind: picnic, title: T, sources: [s], confidence: H}\n"
    )
    path = _write(tmp_path, HEAD + events)
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [  # the other problems of the file are reported too
        f"{path}:5:57: events[0].tz: unknown time zone 'Asia' (expected an IANA zone such as Asia/Seoul)",
        f"{path}:6:19: events[1].kind: invalid value 'picnic' (expected one of: {', '.join(EVENT_KINDS)})",
    ]


@pytest.mark.parametrize("how", ["--data", "SUMMIT_DATA"])
def test_unreadable_data_directory_is_one_line_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    real = Path.iterdir

    def denied(self: Path):  # as root, chmod 000 does not stop a read: refuse it here instead
        if self == data:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "iterdir", denied)
    result = (
        run("--data", str(data), "timeline") if how == "--data" else run("timeline", env={"SUMMIT_DATA": str(data)})
    )
    assert result.exit_code == 1
    assert result.stderr == f"{data}:0:0: path: cannot be read: Permission denied\n"


@pytest.mark.parametrize("amount", ["1e999", "-1e999", "9" * 5000])
def test_number_out_of_range_is_refused(tmp_path: Path, amount: str) -> None:
    path = _write(tmp_path, f"{HEAD}outcomes:\n  - {{id: o, kind: agreement, title: T, status: signed, parties: [KR], "
                  f"sources: [s], confidence: H, figures: [{{label: V, value: x, amount: {amount}}}]}}\n")  # fmt: skip
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"{path}:5:139: outcomes[0].figures[0].amount: number out of range (expected a finite number within 64 bits)\n"
    )


def test_every_problem_of_one_record_is_reported(tmp_path: Path) -> None:
    path = _write(
        tmp_path, f"{HEAD}events:\n  - {{id: a, kind: trip, title: T, sources: [s], confidence: X, venu: Y}}\n"
    )
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert [line.split(": ", 2)[1] for line in result.stderr.splitlines()] == [
        "events[0].kind",
        "events[0].confidence",
        "events[0].venu",
    ]
