"""`summit brief COUNTRY --since REV`: the brief with a "Changed since …" key point, and each new or changed entry
marked where it stands (`new since …`, `changed: status was pending`). Its records gain `changes`: the change
records of `summit changes` about this country. The briefing book (`export html|markdown --since REV`) marks
each of its briefs the same way."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from summitcli.change_words import value, weight
from summitcli.phrases import field_words
from summitcli.views import Document, Entry, KeyPoint, Line, Section

if TYPE_CHECKING:
    from summitcli.commands import Settings
    from summitcli.commands.changes import Change
    from summitcli.query import Query

NAMED = 3  # changes named in the key point


class Since(NamedTuple):
    found: list[tuple[dict[str, Any], Change]]  # every change record (and its change), the most important first
    asked: str  # the revision as typed
    version: str  # the revision named in full: `HEAD~1 (04fb214, 1 Nov 2025)`


def since(settings: Settings, q: Query, rev: str) -> Since:
    """What changed since `rev`, for every country (computed once for a book of many briefs)."""
    from summitcli.commands import changes

    comparison = changes.compare_versions(settings, q, changes.Options(since=rev))
    return Since(changes.records_for(q, comparison), comparison.asked, comparison.since)


def with_changes(settings: Settings, q: Query, document: Document, code: str, rev: str) -> Document:
    """`document` (the brief on `code`) with what changed since `rev` said and marked."""
    return apply(document, code, since(settings, q, rev))


def book_with_changes(settings: Settings, q: Query, book: Any, rev: str) -> Any:
    """The briefing book with each country's brief said and marked as `summit brief COUNTRY --since REV` is."""
    changed = since(settings, q, rev)
    parts = [
        part._replace(document=apply(part.document, part.anchor.removeprefix("country-").upper(), changed))
        if getattr(part, "anchor", "").startswith("country-")
        else part
        for part in book.parts
    ]
    return book._replace(parts=parts)


def apply(document: Document, code: str, changed: Since) -> Document:
    found = [pair for pair in changed.found if code in pair[0]["countries"]]
    point = key_point(found, changed.asked, changed.version)
    marks = {record["title"]: mark(record, changed.asked) for record, _ in found if record["change"] != "removed"}
    sections = [_marked(section, marks) for section in document.sections]
    records = {**document.records, "changes": [record for record, _ in found]}
    return document._replace(key_points=[*document.key_points, point], sections=sections, records=records)


def key_point(found: list[tuple[dict[str, Any], Change]], since: str, version: str) -> KeyPoint:
    """How many changes, and the most important by name (status changes of outcomes and follow-ups first)."""
    from summitcli.commands.changes import said

    n = len(found)
    # the label names the revision as typed; the line says which commit that was, once: (04fb214, 1 Nov 2025)
    detail = version.removeprefix(since).strip() if version.startswith(since) else f"({version})"
    if not n:
        return KeyPoint(f"Changed since {since}", [Line(" ".join(["no change", detail]).strip(), dim=True)])
    counted = " ".join([f"{n} change{'' if n == 1 else 's'}", detail]).strip()
    lines = [Line(counted + (", first:" if n > NAMED else ":"), dim=True)]
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


__all__ = ["apply", "book_with_changes", "key_point", "mark", "since", "with_changes"]
