"""`summit timeline`: every event in date order. In a terminal an agenda (a heading a day, a line an event); in a
pipe one event per line; in machine formats each event's own fields and the plans that changed into it.

A meeting that was planned for a day and did not take place (a plan that changed, with a `planned_date` and no
`actual_event`) is on the agenda of that day as cancelled, with its sources and what happened instead."""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec

from summitcli import model
from summitcli.commands import Settings, confidence, disputes, show_listing
from summitcli.dates import read_day
from summitcli.errors import UsageError
from summitcli.output import Column, Format, View
from summitcli.phrases import clock, locality, remote, weekday, where, zone_abbreviation
from summitcli.placing import Placing, in_day, placing
from summitcli.query import Query, check_topic, check_value, cited_sources, event_order
from summitcli.records import fields
from summitcli.views import Document, Entry, Line, Listing, Section

COLUMNS = [
    Column("date", "Date", no_wrap=True, expected=True),
    Column("time", "Time", shown="time_shown"),
    Column("kind", "Kind"),
    Column("title", "Event", 6),
    Column("venue", "Venue", 4, expected=True),
    Column("city", "City, country"),
    Column("countries", "Countries"),
    Column("country_names", "Country names"),
    Column("note", "Note", 4),
    Column("id", "Id"),
    Column("sources", "Sources"),
]
FIELDS = [*model.Event.__struct_fields__, "plans_changed", "expectations", "cancelled"]
NOT_REPORTED_TIME = "time not reported"


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
    return [
        event
        for event in sorted(q.data.events, key=event_order)
        if _matches(event, country=None, topic=topic, kind=kind)
        and (country is None or q.parties.involves(event.parties, country))
        and _in_range(event, start, end)
    ]


def _matches(event: model.Event, *, country: str | None, topic: str | None, kind: str | None) -> bool:
    """Whether an event has the kind, the party and the topic the filters ask for (a filter not given keeps it)."""
    if (kind and event.kind != kind) or (country and country not in event.parties):
        return False
    return not (topic and topic not in event.topics)


def _in_range(event: model.Event, start: dt.date | None, end: dt.date | None) -> bool:
    """Whether an event's days (one, or `date` to `end_date`) meet `start` to `end`, both included; undated is
    outside any range."""
    if not (start or end):
        return True
    if event.date is None:
        return False
    last = event.end_date or event.date
    return not ((start and last < start) or (end and event.date > end))


def days_of(event: model.Event) -> list[dt.date | None]:
    """The days an event takes place on: its date, or each day from `date` to `end_date`."""
    if event.date is None or event.end_date is None or event.end_date <= event.date:
        return [event.date]
    return [event.date + dt.timedelta(days=n) for n in range((event.end_date - event.date).days + 1)]


def cancelled(
    q: Query,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    country: str | None = None,
    topic: str | None = None,
    kind: str | None = None,
) -> list[model.Plan]:
    """The meetings planned for a day that did not take place, in the filters' range; a kind or topic filter
    keeps none (a plan has neither)."""
    if kind or topic:
        return []
    found = []
    for plan in q.data.plans:
        day = plan.planned_date
        if not plan.did_not_happen or day is None or (country and not q.parties.involves(plan.parties, country)):
            continue
        if (start and day < start) or (end and day > end):
            continue
        found.append(plan)
    return sorted(found, key=lambda p: (p.planned_date, p.id))


def cancelled_record(plan: model.Plan) -> dict[str, Any]:
    """A cancelled meeting as the timeline's machine formats write it: an event's fields, `kind` null, what was
    planned as its title and what happened as its summary, `cancelled` true."""
    lists = ("parties", "participants", "topics", "notes", "disputes")
    return {
        **{name: [] if name in lists else None for name in model.Event.__struct_fields__},
        "id": plan.id,
        "title": plan.planned,
        "date": plan.planned_date,
        "venue": plan.planned_place,
        "parties": list(plan.parties),
        "summary": plan.actual,
        "sources": cited_sources(plan),
        "confidence": plan.confidence,
        "plans_changed": [],
        "expectations": [],
        "cancelled": True,
    }


def changed_plans(q: Query) -> dict[str, list[model.Plan]]:
    """Event id -> the plans that changed into it, and the expectations it answers (what was expected of it):
    a schedule that changed, or an expectation whatever came of it."""
    found: dict[str, list[model.Plan]] = {}
    for plan in q.data.plans:
        if plan.actual_event and (plan.changed or plan.kind == "expectation"):
            found.setdefault(plan.actual_event, []).append(plan)
    return found


def plan_words(plan: model.Plan) -> tuple[str, str]:
    """The two lines of a plan under its event: `plan changed · planned: …` or `expected: …`, then what
    happened."""
    if plan.kind == "expectation":
        return f"expected: {plan.planned}", f"what happened: {plan.actual}"
    return f"plan changed · planned: {plan.planned}", f"what happened: {plan.actual}"


def event_records(events: list[model.Event], plans: dict[str, list[model.Plan]]) -> list[dict[str, Any]]:
    """The machine records: each event's own fields, the ids of the scheduled plans that changed into it and of
    the expectations it answers."""
    records = []
    for event in events:
        mine = plans.get(event.id, [])
        changed = [p.id for p in mine if p.kind == "schedule"]
        expected = [p.id for p in mine if p.kind == "expectation"]
        records.append(fields(event, plans_changed=changed, expectations=expected, cancelled=False))
    return records


def row(event: model.Event, plans: list[model.Plan], home: str | None = None) -> dict[str, Any]:
    """What a person reads of an event in plain text, Markdown and HTML; `city` is the city and, where it is not
    `home`, the country."""
    return {
        "date": event.date.isoformat() if event.date else None,
        "time": time_data(event),
        "time_shown": clock(event),
        "kind": event.kind,
        "title": event.title,
        "venue": event.venue or remote(event),
        "city": locality(event, home),
        "countries": list(event.parties),
        "country_names": _names(event.parties),
        "note": "; ".join(plan_words(p)[0].replace(" · planned", "") for p in plans) or None,
        "id": event.id,
        "sources": list(dict.fromkeys([*event.sources, *(ref for p in plans for ref in p.sources)])),
    }


def time_data(event: model.Event) -> str | None:
    """The pipe's `time`: start, end and zone as the data has them (`14:39-16:06 Asia/Seoul`), for scripts; people
    read `phrases.clock` (`14:39–16:06 KST`)."""
    if not event.start:
        return None
    said = f"{event.start}-{event.end}" if event.end else event.start
    return f"{said} {event.tz}" if event.tz else said


def _names(codes: list[str]) -> list[str]:
    from summitcli.countries import country_name

    return [country_name(code) for code in codes]


def cancelled_row(plan: model.Plan) -> dict[str, Any]:
    """What a person reads of a cancelled meeting in plain text, Markdown and HTML."""
    return {
        "date": plan.planned_date.isoformat() if plan.planned_date else None,
        "time": None,
        "kind": "cancelled",
        "title": plan.planned,
        "venue": plan.planned_place,
        "city": None,
        "countries": list(plan.parties),
        "country_names": _names(plan.parties),
        "note": f"did not take place: {plan.actual}",
        "id": plan.id,
        "sources": cited_sources(plan),
    }


def cancelled_entry(q: Query, plan: model.Plan) -> Entry:
    """A cancelled meeting on the agenda: what was planned, where, with whom; what happened instead under it."""
    others = " ".join(q.parties.label(code) for code in plan.parties if code != q.home)
    head = " · ".join(p for p in (f"Cancelled: {plan.planned}", plan.planned_place, others) if p)
    return Entry(head, plan.sources, "", [Line(f"did not take place: {plan.actual}", plan.actual_sources, dim=True)])


def by_day(items: list[Any]) -> list[Any]:
    """Events and cancelled plans in agenda order: by day; in a day as `placing.in_day` orders them (those the
    sources do not place between the day's daytime and its evening); undated last."""

    def key(item: Any) -> tuple[bool, dt.date, tuple[int, str]]:
        date = getattr(item, "date", None) or getattr(item, "planned_date", None)
        return (date is None, date or dt.date.max, in_day(placing(item)))

    return sorted(items, key=key)


def _heading(day: dt.date | None, items: list[Any]) -> str:
    """A day's heading: its weekday and date, then the zone of its times once (`KST`), or that no time is
    reported for anything that day."""
    if day is None:
        return "Date not reported"
    zones = dict.fromkeys(zone_abbreviation(e.tz, day) for e in items if getattr(e, "start", None) and e.tz)
    if zones:
        return f"{weekday(day)} · {', '.join(zones)}"
    placed = any(not _placing(item).unplaced for item in items)
    return weekday(day) if placed else f"{weekday(day)} · {NOT_REPORTED_TIME}"


def _placing(item: Any) -> Placing:
    """Where an agenda item goes in its day; a later day of an event of several days (None) is not placed."""
    return placing(item) if item is not None else Placing(True, "", "")


def _day_entries(pairs: list[tuple[Any, Entry]]) -> list[Entry]:
    """A day's entries in agenda order (`placing.in_day`), a "time not reported" line above those the sources do
    not place where the day has others (else its heading says it)."""
    entries: list[Entry] = []
    ordered = sorted(((_placing(item), entry) for item, entry in pairs), key=lambda pair: in_day(pair[0]))
    placed = any(not at.unplaced for at, _ in ordered)
    before = None  # the placing of the entry above
    for at, entry in ordered:
        if placed and at.unplaced and (before is None or not before.unplaced):
            entries.append(Entry(NOT_REPORTED_TIME, divider=True))
        entries.append(entry)
        before = at
    return entries


def agenda(
    q: Query,
    events: list[model.Event],
    plans: dict[str, list[model.Plan]],
    title: str,
    dropped: list[model.Plan] | None = None,
    full: bool = False,
) -> Document:
    """The terminal's agenda: a heading a day with its weekday and time zone, then an event a line in the order
    the sources place them (`summitcli.placing.in_day`: by time or part of the day, those they do not under
    "time not reported" before the evening),
    a plan that changed indented under its event (with `full`, what its sources differ on too), a day after the
    first of an event of several days, and a meeting that did not take place (`dropped`) on the day it was
    planned for."""
    days: dict[dt.date | None, list[tuple[Any, Entry]]] = {}
    for item in by_day([*events, *(dropped or [])]):
        if isinstance(item, model.Plan):
            days.setdefault(item.planned_date, []).append((item, cancelled_entry(q, item)))
            continue
        for number, entry in enumerate(agenda_entries(q, item, plans.get(item.id, []), full)):
            days.setdefault(days_of(item)[number], []).append((item if number == 0 else None, entry))
    sections = [
        Section(
            day.isoformat() if day else "undated",
            _heading(day, [item for item, _ in pairs if item is not None]),
            _day_entries(pairs),
        )
        for day, pairs in days.items()
    ]
    document = Document(
        title, "local times", [], sections, q.citations(), {}, empty="no events match these filters", legend=True
    )
    return confidence.mark(document)


def agenda_entries(q: Query, event: model.Event, plans: list[model.Plan], full: bool = False) -> list[Entry]:
    """An event on the agenda, one entry a day it takes place on (`day 2 of 3` after the first); the plans that
    changed into it and what was expected of it under its first, and with `full` what the sources differ on."""
    others = " ".join(q.parties.label(code) for code in event.parties if code != q.home)
    head = " · ".join(p for p in (event.title, where(event, q.home), others) if p)
    lines = []
    for plan in plans:
        before, after = plan_words(plan)
        lines += [
            Line(before, plan.sources, dim=True, clip=True),
            Line(after, plan.actual_sources, dim=True, clip=True),
        ]
    if full:
        lines += disputes.lines(event)
    days = days_of(event)
    lead = placing(event).lead
    first = Entry(head + (f" · {len(days)} days" if len(days) > 1 else ""), event.sources, lead, lines)
    more = [Entry(f"{event.title} · day {n} of {len(days)}", event.sources, "") for n in range(2, len(days) + 1)]
    return [first, *more]


class Options(msgspec.Struct, frozen=True, kw_only=True):
    """What `summit timeline` and `Dataset.timeline` select. `start`, `end`: dates, or the text typed after --from
    and --to (checked once the data is read, so that the dataset's own errors come first). `as_of`: the day that
    counts as today for relative dates such as `yesterday` or `-7d`."""

    start: dt.date | str | None = None
    end: dt.date | str | None = None
    country: str | None = None
    topic: str | None = None
    kind: str | None = None
    full: bool = False  # what the sources differ on, under each event
    as_of: dt.date | str | None = None


def days_asked(options: Options) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day asked for, relative dates counted from `--as-of` (else the day it runs)."""
    as_of = read_day(options.as_of, "--as-of")
    return read_day(options.start, "--from", as_of=as_of), read_day(options.end, "--to", last=True, as_of=as_of)


def listing_for(q: Query, options: Options) -> Listing:
    """What the command shows and the API returns (its records)."""
    code = q.resolve_country(options.country) if options.country else None
    start, end = days_asked(options)
    events = select(q, start=start, end=end, country=code, topic=options.topic, kind=options.kind)
    dropped = cancelled(q, start=start, end=end, country=code, topic=options.topic, kind=options.kind)
    plans = changed_plans(q)
    shown_rows, records = [], []
    for item in by_day([*events, *dropped]):
        if isinstance(item, model.Plan):
            shown_rows.append(cancelled_row(item))
            records.append(cancelled_record(item))
        else:
            shown_rows.append(row(item, plans.get(item.id, []), q.home))
            if options.full and (differ := disputes.on(item)):
                shown_rows[-1]["note"] = "; ".join(n for n in (shown_rows[-1]["note"], differ) if n)
            records.extend(event_records([item], plans))
    for shown in shown_rows:
        shown["day"] = shown["date"] or "date not reported"
    view = View(
        title=q.data.meta.title,
        group_by="day",
        hidden=("date", "id", "sources"),
        sources=q.citations(),
        empty="no events match these filters",
    )

    def screen() -> Document:
        return agenda(q, events, plans, f"{q.data.meta.title} · timeline", dropped, options.full)

    return Listing(records, FIELDS, shown_rows, COLUMNS, view, screen)


def timeline(settings: Settings, options: Options, *, fmt: Format) -> None:
    show_listing(settings, listing_for(settings.query(), options), fmt)
