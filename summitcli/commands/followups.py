"""`summit followups [COUNTRY]`: a tracker of commitments: origin, cadence, due date, status and its source."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from summitcli import model
from summitcli.commands import Settings, show_listing
from summitcli.output import Column, Format, View
from summitcli.phrases import words
from summitcli.query import Query, check_value, cited_sources, label, parse_date
from summitcli.records import fields
from summitcli.views import Listing

COLUMNS = [
    Column("country", "Codes"),
    Column("country_name", "Country"),
    Column("title", "Commitment", 5, below="from"),
    Column("origin_id", "From id"),
    Column("origin_title", "From", 4),
    Column("cadence", "Cadence"),
    Column("status", "Status", below="as_of", shown="status_words"),
    Column("due", "Due", 2, expected=True),
    Column("status_date", "As of", no_wrap=True),
    Column("status_sources", "Status source"),
    Column("id", "Id"),
    Column("sources", "Sources"),
]
FIELDS = [*model.Followup.__struct_fields__, "countries", "origin_title"]


def select(
    q: Query, *, country: str | None = None, status: str | None = None, due_before: dt.date | None = None
) -> list[model.Followup]:
    status = check_value(status, lambda: (f.status for f in q.data.followups), "--status", "follow-up status")
    found = []
    for followup in q.with_country("followups", country) if country else q.data.followups:
        if status and followup.status != status:
            continue
        if due_before and not (followup.due and followup.due < due_before):
            continue
        found.append(followup)
    return found


def listing(q: Query, followups: list[model.Followup], *, one_country: bool) -> Listing:
    from summitcli.countries import country_name

    records, rows = [], []
    for followup in followups:
        others = [c for c in followup.parties if c != q.home] or [q.home]
        origin = label(q.record(followup.origin))
        records.append(fields(followup, countries=others, origin_title=origin))
        rows.append(
            {
                "country": list(others),
                "country_name": ", ".join(country_name(c) for c in others),
                "title": followup.title,
                "from": f"from: {origin}",
                "origin_id": followup.origin,
                "origin_title": origin,
                "cadence": followup.cadence,
                "due": followup.due.isoformat() if followup.due else followup.due_note,
                "status": followup.status,
                "status_words": words(followup.status),
                "status_date": followup.status_date.isoformat() if followup.status_date else None,
                "as_of": f"as of {followup.status_date.isoformat()}" if followup.status_date else None,
                "status_sources": list(followup.status_sources or followup.sources),
                "id": followup.id,
                "sources": cited_sources(followup),
            }
        )
    order = sorted(
        range(len(rows)), key=lambda i: (rows[i]["country_name"], followups[i].status == "done", followups[i].id)
    )
    hidden = ("id", "sources", "country", "origin_id", "origin_title", "cadence", "status_date", "status_sources")
    view = View(
        title=f"{q.data.meta.title} · follow-ups",
        group_by=None if one_country else "country_name",
        hidden=(*hidden, "country_name") if one_country else hidden,
        sources=q.citations(),
        empty="no follow-ups match these filters",
    )
    return Listing([records[i] for i in order], FIELDS, [rows[i] for i in order], COLUMNS, view)


@dataclass(frozen=True, kw_only=True)
class Options:
    """What `summit followups` and `Dataset.followups` select. `due_before`: a date, or the text typed after
    --due-before (checked once the data is read, so that the dataset's own errors come first)."""

    country: str | None = None
    status: str | None = None
    due_before: dt.date | str | None = None


def listing_for(q: Query, options: Options) -> Listing:
    """What the command shows and the API returns (its records)."""
    code = q.resolve_country(options.country) if options.country else None
    due_before = options.due_before
    if not isinstance(due_before, dt.date):
        due_before = parse_date(due_before, "--due-before")
    found = select(q, country=code, status=options.status, due_before=due_before)
    return listing(q, found, one_country=code is not None)


def followups(settings: Settings, options: Options, *, fmt: Format) -> None:
    show_listing(settings, listing_for(settings.query(), options), fmt)
