"""`summit agreements [COUNTRY]`: outcomes per country with kind, status, date, parties and figures."""

from __future__ import annotations

from typing import Any

import msgspec

from summitcli import model
from summitcli.commands import Settings, confidence, show_listing
from summitcli.output import Column, Format, View
from summitcli.phrases import figure, words
from summitcli.query import Query, check_topic, check_value
from summitcli.views import Listing

COLUMNS = [
    Column("country", "Code"),
    Column("country_name", "Country"),
    Column("date", "Date", no_wrap=True, expected=True),
    Column("kind", "Kind", shown="kind_words"),
    Column("status", "Status", 2, below="kind_words", shown="status_words"),
    Column("title", "Outcome", 6, below="figures", shown="title_shown"),
    Column("involves_home", "Home a party"),
    Column("parties", "Parties"),
    Column("figures", "Figures", 4),
    Column("id", "Id"),
    Column("sources", "Sources"),
]
FIELDS = [
    "country",
    "country_name",
    "involves_home",
    *model.Outcome.__struct_fields__,
    "source_count",
    "low_confidence",
]


def select(
    q: Query,
    *,
    country: str | None = None,
    status: str | None = None,
    kind: str | None = None,
    topic: str | None = None,
) -> list[tuple[str, model.Outcome]]:
    """(country, outcome) for each other party of each outcome the filters keep; an outcome of the home country
    alone is listed under it. With `country`, that country's outcomes, once each. A filter value no outcome has
    is refused (UsageError)."""
    status = check_value(status, lambda: (o.status for o in q.data.outcomes), "--status", "outcome status")
    kind = check_value(kind, lambda: (o.kind for o in q.data.outcomes), "--kind", "outcome kind")
    topic = check_topic(q, topic)
    found: list[tuple[str, model.Outcome]] = []
    for outcome in q.with_country("outcomes", country) if country else q.data.outcomes:
        if _matches(outcome, status=status, kind=kind, topic=topic):
            found.extend((code, outcome) for code in _listed_under(q, outcome, country))
    return found


def _matches(outcome: model.Outcome, *, status: str | None, kind: str | None, topic: str | None) -> bool:
    """Whether an outcome has the status, kind and topic the filters ask for (a filter not given keeps it)."""
    return not (
        (status and outcome.status != status)
        or (kind and outcome.kind != kind)
        or (topic and topic not in outcome.topics)
    )


def _listed_under(q: Query, outcome: model.Outcome, country: str | None) -> list[str]:
    """The countries an outcome is listed under: `country` if given, else its parties other than home, or home."""
    if country:
        return [country]
    return [c for c in outcome.parties if c != q.home] or [q.home]


def _not_a_party(q: Query, outcome: model.Outcome) -> str:
    """` (South Korea not a party)` for an outcome the home country is not party to, itself or in a grouping."""
    return "" if q.parties.involves(outcome.parties, q.home) else f" ({q.parties.name(q.home)} not a party)"


def listing(q: Query, pairs: list[tuple[str, model.Outcome]], *, one_country: bool) -> Listing:
    country_name = q.parties.name  # a party may be a grouping (APEC)
    pairs = sorted(pairs, key=lambda p: (country_name(p[0]), p[1].date is None, p[1].date or "", p[1].id))
    sources = q.citations()
    records = [
        confidence.record_fields(
            outcome,
            sources,
            country=code,
            country_name=country_name(code),
            involves_home=q.parties.involves(outcome.parties, q.home),
        )
        for code, outcome in pairs
    ]
    rows: list[dict[str, Any]] = [
        {
            "country": code,
            "country_name": country_name(code),
            "date": outcome.date.isoformat() if outcome.date else None,
            "kind": outcome.kind,
            "kind_words": words(outcome.kind),
            "status": outcome.status,
            "status_words": words(outcome.status),
            "title": outcome.title,
            "title_shown": outcome.title + _not_a_party(q, outcome),
            "involves_home": q.parties.involves(outcome.parties, q.home),
            "parties": list(outcome.parties),
            "figures": [
                figure(f) + confidence.caveat(confidence.figure_words(f, outcome, sources)) for f in outcome.figures
            ],
            "id": outcome.id,
            "sources": list(outcome.sources),
        }
        for code, outcome in pairs
    ]
    view = View(
        title=f"{q.data.meta.title} · agreements",
        group_by=None if one_country else "country_name",
        hidden=("id", "sources", "country", "country_name", "parties", "involves_home", "kind"),
        sources=q.citations(),
        empty="no outcomes match these filters",
    )
    return Listing(records, FIELDS, rows, COLUMNS, view)


class Options(msgspec.Struct, frozen=True, kw_only=True):
    """What `summit agreements` and `Dataset.agreements` select: a country's name as typed, and filter values."""

    country: str | None = None
    status: str | None = None
    kind: str | None = None
    topic: str | None = None


def chosen(q: Query, options: Options) -> tuple[str | None, list[tuple[str, model.Outcome]]]:
    """The country's code (None: every country) and the (country, outcome) pairs the options select."""
    code = q.resolve_country(options.country) if options.country else None
    return code, select(q, country=code, status=options.status, kind=options.kind, topic=options.topic)


def listing_for(q: Query, options: Options) -> Listing:
    """What the command shows and the API returns (its records)."""
    code, pairs = chosen(q, options)
    return listing(q, pairs, one_country=code is not None)


def agreements(settings: Settings, options: Options, *, fmt: Format, show_sources: bool = False) -> None:
    q = settings.query()
    if show_sources:
        from summitcli.commands.sources import emit_cited

        _, pairs = chosen(q, options)
        emit_cited(q, [ref for _, outcome in pairs for ref in outcome.sources], fmt, settings.display)
        return
    show_listing(settings, listing_for(q, options), fmt)
