"""`summit sources [ID]`: every source with publication, title, date, address, confidence and how many records
cite it; with an id, that source and every record that cites it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import msgspec

from summitcli import model
from summitcli.commands import Settings
from summitcli.errors import UsageError
from summitcli.output import Column, Display, Format, View, emit_document, emit_listing
from summitcli.phrases import CONFIDENCE, address, day
from summitcli.query import FACT_KINDS, Query, citation, cited_sources, did_you_mean, record_date, record_day
from summitcli.records import fields
from summitcli.views import Document, Entry, KeyPoint, Line, Listing, Section

LIST_COLUMNS = [
    Column("id", "Id", no_wrap=True),
    Column("publication", "Publication", 3, expected=True),
    Column("title", "Title", 5),
    Column("date", "Date", no_wrap=True, expected=True),
    Column("address", "URL or file", 5),
    Column("confidence", "Conf."),
    Column("cited_by", "Cited by"),
    Column("note", "Note", 4),
]
FIELDS = [*model.Source.__struct_fields__, "cited_by"]
CITED_COLUMNS = [Column("id", "Id", no_wrap=True), Column("citation", "Citation", 6)]
KIND_HEADINGS = {
    "event": "Meetings and events",
    "outcome": "Outcomes",
    "followup": "Follow-ups",
    "quote": "Quotes",
    "person": "People",
}


def _citing(q: Query) -> dict[str, list[tuple[str, Any]]]:
    """Source id -> (kind, record) of every record citing it."""
    citing: dict[str, list[tuple[str, Any]]] = {sid: [] for sid in q.sources}
    records = [*q.fact_records(), *(("person", p) for p in q.data.people)]
    for kind, record in records:
        for ref in cited_sources(record):
            citing[ref].append((kind, record))
    return citing


def cited_listing(sources: Mapping[str, Any], refs: list[str]) -> Listing:
    """`--sources` of a list or a brief: the sources cited (`sources`: id -> source), in order of first citation;
    the source records in machine formats, id and citation for people."""
    cited = [source for sid in dict.fromkeys(refs) if isinstance(source := sources.get(sid), model.Source)]
    rows = [{"id": s.id, "citation": citation(s)} for s in cited]
    view = View(title="Sources cited", empty="no sources cited")
    return Listing([fields(s) for s in cited], list(model.Source.__struct_fields__), rows, CITED_COLUMNS, view)


def emit_cited(q: Query, refs: list[str], fmt: Format, display: Display) -> None:
    """`--sources` of brief and agreements: the sources cited, whole."""
    emit_listing(cited_listing(q.citations(), refs), fmt, display)


def listing(q: Query) -> Listing:
    citing = _citing(q)
    records = [fields(s, cited_by=len(citing[s.id])) for s in q.data.sources]
    rows = [
        {
            "id": s.id,
            "publication": s.publication,
            "title": s.title,
            "date": s.date.isoformat() if s.date else None,
            "address": address(s),
            "confidence": s.confidence,
            "cited_by": len(citing[s.id]),
            "note": s.note,
        }
        for s in q.data.sources
    ]

    def screen() -> Document:
        """In a terminal, a source in two lines: id, publication, date, confidence and how often it is cited; then
        the whole address. The title is in every other format and in `summit sources ID`."""
        entries = []
        for s in q.data.sources:
            head = " · ".join([s.id, *_said(s), f"cited by {len(citing[s.id])}"])
            where = address(s)
            entries.append(Entry(head, (), "", [Line(where, address=True)] if where else []))
        return Document(f"{q.data.meta.title} · sources", None, [], [Section("sources", "Sources", entries)], {}, {})

    view = View(title=f"{q.data.meta.title} · sources", empty="the dataset has no sources")
    return Listing(records, FIELDS, rows, LIST_COLUMNS, view, screen)


def _said(source: model.Source) -> list[str]:
    """A source in a list: publication, date and confidence."""
    confidence = CONFIDENCE.get(source.confidence, source.confidence)
    return [
        source.publication or "publication not reported",
        day(source.date) or "date not reported",
        f"{confidence} confidence",
    ]


def _points(source: model.Source) -> list[KeyPoint]:
    """What a source is: publication, title, date, address, confidence and note, those it has."""
    points = [KeyPoint("Publication", [Line(source.publication or "not reported")])]
    if source.title:
        points.append(KeyPoint("Title", [Line(source.title)]))
    points.append(KeyPoint("Date", [Line(day(source.date) or "not reported")]))
    where = address(source)
    if where:
        points.append(KeyPoint("Address", [Line(where, address=True)]))
    points.append(KeyPoint("Confidence", [Line(source.confidence)]))
    if source.note:
        points.append(KeyPoint("Note", [Line(source.note, dim=True)]))
    return points


def _of_kind(citing: list[tuple[str, Any]], kind: str) -> list[Any]:
    """The citing records of one kind, dated ones by date, undated ones last."""
    return sorted(
        (r for k, r in citing if k == kind), key=lambda r: (record_date(r) is None, record_date(r) or "", r.id)
    )


def _cited_entry(q: Query, record: Any) -> Entry:
    """A citing record: its title and day, then the countries it involves dimmed."""
    from summitcli.countries import country_name

    return Entry(
        q.title_of(record),
        (),
        day(record_day(record)),
        [Line(", ".join(country_name(c) for c in q.countries_of(record)), dim=True)] if q.countries_of(record) else [],
    )


def document(q: Query, sid: str) -> Document:
    """One source: what it is, then every record that cites it, by kind, in date order."""
    source = q.sources[sid]
    points = _points(source)
    citing = _citing(q)[sid]
    sections = []
    records: dict[str, Any] = {"source": fields(source)}
    for kind in [*(k for _, k in FACT_KINDS), "person"]:
        found = _of_kind(citing, kind)
        records[f"{kind}s"] = [fields(r) for r in found]
        if found:
            entries = [_cited_entry(q, r) for r in found]
            sections.append(Section(f"{kind}s", KIND_HEADINGS.get(kind, f"{kind.capitalize()}s"), entries))
    return Document(sid, "source", points, sections, q.sources, records, empty="no record cites this source")


class Options(msgspec.Struct, frozen=True, kw_only=True):
    """What `summit sources` shows: every source (None), or the records citing the source with this id."""

    source_id: str | None = None


def sources(settings: Settings, options: Options, *, fmt: Format) -> None:
    q = settings.query()
    source_id = options.source_id
    if source_id is None:
        emit_listing(listing(q), fmt, settings.display)
        return
    if source_id not in q.sources:
        raise UsageError(
            f"no source has the id '{source_id}'.{did_you_mean(source_id, q.sources)} Run 'summit sources'."
        )
    emit_document(document(q, source_id), fmt, settings.display)
