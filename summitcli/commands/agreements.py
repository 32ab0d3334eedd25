"""`summit agreements [COUNTRY]`: outcomes per country with kind, status, date, parties and figures."""

from __future__ import annotations

from typing import Any

from summitcli.commands import load_query
from summitcli.output import Column, Format, View, emit
from summitcli.query import Query, check_topic

COLUMNS = [
    Column("country", "Country"),
    Column("date", "Date", no_wrap=True),
    Column("kind", "Kind"),
    Column("status", "Status"),
    Column("title", "Outcome", 6),
    Column("parties", "Parties"),
    Column("figures", "Figures", 6),
    Column("id", "Id"),
    Column("sources", "Sources"),
]


def rows_for(
    q: Query,
    *,
    country: str | None = None,
    status: str | None = None,
    kind: str | None = None,
    topic: str | None = None,
) -> list[dict[str, Any]]:
    from summitcli.countries import country_name

    rows: list[dict[str, Any]] = []
    for outcome in q.with_country("outcomes", country) if country else q.data.outcomes:
        if (
            (status and outcome.status != status)
            or (kind and outcome.kind != kind)
            or (topic and topic not in outcome.topics)
        ):
            continue
        others = [c for c in outcome.parties if c != q.home] or [q.home]
        for code in others:
            if country and code != country and not (country == q.home and q.home in outcome.parties):
                continue
            rows.append(
                {
                    "country": country_name(code),
                    "date": outcome.date.isoformat() if outcome.date else None,
                    "kind": outcome.kind,
                    "status": outcome.status,
                    "title": outcome.title,
                    "parties": list(outcome.parties),
                    "figures": [f"{f.label}: {f.value}" for f in outcome.figures],
                    "id": outcome.id,
                    "sources": list(outcome.sources),
                }
            )
            if country:
                break
    rows.sort(key=lambda r: (r["country"], r["date"] is None, r["date"] or "", r["id"]))
    return rows


def agreements(
    country: str | None, fmt: Format, status: str | None, kind: str | None, topic: str | None, show_sources: bool
) -> None:
    q = load_query()
    code = q.resolve_country(country) if country else None
    rows = rows_for(q, country=code, status=status, kind=kind, topic=check_topic(q, topic))
    if show_sources:
        from summitcli.commands.sources import emit_cited

        emit_cited(q, rows, fmt)
        return
    view = View(
        group_by=None if code else "country",
        hidden=("id", "sources", "country") if code else ("id", "sources"),
        sources=q.citations(),
        empty="no outcomes match these filters",
    )
    emit(rows, COLUMNS, fmt, view)
