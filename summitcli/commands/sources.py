"""`summit sources [ID]`: every source with publication, date, address and confidence; with an id, every record
that cites it."""

from __future__ import annotations

from typing import Any

from summitcli.commands import load_query
from summitcli.errors import UsageError
from summitcli.output import Column, Format, View, emit
from summitcli.query import Query, citation, cited_sources, did_you_mean, record_date

LIST_COLUMNS = [
    Column("id", "Id", no_wrap=True),
    Column("publication", "Publication", 3),
    Column("title", "Title", 5),
    Column("date", "Date", no_wrap=True),
    Column("address", "URL or file", 5),
    Column("confidence", "Conf."),
    Column("cited_by", "Cited by"),
    Column("note", "Note", 4),
]
CITING_COLUMNS = [
    Column("source", "Source"),
    Column("kind", "Kind"),
    Column("date", "Date", no_wrap=True),
    Column("title", "Record", 6),
    Column("countries", "Countries", 2),
    Column("id", "Id"),
]


def _citing(q: Query) -> dict[str, list[tuple[str, Any]]]:
    """Source id -> (kind, record) of every record citing it."""
    citing: dict[str, list[tuple[str, Any]]] = {sid: [] for sid in q.sources}
    records = [*q.fact_records(), *(("person", p) for p in q.data.people)]
    for kind, record in records:
        for ref in cited_sources(record):
            citing[ref].append((kind, record))
    return citing


CITED_COLUMNS = [Column("id", "Id", no_wrap=True), Column("citation", "Citation", 6)]


def emit_cited(q: Query, rows: list[dict[str, Any]], fmt: Format) -> None:
    """`--sources` of brief and agreements: the sources the rows cite, in order of first citation."""
    cited = dict.fromkeys(ref for row in rows for ref in row["sources"])
    emit(
        [{"id": sid, "citation": citation(q.sources[sid])} for sid in cited],
        CITED_COLUMNS,
        fmt,
        View(title="Sources cited", empty="no sources cited"),
    )


def list_rows(q: Query) -> list[dict[str, Any]]:
    citing = _citing(q)
    return [
        {
            "id": s.id,
            "publication": s.publication,
            "title": s.title,
            "date": s.date.isoformat() if s.date else None,
            "address": s.url or (f"file {s.file}" if s.file else None),
            "confidence": s.confidence,
            "cited_by": len(citing[s.id]),
            "note": s.note,
        }
        for s in q.data.sources
    ]


def citing_rows(q: Query, sid: str) -> list[dict[str, Any]]:
    from summitcli.countries import country_name

    rows = []
    for kind, record in _citing(q)[sid]:
        rows.append(
            {
                "source": sid,
                "kind": kind,
                "date": record_date(record),
                "title": q.title_of(record),
                "countries": sorted(country_name(c) for c in q.countries_of(record)),
                "id": record.id,
            }
        )
    return rows


def sources(source_id: str | None, fmt: Format) -> None:
    q = load_query()
    if source_id is None:
        emit(list_rows(q), LIST_COLUMNS, fmt, View(title=f"{q.data.meta.title} · sources"))
        return
    if source_id not in q.sources:
        raise UsageError(
            f"no source has the id '{source_id}'.{did_you_mean(source_id, q.sources)} Run 'summit sources'."
        )
    view = View(
        title=citation(q.sources[source_id]),
        group_by="kind",
        hidden=("source", "id"),
        empty="no record cites this source",
    )
    emit(citing_rows(q, source_id), CITING_COLUMNS, fmt, view)
