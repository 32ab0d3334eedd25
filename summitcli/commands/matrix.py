"""`summit matrix`: a country-by-topic grid: how many records (meetings, outcomes, follow-ups, quotes, facts)
link each country to each topic."""

from __future__ import annotations

from typing import Any

from summitcli.commands import load_query
from summitcli.output import Column, Format, View, emit
from summitcli.query import Query


def columns_for(q: Query) -> list[Column]:
    return [
        Column("country", "Country", no_wrap=True),
        Column("code", "Code"),
        *(Column(topic, topic) for topic in q.topics),
        Column("total", "Total"),
    ]


def rows_for(q: Query) -> list[dict[str, Any]]:
    from summitcli.countries import country_name

    counts: dict[str, dict[str, int]] = {code: dict.fromkeys(q.topics, 0) for code in q.countries}
    linked: dict[str, set[str]] = {code: set() for code in q.countries}
    for _, record in q.fact_records():
        topics = getattr(record, "topics", None) or []
        for code in q.countries_of(record):
            if code not in counts:
                continue
            for topic in topics:
                counts[code][topic] += 1
            if topics:
                linked[code].add(record.id)
    return [
        {"country": country_name(code), "code": code, **counts[code], "total": len(linked[code])}
        for code in q.countries
    ]


def screen_grid(q: Query, rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[Column]]:
    """The same counts turned for a terminal: topics down, countries (ISO codes) across, so the grid fits the
    window; pipes keep one row per country."""
    rows_out = [{"topic": t.name, **{row["code"]: row[t.id] for row in rows}} for t in q.topics.values()]
    return rows_out, [Column("topic", "Topic", 3), *(Column(row["code"], row["code"]) for row in rows)]


def matrix(fmt: Format) -> None:
    from summitcli.output import resolve

    q = load_query()
    rows = rows_for(q)
    if resolve(fmt) is Format.table:
        grid, columns = screen_grid(q, rows)
        legend = ", ".join(f"{row['code']} {row['country']}" for row in rows)
        title = f"{q.data.meta.title} · records per topic and country ({legend})"
        emit(grid, columns, fmt, View(title=title, heat=True, empty="the dataset has no countries"))
        return
    emit(rows, columns_for(q), fmt, View(plain_header=True, empty="the dataset has no countries"))
