"""`summit show ID`: any record by its id (an id `summit search` prints): an event, outcome, quote, fact,
follow-up, plan or grouping as a document, key facts first (kind, date, status, parties by name, place), then its
text in the brief's own entries (figures with how sure each is, where sources differ), what it links to (the
follow-ups it led to, the record a follow-up came from, what happened at an event) and its sources. A person or
a source opens as `summit people` and `summit sources` open them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import msgspec

from summitcli import model
from summitcli.commands import Settings, confidence, disputes
from summitcli.errors import UsageError
from summitcli.output import Format, emit_document
from summitcli.phrases import NOT_REPORTED, day, words
from summitcli.query import Query, cited_sources, did_you_mean, label
from summitcli.views import Document, Entry, KeyPoint, Line, Section

KIND_OF: dict[type, str] = {struct: model.KINDS[name] for name, struct in model.RECORD_TYPES.items()}
KIND_WORDS = {"followup": "follow-up"}


def ids(q: Query) -> Iterator[str]:
    """Every id the dataset has, records first, then groupings, people and sources (for "did you mean")."""
    for _, record in q.fact_records():
        yield record.id
    yield from q.parties.groupings
    yield from q.topics
    yield from q.people
    yield from q.sources


def find(q: Query, rid: str) -> Any:
    """The record with id `rid`; UsageError (exit 2) with the closest ids when none has it."""
    record = (
        q.record(rid) or q.parties.groupings.get(rid) or q.topics.get(rid) or q.people.get(rid) or q.sources.get(rid)
    )
    if record is None:
        raise UsageError(f"no record has the id '{rid}'.{did_you_mean(rid, ids(q))} Run 'summit search WORDS'.")
    return record


def _names(q: Query, parties: list[str]) -> str:
    """Parties by name; with a grouping or more than two, how many (`APEC (21 members)`, `3 parties: …`), as a
    brief marks a multilateral record."""
    if len(parties) > 2 or any(p in q.parties.groupings for p in parties):
        return q.parties.described(parties)
    return ", ".join(q.parties.name(p) for p in parties)


def _common(q: Query, record: Any, kind: str) -> list[KeyPoint]:
    """Kind, date and parties (countries), those the record has."""
    own_kind = getattr(record, "kind", None)
    points = [KeyPoint("Kind", [Line(words(own_kind) if own_kind else KIND_WORDS.get(kind, kind))])]
    date = getattr(record, "date", None) or getattr(record, "planned_date", None)
    if date or kind in ("event", "outcome", "quote"):
        points.append(KeyPoint("Date", [Line(day(date) or NOT_REPORTED)]))
    parties = getattr(record, "parties", None) or getattr(record, "countries", None)
    if parties:
        points.append(KeyPoint("Parties" if hasattr(record, "parties") else "Countries", [Line(_names(q, parties))]))
    return points


HEADINGS = {
    "agreed_at": "Agreed at",
    "said_at": "Said at",
    "origin": "From",
    "events": "Events",
    "outcomes": "Outcomes",
    "quotes": "Quotes",
    "followups": "Follow-ups",
}
Parts = tuple[list[KeyPoint], list[Section], dict[str, list[Any]]]  # key points, own sections, linked records


def _one(q: Query, rid: str | None) -> list[Any]:
    """The record `rid` points at (an outcome's event, a follow-up's origin), if the dataset has it."""
    linked = q.record(rid) if rid else None
    return [linked] if linked else []


def _entry(q: Query, record: Any) -> Entry:
    """A record as a brief shows it, in the brief's own entries."""
    from summitcli.commands import brief

    if isinstance(record, model.Outcome):
        return brief.outcome_entry(record, q.citations())
    if isinstance(record, model.Followup):
        return brief.followup_entry(q, record)
    if isinstance(record, model.Quote):
        return brief.quote_entry(q, record)
    if isinstance(record, model.Plan):
        return brief.plan_entry(record)
    if isinstance(record, model.Event):
        return brief.encounter_entry(record, q.home)
    return Entry(label(record), getattr(record, "sources", []))


def _naming(q: Query, field: str, rid: str) -> dict[str, list[Any]]:
    """The events, outcomes and follow-ups whose `field` (parties, topics) names `rid`."""
    return {
        "events": [e for e in q.data.events if rid in getattr(e, field)],
        "outcomes": [o for o in q.data.outcomes if rid in getattr(o, field)],
        "followups": [f for f in q.data.followups if rid in getattr(f, field)],
    }


def _following(q: Query, rid: str) -> list[model.Followup]:
    return [f for f in q.data.followups if f.origin == rid]


def _participants(q: Query, event: model.Event) -> list[KeyPoint]:
    people = [q.people[p] for p in event.participants if p in q.people]
    said = [Line(f"{p.name}, {p.title}" if p.title else p.name, p.sources) for p in people]
    return [KeyPoint("Participants", said)] if said else []


def event_parts(q: Query, event: model.Event) -> Parts:
    from summitcli.commands import brief

    common = _common(q, event, "event")
    points = [common[0], KeyPoint("When and where", [Line(brief.meeting_line(event, q.home), event.sources)])]
    points += common[2:] + _participants(q, event)
    if event.atmosphere:
        points.append(KeyPoint("Atmosphere", [Line(event.atmosphere, event.sources)]))
    notes = [Line(event.summary, event.sources)] if event.summary else []
    notes += [Line(note) for note in event.notes] + disputes.lines(event)
    sections = [Section("notes", "The event", [Entry(event.title, (), day(event.date), notes)])] if notes else []
    linked: dict[str, list[Any]] = {
        "outcomes": [o for o in q.data.outcomes if o.event == event.id],
        "quotes": [x for x in q.data.quotes if x.event == event.id],
        "followups": _following(q, event.id),
    }
    return points, sections, linked


def outcome_parts(q: Query, outcome: model.Outcome) -> Parts:
    points = _common(q, outcome, "outcome")
    points.insert(2, KeyPoint("Status", [Line(words(outcome.status), outcome.sources)]))
    linked = {"agreed_at": _one(q, outcome.event), "followups": _following(q, outcome.id)}
    return points, [Section("outcome", "Outcome", [_entry(q, outcome)])], linked


def followup_parts(q: Query, followup: model.Followup) -> Parts:
    from summitcli.commands.followups import due_words, is_overdue
    from summitcli.dates import today

    points = _common(q, followup, "followup")
    status = words(followup.status) + (f" as of {day(followup.status_date)}" if followup.status_date else "")
    points.insert(1, KeyPoint("Status", [Line(status, followup.status_sources)]))
    due = (due_words(followup) or NOT_REPORTED) + (" · overdue" if is_overdue(followup, today(None)) else "")
    points.insert(2, KeyPoint("Due", [Line(due)]))
    sections = [Section("followup", "Follow-up", [_entry(q, followup)])]
    return points, sections, {"origin": _one(q, followup.origin)}


def quote_parts(q: Query, quote: model.Quote) -> Parts:
    speaker = q.people.get(quote.speaker)
    who = f"{speaker.name}, {speaker.title}" if speaker and speaker.title else q.person_name(quote.speaker)
    points = [KeyPoint("Speaker", [Line(who)]), *_common(q, quote, "quote")]
    return points, [Section("quote", "Quote", [_entry(q, quote)])], {"said_at": _one(q, quote.event)}


def _members(grouping: model.Grouping, names: list[str]) -> str:
    """How many members a grouping has and those the sources name, saying when they name only some."""
    named = ", ".join(names) or NOT_REPORTED
    count = grouping.member_count
    if count and count > len(names):
        return f"{count} members; the sources name {len(names)}: {named}"
    return f"{count} members: {named}" if count else f"{named} (as far as the sources name them)"


def grouping_parts(q: Query, grouping: model.Grouping) -> Parts:
    """A grouping: its members, then the events, outcomes and follow-ups it is a party to."""
    members = [grouping.member_names.get(m) or q.parties.name(m) for m in grouping.members]
    points = [KeyPoint("Kind", [Line("grouping")])]
    if grouping.aliases:
        points.append(KeyPoint("Also called", [Line(", ".join(grouping.aliases))]))
    points.append(KeyPoint("Members", [Line(_members(grouping, members), grouping.sources)]))
    return points, [], _naming(q, "parties", grouping.id)


def topic_parts(q: Query, topic: model.Topic) -> Parts:
    """A topic: what it covers, then its events, outcomes and follow-ups."""
    points = [KeyPoint("Kind", [Line("topic")])]
    if topic.description:
        points.append(KeyPoint("Covers", [Line(topic.description)]))
    return points, [], _naming(q, "topics", topic.id)


def record_parts(q: Query, record: Any, kind: str) -> Parts:
    """A record of any other kind (a fact, a plan, a kind added to the model): kind, date and parties, then the
    record as a brief shows it."""
    heading = KIND_WORDS.get(kind, kind).capitalize()
    return _common(q, record, kind), [Section(kind, heading, [_entry(q, record)])], {}


# The kinds shown with more than `record_parts` gives: what they link to, their status, their members.
BUILDERS: dict[str, Callable[[Query, Any], Parts]] = {
    "event": event_parts,
    "outcome": outcome_parts,
    "followup": followup_parts,
    "quote": quote_parts,
    "grouping": grouping_parts,
    "topic": topic_parts,
}


def machine_records(q: Query, kind: str, record: Any, linked: dict[str, list[Any]]) -> dict[str, Any]:
    """What machine formats write: the kind, the record's own typed fields, each linked list whole, and every
    source they cite."""
    from summitcli.records import fields

    sources = q.citations()
    out: dict[str, Any] = {"kind": kind, kind: confidence.record_fields(record, sources)}
    out.update({key: [confidence.record_fields(r, sources) for r in found] for key, found in linked.items()})
    every = [record, *(r for found in linked.values() for r in found)]
    cited = dict.fromkeys(ref for r in every for ref in cited_sources(r))
    out["sources"] = [fields(s) for ref in cited if (s := q.source(ref)) is not None]
    return out


def _title(q: Query, record: Any, kind: str) -> str:
    """What names the record: its title or name; a quote its speaker; a fact (whose text is its section) the
    countries it is about."""
    if kind == "quote":
        return q.person_name(record.speaker)
    if kind == "fact":
        return "Fact" + (f" on {_names(q, record.countries)}" if record.countries else "")
    return q.title_of(record)


def build(q: Query, rid: str) -> Document:
    """The document for the record `rid` (UsageError when the dataset has none)."""
    record = find(q, rid)
    if isinstance(record, model.Person):
        from summitcli.commands import people

        return people.document(q, record)
    if isinstance(record, model.Source):
        from summitcli.commands import sources

        return sources.document(q, rid)
    kind = KIND_OF[type(record)]
    builder = BUILDERS.get(kind)
    points, sections, linked = builder(q, record) if builder else record_parts(q, record, kind)
    sections += [Section(k, HEADINGS[k], [_entry(q, r) for r in found]) for k, found in linked.items() if found]
    records = machine_records(q, kind, record, {k: found for k, found in linked.items() if found})
    subtitle = f"{KIND_WORDS.get(kind, kind)} · {rid}"
    document = Document(_title(q, record, kind), subtitle, points, sections, q.citations(), records)
    return confidence.mark(document)


class Options(msgspec.Struct, frozen=True, kw_only=True):
    """What `summit show` opens: the record with this id."""

    record_id: str


def document_for(q: Query, options: Options) -> Document:
    """What the command shows and the API returns (its records)."""
    return build(q, options.record_id)


def show(settings: Settings, options: Options, *, fmt: Format) -> None:
    emit_document(document_for(settings.query(), options), fmt, settings.display)


__all__ = ["Options", "build", "document_for", "show"]
