"""Start-up: a warm command reads the index without msgspec, and what it reads equals the model's records."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import msgspec
import pytest
from conftest import FIXTURE, ROOT, subprocess_env, summit_cmd

from summitcli import model
from summitcli.dataset import open_data
from summitcli.records import fields
from summitcli.stored import Stored, model_type


def imported_by(*args: str, cache: str) -> set[str]:
    """The modules a run of `summit ARGS` imports (its output piped), as -X importtime lists them."""
    env = subprocess_env(XDG_CACHE_HOME=cache)
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *summit_cmd(*args)[1:]],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
        cwd=ROOT,
    )
    return {line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}


def test_a_warm_piped_brief_imports_neither_msgspec_nor_rich_nor_yaml(tmp_path) -> None:
    cold = imported_by("brief", "canada", cache=str(tmp_path))
    assert "msgspec" in cold and "yaml" in cold, "the first run parses the YAML into the model"
    warm = imported_by("brief", "canada", cache=str(tmp_path))
    roots = {name.split(".")[0] for name in warm}
    assert not roots & {"msgspec", "rich", "yaml", "babel"}, sorted(roots & {"msgspec", "rich", "yaml", "babel"})
    assert "summitcli.commands.brief" in warm


def test_stored_records_equal_the_models(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    for paths in ([FIXTURE], None):  # the mini week, the bundled data
        indexed = open_data(paths)
        typed = indexed.materialize()
        assert isinstance(typed, model.Dataset)
        for name in model.RECORD_LISTS:
            stored, structs = indexed.all(name), getattr(typed, name)
            assert stored and all(isinstance(r, Stored) for r in stored)
            assert [model_type(r) for r in stored] == [type(r).__name__ for r in structs]
            assert [fields(r) for r in stored] == [msgspec.to_builtins(r, builtin_types=(dt.date,)) for r in structs]
            for record, struct in zip(stored, structs, strict=True):
                assert record.__struct_fields__ == struct.__struct_fields__
                for field in struct.__struct_fields__:  # the same values, of the same types, nested ones too
                    ours, theirs = getattr(record, field), getattr(struct, field)
                    assert type(ours) is type(theirs) or model_type(ours) == model_type(theirs), (name, field)
                    if isinstance(theirs, list) and theirs and isinstance(theirs[0], msgspec.Struct):
                        assert [model_type(x) for x in ours] == [type(x).__name__ for x in theirs]
        assert fields(indexed.meta) == msgspec.to_builtins(typed.meta)


def test_stored_records_compare_and_refuse_changes_as_structs_do(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first, again = open_data([FIXTURE]).all("events"), open_data([FIXTURE]).all("events")
    assert first == again and first[0] is not again[0]
    assert first[0] != first[1]
    with pytest.raises(AttributeError):
        first[0].title = "changed"


@pytest.mark.parametrize("args", [("timeline",), ("brief", "canada"), ("agreements", "nz"), ("export", "json")])
def test_a_large_dataset_is_read_as_the_models_structs_with_the_same_answers(tmp_path, monkeypatch, args) -> None:
    """Above BULK_BYTES of YAML, msgspec decodes (faster for thousands of records); every answer is the same."""
    from conftest import run

    from summitcli import index

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    small = run("--data", str(FIXTURE), *args, "--format", "json").stdout
    monkeypatch.setattr(index, "BULK_BYTES", 0)
    indexed = open_data([FIXTURE])
    assert all(isinstance(r, msgspec.Struct) for r in indexed.all("events")) and isinstance(indexed.meta, model.Meta)
    assert run("--data", str(FIXTURE), *args, "--format", "json").stdout == small


def test_an_index_written_by_another_model_is_rebuilt(tmp_path, monkeypatch) -> None:
    """Queries read records by the layout stored in the index: a changed model.py must not reuse it."""
    from summitcli import index

    assert index.VERSION.endswith("/" + index.model_digest((ROOT / "summitcli" / "model.py").read_bytes()))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    open_data([FIXTURE])
    (built,) = tmp_path.rglob("*.sqlite")
    monkeypatch.setattr(index, "VERSION", index.VERSION.rsplit("/", 1)[0] + "/another-model")
    before = built.stat().st_ino
    assert open_data([FIXTURE]).meta.title == "Mini week"
    assert built.stat().st_ino != before, "the index is written anew"
