"""`summit matrix`: a country-by-topic grid: how many records (meetings, outcomes, follow-ups, quotes, facts)
link each country to each topic."""

from __future__ import annotations

from typing import Any

from summitcli.commands import Settings
from summitcli.output import ColorMode, Column, Format, View, emit_listing
from summitcli.output.pager import show
from summitcli.query import Query
from summitcli.views import Listing

CODE_WIDTH = 2  # an ISO code heads each country's column
TOPIC_WIDTH = 24  # topic names wrap beyond this when the window is narrow
TOPIC_MIN = 18  # the narrowest the topic column gets to keep every country in one table
GAP = 3


def columns_for(q: Query) -> list[Column]:
    return [
        Column("country", "Code"),
        Column("country_name", "Country", no_wrap=True),
        *(Column(topic.id, topic.name) for topic in q.topics.values()),
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
        {"country": code, "country_name": country_name(code), **counts[code], "total": len(linked[code])}
        for code in q.countries
    ]


def screen_grid(q: Query, rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[Column]]:
    """The same counts turned for a terminal: topics down, countries (ISO codes) across, so the grid fits the
    window; pipes keep one row per country."""
    rows_out = [{"topic": t.name, **{row["country"]: row[t.id] for row in rows}} for t in q.topics.values()]
    return rows_out, [Column("topic", "Topic", 3), *(Column(row["country"], row["country"]) for row in rows)]


def screen_text(q: Query, rows: list[dict[str, Any]], color: ColorMode) -> str:
    """The turned grid, in as many tables as the window needs, each repeating the topic column."""
    from summitcli.output.terminal import table_text, terminal_width

    grid, columns = screen_grid(q, rows)
    legend = ", ".join(f"{row['country']} {row['country_name']}" for row in rows)
    title = f"{q.data.meta.title} · records per topic and country ({legend})"
    topic, codes = columns[0], columns[1:]
    width = terminal_width()
    if width - len(codes) * (CODE_WIDTH + GAP) >= TOPIC_MIN:
        per_table = max(len(codes), 1)  # one table, the topic names wrapped in what is left
    else:
        room = width - min(max((len(str(r["topic"])) for r in grid), default=5), TOPIC_WIDTH) - GAP
        per_table = max(room // (CODE_WIDTH + GAP), 1)
    parts = []
    for n, start in enumerate(range(0, max(len(codes), 1), per_table)):
        view = View(title=title if n == 0 else None, heat=True, empty="the dataset has no countries")
        parts.append(table_text(grid, [topic, *codes[start : start + per_table]], view, color))
    return "\n".join(parts)


def listing(q: Query) -> Listing:
    """Records: a country's code and name and its count per topic. The table a person reads in a pipe or a page
    is one row per country; `screen_grid` turns it for a terminal."""
    rows = rows_for(q)
    fields = ["country", "country_name", *q.topics, "total"]
    return Listing(rows, fields, rows, columns_for(q), View(plain_header=True, empty="the dataset has no countries"))


def matrix(settings: Settings, *, fmt: Format) -> None:
    from summitcli.output import resolve

    q = settings.query()
    found = listing(q)
    if resolve(fmt) is Format.table:
        show(screen_text(q, list(found.rows), settings.display.color), pager=settings.display.pager)
        return
    emit_listing(found, fmt, settings.display)
