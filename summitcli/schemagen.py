"""The JSON Schema of a data file: msgspec's schema of the model, tightened to refuse what the loader refuses.

msgspec says what the types say. The loader checks more, and the schema should agree with it wherever a JSON
Schema can, so an editor or CI validator and `summit validate` give the same answer on one file:

- country codes are ISO 3166-1 alpha-2 codes the tool knows (pycountry's data), not any two capitals; a party is
  one of them or a grouping's id;
- a record list written empty (`events:`, which YAML reads as null) is accepted, as the loader accepts it;
- `meta:` written empty is refused, as the loader refuses it;
- an event with a start or end time needs its zone (`tz`).

What no schema of one file can say (ids unique across files, references to ids, a known IANA zone, a date that
exists: `format: date` is checked only by validators that check formats) stays with `summit validate`.
"""

from __future__ import annotations

from typing import Any

COUNTRY_PATTERN = "^[A-Z]{2}(?!\\n)$"  # as model.CountryCode writes it
END = "(?!\\n)$"
PARTY_PATTERN = f"^([A-Z]{{2}}|[a-z0-9]+(-[a-z0-9]+)*){END}"  # as model.Party writes it
COUNTRY_REF = {"$ref": "#/$defs/CountryCode"}
COUNTRY_DESCRIPTION = "ISO 3166-1 alpha-2 code, e.g. CA"


def _country_codes() -> list[str]:
    from summitcli.countries import _records

    return sorted(record["alpha_2"] for record in _records())


def _party(node: dict[str, Any]) -> dict[str, Any]:
    """A party: a country code from the enum, or a grouping's id (a lower-case slug)."""
    grouping = {"type": "string", "pattern": rf"^[a-z0-9]+(-[a-z0-9]+)*{END}"}
    return {"anyOf": [dict(COUNTRY_REF), grouping], "description": node["description"]}


def _replace_countries(node: Any) -> Any:
    """Every inline `pattern: ^[A-Z]{2}$` string becomes a reference to the enum of codes; a party, one of those
    or a grouping's id."""
    if isinstance(node, dict):
        if node.get("type") == "string" and node.get("pattern") == PARTY_PATTERN:
            return _party(node)
        if node.get("type") == "string" and node.get("pattern") == COUNTRY_PATTERN:
            said = node.get("description")  # a field's own description, beside the code list's
            return {**COUNTRY_REF, "description": said} if said and said != COUNTRY_DESCRIPTION else dict(COUNTRY_REF)
        return {key: _replace_countries(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_replace_countries(value) for value in node]
    return node


def _time_needs_zone(event: dict[str, Any]) -> None:
    rules = [
        {
            "if": {"required": [name], "properties": {name: {"type": "string"}}},
            "then": {"required": ["tz"], "properties": {"tz": {"type": "string"}}},
        }
        for name in ("start", "end")
    ]
    event["allOf"] = [*event.get("allOf", []), *rules]


def _described(defs: dict[str, Any], items: dict[str, Any]) -> str:
    """What the records of a list are: their struct's docstring, as msgspec puts it in the schema."""
    name = str(items.get("$ref", "")).rsplit("/", 1)[-1]
    said = " ".join(str(defs.get(name, {}).get("description", "records")).split())
    return said.split(". ")[0].rstrip(".")  # the first sentence


def tighten(schema: dict[str, Any]) -> dict[str, Any]:
    """msgspec's schema of `DataFile`, with the loader's rules that a schema can state."""
    defs = _replace_countries(schema["$defs"])
    defs["CountryCode"] = {
        "description": COUNTRY_DESCRIPTION,
        "type": "string",
        "enum": _country_codes(),
    }
    datafile = defs["DataFile"]["properties"]
    for name, prop in list(datafile.items()):
        if name == "meta":
            datafile[name] = {"$ref": "#/$defs/Meta", "description": prop["description"]}
        elif prop.get("type") == "array":
            items = prop["items"]
            datafile[name] = {
                "anyOf": [{"type": "array", "items": items}, {"type": "null"}],
                "default": prop.get("default", []),
                "description": f"{_described(defs, items)}: a list of records; written empty (`{name}:` alone) it "
                "holds none",
            }
    _time_needs_zone(defs["Event"])
    return {**schema, "$defs": defs}
