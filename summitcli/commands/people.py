"""`summit people [NAME]`: who's who: leaders, ministers and officials, their titles and their meetings."""

from __future__ import annotations

from typing import Any

from summitcli.commands import load_query
from summitcli.output import Column, Format, View, emit
from summitcli.query import Query, event_order

COLUMNS = [
    Column("country", "Country"),
    Column("name", "Name", 2),
    Column("title", "Title", 3),
    Column("organization", "Organization", 2),
    Column("meetings", "Meetings and events", 6),
    Column("id", "Id"),
    Column("sources", "Sources"),
]


def rows_for(q: Query, people: list[Any]) -> list[dict[str, Any]]:
    from summitcli.countries import country_name

    rows = []
    for person in people:
        events = sorted((e for e in q.data.events if person.id in e.participants), key=event_order)
        rows.append(
            {
                "country": country_name(person.country) if person.country else None,
                "name": person.name,
                "title": person.title,
                "organization": person.organization,
                "meetings": [f"{e.date.isoformat() if e.date else 'date not reported'} {e.title}" for e in events],
                "id": person.id,
                "sources": list(person.sources),
            }
        )
    rows.sort(key=lambda r: (r["country"] is None, r["country"] or "", r["name"]))
    return rows


def people(name: str | None, fmt: Format) -> None:
    q = load_query()
    found = q.find_people(name) if name else list(q.data.people)
    view = View(
        title=f"{q.data.meta.title} · people",
        group_by="country",
        hidden=("id", "sources"),
        sources=q.citations(),
    )
    emit(rows_for(q, found), COLUMNS, fmt, view)
