"""`summit topics [TOPIC]`: the topic vocabulary with counts, or every record filed under one topic."""

from __future__ import annotations

from typing import Any

from summitcli.commands import load_query
from summitcli.output import Column, Format, View, emit
from summitcli.query import Query, check_topic, record_date

LIST_COLUMNS = [
    Column("id", "Topic", no_wrap=True),
    Column("name", "Name", 3),
    Column("countries", "Countries", 6),
    Column("events", "Events"),
    Column("outcomes", "Outcomes"),
    Column("followups", "Follow-ups"),
    Column("quotes", "Quotes"),
    Column("facts", "Facts"),
]
TOPIC_COLUMNS = [
    Column("topic", "Topic"),
    Column("kind", "Kind"),
    Column("date", "Date", no_wrap=True),
    Column("title", "Item", 6),
    Column("status", "Status"),
    Column("countries", "Countries", 3),
    Column("id", "Id"),
    Column("sources", "Sources"),
]
COUNTED = ("event", "outcome", "followup", "quote", "fact")


def _status(kind: str, record: Any) -> str | None:
    """What the Status column says: an event's kind, an outcome's or follow-up's status."""
    if kind == "event":
        return str(record.kind)
    return getattr(record, "status", None)


def list_rows(q: Query) -> list[dict[str, Any]]:
    from summitcli.countries import country_name

    counts = {topic: dict.fromkeys(COUNTED, 0) for topic in q.topics}
    codes: dict[str, set[str]] = {topic: set() for topic in q.topics}
    for kind, record in q.fact_records():
        for topic in getattr(record, "topics", None) or []:
            counts[topic][kind] += 1
            codes[topic].update(q.countries_of(record))
    return [
        {
            "id": topic.id,
            "name": topic.name,
            "countries": sorted(country_name(c) for c in codes[topic.id]),
            "events": counts[topic.id]["event"],
            "outcomes": counts[topic.id]["outcome"],
            "followups": counts[topic.id]["followup"],
            "quotes": counts[topic.id]["quote"],
            "facts": counts[topic.id]["fact"],
        }
        for topic in q.topics.values()
    ]


def topic_rows(q: Query, topic: str) -> list[dict[str, Any]]:
    from summitcli.countries import country_name

    rows = []
    for kind, record in q.fact_records():
        if topic not in (getattr(record, "topics", None) or []):
            continue
        rows.append(
            {
                "topic": topic,
                "kind": kind,
                "date": record_date(record),
                "title": q.title_of(record),
                "status": _status(kind, record),
                "countries": sorted(country_name(c) for c in q.countries_of(record)),
                "id": record.id,
                "sources": list(record.sources),
            }
        )
    order = {kind: i for i, kind in enumerate(COUNTED)}
    rows.sort(key=lambda r: (order[r["kind"]], r["date"] is None, r["date"] or "", r["id"]))
    return rows


def topics(topic: str | None, fmt: Format) -> None:
    q = load_query()
    key = check_topic(q, topic)
    if key is None:
        emit(list_rows(q), LIST_COLUMNS, fmt, View(title=f"{q.data.meta.title} · topics"))
        return
    rows = topic_rows(q, key)
    countries = sorted({c for row in rows for c in row["countries"]})
    view = View(
        title=f"{q.topics[key].name} · countries: {', '.join(countries) or 'none'}",
        group_by="kind",
        hidden=("topic", "id", "sources"),
        sources=q.citations(),
        empty=f"nothing is filed under {key}",
    )
    emit(rows, TOPIC_COLUMNS, fmt, view)
