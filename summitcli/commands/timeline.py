"""`summit timeline`: every event in date order, grouped by day; plans that changed are marked."""

from __future__ import annotations

from typing import Any

from summitcli.commands import load_query
from summitcli.output import Column, Format, View, emit
from summitcli.query import Query, check_topic, clock, event_order, parse_date

COLUMNS = [
    Column("date", "Date", no_wrap=True),
    Column("time", "Time"),
    Column("kind", "Kind"),
    Column("title", "Event", 6),
    Column("venue", "Venue", 4),
    Column("city", "City"),
    Column("countries", "Countries"),
    Column("note", "Note", 4),
    Column("id", "Id"),
    Column("sources", "Sources"),
]


def rows_for(
    q: Query,
    *,
    start: Any = None,
    end: Any = None,
    country: str | None = None,
    topic: str | None = None,
    kind: str | None = None,
) -> list[dict[str, Any]]:
    changed = {p.actual_event: p for p in q.data.plans if p.changed and p.actual_event}
    rows: list[dict[str, Any]] = []
    for event in sorted(q.data.events, key=event_order):
        if kind and event.kind != kind:
            continue
        if country and country not in event.parties:
            continue
        if topic and topic not in event.topics:
            continue
        if (start or end) and event.date is None:
            continue
        if (start and event.date and event.date < start) or (end and event.date and event.date > end):
            continue
        plan = changed.get(event.id)
        rows.append(
            {
                "date": event.date.isoformat() if event.date else None,
                "time": clock(event),
                "kind": event.kind,
                "title": event.title,
                "venue": event.venue,
                "city": event.city,
                "countries": list(event.parties),
                "note": f"plan changed: {plan.planned}" if plan else None,
                "id": event.id,
                "sources": list(dict.fromkeys([*event.sources, *(plan.sources if plan else [])])),
            }
        )
    return rows


def timeline(
    fmt: Format, date_from: str | None, date_to: str | None, country: str | None, topic: str | None, kind: str | None
) -> None:
    q = load_query()
    code = q.resolve_country(country) if country else None
    rows = rows_for(
        q,
        start=parse_date(date_from, "--from"),
        end=parse_date(date_to, "--to"),
        country=code,
        topic=check_topic(q, topic),
        kind=kind,
    )
    for row in rows:
        row["day"] = row["date"] or "date not reported"
    view = View(
        title=q.data.meta.title,
        group_by="day",
        hidden=("date", "id", "sources"),
        sources=q.citations(),
        empty="no events match these filters",
    )
    emit(rows, COLUMNS, fmt, view)
