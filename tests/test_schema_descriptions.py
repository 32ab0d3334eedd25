"""Every property of the data file's schema says what it holds, so an editor's hover explains each field."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from conftest import ROOT, run


def properties(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for name, definition in schema["$defs"].items():
        for field, prop in definition.get("properties", {}).items():
            yield f"{name}.{field}", prop


def test_every_schema_property_has_a_description() -> None:
    schema = json.loads(run("schema").stdout)
    found = dict(properties(schema))
    assert len(found) > 100
    missing = [name for name, prop in found.items() if not str(prop.get("description", "")).strip()]
    assert missing == []


def test_the_committed_schema_carries_the_descriptions_too() -> None:
    committed = json.loads((ROOT / "schema" / "summit-data.schema.json").read_text(encoding="utf-8"))
    assert dict(properties(committed)) == dict(properties(json.loads(run("schema").stdout)))


def test_the_questions_a_dataset_author_asks_are_answered_in_the_schema() -> None:
    said = {name: prop["description"] for name, prop in properties(json.loads(run("schema").stdout))}
    assert "ISO 4217" in said["Figure.unit"] and "%" in said["Figure.unit"]
    assert "H two or more independent reputable sources" in said["Event.confidence"]
    assert "home country" in said["Outcome.parties"] and "home country" in said["Fact.countries"]
    assert "not taken from `event`" in said["Quote.date"]
    assert "cancelled" in said["Plan.actual_event"]
