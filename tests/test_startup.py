"""Start-up: what a warm command imports, and the records it reads from the index.

A warm piped command reads the index, never the YAML: it must not import PyYAML (nor babel, which only a name
outside pycountry's table needs, nor Rich, which only a terminal needs, nor the smaller modules in NOT_WHEN_WARM).
tests/benchmarks/bench_startup.py measures what a warm run costs.
"""

from __future__ import annotations

import subprocess
import sys

import msgspec
import pytest
from conftest import FIXTURE, ROOT, every_kind, subprocess_env, summit_cmd

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


# What a warm piped run does without, each costlier than it is worth there: Rich (a terminal's), PyYAML (the index
# answers), babel (names outside pycountry's table), hashlib (only a file whose stat changed is hashed: 2 ms),
# json (msgspec reads pycountry's tables) and dataclasses (each class 0.6 ms to create).
NOT_WHEN_WARM = {"rich", "yaml", "babel", "hashlib", "json", "dataclasses"}


@pytest.mark.parametrize("args", [("brief", "canada"), ("agreements",), ("timeline",), ("followups",)])
def test_a_warm_piped_command_imports_only_what_it_uses(tmp_path, args) -> None:
    cold = imported_by(*args, cache=str(tmp_path))
    assert "yaml" in cold, "the first run parses the YAML"
    warm = imported_by(*args, cache=str(tmp_path))
    roots = {name.split(".")[0] for name in warm}
    assert not roots & NOT_WHEN_WARM, sorted(roots & NOT_WHEN_WARM)
    assert f"summitcli.commands.{args[0]}" in warm


def test_records_read_from_the_index_are_the_models(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    every = every_kind(tmp_path / "every.yaml")  # a record of every list
    for paths in ([every], [FIXTURE], None):  # and the mini week, the bundled data
        indexed = open_data(paths)
        typed = indexed.materialize()
        assert isinstance(typed, model.Dataset) and isinstance(indexed.meta, model.Meta)
        for name in model.RECORD_LISTS:
            read = indexed.all(name)
            assert read == list(getattr(typed, name))
            assert read or paths != [every], name
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


def _commands_built(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the commands and groups Typer turns into Click commands from now on, in order."""
    import typer.main

    built: list[str] = []
    for builder in ("get_command_from_info", "get_group_from_info"):
        original = getattr(typer.main, builder)

        def recording(*args, _original=original, **kwargs):  # type: ignore[no-untyped-def]
            command = _original(*args, **kwargs)
            built.append(command.name)
            return command

        monkeypatch.setattr(typer.main, builder, recording)
    return built


def _declared() -> list[str]:
    from summitcli.cli import command_name, commands

    return [*(command_name(c) for c in commands.registered_commands), "export"]


@pytest.mark.parametrize("name", _declared())
def test_a_run_builds_the_click_command_of_the_command_it_names_alone(monkeypatch, name) -> None:
    """Typer would build all of summit's commands, signatures and parameters, before every run (6 ms, a tenth of
    a warm brief): the root group builds the one a run names (summitcli.cli.OnDemand)."""
    from conftest import run

    built = _commands_built(monkeypatch)
    result = run(name, "--help")
    assert result.exit_code == 0, result.stderr
    assert built[0] == "summit" and built[-1] == name, built  # the root group, then the command named (after a
    assert not set(built) & set(_declared()) - {name}, built  # group's own commands): no other of summit's


def test_help_and_a_mistyped_command_still_see_every_command(monkeypatch) -> None:
    from conftest import run

    listed = run("--help").stdout
    assert all(f"  {name} " in listed for name in _declared())
    mistyped = run("brif")
    assert mistyped.exit_code == 2 and "Did you mean 'brief'?" in mistyped.stderr


def test_a_brief_reads_each_source_it_cites_once(tmp_path, monkeypatch) -> None:
    """A source is cited on many lines of a brief (its markers, its confidence): each is read from the index once."""
    from conftest import run

    from summitcli.index.reading import IndexedDataset

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    run("brief", "canada")  # the index is built
    asked: list[str] = []
    original = IndexedDataset.record

    def record(self, list_names, rid):  # type: ignore[no-untyped-def]
        asked.append(rid)
        return original(self, list_names, rid)

    monkeypatch.setattr(IndexedDataset, "record", record)
    assert run("brief", "canada").exit_code == 0
    assert asked and len(asked) == len(set(asked)), sorted(asked)


FREEZE_PROBE = """
import atexit, gc, sys
atexit.register(lambda: print(gc.get_freeze_count(), file=sys.stderr))
sys.argv = ["summit", *sys.argv[1:]]
from summitcli.entry import main
main()
"""


@pytest.mark.parametrize("args", [("brief", "canada"), ("agreements",), ("timeline",), ("followups",)])
def test_a_run_ends_without_the_last_cycle_collection(tmp_path, args) -> None:
    """Typer, Click and the command leave tens of thousands of objects that live until the process ends: a run
    freezes them (summitcli.entry.leaving) so that the interpreter's last collection does not walk them all
    (11 to 13 ms of a warm run, tests/benchmarks/bench_startup.py --against a copy without it --pairs 41)."""
    env = subprocess_env(XDG_CACHE_HOME=str(tmp_path))
    for _ in range(2):  # the second run is warm
        done = subprocess.run(
            [sys.executable, "-c", FREEZE_PROBE, *args], capture_output=True, text=True, env=env, timeout=60
        )
    assert done.returncode == 0, done.stderr
    assert int(done.stderr.split()[-1]) > 10_000, "the objects of the run were left to the last collection"
