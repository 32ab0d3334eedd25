"""`summit export ics|markdown|html`: a calendar and a briefing book a delegation can carry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from summitcli.commands import load_query
from summitcli.output.target import deliver
from summitcli.query import Query, event_order

UID_DOMAIN = "summit-cli"


def _zone(name: str | None) -> Any:
    from zoneinfo import ZoneInfo

    return ZoneInfo(name) if name else None


def _event_times(event: Any) -> tuple[Any, Any]:
    """DTSTART and DTEND: all-day dates when no time is reported, else times in the event's own zone."""
    if not event.start:
        return event.date, event.date + dt.timedelta(days=1)
    zone = _zone(event.tz)
    start = dt.datetime.combine(event.date, dt.time.fromisoformat(event.start), zone)
    if event.end:
        end = dt.datetime.combine(event.date, dt.time.fromisoformat(event.end), zone)
        return start, end if end > start else end + dt.timedelta(days=1)
    if event.duration_minutes:
        return start, start + dt.timedelta(minutes=event.duration_minutes)
    return start, None  # no end reported: RFC 5545 reads this as ending when it starts


def _description(q: Query, event: Any, citations: Mapping[str, str]) -> str:
    lines = [event.summary] if event.summary else []
    outcomes = [o for o in q.data.outcomes if o.event == event.id]
    if outcomes:
        lines.append("Outcomes:")
        lines += [f"- {o.title} ({o.kind}, {o.status})" for o in outcomes]
    if event.atmosphere:
        lines.append(f"Atmosphere: {event.atmosphere}")
    lines.append("Sources: " + "; ".join(f"{ref}: {citations[ref]}" for ref in event.sources))
    return "\n".join(lines)


def calendar(q: Query, country: str | None = None, stamp: dt.datetime | None = None) -> bytes:
    import icalendar

    from summitcli.text import visible_keep_newlines

    cal = icalendar.Calendar()
    cal.add("prodid", "-//summit//summit briefing calendar//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", visible_keep_newlines(q.data.meta.title))
    stamp = stamp or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    citations = q.citations()
    for event in sorted(q.data.events, key=event_order):
        if event.date is None or (country and country not in event.parties):
            continue
        start, end = _event_times(event)
        entry = icalendar.Event()
        entry.add("uid", f"{event.id}@{UID_DOMAIN}")
        entry.add("dtstamp", stamp)
        entry.add("summary", visible_keep_newlines(event.title))
        entry.add("dtstart", start)
        if end is not None:
            entry.add("dtend", end)
        location = ", ".join(part for part in (event.venue, event.city) if part)
        if location:
            entry.add("location", visible_keep_newlines(location))
        entry.add("description", visible_keep_newlines(_description(q, event, citations)))
        if event.topics:
            entry.add("categories", [visible_keep_newlines(q.topics[t].name) for t in event.topics])
        cal.add_component(entry)
    cal.add_missing_timezones()
    return cal.to_ical()


def ics(country: str | None, output: Path | None) -> None:
    q = load_query()
    code = q.resolve_country(country) if country else None
    deliver(calendar(q, code).decode("utf-8"), output)


def book_document(q: Query, codes: list[str]) -> Any:
    """The briefing book: timeline, one brief per country, agreements, follow-ups, matrix; sources at the end."""
    from summitcli.commands import agreements, brief, followups, matrix, timeline
    from summitcli.countries import country_name
    from summitcli.output import View
    from summitcli.output.document import Document, Section

    sources = q.citations()
    wanted = set(codes)
    times = [r for r in timeline.rows_for(q) if wanted & set(r["countries"])]
    for row in times:
        row["day"] = row["date"] or "date not reported"
    sections = [
        Section(
            "timeline",
            "Timeline",
            times,
            timeline.COLUMNS,
            View(group_by="day", hidden=("date", "id", "sources"), sources=sources, empty="no dated events"),
        )
    ]
    for code in codes:
        leaders = ", ".join(f"{p.name} ({p.title or 'title not reported'})" for p in q.counterparts(code))
        sections.append(
            Section(
                f"country-{code.lower()}",
                f"{country_name(q.home)} – {country_name(code)}",
                [r for r in brief.rows_for(q, code) if r["section"] != "source"],
                brief.COLUMNS,
                View(group_by="section", hidden=("id", "sources"), sources=sources),
                intro=f"Counterparts: {leaders or 'not reported'}.",
                page_break=True,
            )
        )
    names = {country_name(c) for c in codes}
    promised = {f.id for f in q.data.followups if wanted & set(f.parties)}
    sections += [
        Section(
            "agreements",
            "Agreements",
            [r for r in agreements.rows_for(q) if r["country"] in names],
            agreements.COLUMNS,
            View(group_by="country", hidden=("id", "sources"), sources=sources, empty="no outcomes"),
            page_break=True,
        ),
        Section(
            "followups",
            "Follow-up tracker",
            [r for r in followups.rows_for(q) if r["id"] in promised],
            followups.COLUMNS,
            View(group_by="country", hidden=("id", "sources", "origin_id"), sources=sources, empty="no follow-ups"),
        ),
        Section(
            "matrix",
            "Countries and topics",
            [r for r in matrix.rows_for(q) if r["code"] in wanted],
            matrix.columns_for(q),
            View(hidden=("code",)),
            intro="Records linking each country to each topic. "
            + "; ".join(f"{t.id}: {t.name}" for t in q.topics.values()),
        ),
    ]
    subtitle = f"Briefing book · {len(codes)} countries · built from {len(q.data.files)} data files"
    return Document(q.data.meta.title, subtitle, sections, sources)


def book(fmt: str, countries: list[str], output: Path | None) -> None:
    from summitcli.output.document import to_html, to_markdown

    q = load_query()
    codes = list(dict.fromkeys(q.resolve_country(c) for c in countries)) if countries else list(q.countries)
    document = book_document(q, codes)
    deliver(to_html(document) if fmt == "html" else to_markdown(document), output)
