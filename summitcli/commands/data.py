"""`summit validate`, `summit export json` and `summit schema`: the dataset itself."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from summitcli.commands import STATE


def validate(paths: list[Path]) -> None:
    from summitcli.datafiles import data_paths, find_files, read_files
    from summitcli.dataset import parse_and_validate

    files = read_files(find_files(paths or data_paths(STATE.data or None)))
    dataset = parse_and_validate(files)
    counts = {
        "files": len(files),
        "countries": len(
            ({c for e in dataset.events for c in e.parties} | {c for o in dataset.outcomes for c in o.parties})
            - {dataset.meta.home}
        ),
        "meetings": sum(e.kind == "bilateral" for e in dataset.events),
        "events": sum(e.kind != "bilateral" for e in dataset.events),
        "outcomes": len(dataset.outcomes),
        "quotes": len(dataset.quotes),
        "facts": len(dataset.facts),
        "follow-ups": len(dataset.followups),
        "plans": len(dataset.plans),
        "people": len(dataset.people),
        "topics": len(dataset.topics),
        "sources": len(dataset.sources),
    }
    print(f"valid: {dataset.meta.title}")
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
