"""`summit countries`: every country in the dataset with its leaders, meeting dates and outcome counts, and its
name in the home country's language (a column named after that language: `Korean` for KR, `Japanese` for JP; none
where the home country's language is English)."""

from __future__ import annotations

from typing import Any

from summitcli.commands import Settings, show_listing
from summitcli.model import MEETING_KINDS
from summitcli.output import Column, Format, View
from summitcli.query import Query
from summitcli.views import Listing

FIELDS = ["country", "country_name", "slug", "counterparts", "meeting_dates", "meetings", "outcomes"]


def columns(local: str | None) -> list[Column]:
    """The table's columns; `local`: the field of the names in the home country's language, if any."""
    named = [Column(local, local.replace("_", " ").capitalize())] if local else []
    return [
        Column("country", "Code", no_wrap=True),
        Column("country_name", "Country"),
        Column("slug", "Name to type"),
        *named,
        Column("leaders", "Counterparts", 5),
        Column("meeting_dates", "Meeting dates", 3),
        Column("meetings", "Meetings"),
        Column("outcomes", "Outcomes"),
    ]


def home_language_field(home: str) -> tuple[str, str] | None:
    """(CLDR language code, field name) of the home country's language: (`ja`, `japanese`), (`ko`, `korean`);
    None where that language is English."""
    from summitcli.countries import home_language, language_name

    language = home_language(home)
    if language is None:
        return None
    return language, "_".join(language_name(language).casefold().split())


def record(q: Query, code: str, local: tuple[str, str] | None, outcomes: int) -> dict[str, Any]:
    """One country's record: codes and names (with its name in the home country's language), counterparts, the
    dates of bilateral meetings with the home country, as a brief's key points count them (not dinners, plenaries
    or calls), and its outcome count."""
    from summitcli.commands.brief import office_rank  # counterparts in the brief's order: heads of state first
    from summitcli.countries import country_name, local_name, slug

    meetings = [e for e in q.country_events(code) if e.kind in MEETING_KINDS and q.home in e.parties]
    return {
        "country": code,
        "country_name": country_name(code),
        "slug": slug(country_name(code)),
        **({local[1]: local_name(code, local[0])} if local else {}),
        "counterparts": [
            {"id": p.id, "name": p.name, "title": p.title} for p in sorted(q.counterparts(code), key=office_rank)
        ],
        "meeting_dates": sorted({e.date.isoformat() for e in meetings if e.date}),
        "meetings": len(meetings),
        "outcomes": outcomes,
    }


def listing(q: Query) -> Listing:
    from collections import Counter

    local = home_language_field(q.home)
    outcomes = Counter(code for o in q.data.outcomes for code in set(o.parties))
    records = [record(q, code, local, outcomes[code]) for code in q.countries]
    rows = [
        {
            **found,
            "leaders": [f"{p['name']} ({p['title']})" if p["title"] else p["name"] for p in found["counterparts"]],
        }
        for found in records
    ]
    view = View(
        title=q.data.meta.title,
        hidden=("slug",),
        drop=(*(local[1:] if local else ()), "meeting_dates"),  # the least used first
        empty="the dataset has no countries",
    )
    fields = [*FIELDS[:3], local[1], *FIELDS[3:]] if local else FIELDS
    return Listing(records, fields, rows, columns(local[1] if local else None), view)


def countries(settings: Settings, *, fmt: Format) -> None:
    show_listing(settings, listing(settings.query()), fmt)
