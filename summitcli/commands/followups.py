"""`summit followups [COUNTRY]`: a tracker of commitments: origin, cadence, due date, status and its source."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, NamedTuple

import msgspec

from summitcli import model
from summitcli.commands import Settings, confidence, show_listing
from summitcli.dates import Period, period, read_day, read_length, today
from summitcli.output import Column, Format, View
from summitcli.phrases import day, words
from summitcli.query import Query, check_value, cited_sources, label
from summitcli.views import Listing

COLUMNS = [
    Column("country", "Codes"),
    Column("country_name", "Country"),
    Column("title", "Commitment", 5, below="from"),
    Column("origin_id", "From id"),
    Column("origin_title", "From", 4),
    Column("cadence", "Cadence"),
    Column("status", "Status", below="as_of", shown="status_words"),
    Column("due", "Due", 2, expected=True, below="overdue_words", shown="due_words"),
    Column("due_note", "Due note"),
    Column("overdue", "Overdue", no_wrap=True),
    Column("status_date", "As of", no_wrap=True),
    Column("status_sources", "Status source"),
    Column("id", "Id"),
    Column("sources", "Sources"),
]
FIELDS = [
    *model.Followup.__struct_fields__,
    "due_first",
    "due_last",
    "due_precision",
    "overdue",
    "as_of",
    "countries",
    "origin_title",
    "source_count",
    "low_confidence",
]
OPEN = ("planned", "pending", "in-progress", "stalled")  # a follow-up not yet done


def due_period(followup: model.Followup) -> Period | None:
    """When it is due, as precisely as the data says (a day, a range of days, a month, a quarter, a year)."""
    found = period(followup.due) if followup.due is not None else None
    return found.through(followup.due_end) if found else None


def is_overdue(followup: model.Followup, today: dt.date) -> bool | None:
    """True when it is still open and its whole due period is past; None when no due date is known."""
    due = due_period(followup)
    if due is None:
        return None
    return followup.status in OPEN and due.last < today


def due_words(followup: model.Followup) -> str | None:
    """`November 2025`, `17–19 Nov 2025`, or the sources' words where no date is given."""
    due = due_period(followup)
    return due.words() if due else followup.due_note


class Window(NamedTuple):
    """The due dates a filter asks for: from `first` to `last` (either open), and what it is called on stderr."""

    first: dt.date | None
    last: dt.date | None
    name: str
    partly: bool | None = None  # what a period partly inside counts as: None, not placed (a month straddling)

    def place(self, due: Period) -> bool | None:
        """True: wholly inside; False: wholly outside; None: a month or year that is partly inside."""
        after_first = self.first is None or due.first >= self.first
        before_last = self.last is None or due.last <= self.last
        if after_first and before_last:
            return True
        if (self.first is not None and due.last < self.first) or (self.last is not None and due.first > self.last):
            return False
        return self.partly


def select(
    q: Query,
    *,
    country: str | None = None,
    status: str | None = None,
    windows: tuple[Window, ...] = (),
    open_only: bool = False,
) -> tuple[list[model.Followup], list[tuple[model.Followup, Period | None]]]:
    """The follow-ups that match, and those the due-date filters could not place (no due date, or a period
    partly inside the window)."""
    status = check_value(status, lambda: (f.status for f in q.data.followups), "--status", "follow-up status")
    found, unplaced = [], []
    for followup in q.with_country("followups", country) if country else q.data.followups:
        if (status and followup.status != status) or (open_only and followup.status not in OPEN):
            continue
        due = due_period(followup)
        placed = [w.place(due) for w in windows] if due else [None] * len(windows)
        if False in placed:
            continue
        if None in placed:
            unplaced.append((followup, due))
            continue
        found.append(followup)
    return found, unplaced


def due_fields(followup: model.Followup, now: dt.date) -> dict[str, Any]:
    """The typed due-date fields machine formats add: first and last day, precision, overdue, the day of `now`."""
    due = due_period(followup)
    return {
        "due_first": due.first if due else None,
        "due_last": due.last if due else None,
        "due_precision": due.precision if due else None,
        "overdue": is_overdue(followup, now),
        "as_of": now,
    }


def row(
    followup: model.Followup, others: list[str], origin: str, overdue: bool | None, names: list[str]
) -> dict[str, Any]:
    """A commitment's row: data for a pipe (codes, ids, values as in the data), and what a person reads in a
    table, Markdown and HTML (`Column.shown`, `Column.below`: "from: ...", "as of ...", "overdue"); `names`: of
    the parties in `others`, countries or groupings."""
    return {
        "country": list(others),
        "country_name": ", ".join(names),
        "title": followup.title,
        "from": f"from: {origin}",
        "origin_id": followup.origin,
        "origin_title": origin,
        "cadence": followup.cadence,
        "due": f"{followup.due}/{followup.due_end}" if followup.due_end else followup.due,  # ISO 8601's interval
        "due_words": due_words(followup),
        "due_note": followup.due_note,
        "overdue": overdue,
        "overdue_words": "overdue" if overdue else None,
        "status": followup.status,
        "status_words": words(followup.status),
        "status_date": followup.status_date.isoformat() if followup.status_date else None,
        "as_of": f"as of {followup.status_date.isoformat()}" if followup.status_date else None,
        "status_sources": list(followup.status_sources or followup.sources),
        "id": followup.id,
        "sources": cited_sources(followup),
    }


def listing(q: Query, followups: list[model.Followup], *, one_country: bool, as_of: dt.date | None = None) -> Listing:
    now, sources = today(as_of), q.citations()
    records, rows = [], []
    for followup in followups:
        others = [c for c in followup.parties if c != q.home] or [q.home]
        origin = label(q.record(followup.origin))
        typed = due_fields(followup, now)
        records.append(confidence.record_fields(followup, sources, **typed, countries=others, origin_title=origin))
        rows.append(row(followup, others, origin, typed["overdue"], [q.parties.name(c) for c in others]))
    order = sorted(
        range(len(rows)), key=lambda i: (rows[i]["country_name"], followups[i].status == "done", followups[i].id)
    )
    hidden = ("id", "sources", "country", "origin_id", "origin_title", "cadence", "due_note", "overdue", "status_date")
    view = View(
        title=f"{q.data.meta.title} · follow-ups · as of {day(now)}",
        group_by=None if one_country else "country_name",
        hidden=(*hidden, "status_sources", "country_name") if one_country else (*hidden, "status_sources"),
        sources=q.citations(),
        empty="no follow-ups match these filters",
    )
    return Listing([records[i] for i in order], FIELDS, [rows[i] for i in order], COLUMNS, view)


class Options(msgspec.Struct, frozen=True, kw_only=True):
    """What `summit followups` and `Dataset.followups` select. Dates: a date, or the text typed after the option
    (checked once the data is read, so that the dataset's own errors come first). `as_of`: the day that counts as
    today (overdue, and relative dates such as `+30d`)."""

    country: str | None = None
    status: str | None = None
    due_before: dt.date | str | None = None
    due_within: str | None = None
    overdue: bool = False
    as_of: dt.date | str | None = None


def windows(options: Options, now: dt.date) -> tuple[Window, ...]:
    """The due-date filters asked for, as windows of days."""
    found = []
    if options.due_before is not None:
        before = read_day(options.due_before, "--due-before", as_of=now)
        if before is not None:
            found.append(Window(None, before - dt.timedelta(days=1), f"--due-before {options.due_before}"))
    if options.due_within is not None:
        days = read_length(options.due_within, "--due-within")
        found.append(Window(now, now + dt.timedelta(days=days), f"--due-within {options.due_within}"))
    if options.overdue:
        found.append(Window(None, now - dt.timedelta(days=1), "--overdue", partly=False))
    return tuple(found)


def _some(ids: list[str], shown: int = 3) -> str:
    return ", ".join(ids[:shown]) + (f" and {len(ids) - shown} more" if len(ids) > shown else "")


def unplaced_line(unplaced: list[tuple[model.Followup, Period | None]], names: str) -> str:
    """The one line on stderr that says which follow-ups the due-date filters could not place."""
    unknown = [f.id for f, due in unplaced if due is None]
    partly = [f"{f.id} ({due.text})" for f, due in unplaced if due is not None]
    said = []
    if unknown:
        said.append(f"{len(unknown)} with no due date ({_some(unknown)})")
    if partly:
        said.append(f"{len(partly)} due in a month, quarter or year only partly in range ({_some(partly)})")
    return f"summit followups: {names}: not placed, so not listed: {'; '.join(said)}"


def listing_for(q: Query, options: Options, warn: Callable[[str], None] | None = None) -> Listing:
    """What the command shows and the API returns (its records); `warn` hears what the filters could not place."""
    code = q.resolve_country(options.country) if options.country else None
    as_of = read_day(options.as_of, "--as-of")
    now = today(as_of)
    asked = windows(options, now)
    found, unplaced = select(q, country=code, status=options.status, windows=asked, open_only=options.overdue)
    if unplaced and warn:
        warn(unplaced_line(unplaced, ", ".join(w.name for w in asked)))
    return listing(q, found, one_country=code is not None, as_of=now)


def followups(settings: Settings, options: Options, *, fmt: Format) -> None:
    import sys

    listing = listing_for(settings.query(), options, warn=lambda line: print(line, file=sys.stderr))
    show_listing(settings, listing, fmt)
