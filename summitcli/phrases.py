"""How a record's values read to a person: dates, times, lengths, places, figures. Machine formats never use these."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

NOT_REPORTED = "not reported"
CONFIDENCE = {"H": "high", "M": "medium", "L": "low"}  # the research notes' tags, as a reader says them
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def day(date: dt.date | None) -> str:
    """`30 Oct 2025`, or an empty string for an unknown date."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}" if date else ""


def undated(record: Any) -> list[str]:
    """`["date not reported"]` for a record of a dated kind (an outcome, an event, a quote) whose date no source
    gives, else nothing: said after its other facts, where a dated one has its date as its lead."""
    return [] if getattr(record, "date", None) else [f"date {NOT_REPORTED}"]


def span(first: dt.date, last: dt.date) -> str:
    """`29–30 Oct 2025`, `29 Oct – 14 Nov 2025`, `25 Oct 2025 – 5 Jan 2026`, or one day."""
    if first == last:
        return day(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{day(last)}"
    start = day(first) if first.year != last.year else f"{first.day} {MONTHS[first.month - 1]}"
    return f"{start} – {day(last)}"


def weekday(date: dt.date) -> str:
    """`Thu 30 Oct 2025`."""
    return f"{WEEKDAYS[date.weekday()]} {day(date)}"


def event_days(event: Any) -> str:
    """`Thu 30 Oct 2025`, or for an event over several days `Mon 17 – Wed 19 Nov 2025`; empty when undated."""
    first, last = getattr(event, "date", None), getattr(event, "end_date", None)
    if first is None:
        return ""
    if last is None or last <= first:
        return weekday(first)
    start = weekday(first)
    if first.year == last.year:  # the year once, at the end; the month once too when it is the same
        start = start.rsplit(" ", 2 if first.month == last.month else 1)[0]
    return f"{start} – {weekday(last)}"


def hours(start: str, end: str | None) -> str:
    """`14:39–16:06` (an en dash, as a reader writes a span), or `14:39` where no end is reported."""
    return f"{start}–{end}" if end else start


@cache
def zone_abbreviation(zone: str, day: dt.date) -> str:
    """The zone as a reader says it that day: its usual abbreviation (`KST`, `CET`/`CEST`); `UTC+08` where the
    zone has none; the zone's own name if it is unknown here."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        name = dt.datetime.combine(day, dt.time(12), tzinfo=ZoneInfo(zone)).tzname() or zone
    except (ZoneInfoNotFoundError, ValueError):
        return zone
    return f"UTC{name}" if name[:1] in "+-" else name


def clock(event: Any) -> str | None:
    """`14:39–16:06 KST`: the one way a reader is told an event's time (a brief, `show`, the timeline's tables;
    the agenda gives the zone once, in its day's heading, in the same words). An undated event's zone is its
    IANA name (its abbreviation may change with the day); None when no time is reported."""
    if not event.start:
        return None
    said = hours(event.start, event.end)
    if not event.tz:
        return said
    date = getattr(event, "date", None)
    return f"{said} {zone_abbreviation(event.tz, date) if date else event.tz}"


def length(event: Any) -> str | None:
    """The sources' own words (`about two hours`), else `45 minutes`, or None."""
    if event.duration_note or not event.duration_minutes:
        return event.duration_note
    minutes = event.duration_minutes
    return f"{minutes} minutes" if minutes < 120 or minutes % 60 else f"{minutes // 60} hours"


def _country(event: Any, home: str | None) -> str | None:
    """The name of the country an event was held in, unless it is `home` and a venue or city says where."""
    code = getattr(event, "country", None)
    if not code or (code == home and (event.venue or event.city)):
        return None
    from summitcli.countries import country_name

    return country_name(code)


def locality(event: Any, home: str | None = None) -> str | None:
    """`city, country` with what is known (the country as `place` gives it), or None."""
    return ", ".join(part for part in (event.city, _country(event, home)) if part) or None


def place(event: Any, home: str | None = None) -> str | None:
    """`venue, city, country` with what is known, or None. The country is left out where it is `home` and a venue
    or city says where (a reader at home knows where Gyeongju is); the calendar names it always."""
    city = event.city
    if event.venue and city and city.casefold() in event.venue.casefold():
        city = None
    return ", ".join(part for part in (event.venue, city, _country(event, home)) if part) or None


MEDIUM = {"call": "by telephone", "video": "by video call"}  # event kinds held at a distance: no venue expected


def remote(event: Any) -> str | None:
    """`by telephone` or `by video call` for a call, else None."""
    return MEDIUM.get(getattr(event, "kind", None) or "")


def where(event: Any, home: str | None = None) -> str | None:
    """Where a reader is told an event happened: its place, and for a call how it was held."""
    return " · ".join(part for part in (remote(event), place(event, home)) if part) or None


def figure(item: Any) -> str:
    """`label: value`; a figure with no value reads `not reported`."""
    return f"{item.label}: {item.value or NOT_REPORTED}"


def words(value: str) -> str:
    """A model keyword as prose: `concluded-not-in-force` -> `concluded, not in force`, `joint-statement` ->
    `joint statement`."""
    return value.replace("-not-", ", not ").replace("-", " ")


def citation_parts(source: Any) -> tuple[str, str | None]:
    """A source as (citation, address): publication, date and confidence, then the title, on one line; the URL or
    file apart, to be shown whole. A citation already written as text stands as it is."""
    if isinstance(source, str):
        return source, None
    citation = " · ".join([source.publication or "publication not reported", day(source.date) or "date not reported"])
    citation += f" · {CONFIDENCE.get(source.confidence, source.confidence)} confidence"
    if source.title:
        citation += f" · “{source.title}”"
    return citation, address(source)


def address(source: Any) -> str | None:
    """Where a source can be read: its URL, else its file."""
    return source.url or (f"file {source.file}" if source.file else None)


FIELD_WORDS = {
    "duration_minutes": "length",
    "duration_note": "length",
    "start": "time",
    "end": "time",
    "summary": "the details",
    "notes": "the details",
    "participants": "who took part",
    "parties": "who took part",
}


def field_words(field: str) -> str:
    """A model field as a reader says it: `duration_note` -> `length`, `planned_date` -> `planned date`."""
    return FIELD_WORDS.get(field, field.replace("_", " "))
