"""`summit validate`, `summit export json` and `summit schema`: the dataset itself."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from summitcli.commands import STATE


def validate(paths: list[Path]) -> None:
    from summitcli.datafiles import data_paths, find_files, read_files
    from summitcli.dataset import validate_files

    files = read_files(find_files(paths or data_paths(STATE.data or None)))
    title, counts = validate_files(files)  # memory: one batch of records at a time
    print(f"valid: {title}")
    for name, count in counts.items():
        print(f"{name}\t{count}")


def export_json(output: Path | None = None) -> None:
    import msgspec

    from summitcli.dataset import load
    from summitcli.output import deliver
    from summitcli.text import json_safe

    dataset = load(STATE.data or None, use_cache=STATE.use_cache)
    deliver(json_safe(json.dumps(msgspec.to_builtins(dataset), ensure_ascii=False, indent=1)) + "\n", output)


def schema_text() -> str:
    import msgspec

    from summitcli.model import DataFile

    schema = msgspec.json.schema(DataFile)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "summit dataset file"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def schema() -> None:
    sys.stdout.write(schema_text())
