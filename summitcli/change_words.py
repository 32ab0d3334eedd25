"""How a change reads to a person: `follow-up "…": pending → done (as of 3 Mar 2026)`. Machine formats never
use these; they write the change records of `summitcli.changes`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from summitcli.phrases import CONFIDENCE, NOT_REPORTED, day, field_words, words

NOUNS = {"followup": "follow-up", "person": "person", "event": "event"}
SHORT = 60  # longer text is said to have changed, not quoted twice
STATUS_FIELDS = ("status",)
PLAIN_VALUES = ("status", "kind", "confidence", "cadence")


def noun(kind: str) -> str:
    return NOUNS.get(kind, kind)


def _short(text: str, limit: int = SHORT) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def value(field: str, item: Any) -> str:
    """A field's value as a reader says it."""
    if item is None or item == []:
        return NOT_REPORTED
    if isinstance(item, dt.date):
        return day(item)
    if isinstance(item, bool):
        return "yes" if item else "no"
    if isinstance(item, list):
        return ", ".join(value(field, x) for x in item)
    if isinstance(item, dict):
        return str(item.get("value") or item.get("label") or item.get("note") or "")
    if field == "confidence":
        return CONFIDENCE.get(str(item), str(item))
    if field in PLAIN_VALUES:
        return words(str(item))
    return str(item)


def field_phrase(change: dict[str, Any], record: dict[str, Any]) -> str:
    """One field's change: `pending → done (as of 3 Mar 2026)`, `figure "Steel tariffs" 50% → 25%`."""
    field, before, after = change["field"], change["before"], change["after"]
    if field == "figures":
        return _figure_phrase(change["label"], before, after)
    if field == "status":
        as_of = record.get("status_date")
        return f"{value(field, before)} → {value(field, after)}" + (f" (as of {day(as_of)})" if as_of else "")
    if field == "date" and record["kind"] == "source":
        return f"re-dated {value(field, before)} → {value(field, after)}"
    if isinstance(before, list) and isinstance(after, list) and all(isinstance(x, str) for x in before + after):
        return _list_phrase(field, before, after)
    old, new = value(field, before), value(field, after)
    if len(old) > SHORT or len(new) > SHORT:
        return f"{field_words(field)} rewritten"
    return f"{field_words(field)} {old} → {new}"


def _figure_phrase(name: str, before: dict[str, Any] | None, after: dict[str, Any] | None) -> str:
    """`figure "Steel tariffs" 50% → 25%`; a figure added, removed, or changed in its other fields."""
    if before is None:
        return f'new figure "{name}" {value("figures", after)}'
    if after is None:
        return f'removed figure "{name}"'
    if before.get("value") == after.get("value"):
        what = ", ".join(field_words(k) for k in after if before.get(k) != after.get(k))
        return f'figure "{name}": {what} changed'
    return f'figure "{name}" {value("figures", before)} → {value("figures", after)}'


def _list_phrase(field: str, before: list[str], after: list[str]) -> str:
    """`sources + b, − a`: what a list of ids or names gained and lost."""
    added = [_short(x, 40) for x in after if x not in before]
    gone = [_short(x, 40) for x in before if x not in after]
    said = [f"+ {', '.join(added)}"] if added else []
    said += [f"− {', '.join(gone)}"] if gone else []
    return f"{field_words(field)} " + (" ".join(said) or "reordered")


def phrase(change: dict[str, Any], status_date: dt.date | None = None) -> str:
    """The whole change on one line (the country or countries it concerns are said apart)."""
    kind, title = noun(change["kind"]), change["title"]  # whole: a terminal wraps it, a pipe keeps it
    if change["change"] == "added":
        return f'new {kind} "{title}"'
    if change["change"] == "removed":
        return f'removed {kind} "{title}"'
    if change["change"] == "renamed":
        return f'{kind} "{title}" renamed: id {change["previous_id"]} → {change["id"]}'
    context = {"kind": change["kind"], "status_date": status_date}
    parts = [field_phrase(f, context) for f in ordered(change["fields"])]
    return f'{kind} "{title}": ' + "; ".join(dict.fromkeys(parts))


def ordered(fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Status first, then figures, then the rest as the model orders them; the status's date and sources said
    with it."""
    has_status = any(f["field"] == "status" for f in fields)
    said_with_status = ("status_date", "status_sources")  # the date in words, the sources as markers
    kept = [f for f in fields if not (has_status and f["field"] in said_with_status)]
    rank = {"status": 0, "figures": 1}
    return sorted(kept, key=lambda f: rank.get(f["field"], 2))


def weight(change: dict[str, Any]) -> int:
    """How much a reader needs it first: status changes of outcomes and follow-ups, then figures, new and removed
    outcomes and follow-ups, then the rest."""
    fields = {f["field"] for f in change["fields"]}
    main = change["kind"] in ("outcome", "followup")
    if main and "status" in fields:
        return 0
    if "figures" in fields:
        return 1
    if main:
        return 2
    return 3
