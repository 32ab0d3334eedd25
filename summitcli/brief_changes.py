"""`summit brief COUNTRY --since REV`: the brief with a "Changed since …" key point, and each new or changed entry
marked where it stands (`new since …`, `changed: status was pending`). Its records gain `changes`: the change
records of `summit changes` about this country."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from summitcli.change_words import value, weight
from summitcli.phrases import field_words
from summitcli.views import Document, Entry, KeyPoint, Line, Section

if TYPE_CHECKING:
    from summitcli.commands import Settings
    from summitcli.commands.changes import Change
    from summitcli.query import Query

NAMED = 3  # changes named in the key point


def with_changes(settings: Settings, q: Query, document: Document, code: str, since: str) -> Document:
    """`document` (the brief on `code`) with what changed since `since` said and marked."""
    from summitcli.commands import changes

    options = changes.Options(since=since)
    comparison = changes.compare_versions(settings, q, options)
    found = [pair for pair in changes.records_for(q, comparison) if code in pair[0]["countries"]]
    point = key_point(found, comparison.asked, comparison.since)
    marks = {record["title"]: mark(record, comparison.asked) for record, _ in found if record["change"] != "removed"}
    sections = [_marked(section, marks) for section in document.sections]
    records = {**document.records, "changes": [record for record, _ in found]}
    return document._replace(key_points=[*document.key_points, point], sections=sections, records=records)


def key_point(found: list[tuple[dict[str, Any], Change]], since: str, version: str) -> KeyPoint:
    """How many changes, and the most important by name (status changes of outcomes and follow-ups first)."""
    from summitcli.commands.changes import said

    n = len(found)
    if not n:
        return KeyPoint(f"Changed since {since}", [Line(f"nothing since {version}", dim=True)])
    lines = [Line(f"{n} change{'' if n == 1 else 's'} since {version}" + (", first:" if n > NAMED else ":"), dim=True)]
    ranked = sorted(found, key=lambda pair: weight(pair[0]))
    lines += [Line(said(record, change), record["sources"]) for record, change in ranked[:NAMED]]
    return KeyPoint(f"Changed since {since}", lines)


def mark(record: dict[str, Any], since: str) -> str:
    if record["change"] in ("added", "renamed"):
        return f"new since {since}" if record["change"] == "added" else f"renamed since {since}"
    field = next(iter(sorted(record["fields"], key=lambda f: f["field"] != "status")), None)
    if field is None:
        return f"changed since {since}"
    what = f'figure "{field["label"]}"' if field["field"] == "figures" else field_words(field["field"])
    was = value(field["field"], field["before"])
    return f"changed since {since}: {what} was {was if len(was) <= 60 else was[:59] + '…'}"


def _marked(section: Section, marks: dict[str, str]) -> Section:
    entries = []
    for entry in section.entries:
        said = next((m for title, m in marks.items() if _names(entry, title)), None)
        entries.append(entry if said is None else entry._replace(lines=[Line(said), *entry.lines]))
    return section._replace(entries=entries)


def _names(entry: Entry, title: str) -> bool:
    head = entry.head
    return head == title or head.startswith((f"{title} ·", f"“{title}”"))


__all__ = ["key_point", "mark", "with_changes"]
