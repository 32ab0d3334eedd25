"""One declaration per command: the root options travel with each run, never in a global; the options of a command
are taken by name only."""

from __future__ import annotations

import importlib
import json
import pkgutil
from pathlib import Path

import msgspec
import pytest
from conftest import FIXTURE, run

import summitcli.commands

TERMINAL = {"TTY_COMPATIBLE": "1", "COLUMNS": "100"}


def test_the_root_options_of_one_run_never_reach_the_next(tmp_path: Path) -> None:
    """Many runs in one process (a notebook, a test suite, a server): --data, --no-cache and --color hold for
    their own run only."""
    cache = tmp_path / "cache"  # the test's own (conftest)
    assert run("--no-cache", "--data", str(FIXTURE), "countries").exit_code == 0
    assert not list(cache.rglob("*.sqlite"))
    assert run("--data", str(FIXTURE), "countries").exit_code == 0
    assert list(cache.rglob("*.sqlite")), "the next run reads and writes the index again"

    mini = json.loads(run("--data", str(FIXTURE), "countries", "-f", "json").stdout)
    bundled = json.loads(run("countries", "-f", "json").stdout)
    assert {c["country"] for c in mini} < {c["country"] for c in bundled}

    assert "\x1b[" not in run("--color", "never", "countries", env=TERMINAL).stdout
    assert "\x1b[" in run("countries", env=TERMINAL).stdout  # auto, in a terminal: colour again


def _options_classes() -> list[type]:
    found = []
    for info in pkgutil.iter_modules(summitcli.commands.__path__):
        module = importlib.import_module(f"summitcli.commands.{info.name}")
        found += [
            value
            for name, value in vars(module).items()
            if name.endswith("Options")
            and isinstance(value, type)
            and issubclass(value, msgspec.Struct)
            and value.__module__ == module.__name__
        ]
    return found


def test_every_commands_options_are_taken_by_name_only_and_never_change() -> None:
    """A command's options cannot be passed in the wrong order (say status for kind): positions are refused."""
    classes = _options_classes()
    assert {c.__module__.rsplit(".", 1)[-1] for c in classes} >= {
        "agreements",
        "brief",
        "followups",
        "quotes",
        "search",
        "timeline",
    }
    for cls in classes:
        fields = cls.__struct_fields__
        with pytest.raises(TypeError):
            cls(*["x"] * len(fields))
        options = cls(**dict.fromkeys(fields))
        with pytest.raises(AttributeError):
            options.changed = 1  # type: ignore[attr-defined]
