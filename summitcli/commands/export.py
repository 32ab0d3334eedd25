"""`summit export ics|markdown|html`: a calendar and a briefing book a delegation can carry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import msgspec

from summitcli.commands import Settings
from summitcli.model import Event
from summitcli.output.target import deliver, deliver_bytes, not_to_a_terminal
from summitcli.phrases import place, remote
from summitcli.query import Query, citation, cited_sources, event_order
from summitcli.roughlength import minutes as rough_minutes

UID_DOMAIN = "summit-cli"


def _zone(name: str | None) -> Any:
    from zoneinfo import ZoneInfo

    return ZoneInfo(name) if name else None


def _event_times(event: Any) -> tuple[Any, Any]:
    """DTSTART and DTEND: all-day dates when no time is reported or the event takes several days, else times
    in the event's own zone. An end past the calendar's last day (an event on 9999-12-31) is left out: RFC 5545
    then reads an all-day event as one day. A length known only in words (`about 20 minutes`) gives an
    approximate end, which the description says."""
    if not event.start or (event.end_date and event.end_date > event.date):  # all day, over one day or several
        return event.date, _later(event.end_date or event.date, dt.timedelta(days=1))
    zone = _zone(event.tz)
    start = dt.datetime.combine(event.date, dt.time.fromisoformat(event.start), zone)
    if event.end:
        end = dt.datetime.combine(event.date, dt.time.fromisoformat(event.end), zone)
        return start, end if end > start else _later(end, dt.timedelta(days=1))
    if minutes := event.duration_minutes or rough_minutes(event.duration_note):
        return start, _later(start, dt.timedelta(minutes=minutes))
    return start, None  # no end reported: RFC 5545 reads this as ending when it starts


def _later(moment: Any, span: dt.timedelta) -> Any:
    try:
        return moment + span
    except OverflowError:
        return None


def _description(q: Query, event: Any, citations: Mapping[str, Any]) -> str:
    medium = remote(event)
    lines = [medium.capitalize()] if medium else []
    lines += [event.summary] if event.summary else []
    outcomes = [o for o in q.data.outcomes if o.event == event.id]
    if outcomes:
        lines.append("Outcomes:")
        lines += [f"- {o.title} ({o.kind}, {o.status})" for o in outcomes]
    if event.atmosphere:
        lines.append(f"Atmosphere: {event.atmosphere}")
    if event.start and not event.end and not event.duration_minutes:
        if rough := rough_minutes(event.duration_note):
            lines.append(f"Length: {event.duration_note} (the end shown is approximate: about {rough} minutes)")
        else:
            # No DTEND: RFC 5545 shows the event as a moment; say it is the end that is unknown, not the length zero.
            lines.append(f"Start: {event.start}; end: not reported")
    lines.append("Sources: " + "; ".join(f"{ref}: {citation(citations[ref])}" for ref in event.sources))
    return "\n".join(lines)


def _vevent(q: Query, event: Any, stamp: dt.datetime, citations: Mapping[str, Any]) -> Any:
    import icalendar

    from summitcli.text import visible_keep_newlines

    start, end = _event_times(event)
    entry = icalendar.Event()
    entry.add("uid", f"{event.id}@{UID_DOMAIN}")
    entry.add("dtstamp", stamp)
    entry.add("summary", visible_keep_newlines(event.title))
    entry.add("dtstart", start)
    if end is not None:
        entry.add("dtend", end)
    location = place(event)
    if location:
        entry.add("location", visible_keep_newlines(location))
    entry.add("description", visible_keep_newlines(_description(q, event, citations)))
    if event.topics:
        entry.add("categories", [visible_keep_newlines(q.topics[t].name) for t in event.topics])
    return entry


def _cancelled_vevent(plan: Any, stamp: dt.datetime, citations: Mapping[str, Any]) -> Any:
    """A meeting planned for a day that did not take place: an all-day event of that day, STATUS:CANCELLED."""
    import icalendar

    from summitcli.text import visible_keep_newlines

    entry = icalendar.Event()
    entry.add("uid", f"{plan.id}@{UID_DOMAIN}")
    entry.add("dtstamp", stamp)
    entry.add("summary", visible_keep_newlines(f"Cancelled: {plan.planned}"))
    entry.add("status", "CANCELLED")
    entry.add("dtstart", plan.planned_date)
    if (end := _later(plan.planned_date, dt.timedelta(days=1))) is not None:
        entry.add("dtend", end)
    if plan.planned_place:
        entry.add("location", visible_keep_newlines(plan.planned_place))
    refs = cited_sources(plan)
    lines = [
        f"Did not take place: {plan.actual}",
        "Sources: " + "; ".join(f"{r}: {citation(citations[r])}" for r in refs),
    ]
    entry.add("description", visible_keep_newlines("\n".join(lines)))
    return entry


def calendar(q: Query, country: str | None = None, stamp: dt.datetime | None = None) -> bytes:
    """Every dated event of the dataset (of `country`, if given) and every meeting that did not take place on the
    day it was planned for; DTSTAMP is `stamp`, else SOURCE_DATE_EPOCH, else now."""
    import icalendar

    from summitcli.commands.timeline import by_day, cancelled
    from summitcli.text import visible

    cal = icalendar.Calendar()
    cal.add("prodid", "-//summit//summit briefing calendar//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", visible(q.data.meta.title))  # a name is one line: a newline shows as an escape
    stamp = stamp or _build_time().replace(microsecond=0)
    citations = q.citations()
    events = [
        e for e in sorted(q.data.events, key=event_order) if e.date and not (country and country not in e.parties)
    ]
    for item in by_day([*events, *cancelled(q, country=country)]):
        if isinstance(item, Event):
            cal.add_component(_vevent(q, item, stamp, citations))
        else:
            cal.add_component(_cancelled_vevent(item, stamp, citations))
    cal.add_missing_timezones()
    # icalendar adds them in the order of a set of names, which changes from run to run: sort them by TZID, first.
    zones = sorted((c for c in cal.subcomponents if c.name == "VTIMEZONE"), key=lambda c: str(c["TZID"]))
    cal.subcomponents[:] = zones + [c for c in cal.subcomponents if c.name != "VTIMEZONE"]
    return cal.to_ical()


class IcsOptions(msgspec.Struct, frozen=True, kw_only=True):
    """What `summit export ics` writes: every dated event (None), or only those with this country."""

    country: str | None = None


def ics(settings: Settings, options: IcsOptions, *, output: Path | None) -> None:
    q = settings.query()
    code = q.resolve_country(options.country) if options.country else None
    if output is None:
        not_to_a_terminal("export ics", "a calendar", q.data.meta.title, ".ics")
    deliver_bytes(calendar(q, code), output)  # UTF-8 as RFC 5545 says, whatever stdout's encoding


def _documents(q: Query, codes: list[str], as_of: dt.date | None = None) -> list[Any]:
    """The book's documents: the week's timeline (every event of the countries in the book and the home country's
    own, and the meetings of theirs that did not take place), the home country's own side, one brief per country."""
    from summitcli.commands import book, brief, home, timeline
    from summitcli.output.document import DocumentPart

    wanted = set(codes)
    events = [e for e in timeline.select(q) if wanted & q.parties.expand(e.parties) or set(e.parties) <= {q.home}]
    dropped = [p for p in timeline.cancelled(q) if wanted & q.parties.expand(p.parties)]
    agenda = timeline.agenda(q, events, timeline.changed_plans(q), "Timeline", dropped, full=True)
    parts: list[Any] = [DocumentPart("timeline", agenda, page_break=False)]
    own = home.build(q, as_of)
    if own.sections:  # what concerns the home country alone: no brief has it
        parts.append(DocumentPart("home", own))
    paged, listed = book.split(q, codes)
    if (lines := book.listed_part(q, listed)) is not None:  # a country with nothing but plans: a line, not a page
        parts.append(DocumentPart("listed", lines, page_break=False))
    return parts + [
        DocumentPart(f"country-{c.lower()}", brief.build(q, c, as_of=as_of), own_sources=True) for c in paged
    ]


def _listings(q: Query, codes: list[str], as_of: dt.date | None = None) -> list[Any]:
    """The book's tables: the agreements and follow-ups of the countries in the book and of the home country
    alone, and the country-by-topic matrix."""
    from summitcli.commands import agreements, followups, matrix
    from summitcli.output import View
    from summitcli.output.document import ListingPart

    wanted = set(codes)
    pairs = [(c, o) for c, o in agreements.select(q) if c in wanted | {q.home}]
    promised = [f for f in followups.select(q)[0] if wanted & set(f.parties) or set(f.parties) <= {q.home}]
    grid = matrix.listing(q)
    grid = grid._replace(rows=[r for r in grid.rows if r["country"] in wanted], view=View(hidden=("country",)))
    return [
        ListingPart("agreements", "Agreements", agreements.listing(q, pairs, one_country=False), page_break=True),
        ListingPart("followups", "Follow-up tracker", followups.listing(q, promised, one_country=False, as_of=as_of)),
        ListingPart(
            "matrix",
            "Countries and topics",
            grid,
            intro="Records (meetings, outcomes, follow-ups, quotes, facts) linking each country to each topic.",
            page_break=True,
            split=MATRIX_COLUMNS,
        ),
    ]


def book_document(
    q: Query, codes: list[str], made: dt.datetime | None = None, as_of: dt.date | None = None, **printing: Any
) -> Any:
    """The briefing book: a title page summing up the week, the timeline, the home country's own side (`summit
    home`), one brief per country with its own sources after it (a country with nothing but plans: a line in a
    list), the agreements, the follow-up tracker and the country-by-topic matrix, built from the commands' own
    views; the sources of the week's pages at the end. `as_of`: the day its open items and overdue follow-ups are
    counted from (default: the day it is made). `printing`: `pages` and `page_marks` (`export pdf`)."""
    from summitcli.commands import book
    from summitcli.output.document import Book
    from summitcli.phrases import span

    parts = _documents(q, codes, as_of) + _listings(q, codes, as_of)
    made = made or _build_time()
    dates = [d for e in q.data.events for d in (e.date, e.end_date) if d]
    covers = span(min(dates), max(dates)) if dates else "dates not reported"
    lines = [
        f"Covers {covers}",
        *book.summary(q, codes, as_of),
        f"Made {made.strftime('%Y-%m-%d %H:%M')} UTC from {len(q.data.files)} data files",
    ]
    return Book(q.data.meta.title, "Briefing book", parts, q.citations(), title_lines=lines, **printing)


MATRIX_COLUMNS = 8  # topics a printed table of the matrix holds beside the country column


def _build_time() -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH when set (reproducible builds: the same data gives the same book); a value that is
    no time up to the end of year 9999 is noted and ignored."""
    from summitcli.environment import env_number

    epoch = env_number("SOURCE_DATE_EPOCH", 0, LAST_EPOCH, clamp=False)
    if epoch is not None:
        return dt.datetime.fromtimestamp(epoch, dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc)


LAST_EPOCH = 253_402_300_799  # 9999-12-31T23:59:59Z: the last moment a date can hold


class BookOptions(msgspec.Struct, frozen=True, kw_only=True):
    """Who `summit export markdown|html` covers: these countries (names as typed), else every country."""

    countries: tuple[str, ...] = ()
    since: str | None = None  # a git revision or date: each brief says and marks what changed since (the CLI only)
    as_of: dt.date | str | None = None


def book_countries(q: Query, options: BookOptions) -> list[str]:
    """The codes of the countries the book covers: those named (each once, in the order given), else all."""
    named = options.countries
    return list(dict.fromkeys(q.resolve_country(c) for c in named)) if named else list(q.countries)


def book(settings: Settings, options: BookOptions, *, fmt: str, output: Path | None) -> None:
    from summitcli.output.document import to_html, to_markdown

    q = settings.query()
    codes = book_countries(q, options)
    if output is None:
        not_to_a_terminal(
            f"export {fmt}", "the briefing book", q.data.meta.title, ".md" if fmt == "markdown" else ".html"
        )
    from summitcli.dates import read_day

    as_of = read_day(options.as_of, "--as-of")
    document = book_document(q, codes, as_of=as_of)
    if options.since:
        from summitcli.brief_changes import book_with_changes
        from summitcli.dates import pinned_revision

        document = book_with_changes(settings, q, document, pinned_revision(options.since, as_of) or options.since)
    deliver(to_html(document) if fmt == "html" else to_markdown(document), output)


def pdf(settings: Settings, options: BookOptions, *, output: Path | None) -> None:
    """The book printed to PDF by headless Chromium, with page numbers in its contents (see `commands.pdf`)."""
    from summitcli.commands.pdf import printed_book
    from summitcli.errors import UsageError
    from summitcli.output import stdout_is_terminal
    from summitcli.output.document import PAGE_MARK, to_html

    if output is None and stdout_is_terminal():
        raise UsageError("a PDF is binary: give --output PATH, or redirect stdout to a file")
    q = settings.query()
    codes = book_countries(q, options)
    from summitcli.dates import read_day

    made, as_of = _build_time(), read_day(options.as_of, "--as-of")
    anchors = [part.anchor for part in book_document(q, codes, made, as_of).parts] + ["sources"]

    def render(pages: Mapping[str, int] | None, marks: bool) -> str:
        return to_html(book_document(q, codes, made, as_of, pages=pages, page_marks=marks))

    deliver_bytes(printed_book(render, anchors, PAGE_MARK), output)
