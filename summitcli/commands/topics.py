"""`summit topics [TOPIC]`: the topic vocabulary with counts, or every record filed under one topic."""

from __future__ import annotations

from typing import Any

import msgspec

from summitcli import model
from summitcli.commands import Settings
from summitcli.output import Column, Format, View, emit_document, emit_listing
from summitcli.phrases import day, words
from summitcli.query import Query, check_topic, record_date, record_day
from summitcli.records import fields
from summitcli.views import Document, Entry, Line, Listing, Section

LIST_COLUMNS = [
    Column("id", "Topic", no_wrap=True),
    Column("name", "Name", 3),
    Column("countries", "Countries", 6, shown="codes"),
    Column("events", "Events"),
    Column("outcomes", "Outcomes"),
    Column("followups", "Follow-ups"),
    Column("quotes", "Quotes"),
    Column("facts", "Facts"),
]
COUNTED = ("event", "outcome", "followup", "quote", "fact")
LIST_FIELDS = [*model.Topic.__struct_fields__, "countries", "events", "outcomes", "followups", "quotes", "facts"]
HEADINGS = {
    "event": "Meetings and events",
    "outcome": "Outcomes",
    "followup": "Follow-ups",
    "quote": "Quotes",
    "fact": "Context",
}


def _status(kind: str, record: Any) -> str | None:
    """What the Status column says: an event's kind, an outcome's or follow-up's status."""
    if kind == "event":
        return str(record.kind)
    return getattr(record, "status", None)


def listing(q: Query) -> Listing:
    counts = {topic: dict.fromkeys(COUNTED, 0) for topic in q.topics}
    codes: dict[str, set[str]] = {topic: set() for topic in q.topics}
    for kind, record in q.fact_records():
        for topic in getattr(record, "topics", None) or []:
            counts[topic][kind] += 1
            codes[topic].update(q.countries_of(record))
    records = [
        fields(topic, countries=sorted(codes[topic.id]), **{f"{kind}s": counts[topic.id][kind] for kind in COUNTED})
        for topic in q.topics.values()
    ]
    rows = [{**record, "codes": " ".join(record["countries"])} for record in records]  # a list, as in every list
    view = View(title=f"{q.data.meta.title} · topics", drop=("countries",), empty="the dataset has no topics")
    return Listing(records, LIST_FIELDS, rows, LIST_COLUMNS, view)


def _filed(q: Query, topic: str) -> dict[str, list[Any]]:
    """Kind -> the records of that kind filed under the topic, dated ones by date, undated ones last."""
    found: dict[str, list[Any]] = {kind: [] for kind in COUNTED}
    for kind, record in q.fact_records():
        if kind in found and topic in (getattr(record, "topics", None) or []):
            found[kind].append(record)
    for records in found.values():
        records.sort(key=lambda r: (record_day(r) is None, record_date(r) or "", r.id))
    return found


def _entry(q: Query, kind: str, record: Any) -> Entry:
    """A record under its kind's heading: its title and day, then its status and countries dimmed."""
    from summitcli.countries import country_name

    status = _status(kind, record)
    names = ", ".join(country_name(c) for c in q.countries_of(record))
    said = " · ".join(part for part in (words(status) if status else "", names) if part)
    return Entry(q.title_of(record), record.sources, day(record_day(record)), [Line(said, dim=True)] if said else [])


def _sections(q: Query, found: dict[str, list[Any]]) -> list[Section]:
    """A section for each kind with records, in the order of `COUNTED`."""
    return [
        Section(f"{kind}s", HEADINGS[kind], [_entry(q, kind, record) for record in records])
        for kind, records in found.items()
        if records
    ]


def document(q: Query, topic: str) -> Document:
    """Every meeting, outcome, follow-up, quote and fact filed under one topic, by kind, in date order."""
    from summitcli.countries import country_name

    found = _filed(q, topic)
    sections = _sections(q, found)
    codes = sorted({c for records in found.values() for r in records for c in q.countries_of(r)}, key=country_name)
    name = q.topics[topic].name
    records_out: dict[str, Any] = {"topic": fields(q.topics[topic]), "countries": codes}
    records_out.update({f"{kind}s": [fields(r) for r in records] for kind, records in found.items()})
    subtitle = "countries: " + (", ".join(country_name(c) for c in codes) or "none")
    return Document(name, subtitle, [], sections, q.citations(), records_out, empty=f"nothing is filed under {topic}")


class Options(msgspec.Struct, frozen=True, kw_only=True):
    """What `summit topics` shows: every topic (None), or one topic's records (its id or name as typed)."""

    topic: str | None = None


def topics(settings: Settings, options: Options, *, fmt: Format) -> None:
    q = settings.query()
    key = check_topic(q, options.topic)
    if key is None:
        emit_listing(listing(q), fmt, settings.display)
        return
    emit_document(document(q, key), fmt, settings.display)
