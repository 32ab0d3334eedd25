"""`summit quotes [COUNTRY] [--speaker NAME]`: attributed quotes with speaker, occasion, date and source."""

from __future__ import annotations

from typing import Any

from summitcli.commands import load_query
from summitcli.output import Column, Format, View, emit
from summitcli.query import Query

COLUMNS = [
    Column("date", "Date", no_wrap=True),
    Column("speaker", "Speaker", 2),
    Column("speaker_title", "Title", 2),
    Column("text", "Quote", 8),
    Column("occasion", "Occasion", 3),
    Column("countries", "Countries"),
    Column("id", "Id"),
    Column("sources", "Sources"),
]


def rows_for(q: Query, *, country: str | None = None, speakers: set[str] | None = None) -> list[dict[str, Any]]:
    from summitcli.countries import country_name

    rows = []
    for quote in q.with_country("quotes", country) if country else q.data.quotes:
        if speakers is not None and quote.speaker not in speakers:
            continue
        person = q.people.get(quote.speaker)
        event = q.events.get(quote.event) if quote.event else None
        rows.append(
            {
                "date": quote.date.isoformat() if quote.date else None,
                "speaker": person.name if person else quote.speaker,
                "speaker_title": person.title if person else None,
                "text": quote.text,
                "occasion": event.title if event else None,
                "countries": sorted(country_name(c) for c in q.countries_of(quote)),
                "id": quote.id,
                "sources": list(quote.sources),
            }
        )
    rows.sort(key=lambda r: (r["date"] is None, r["date"] or "", r["speaker"], r["id"]))
    return rows


def quotes(country: str | None, fmt: Format, speaker: str | None) -> None:
    q = load_query()
    code = q.resolve_country(country) if country else None
    speakers = {p.id for p in q.find_people(speaker)} if speaker else None
    view = View(
        title=f"{q.data.meta.title} · quotes",
        hidden=("id", "sources", "countries"),
        sources=q.citations(),
        empty="no quotes match these filters",
    )
    emit(rows_for(q, country=code, speakers=speakers), COLUMNS, fmt, view)
