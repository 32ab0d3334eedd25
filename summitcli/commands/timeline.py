"""`summit timeline`: every event in date order. In a terminal an agenda (a heading a day, a line an event); in a
pipe one event per line; in machine formats each event's own fields and the plans that changed into it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from summitcli import model
from summitcli.commands import Settings
from summitcli.errors import UsageError
from summitcli.output import Column, Format, View, emit_listing
from summitcli.phrases import clock, remote, weekday, where
from summitcli.query import Query, check_topic, check_value, event_order, parse_date
from summitcli.records import fields
from summitcli.views import Document, Entry, Line, Listing, Section

COLUMNS = [
    Column("date", "Date", no_wrap=True, expected=True),
    Column("time", "Time"),
    Column("kind", "Kind"),
    Column("title", "Event", 6),
    Column("venue", "Venue", 4, expected=True),
    Column("city", "City"),
    Column("countries", "Countries"),
    Column("note", "Note", 4),
    Column("id", "Id"),
    Column("sources", "Sources"),
]
FIELDS = [*model.Event.__struct_fields__, "plans_changed"]


def select(
    q: Query,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    country: str | None = None,
    topic: str | None = None,
    kind: str | None = None,
) -> list[model.Event]:
    """The events the filters keep, dated ones by date and time, undated ones last. A kind or topic no event
    has is refused (UsageError), and so is a range that ends before it starts."""
    if start and end and start > end:
        raise UsageError(f"--from {start} is after --to {end}: no day can match")
    kind = check_value(kind, lambda: (e.kind for e in q.data.events), "--kind", "event kind")
    topic = check_topic(q, topic)
    events = []
    for event in sorted(q.data.events, key=event_order):
        if (kind and event.kind != kind) or (country and country not in event.parties):
            continue
        if topic and topic not in event.topics:
            continue
        if (start or end) and event.date is None:
            continue
        if (start and event.date and event.date < start) or (end and event.date and event.date > end):
            continue
        events.append(event)
    return events


def changed_plans(q: Query) -> dict[str, list[model.Plan]]:
    """Event id -> the plans that changed into it."""
    found: dict[str, list[model.Plan]] = {}
    for plan in q.data.plans:
        if plan.changed and plan.actual_event:
            found.setdefault(plan.actual_event, []).append(plan)
    return found


def event_records(events: list[model.Event], plans: dict[str, list[model.Plan]]) -> list[dict[str, Any]]:
    """The machine records: each event's own fields and the ids of the plans that changed into it."""
    return [fields(e, plans_changed=[p.id for p in plans.get(e.id, [])]) for e in events]


def row(event: model.Event, plans: list[model.Plan]) -> dict[str, Any]:
    """What a person reads of an event in plain text, Markdown and HTML."""
    return {
        "date": event.date.isoformat() if event.date else None,
        "time": clock(event),
        "kind": event.kind,
        "title": event.title,
        "venue": event.venue or remote(event),
        "city": event.city,
        "countries": list(event.parties),
        "note": "; ".join(f"plan changed: {p.planned}" for p in plans) or None,
        "id": event.id,
        "sources": list(dict.fromkeys([*event.sources, *(ref for p in plans for ref in p.sources)])),
    }


def agenda(q: Query, events: list[model.Event], plans: dict[str, list[model.Plan]], title: str) -> Document:
    """The terminal's agenda: a heading a day with its weekday, then an event a line (time or blank, title,
    venue · city, the countries other than home, markers), a plan that changed indented under its event."""
    days: dict[dt.date | None, list[Entry]] = {}
    for event in events:
        others = " ".join(code for code in event.parties if code != q.home)
        head = " · ".join(p for p in (event.title, where(event, q.home), others) if p)
        lines = [
            line
            for p in plans.get(event.id, [])
            for line in (
                Line(f"plan changed · planned: {p.planned}", p.sources, dim=True),
                Line(f"what happened: {p.actual}", p.actual_sources, dim=True),
            )
        ]
        days.setdefault(event.date, []).append(Entry(head, event.sources, event.start or "", lines))
    sections = [
        Section(day.isoformat() if day else "undated", weekday(day) if day else "Date not reported", entries)
        for day, entries in days.items()
    ]
    return Document(title, "local times", [], sections, q.citations(), {}, empty="no events match these filters")


@dataclass(frozen=True, kw_only=True)
class Options:
    """What `summit timeline` and `Dataset.timeline` select. `start`, `end`: dates, or the text typed after --from
    and --to (checked once the data is read, so that the dataset's own errors come first)."""

    start: dt.date | str | None = None
    end: dt.date | str | None = None
    country: str | None = None
    topic: str | None = None
    kind: str | None = None


def _day(value: dt.date | str | None, option: str) -> dt.date | None:
    return value if isinstance(value, dt.date) else parse_date(value, option)


def listing_for(q: Query, options: Options) -> Listing:
    """What the command shows and the API returns (its records)."""
    code = q.resolve_country(options.country) if options.country else None
    start, end = _day(options.start, "--from"), _day(options.end, "--to")
    events = select(q, start=start, end=end, country=code, topic=options.topic, kind=options.kind)
    plans = changed_plans(q)
    rows = [row(event, plans.get(event.id, [])) for event in events]
    for shown in rows:
        shown["day"] = shown["date"] or "date not reported"
    records = event_records(events, plans)
    view = View(
        title=q.data.meta.title,
        group_by="day",
        hidden=("date", "id", "sources"),
        sources=q.citations(),
        empty="no events match these filters",
    )

    def screen() -> Document:
        return agenda(q, events, plans, f"{q.data.meta.title} · timeline")

    return Listing(records, FIELDS, rows, COLUMNS, view, screen)


def timeline(settings: Settings, options: Options, *, fmt: Format) -> None:
    emit_listing(listing_for(settings.query(), options), fmt, settings.display)
