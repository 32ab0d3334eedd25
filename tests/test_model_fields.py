"""One place per field: a field added to any record kind of the model reaches the schema, every machine format
(json, jsonl, csv, tsv), the SQLite export and search with no other edit.

Proved on a scratch copy of the package whose model.py gives every record kind two more fields, a text (`memo`)
and a reference to an event (`seen_at`), run on a dataset in which every record has both: the text is searched,
the reference is not (it is an id, not words), and the export keeps it as a foreign key."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any

import msgspec
import pytest
from conftest import EVERY_KIND, ROOT, every_kind, run, subprocess_env

from summitcli import model

# The id of the one record the dataset gives each record list.
IDS = {name: records[0]["id"] for name, records in EVERY_KIND.items() if name != "meta"}
# Each record list of a data file: the struct of its records, and that id.
KINDS = {
    field.name: (msgspec.inspect.type_info(field.type).item_type.cls.__name__, IDS.get(field.name, ""))
    for field in msgspec.structs.fields(model.DataFile)
    if field.name != "meta"
}
# The command whose machine formats list each kind's records (facts and plans: the brief's sections).
COMMANDS = {
    "sources": ["sources"],
    "topics": ["topics"],
    "people": ["people"],
    "events": ["timeline"],
    "outcomes": ["agreements"],
    "quotes": ["quotes"],
    "facts": ["brief", "canada", "--full"],
    "followups": ["followups"],
    "plans": ["brief", "canada", "--full"],
    "groupings": ["brief", "group", "--full"],  # a grouping's brief (by its name)
}
FORMATS = ("json", "jsonl", "csv", "tsv")
# Runs the scratch package's CLI through Typer, once per command line, in one process.
DRIVER = """
import json, sys
from typer.testing import CliRunner
from summitcli.cli import app
out = []
for args in json.loads(sys.argv[1]):
    result = CliRunner().invoke(app, args, prog_name="summit")
    out.append([result.exit_code, result.stdout, result.stderr])
print(json.dumps(out))
"""


def test_every_record_kind_is_covered_by_the_dataset() -> None:
    assert set(KINDS) == set(model.RECORD_LISTS) == set(IDS)
    assert set(model.Dataset.__struct_fields__) - {"meta", "files"} == set(model.RECORD_LISTS)  # both name them
    assert set(COMMANDS) <= set(KINDS)  # a kind no list command prints is checked through `show` alone


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the package whose model gives every record kind a `memo` and a `seen_at`, and a dataset that fills
    them."""
    root = tmp_path_factory.mktemp("scratch")
    shutil.copytree(ROOT / "summitcli", root / "summitcli", ignore=shutil.ignore_patterns("__pycache__"))
    path = root / "summitcli" / "model.py"
    text = path.read_text(encoding="utf-8")
    for struct, _ in KINDS.values():
        end = text.index("\n\n\n", text.index(f"\nclass {struct}("))
        text = text[:end] + "\n    memo: str | None = None\n    seen_at: EventRef | None = None" + text[end:]
    path.write_text(text, encoding="utf-8")
    every_kind(root / "week.yaml", memo="zqx {list}", seen_at="ev-zqy")
    return root


def summit(scratch: Path, *commands: list[str]) -> list[str]:
    """The stdout of each command line, run by the scratch package on the scratch dataset."""
    lines = [["--data", str(scratch / "week.yaml"), *args] for args in commands]
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, json.dumps(lines)],
        capture_output=True,
        text=True,
        cwd=scratch,
        env=subprocess_env(PYTHONPATH=str(scratch), XDG_CACHE_HOME=str(scratch / "cache")),
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads(done.stdout)
    for args, (code, _, stderr) in zip(commands, results, strict=True):
        assert code == 0, (args, stderr)
    return [stdout for _, stdout, _ in results]


def records_of(fmt: str, text: str) -> list[dict[str, Any]]:
    if fmt == "json":
        value = json.loads(text)
        if isinstance(value, dict):  # a document: a list of records (or one) per section
            return [r for v in value.values() for r in (v if isinstance(v, list) else [v]) if isinstance(r, dict)]
        return list(value)
    if fmt == "jsonl":
        return [json.loads(line) for line in text.splitlines()]
    return list(csv.DictReader(io.StringIO(text), delimiter="," if fmt == "csv" else "\t"))


def test_the_scratch_model_is_the_one_that_runs(scratch: Path) -> None:
    (schema,) = summit(scratch, ["schema"])
    defs = json.loads(schema)["$defs"]
    for struct, _ in KINDS.values():
        assert {"memo", "seen_at"} <= set(defs[struct]["properties"]), struct


def test_a_new_field_reaches_every_machine_format(scratch: Path) -> None:
    lines = [[*COMMANDS[name], "--format", fmt] for name in COMMANDS for fmt in FORMATS]
    outputs = iter(summit(scratch, *lines, ["export", "json"]))
    for name in COMMANDS:
        rid = IDS[name]
        for fmt in FORMATS:
            found = [r for r in records_of(fmt, next(outputs)) if r.get("id") == rid and "memo" in r]
            assert [(r["memo"], r["seen_at"]) for r in found][:1] == [(f"zqx {name}", "ev-zqy")], (name, fmt)
    whole = json.loads(next(outputs))
    assert {name: (whole[name][0]["memo"], whole[name][0]["seen_at"]) for name in KINDS} == {
        name: (f"zqx {name}", "ev-zqy") for name in KINDS
    }


def test_a_new_field_reaches_the_sqlite_export(scratch: Path) -> None:
    target = scratch / "week.db"
    summit(scratch, ["export", "sqlite", "-o", str(target)])
    db = sqlite3.connect(target)
    for name, (_, rid) in KINDS.items():
        row = db.execute(f"SELECT memo, seen_at_id FROM {name} WHERE id = ?", (rid,)).fetchall()
        assert row == [(f"zqx {name}", "ev-zqy")], name
        keys = {(fk[3], fk[2], fk[4]) for fk in db.execute(f"PRAGMA foreign_key_list({name})")}
        assert ("seen_at_id", "events", "id") in keys, name
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_new_text_field_is_searched_and_a_new_reference_is_not(scratch: Path) -> None:
    found, ids = summit(scratch, ["search", "zqx", "--format", "json"], ["search", "zqy", "--format", "json"])
    assert json.loads(ids) == []
    kinds = {struct.lower(): name for name, (struct, _) in KINDS.items()}
    assert sorted((r["kind"], r["field"], r["snippet"]) for r in json.loads(found)) == sorted(
        (kind, "memo", f"zqx {name}") for kind, name in kinds.items()
    )


def test_a_new_field_reaches_show_of_every_kind(scratch: Path) -> None:
    """`summit show ID` opens a record of any kind, with every field of its own in json."""
    outputs = summit(scratch, *[["show", rid, "--format", "json"] for _, rid in KINDS.values()])
    for (name, (_, rid)), text in zip(KINDS.items(), outputs, strict=True):
        found = [r for r in records_of("json", text) if r.get("id") == rid and "memo" in r]
        assert [(r["memo"], r["seen_at"]) for r in found][:1] == [(f"zqx {name}", "ev-zqy")], name


def test_changes_name_a_record_of_every_kind(tmp_path: Path) -> None:
    """Every record of a dataset against one with only its meta: each added, of its kind (the struct's name)."""
    (tmp_path / "before").mkdir()
    (tmp_path / "before" / "week.yaml").write_text(json.dumps({"meta": EVERY_KIND["meta"]}), encoding="utf-8")
    week = every_kind(tmp_path / "week.yaml")
    result = run("--data", str(week), "changes", "--against", str(tmp_path / "before"), "--format", "json")
    assert result.exit_code == 0, result.stderr
    found = {(r["change"], r["kind"], r["id"]) for r in json.loads(result.stdout)}
    assert found == {("added", struct.lower(), rid) for struct, rid in KINDS.values()}


# A record list added to the model alone (a struct and its field of `DataFile`): what reaches it with no other edit.
NEW_LIST = '''

class Statement(Record, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A statement a government issued."""

    date: RecordDate = None
    parties: Annotated[list[Party], msgspec.Meta(min_length=1)]
    text: Annotated[Text, msgspec.Meta(description="what it says")]
'''


@pytest.fixture(scope="module")
def with_statements(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the package whose model has one more record list, `statements`, and a dataset with one."""
    root = tmp_path_factory.mktemp("statements")
    shutil.copytree(ROOT / "summitcli", root / "summitcli", ignore=shutil.ignore_patterns("__pycache__"))
    path = root / "summitcli" / "model.py"
    text = path.read_text(encoding="utf-8")
    text = text.replace("\n\nclass Meta(", NEW_LIST + "\n\nclass Meta(", 1)
    text = text.replace("    groupings: list[Grouping] = []\n\n", "    groupings: list[Grouping] = []\n"
                        "    statements: list[Statement] = []\n\n", 1)  # fmt: skip
    text = text.replace(
        "    files: list[str] = []", "    statements: list[Statement] = []\n    files: list[str] = []", 1
    )
    path.write_text(text, encoding="utf-8")
    week = every_kind(root / "week.yaml")
    data = json.loads(week.read_text(encoding="utf-8"))
    data["statements"] = [{"id": "st", "date": "2025-10-31", "parties": ["KR", "CA"], "text": "Zqx words",
                           "sources": ["s"], "confidence": "M"}]  # fmt: skip
    week.write_text(json.dumps(data), encoding="utf-8")
    (root / "before").mkdir()
    (root / "before" / "week.yaml").write_text(json.dumps({"meta": EVERY_KIND["meta"]}), encoding="utf-8")
    return root


def test_a_new_record_list_reaches_every_reader_with_no_other_edit(with_statements: Path) -> None:
    root = with_statements
    schema, valid, shown, found, cited, exported, changed = summit(
        root,
        ["schema"],
        ["validate"],
        ["show", "st", "--format", "json"],
        ["search", "zqx", "--format", "json"],
        ["sources", "s", "--format", "json"],
        ["export", "json"],
        ["changes", "--against", str(root / "before"), "--format", "json"],
        ["export", "sqlite", "-o", str(root / "week.db")],
    )[:7]
    assert "statements" in json.loads(schema)["$defs"]["DataFile"]["properties"]
    assert "statements\t1" in valid.splitlines()
    assert json.loads(shown)["statement"]["text"] == "Zqx words"
    assert [(r["kind"], r["id"]) for r in json.loads(found)] == [("statement", "st")]
    assert [r["id"] for r in json.loads(cited)["statements"]] == ["st"]
    assert [r["id"] for r in json.loads(exported)["statements"]] == ["st"]
    assert ("added", "statement", "st") in {(r["change"], r["kind"], r["id"]) for r in json.loads(changed)}
    db = sqlite3.connect(root / "week.db")
    assert db.execute("SELECT id, date, text, confidence FROM statements").fetchall() == [
        ("st", "2025-10-31", "Zqx words", "M")
    ]
    assert db.execute("SELECT kind, title FROM records WHERE id = 'st'").fetchall() == [("statement", "Zqx words")]
    assert sorted(db.execute("SELECT country FROM parties WHERE record_id = 'st'").fetchall()) == [("CA",), ("KR",)]


def test_every_kind_held_at_a_distance_says_how(tmp_path: Path) -> None:
    """An event of each kind the model holds at a distance (`model.REMOTE_KINDS`) says how it was held, and
    counts where a counterpart is met, not as a meeting in person."""
    from summitcli.phrases import MEDIUM

    kinds = typing.get_args(typing.get_args(model.EventKind)[0])
    assert set(model.MEETING_KINDS) | set(model.REMOTE_KINDS) <= set(kinds)
    remote = [
        {"id": f"e-{kind}", "kind": kind, "title": f"Talk {kind}", "date": "2025-10-31", "parties": ["KR", "CA"],
         "participants": ["p"], "sources": ["s"], "confidence": "H"}
        for kind in model.REMOTE_KINDS
    ]  # fmt: skip
    week = tmp_path / "week.yaml"
    week.write_text(json.dumps({**EVERY_KIND, "events": EVERY_KIND["events"] + remote}), encoding="utf-8")
    lines = run("--data", str(week), "timeline", "--format", "plain").stdout.splitlines()
    for kind in model.REMOTE_KINDS:
        assert any(f"Talk {kind}" in line and MEDIUM[kind] in line for line in lines), kind
    (country,) = json.loads(run("--data", str(week), "countries", "--format", "json").stdout)
    assert (country["meetings"], [c["id"] for c in country["counterparts"]]) == (1, ["p"])  # the one in person
