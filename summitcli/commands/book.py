"""What the briefing book holds (issue 22, point 8): a delegation's book, whose pages on each counterpart can be
pulled out and carried.

The title page sums up the week (meetings, outcomes, open items, the counterparts) and says the date the data
speaks for; each counterpart with a page gets its brief and then its own numbered sources; a country with nothing
but plans gets a line in a list instead of a page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from summitcli import model
from summitcli.commands.followups import OPEN as OPEN_FOLLOWUPS
from summitcli.commands.open_items import OPEN_OUTCOMES
from summitcli.phrases import day
from summitcli.query import Query
from summitcli.views import Document, Entry, Section


def only_plans(q: Query, code: str) -> bool:
    """Whether all the dataset has on `code` are plans: such a country gets a line in a list, not a page."""
    lists = ("events", "outcomes", "followups", "quotes", "facts")
    return not any(q.with_country(name, code) for name in lists) and bool(q.with_country("plans", code))


def split(q: Query, codes: list[str]) -> tuple[list[str], list[str]]:
    """The countries that get a page, and those listed on a line."""
    listed = [code for code in codes if only_plans(q, code)]
    return [code for code in codes if code not in listed], listed


def listed_part(q: Query, codes: list[str]) -> Document | None:
    """The countries with nothing but plans: a line each (the plan, its outcome, their sources)."""
    from summitcli.countries import country_name

    if not codes:
        return None
    entries = []
    for code in codes:
        for plan in q.with_country("plans", code):
            text = f"{country_name(code)}: planned: {plan.planned} What happened: {plan.actual}"
            entries.append(Entry(text, [*plan.sources, *plan.actual_sources], day(plan.planned_date)))
    section = Section("listed", "Plans only", entries, intro="Nothing but a plan is recorded on these countries.")
    return Document("Countries without a page", None, [], [section], q.citations(), {})


def as_of(q: Query) -> dt.date | None:
    """The date the data speaks for: the latest date any record, status or source gives."""
    dates = [d for record in _records(q) for d in _dates(record) if d]
    dates += [s.date for s in q.data.sources if s.date]
    return max(dates) if dates else None


def _records(q: Query) -> Iterable[Any]:
    return (record for _, record in q.fact_records())


def _dates(record: Any) -> list[dt.date | None]:
    return [getattr(record, name, None) for name in ("date", "status_date", "planned_date")]


def summary(q: Query, codes: list[str], today: dt.date | None = None) -> list[str]:
    """The title page's summary of the week, for the countries in the book; open items as of `today` (default: the
    day it runs)."""
    from summitcli.countries import country_name
    from summitcli.dates import today as day_of

    wanted = set(codes)
    meetings = [
        e for e in q.data.events if e.kind in model.MEETING_KINDS and q.home in e.parties and wanted & set(e.parties)
    ]
    outcomes = [o for o in q.data.outcomes if q.home in o.parties and wanted & set(o.parties)]
    followups = [f for f in q.data.followups if wanted & set(f.parties)]
    still_open = [f for f in followups if f.status in OPEN_FOLLOWUPS]
    unfinished = [o for o in outcomes if o.status in OPEN_OUTCOMES]
    spoken = as_of(q)
    return [
        f"Data as of {day(spoken)} (the latest date a record or source gives)" if spoken else "Data as of: no dates",
        f"Meetings: {_count(len(meetings), 'bilateral meeting')} with {country_name(q.home)}",
        f"Outcomes: {_count(len(outcomes), 'outcome')} with {country_name(q.home)} as a party",
        f"Open items as of {day(day_of(today))}: {_count(len(still_open), 'follow-up')} not done, "
        f"{_count(len(unfinished), 'outcome')} not yet in force",
        "Counterparts: " + "; ".join(_counterparts(q, split(q, codes)[0])),
    ]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _counterparts(q: Query, codes: list[str]) -> list[str]:
    """`Canada (Mark Carney)`: each country whose side met the home country's in a bilateral setting, with the
    first of the people it sent (a country met only at multilateral sessions has no counterpart to name)."""
    from summitcli.commands.brief import office_rank
    from summitcli.countries import country_name

    said = []
    for code in codes:
        people: list[model.Person] = sorted(q.counterparts(code), key=office_rank)
        if people:
            said.append(f"{country_name(code)} ({people[0].name})")
    return said or ["none met in a bilateral setting"]
