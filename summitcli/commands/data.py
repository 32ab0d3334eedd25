"""`summit validate`, `summit export json` and `summit schema`: the dataset itself."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from summitcli.commands import Settings

if TYPE_CHECKING:
    from summitcli.problems import Problem


class ValidateOptions(msgspec.Struct, frozen=True, kw_only=True):
    """What `summit validate` checks: these files or directories, else the data in use."""

    paths: tuple[Path, ...] = ()


def validate(settings: Settings, options: ValidateOptions, *, fmt: str = "text") -> None:
    """Check the files; every problem as a stderr line (`text`), or a report on stdout (`github` annotations,
    a `json` list, a `sarif` log, `junit` XML); exit 1 when there is any."""
    from summitcli.datafiles import data_paths, find_files, read_files
    from summitcli.dataset import validate_files
    from summitcli.errors import DataError

    warnings: list[Problem] = []
    try:
        files = read_files(find_files(list(options.paths) or data_paths(settings.paths())))
        title, counts = validate_files(files, warnings)  # memory: one batch of records at a time
    except DataError as error:
        if fmt == "text":
            _say(warnings)
            raise
        _report(error.problems, [], fmt, warnings)
        return
    if fmt != "text":
        _report([], [f.name for f in files], fmt, warnings)
        return
    from summitcli.output.stream import write
    from summitcli.text import visible

    _say(warnings)
    write(f"valid: {visible(title)}\n" + "".join(f"{name}\t{count}\n" for name, count in counts.items()))


def _say(warnings: list[Problem]) -> None:
    """Warnings on stderr, one line each (`FILE:LINE:COLUMN: FIELD: warning: message`): the data is still valid."""
    from summitcli.text import visible

    for warning in warnings:
        print(visible(warning), file=sys.stderr)


def _report(found: list[Problem], files: list[str], fmt: str, warnings: list[Problem]) -> None:
    """Problems for machines on stdout (`files`: the files checked, when they are valid); exit 1 when there are
    any. Warnings go where the format has a level for them (`github`, `sarif`), else on stderr."""
    from summitcli.errors import EXIT_DATA
    from summitcli.output.stream import write

    if fmt in ("github", "sarif"):
        write(_render(found + warnings, files, fmt))
    else:
        _say(warnings)
        write(_render(found, files, fmt))
    if found:
        raise SystemExit(EXIT_DATA)


def _render(found: list[Problem], files: list[str], fmt: str) -> str:
    from summitcli import problems

    if fmt == "github":
        return problems.github(found)
    if fmt == "sarif":
        from summitcli.sarif import to_sarif

        return to_sarif(found)
    if fmt == "junit":
        from summitcli.junit import to_junit

        return to_junit(found, files)
    return problems.to_json(found)


def export_json(settings: Settings, *, output: Path | None = None) -> None:
    from summitcli.dataset import load
    from summitcli.output.target import deliver, not_to_a_terminal
    from summitcli.text import json_safe

    dataset = load(settings.paths(), use_cache=settings.use_cache)
    if output is None:
        not_to_a_terminal("export json", "the whole dataset as JSON", dataset.meta.title, ".json")
    deliver(json_safe(json.dumps(msgspec.to_builtins(dataset), ensure_ascii=False, indent=1)) + "\n", output)


def schema_text() -> str:
    from summitcli.model import DataFile
    from summitcli.schemagen import tighten

    schema = tighten(msgspec.json.schema(DataFile))
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "summit dataset file"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def schema() -> None:
    from summitcli.output.stream import write

    write(schema_text())
