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
from pathlib import Path
from typing import Any

import msgspec
import pytest
from conftest import ROOT, subprocess_env

from summitcli import model

# The id of the one record the dataset below gives each record list.
IDS = {"sources": "s", "topics": "t", "people": "p", "events": "ev-zqy", "outcomes": "o", "quotes": "q", "facts": "f",
       "followups": "u", "plans": "l", "groupings": "g"}  # fmt: skip
# Each record list of a data file: the struct of its records, and that id.
KINDS = {
    field.name: (msgspec.inspect.type_info(field.type).item_type.cls.__name__, IDS.get(field.name, ""))
    for field in msgspec.structs.fields(model.DataFile)
    if field.name != "meta"
}
DATASET = """\
meta: {title: Memo week, home: KR}
sources: [{id: s, publication: Daily, confidence: H, memo: zqx sources, seen_at: ev-zqy}]
topics: [{id: t, name: Trade, memo: zqx topics, seen_at: ev-zqy}]
people: [{id: p, name: Mark Carney, title: Prime Minister, country: CA, sources: [s], confidence: H,
          memo: zqx people, seen_at: ev-zqy}]
events: [{id: ev-zqy, kind: bilateral, title: Summit, date: 2025-10-30, parties: [KR, CA], participants: [p],
          topics: [t], sources: [s], confidence: H, memo: zqx events, seen_at: ev-zqy}]
outcomes: [{id: o, kind: mou, title: Pact, status: signed, event: ev-zqy, parties: [KR, CA], topics: [t], sources: [s],
            confidence: H, memo: zqx outcomes, seen_at: ev-zqy}]
quotes: [{id: q, speaker: p, text: Hello, event: ev-zqy, countries: [CA], topics: [t], sources: [s], confidence: H,
          memo: zqx quotes, seen_at: ev-zqy}]
facts: [{id: f, text: Old friends, countries: [CA], topics: [t], sources: [s], confidence: H, memo: zqx facts,
         seen_at: ev-zqy}]
followups: [{id: u, title: Talks, origin: o, parties: [KR, CA], status: pending, topics: [t], sources: [s],
             confidence: H, memo: zqx followups, seen_at: ev-zqy}]
plans: [{id: l, parties: [KR, CA], planned: A visit, actual: A call, actual_event: ev-zqy, actual_sources: [s],
         sources: [s], confidence: H, memo: zqx plans, seen_at: ev-zqy}]
groupings: [{id: g, name: Group, members: [CA, KR], sources: [s], confidence: H, memo: zqx groupings, seen_at: ev-zqy}]
"""
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
    assert set(KINDS) == set(model.RECORD_LISTS) == set(COMMANDS) == set(IDS)
    assert all(f"memo: zqx {name}" in DATASET for name in KINDS)


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
    (root / "week.yaml").write_text(DATASET, encoding="utf-8")
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
    lines = [[*COMMANDS[name], "--format", fmt] for name in KINDS for fmt in FORMATS]
    outputs = iter(summit(scratch, *lines, ["export", "json"]))
    for name, (_, rid) in KINDS.items():
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
