"""`summit quotes [COUNTRY] [--speaker NAME]`: attributed quotes with speaker, occasion, date and source."""

from __future__ import annotations

from typing import Any

import msgspec

from summitcli import model
from summitcli.commands import Settings, confidence, show_listing
from summitcli.output import Column, Format, View
from summitcli.query import Query
from summitcli.views import Listing

COLUMNS = [
    Column("date", "Date", no_wrap=True),
    Column("speaker", "Speaker", 2, shown="speaker_shown"),
    Column("speaker_title", "Title", 2),
    Column("text", "Quote", 8, below="at", shown="quoted"),
    Column("event", "Event id"),
    Column("occasion", "Occasion", 3),
    Column("countries", "Codes"),
    Column("country_names", "Countries"),
    Column("id", "Id"),
    Column("sources", "Sources"),
]
FIELDS = [*model.Quote.__struct_fields__, "speaker_name", "speaker_title", "occasion", "source_count", "low_confidence"]


def _row(q: Query, quote: model.Quote, title: str | None, occasion: str | None) -> dict[str, Any]:
    """What a pipe prints of a quote (data), and what a person reads (`speaker_shown`, `quoted`, `at`)."""
    from summitcli.countries import country_name

    name, codes = q.person_name(quote.speaker), sorted(q.countries_of(quote), key=country_name)
    return {
        "date": quote.date.isoformat() if quote.date else None,
        "speaker": name,
        "speaker_shown": name + (f", {title}" if title else ""),
        "speaker_title": title,
        "text": quote.text,
        "quoted": f"“{quote.text}”",
        "event": quote.event,
        "occasion": occasion,
        "at": f"at: {occasion}" if occasion else None,
        "countries": codes,
        "country_names": [country_name(c) for c in codes],
        "id": quote.id,
        "sources": list(quote.sources),
    }


def listing(q: Query, *, country: str | None = None, speakers: set[str] | None = None) -> Listing:
    found = [
        quote
        for quote in (q.with_country("quotes", country) if country else q.data.quotes)
        if speakers is None or quote.speaker in speakers
    ]
    found.sort(key=lambda x: (x.date is None, x.date or "", q.person_name(x.speaker), x.id))
    records: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    sources = q.citations()
    for quote in found:
        person = q.people.get(quote.speaker)
        event = q.events.get(quote.event) if quote.event else None
        title, occasion = (person.title if person else None), (event.title if event else None)
        named = {"speaker_name": q.person_name(quote.speaker), "speaker_title": title, "occasion": occasion}
        records.append(confidence.record_fields(quote, sources, **named))
        rows.append(_row(q, quote, title, occasion))
    view = View(
        title=f"{q.data.meta.title} · quotes",
        hidden=("id", "sources", "event", "occasion", "countries", "country_names", "speaker_title"),
        sources=q.citations(),
        empty="no quotes match these filters",
    )
    return Listing(records, FIELDS, rows, COLUMNS, view)


class Options(msgspec.Struct, frozen=True, kw_only=True):
    """What `summit quotes` and `Dataset.quotes` select: a country's name as typed, any part of a speaker's name."""

    country: str | None = None
    speaker: str | None = None


def listing_for(q: Query, options: Options) -> Listing:
    """What the command shows and the API returns (its records)."""
    code = q.resolve_country(options.country) if options.country else None
    speakers = {p.id for p in q.find_people(options.speaker)} if options.speaker else None
    return listing(q, country=code, speakers=speakers)


def quotes(settings: Settings, options: Options, *, fmt: Format) -> None:
    show_listing(settings, listing_for(settings.query(), options), fmt)
