"""`summit countries`: every country in the dataset with its leaders, meeting dates and outcome counts."""

from __future__ import annotations

from summitcli.commands import Settings
from summitcli.output import Column, Format, View, emit_listing
from summitcli.query import Query
from summitcli.views import Listing

COLUMNS = [
    Column("country", "Code", no_wrap=True),
    Column("country_name", "Country"),
    Column("slug", "Name to type"),
    Column("korean", "Korean"),
    Column("leaders", "Counterparts", 5),
    Column("meeting_dates", "Meeting dates", 3),
    Column("meetings", "Meetings"),
    Column("outcomes", "Outcomes"),
]
FIELDS = ["country", "country_name", "slug", "korean", "counterparts", "meeting_dates", "meetings", "outcomes"]


def listing(q: Query) -> Listing:
    from collections import Counter

    from summitcli.countries import country_name, korean_name, slug

    outcomes = Counter(code for o in q.data.outcomes for code in set(o.parties))
    records, rows = [], []
    for code in q.countries:
        # bilateral meetings with the home country, as a brief's key points count them (not dinners or plenaries)
        meetings = [e for e in q.country_events(code) if e.kind == "bilateral" and q.home in e.parties]
        dates = sorted({e.date.isoformat() for e in meetings if e.date})
        people = q.counterparts(code)
        record = {
            "country": code,
            "country_name": country_name(code),
            "slug": slug(country_name(code)),
            "korean": korean_name(code),
            "counterparts": [{"id": p.id, "name": p.name, "title": p.title} for p in people],
            "meeting_dates": dates,
            "meetings": len(meetings),
            "outcomes": outcomes[code],
        }
        records.append(record)
        rows.append({**record, "leaders": [f"{p.name} ({p.title})" if p.title else p.name for p in people]})
    view = View(
        title=q.data.meta.title,
        hidden=("slug",),
        drop=("meeting_dates", "korean"),
        empty="the dataset has no countries",
    )
    return Listing(records, FIELDS, rows, COLUMNS, view)


def countries(settings: Settings, *, fmt: Format) -> None:
    emit_listing(listing(settings.query()), fmt, settings.display)
