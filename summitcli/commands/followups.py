"""`summit followups [COUNTRY]`: a tracker of commitments: origin, cadence, due date, status and its source."""

from __future__ import annotations

import datetime as dt
import typing
from typing import Any

from summitcli import model
from summitcli.commands import load_query
from summitcli.output import Column, Format, View, emit
from summitcli.query import Query, check_choice, cited_sources, label, parse_date

COLUMNS = [
    Column("country", "Country"),
    Column("title", "Commitment", 5),
    Column("origin", "From", 4),
    Column("origin_id", "From id"),
    Column("cadence", "Cadence"),
    Column("due", "Due", no_wrap=True),
    Column("status", "Status"),
    Column("status_date", "As of", no_wrap=True),
    Column("status_sources", "Status source"),
    Column("id", "Id"),
    Column("sources", "Sources"),
]
STATUSES: tuple[str, ...] = typing.get_args(model.FollowupStatus)


def rows_for(
    q: Query, *, country: str | None = None, status: str | None = None, due_before: dt.date | None = None
) -> list[dict[str, Any]]:
    from summitcli.countries import country_name

    rows = []
    for followup in q.with_country("followups", country) if country else q.data.followups:
        if status and followup.status != status:
            continue
        if due_before and not (followup.due and followup.due < due_before):
            continue
        others = [c for c in followup.parties if c != q.home] or [q.home]
        rows.append(
            {
                "country": ", ".join(country_name(c) for c in others),
                "title": followup.title,
                "origin": label(q.record(followup.origin)),
                "origin_id": followup.origin,
                "cadence": followup.cadence,
                "due": followup.due.isoformat() if followup.due else followup.due_note,
                "status": followup.status,
                "status_date": followup.status_date.isoformat() if followup.status_date else None,
                "status_sources": list(followup.status_sources or followup.sources),
                "id": followup.id,
                "sources": cited_sources(followup),
            }
        )
    rows.sort(key=lambda r: (r["country"], r["status"] == "done", r["id"]))
    return rows


def followups(country: str | None, fmt: Format, status: str | None, due_before: str | None) -> None:
    q = load_query()
    code = q.resolve_country(country) if country else None
    rows = rows_for(
        q,
        country=code,
        status=check_choice(status, STATUSES, "--status"),
        due_before=parse_date(due_before, "--due-before"),
    )
    view = View(
        title=f"{q.data.meta.title} · follow-ups",
        group_by=None if code else "country",
        hidden=("id", "sources", "origin_id", "country") if code else ("id", "sources", "origin_id"),
        sources=q.citations(),
        source_columns=("status_sources",),
        empty="no follow-ups match these filters",
    )
    emit(rows, COLUMNS, fmt, view)
