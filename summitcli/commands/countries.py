"""`summit countries`: every country in the dataset with its leaders, meeting dates and outcome counts."""

from __future__ import annotations

from typing import Any

from summitcli.commands import load_query
from summitcli.output import Column, Format, View, emit
from summitcli.query import Query

COLUMNS = [
    Column("code", "Code", no_wrap=True),
    Column("name", "Country"),
    Column("slug", "Name to type"),
    Column("korean", "Korean"),
    Column("leaders", "Counterparts", 5),
    Column("meeting_dates", "Meeting dates", 4),
    Column("meetings", "Meetings"),
    Column("outcomes", "Outcomes"),
]


def rows_for(q: Query) -> list[dict[str, Any]]:
    from summitcli.countries import country_name, korean_name, slug

    rows = []
    for code in q.countries:
        meetings = [e for e in q.country_events(code) if q.home in e.parties]
        dates = sorted({e.date.isoformat() for e in meetings if e.date})
        rows.append(
            {
                "code": code,
                "name": country_name(code),
                "slug": slug(country_name(code)),
                "korean": korean_name(code),
                "leaders": [f"{p.name} ({p.title})" if p.title else p.name for p in q.counterparts(code)],
                "meeting_dates": dates,
                "meetings": len(meetings),
                "outcomes": sum(code in o.parties for o in q.data.outcomes),
            }
        )
    return rows


def countries(fmt: Format) -> None:
    q = load_query()
    emit(rows_for(q), COLUMNS, fmt, View(title=q.data.meta.title))
