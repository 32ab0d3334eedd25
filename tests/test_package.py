"""The wheel: its licence, its type marker, the schema where the installed data files point, its version and
classifiers."""

from __future__ import annotations

import posixpath
import re
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from conftest import ROOT, run

import summitcli

SCHEMA_LINE = "# yaml-language-server: $schema="


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    """A wheel built from the checkout by the project's build backend (files .gitignore names are left out)."""
    if not (ROOT / "pyproject.toml").is_file():
        pytest.skip("not a source checkout (tests run from an installed package)")
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from hatchling.build import build_wheel; print(build_wheel(sys.argv[1]))",
            out,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return zipfile.ZipFile(out / done.stdout.strip().splitlines()[-1])


def test_the_wheel_holds_the_mit_licence(wheel: zipfile.ZipFile) -> None:
    licences = [n for n in wheel.namelist() if n.endswith("/LICENSE") and ".dist-info/" in n]
    assert licences, wheel.namelist()
    text = wheel.read(licences[0]).decode("utf-8")
    assert text.startswith("MIT License") and "the summit authors" in text
    metadata = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
    assert "License-Expression: MIT" in wheel.read(metadata).decode("utf-8")


def test_the_wheel_is_typed(wheel: zipfile.ZipFile) -> None:
    assert "summitcli/py.typed" in wheel.namelist()


def test_every_data_file_in_the_wheel_finds_its_schema(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    data_files = sorted(n for n in names if n.startswith("summitcli/data/") and n.endswith(".yaml"))
    assert len(data_files) == len(list((ROOT / "data").glob("*.yaml"))) > 0
    for name in data_files:
        first = wheel.read(name).decode("utf-8").splitlines()[0]
        assert first.startswith(SCHEMA_LINE), name
        target = posixpath.normpath(posixpath.join(posixpath.dirname(name), first[len(SCHEMA_LINE) :]))
        assert target in names, f"{name} points at {target}, which the wheel lacks"
        assert wheel.read(target) == (ROOT / "schema" / "summit-data.schema.json").read_bytes()


def test_the_checkout_has_what_the_wheel_ships() -> None:
    assert (ROOT / "LICENSE").is_file() and (ROOT / "summitcli" / "py.typed").is_file()
    first = (ROOT / "data" / "events.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert (ROOT / "data" / first[len(SCHEMA_LINE) :]).resolve() == (ROOT / "schema" / "summit-data.schema.json")


def test_no_junk_in_the_wheel(wheel: zipfile.ZipFile) -> None:
    junk = [n for n in wheel.namelist() if "__pycache__" in n or n.endswith(".pyc") or "/." in n]
    assert junk == []
    # the package and its metadata: the `summit` command is an entry point that pip writes at install time
    others = [n for n in wheel.namelist() if Path(n).parts[0] not in ("summitcli",) and ".dist-info" not in n]
    assert others == []


def test_the_wheel_declares_the_summit_command(wheel: zipfile.ZipFile) -> None:
    entry_points = next(n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt"))
    text = wheel.read(entry_points).decode("utf-8")
    assert "[console_scripts]" in text and "summit = summitcli.entry:main" in text


def _metadata(wheel: zipfile.ZipFile) -> dict[str, list[str]]:
    name = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
    message = Parser().parsestr(wheel.read(name).decode("utf-8"))
    return {key: message.get_all(key) or [] for key in set(message.keys())}


def test_the_wheel_and_summit_version_say_the_same_version(wheel: zipfile.ZipFile) -> None:
    assert run("--version").stdout == f"summit {summitcli.__version__}\n"
    assert _metadata(wheel)["Version"] == [summitcli.__version__]
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject and not re.search(r"^version\s*=", pyproject, re.MULTILINE)


def test_the_classifiers_name_every_supported_python(wheel: zipfile.ZipFile) -> None:
    metadata = _metadata(wheel)
    classifiers = metadata["Classifier"]
    [requires] = metadata["Requires-Python"]
    lowest = int(re.fullmatch(r">=3\.(\d+)", requires).group(1))  # type: ignore[union-attr]
    minors = sorted(int(c.rsplit(".", 1)[1]) for c in classifiers if re.fullmatch(r".*:: Python :: 3\.\d+", c))
    assert minors and minors[0] == lowest and minors == list(range(lowest, minors[-1] + 1))
    assert f"Programming Language :: Python :: 3.{sys.version_info.minor}" in classifiers  # the one running this
    assert "Typing :: Typed" in classifiers and "Environment :: Console" in classifiers
