"""Start-up: what a warm command imports, and the records it reads from the index.

A warm piped command reads the index, never the YAML: it must not import PyYAML (nor babel, which only a name
outside pycountry's table needs, nor Rich, which only a terminal needs). Each of those costs more than the 5 ms a
start-up trick must save to stay (tests/benchmarks/bench_startup.py measures them).
"""

from __future__ import annotations

import subprocess
import sys

import msgspec
import pytest
from conftest import FIXTURE, ROOT, subprocess_env, summit_cmd

from summitcli import model
from summitcli.dataset import open_data


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


@pytest.mark.parametrize("args", [("brief", "canada"), ("agreements",), ("timeline",), ("followups",)])
def test_a_warm_piped_command_imports_neither_rich_nor_yaml_nor_babel(tmp_path, args) -> None:
    cold = imported_by(*args, cache=str(tmp_path))
    assert "yaml" in cold, "the first run parses the YAML"
    warm = imported_by(*args, cache=str(tmp_path))
    roots = {name.split(".")[0] for name in warm}
    assert not roots & {"rich", "yaml", "babel"}, sorted(roots & {"rich", "yaml", "babel"})
    assert f"summitcli.commands.{args[0]}" in warm


def test_records_read_from_the_index_are_the_models(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    for paths in ([FIXTURE], None):  # the mini week, the bundled data
        indexed = open_data(paths)
        typed = indexed.materialize()
        assert isinstance(typed, model.Dataset) and isinstance(indexed.meta, model.Meta)
        for name in model.RECORD_LISTS:
            read = indexed.all(name)
            assert read and read == list(getattr(typed, name))
            assert all(isinstance(r, msgspec.Struct) for r in read)


def test_records_compare_and_refuse_changes_as_structs_do(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first, again = open_data([FIXTURE]).all("events"), open_data([FIXTURE]).all("events")
    assert first == again and first[0] is not again[0]
    assert first[0] != first[1]
    with pytest.raises(AttributeError):
        first[0].title = "changed"


def test_an_index_written_by_another_model_is_rebuilt(tmp_path, monkeypatch) -> None:
    """The index holds the model's structs encoded by msgspec: a changed model.py must not reuse it."""
    from summitcli import index

    assert index.VERSION.endswith("/" + index.model_digest((ROOT / "summitcli" / "model.py").read_bytes()))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    open_data([FIXTURE])
    (built,) = tmp_path.rglob("*.sqlite")
    monkeypatch.setattr(index.schema, "VERSION", index.VERSION.rsplit("/", 1)[0] + "/another-model")
    before = built.stat().st_ino
    assert open_data([FIXTURE]).meta.title == "Mini week"
    assert built.stat().st_ino != before, "the index is written anew"
