"""`summit home`: the home country's own side, what concerns it and no other country.

A brief is about the home country and one other; what names no other country (the home country's own initiative,
a follow-up it owes alone, a fact about its leader, a plan of its own, an event at home) has no brief. This
document holds it, in the terminal and as a section of the briefing book, in the brief's own entries.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from summitcli.commands import Settings, confidence
from summitcli.output import Format, emit_document
from summitcli.query import Query, cited_sources, event_order
from summitcli.records import fields
from summitcli.views import Document, Entry, Section

SECTIONS = ("events", "outcomes", "followups", "quotes", "context", "plans")


def own_records(q: Query) -> dict[str, list[Any]]:
    """Section -> the records that involve no country but the home country, in the order a brief lists them."""
    from summitcli.commands.brief import by_date, followup_order, outcome_order

    def alone(records: list[Any]) -> list[Any]:
        return [r for r in records if not q.countries_of(r)]

    return {
        "events": sorted(alone(q.data.events), key=event_order),
        "outcomes": sorted(alone(q.data.outcomes), key=outcome_order),
        "followups": sorted(alone(q.data.followups), key=followup_order),
        "quotes": sorted(alone(q.data.quotes), key=by_date),
        "context": alone(q.data.facts),  # in the dataset's order, as a brief's context
        "plans": sorted(alone(q.data.plans), key=by_date),
    }


def sections_of(q: Query, parts: dict[str, list[Any]], as_of: dt.date | None = None) -> list[Section]:
    """The document's sections, in the brief's own entries (overdue follow-ups counted from `as_of`, else the day
    it runs); empty ones left out."""
    from summitcli.commands import brief

    entries: dict[str, list[Entry]] = {
        "events": [brief.encounter_entry(e, q.home) for e in parts["events"]],
        "outcomes": [brief.outcome_entry(o, q.citations()) for o in parts["outcomes"]],
        "followups": [brief.followup_entry(q, f, as_of) for f in parts["followups"]],
        "quotes": [brief.quote_entry(q, x) for x in parts["quotes"]],
        "context": [Entry(fact.text, fact.sources) for fact in parts["context"]],
        "plans": [brief.plan_entry(p) for p in parts["plans"]],
    }
    headings = ("Events", "Outcomes", "Follow-ups", "Quotes", "Context", "Plans")
    sections = [Section(key, heading, entries[key]) for key, heading in zip(SECTIONS, headings, strict=True)]
    return [s for s in sections if s.entries]


def records_of(q: Query, home: str, parts: dict[str, list[Any]]) -> dict[str, Any]:
    """What `--format json` writes: the home country, a list per section, and the sources they cite."""
    cited = dict.fromkeys(ref for found in parts.values() for record in found for ref in cited_sources(record))
    records: dict[str, Any] = {"home": q.home, "home_name": home}
    records.update({key: [fields(record) for record in found] for key, found in parts.items()})
    records["sources"] = [fields(source) for ref in cited if (source := q.source(ref)) is not None]
    return records


def build(q: Query, as_of: dt.date | None = None) -> Document:
    """The home country's own side: its events, outcomes, follow-ups, quotes, facts and plans that name no other
    country, every one (a short view would hide what nothing else shows). `as_of`: the day overdue counts from."""
    from summitcli.commands.brief import without_year
    from summitcli.countries import country_name
    from summitcli.phrases import span

    home = country_name(q.home)
    parts = own_records(q)
    sections = sections_of(q, parts, as_of)
    dates = [d for found in parts.values() for r in found if (d := getattr(r, "date", None))]
    subtitle = "what concerns no other country"
    if dates:
        subtitle += f" · {span(min(dates), max(dates))}"
        if min(dates).year == max(dates).year:  # said once, in the subtitle
            sections = [without_year(section, max(dates).year) for section in sections]
    empty = f"the dataset has nothing on {home} alone"
    document = Document(f"{home} on its own", subtitle, [], sections, q.citations(), records_of(q, home, parts), empty)
    return confidence.mark(document)


def home(settings: Settings, *, fmt: Format, as_of: str | None = None) -> None:
    from summitcli.dates import read_day

    q = settings.query()
    emit_document(build(q, read_day(as_of, "--as-of")), fmt, settings.display)
