"""`summit people [NAME]`: who's who: leaders, ministers and officials, their titles and their meetings. With a
name that fits one person, that person's page: who they are, the meetings they attended, what they said."""

from __future__ import annotations

from typing import Any

import msgspec

from summitcli import model
from summitcli.commands import Settings, show_listing
from summitcli.output import Column, Format, View, emit_document
from summitcli.phrases import day, where
from summitcli.query import Query, event_order
from summitcli.records import fields
from summitcli.views import Document, Entry, KeyPoint, Line, Listing, Section

COLUMNS = [
    Column("country", "Code"),
    Column("country_name", "Country"),
    Column("name", "Name", 2),
    Column("title", "Title", 3, below="organization"),
    Column("organization", "Organization", 2),
    Column("events", "Meetings and events", 6, shown="meetings"),
    Column("id", "Id"),
    Column("sources", "Sources"),
]
FIELDS = [*model.Person.__struct_fields__, "country_name", "events"]
NO_COUNTRY = "Country not given"  # the heading of people the data gives no country for


def attended(q: Query) -> dict[str, list[model.Event]]:
    """Person id -> the events they attended, in date order: one pass over the events for everyone."""
    found: dict[str, list[model.Event]] = {}
    for event in sorted(q.data.events, key=event_order):
        for pid in event.participants:
            found.setdefault(pid, []).append(event)
    return found


def listing(q: Query, people: list[model.Person]) -> Listing:
    from summitcli.countries import country_name

    found = sorted(people, key=lambda p: (p.country is None, country_name(p.country) if p.country else "", p.name))
    records: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    events_of = attended(q)
    for person in found:
        events = events_of.get(person.id, [])
        name = country_name(person.country) if person.country else None
        records.append(fields(person, country_name=name, events=[e.id for e in events]))
        rows.append(
            {
                "country": person.country,
                "country_name": name,
                "group": name or NO_COUNTRY,
                "name": person.name,
                "title": person.title,
                "organization": person.organization,
                "events": [e.id for e in events],
                "meetings": [f"{e.date.isoformat() if e.date else 'undated'} {e.title}" for e in events],
                "id": person.id,
                "sources": list(person.sources),
            }
        )
    view = View(
        title=f"{q.data.meta.title} · people",
        group_by="group",
        hidden=("id", "sources", "country", "country_name"),
        sources=q.citations(),
        drop=("events",),
        empty="nobody in the dataset",
    )
    return Listing(records, FIELDS, rows, COLUMNS, view)


def document(q: Query, person: model.Person) -> Document:
    """One person's page: title and country, the meetings they attended, and their quotes."""
    from summitcli.countries import country_name

    points = [KeyPoint("Title", [Line(person.title or "not reported", person.sources)])]
    if person.organization:
        points.append(KeyPoint("Organization", [Line(person.organization)]))
    if person.country:
        points.append(KeyPoint("Country", [Line(country_name(person.country))]))
    if person.aliases:
        points.append(KeyPoint("Also called", [Line(", ".join(person.aliases))]))
    events = attended(q).get(person.id, [])
    quotes = sorted(
        (x for x in q.data.quotes if x.speaker == person.id), key=lambda x: (x.date is None, x.date or "", x.id)
    )
    meetings = [Entry(" · ".join(filter(None, (e.title, where(e, q.home)))), e.sources, day(e.date)) for e in events]
    said = [Entry(f"“{x.text}”", x.sources, day(x.date)) for x in quotes]
    sections = [
        s for s in (Section("events", "Meetings and events", meetings), Section("quotes", "Quotes", said)) if s.entries
    ]
    records = {
        "person": fields(person, country_name=country_name(person.country) if person.country else None),
        "events": [fields(e) for e in events],
        "quotes": [fields(x) for x in quotes],
    }
    return Document(person.name, None, points, sections, q.citations(), records)


class Options(msgspec.Struct, frozen=True, kw_only=True):
    """Who `summit people` shows: everyone (None), or those whose name, alias or id contains `name`."""

    name: str | None = None


def people(settings: Settings, options: Options, *, fmt: Format) -> None:
    q = settings.query()
    name = options.name
    found = q.find_people(name) if name else list(q.data.people)
    if name and len(found) == 1:
        emit_document(document(q, found[0]), fmt, settings.display)
        return
    show_listing(settings, listing(q, found), fmt)
