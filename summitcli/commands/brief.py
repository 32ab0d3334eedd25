"""`summit brief COUNTRY`: a briefing on the home country and one other, key points first.

The key points (counterparts, the bilateral meetings, the headline outcomes) fit the first screen; then the
outcomes, follow-ups, quotes, context, other encounters, plans that changed, what the country did with others
(set apart: the home country is not a party), and the sources. A person reads a short brief unless `--full`: each
section says what it left out; the records (every machine format) are always whole.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from summitcli import model
from summitcli.commands import Settings
from summitcli.errors import UsageError
from summitcli.output import Format, emit_document
from summitcli.phrases import NOT_REPORTED, clock, day, field_words, figure, length, span, weekday, where, words
from summitcli.query import Query, cited_sources, event_order, label
from summitcli.records import fields
from summitcli.views import Document, Entry, KeyPoint, Line, Section

# Agreements, partnerships and statements come before the rest of the outcomes.
OUTCOME_RANK = {
    "agreement": 0,
    "trade-deal": 0,
    "mou": 0,
    "contract": 0,
    "currency-swap": 0,
    "partnership": 1,
    "joint-statement": 2,
    "declaration": 2,
    "framework": 2,
}
HEADLINES = 3  # outcomes named in the key points
# A brief shows every outcome, follow-up, encounter and plan that changed; of the rest, what a reader needs before
# a meeting. `--full` (and the book, and every machine format) has every record.
QUOTES = 3  # those said at the meeting first
FULL = (
    ", shown with --full"  # how a short brief says where the rest is (the option, whatever else the command line had)
)
FACTS = 4  # about the country itself first; never a fact about the whole week (more than two other countries)


def outcome_order(outcome: model.Outcome) -> tuple[int, bool, str, str]:
    return (
        OUTCOME_RANK.get(outcome.kind, 3),
        outcome.date is None,
        outcome.date.isoformat() if outcome.date else "",
        outcome.id,
    )


def by_date(record: Any) -> tuple[bool, str, str]:
    date = getattr(record, "date", None) or getattr(record, "planned_date", None)
    return (date is None, date.isoformat() if date else "", record.id)


def by_day(record: Any) -> tuple[bool, str]:
    """By date only: records of one day stay in the dataset's order."""
    return by_date(record)[:2]


def followup_order(followup: model.Followup) -> tuple[dt.date, str]:
    """By due date, else the date of the latest status; neither known: last."""
    return (followup.due or followup.status_date or dt.date.max, followup.id)


def _disputes(record: Any) -> list[Line]:
    return [Line(f"Sources differ on {field_words(d.field)}: {d.note}", d.sources, dim=True) for d in record.disputes]


def meeting_line(event: model.Event, home: str | None = None) -> str:
    """Date, time, length, venue and city: each a fact a reader expects, so each says when it is not reported."""
    when = weekday(event.date) if event.date else f"date {NOT_REPORTED}"
    time, span = clock(event), length(event)
    if time or span:
        parts = [when, time or f"time {NOT_REPORTED}", span or f"length {NOT_REPORTED}"]
    else:
        parts = [when, f"time and length {NOT_REPORTED}"]
    return " · ".join([*parts, where(event, home) or f"venue {NOT_REPORTED}"])


def outcome_entry(outcome: model.Outcome, *, with_summary: bool = True) -> Entry:
    # Figures with sources of their own get a line each, for their markers; the rest follow the status.
    own = [f for f in outcome.figures if f.sources]
    status = " · ".join(
        [words(outcome.status), words(outcome.kind), *(figure(f) for f in outcome.figures if f not in own)]
    )
    lines = [Line(status), *(Line(figure(f), f.sources) for f in own)]
    if with_summary and outcome.summary:
        lines.append(Line(outcome.summary, dim=True))
    return Entry(outcome.title, outcome.sources, day(outcome.date), [*lines, *_disputes(outcome)])


def followup_entry(q: Query, followup: model.Followup) -> Entry:
    due = day(followup.due) or followup.due_note or NOT_REPORTED
    parts = [f"as of {day(followup.status_date)}"] if followup.status_date else []
    parts.append(f"due {due}")
    if followup.cadence and followup.cadence != "once":
        parts.append(followup.cadence)
    origin = q.record(followup.origin)
    parts.append(f"from: {label(origin) if origin else followup.origin}")
    lines = [Line(" · ".join(parts), followup.status_sources)]
    if followup.summary:
        lines.append(Line(followup.summary, dim=True))
    return Entry(followup.title, followup.sources, words(followup.status), lines)


def quote_entry(q: Query, quote: model.Quote) -> Entry:
    speaker = q.people.get(quote.speaker)
    who = f"{speaker.name}, {speaker.title}" if speaker and speaker.title else q.person_name(quote.speaker)
    event = q.record(quote.event) if quote.event else None
    said = " · ".join([who, *([event.title] if event else [])])
    return Entry(f"“{quote.text}” — {said}", quote.sources, day(quote.date))


def encounter_entry(event: model.Event, home: str | None = None) -> Entry:
    said = where(event, home)
    return Entry(event.title + (f" · {said}" if said else ""), event.sources, day(event.date))


def plan_entry(plan: model.Plan) -> Entry:
    """What a source said would happen and what did: a plan that changed says both; one kept, that it was."""
    planned = plan.planned
    when_where = ", ".join(p for p in (day(plan.planned_date), plan.planned_place or "") if p)
    if when_where:
        planned += f" ({when_where})"
    if not plan.changed:
        return Entry(f"Planned and held: {planned}", [*plan.sources, *plan.actual_sources])
    return Entry(f"Planned: {planned}", plan.sources, "", [Line(f"What happened: {plan.actual}", plan.actual_sources)])


def first(records: list[Any], preferred: Callable[[Any], bool], limit: int) -> list[Any]:
    """The `limit` records a short brief shows, those `preferred` picks before the rest, in their own order."""
    chosen = {id(r) for r in sorted(records, key=lambda r: not preferred(r))[:limit]}
    return [r for r in records if id(r) in chosen]


def left_out(shown: list[Any], every: list[Any], what: tuple[str, str], more: str = "more ") -> str | None:
    """What a section leaves out of `every` (`and 7 more quotes, shown with --full`, or `1 fact, …` where it
    shows none); `what`: the noun, singular and plural."""
    count = len(every) - len(shown)
    noun = what[count != 1]
    return (f"and {count} {more}{noun}" if shown else f"{count} {noun}") + FULL if count else None


def build(q: Query, code: str, full: bool = True) -> Document:
    """The briefing on `code`; the home country itself is refused (UsageError): a brief is about it and another.

    Its records are always whole; the document a person reads is short unless `full` (see QUOTES, FACTS)."""
    from summitcli.countries import country_name

    home, other = country_name(q.home), country_name(code)
    if code == q.home:
        raise UsageError(
            f"{home} is the home country: the briefings are about it. "
            "Name another country ('summit countries' lists them), or run 'summit home' for its own side."
        )
    people = sorted(q.counterparts(code), key=office_rank)
    events = q.country_events(code)
    meetings = [e for e in events if e.kind == "bilateral" and q.home in e.parties]
    encounters = [e for e in events if e not in meetings and (q.home in e.parties or not e.parties)]
    # What the country did or said with others, at occasions the home country was not part of, is set apart.
    events_apart = [e for e in events if e not in meetings and e not in encounters]
    outcomes = sorted(q.with_country("outcomes", code), key=outcome_order)
    ours = [o for o in outcomes if q.home in o.parties or not o.parties]
    elsewhere = sorted((o for o in outcomes if o not in ours), key=by_date)
    followups = sorted(q.with_country("followups", code), key=followup_order)
    quotes = q.with_country("quotes", code)  # in the dataset's order: a short brief shows the first; then by date
    apart = {e.id for e in events_apart}
    quotes_apart = [x for x in quotes if x.event in apart]
    quotes = [x for x in quotes if x not in quotes_apart]
    facts = q.with_country("facts", code)
    plans = sorted(q.with_country("plans", code), key=by_date)

    key_points = []
    if people:
        key_points.append(
            KeyPoint(
                "Counterpart" if len(people) == 1 else "Counterparts",
                [Line(f"{p.name}, {p.title}" if p.title else p.name, p.sources) for p in people],
            )
        )
    if meetings:
        key_points.append(
            KeyPoint(
                "Meeting" if len(meetings) == 1 else "Meetings",
                [line for e in meetings for line in meeting_lines(e, len(meetings) > 1, q.home)],
            )
        )
    else:
        key_points.append(KeyPoint("Meeting", [Line(f"no bilateral meeting with {home} is recorded", dim=True)]))
    for event in meetings:
        if event.atmosphere:
            key_points.append(KeyPoint("Atmosphere", [Line(event.atmosphere, event.sources)]))
    if ours:
        headlines = [
            Line(f"{o.title}: {words(o.status)}" + "".join(f"; {figure(f)}" for f in o.figures[:1]), o.sources)
            for o in ours[:HEADLINES]
        ]
        if len(ours) > HEADLINES:
            headlines.append(Line(f"and {len(ours) - HEADLINES} more below", dim=True))
        key_points.append(KeyPoint("Outcomes", headlines))

    shown_quotes, shown_facts, shown_plans = quotes, facts, plans
    if not full:
        at_meeting = {e.id for e in meetings}
        shown_quotes = first(quotes, lambda x: x.event in at_meeting, QUOTES)
        about = [f for f in facts if len(set(f.countries) - {q.home}) <= 2 and f.kind != "caption"]
        shown_facts = first(about, lambda f: set(f.countries) <= {code, q.home}, FACTS)
        shown_plans = [p for p in plans if p.changed]
    quotes, shown_quotes, quotes_apart = (sorted(found, key=by_day) for found in (quotes, shown_quotes, quotes_apart))
    sections = [
        Section("outcomes", "Outcomes", [outcome_entry(o) for o in ours]),
        Section("meeting", "The meeting", [meeting_notes(e) for e in meetings if e.notes or e.disputes]),
        Section("followups", "Follow-ups", [followup_entry(q, f) for f in followups]),
        Section(
            "quotes",
            "Quotes",
            [quote_entry(q, quote) for quote in shown_quotes],
            more=left_out(shown_quotes, quotes, ("quote", "quotes")),
        ),
        Section(
            "context",
            "Context",
            [Entry(fact.text, fact.sources) for fact in shown_facts],
            more=left_out(shown_facts, facts, ("fact", "facts")),
        ),
        Section("encounters", "Other encounters", [encounter_entry(e, q.home) for e in encounters]),
        Section(
            "plans",
            "Plans",
            [plan_entry(p) for p in sorted(shown_plans, key=lambda p: not p.changed)],
            more=left_out(shown_plans, plans, ("plan held as planned", "plans held as planned"), more=""),
        ),
        elsewhere_section(q, (home, other), events_apart, elsewhere, quotes_apart, full),
    ]
    sections = [s for s in sections if s.entries or s.more]
    parts: dict[str, list[Any]] = {
        "counterparts": people,
        "meetings": meetings,
        "outcomes": ours,
        "followups": followups,
        "quotes": quotes,
        "context": facts,
        "encounters": encounters,
        "plans": plans,
        "outcomes_elsewhere": elsewhere,
        "events_elsewhere": events_apart,
        "quotes_elsewhere": quotes_apart,
    }
    cited = dict.fromkeys(ref for records in parts.values() for record in records for ref in cited_sources(record))
    records: dict[str, Any] = {"home": q.home, "home_name": home, "country": code, "country_name": other}
    records.update({key: [fields(record) for record in found] for key, found in parts.items()})
    records["sources"] = [fields(source) for ref in cited if (source := q.source(ref)) is not None]
    subtitle = "briefing"
    dates = [d for found in parts.values() for r in found if (d := getattr(r, "date", None))]
    if dates:
        first_day, last_day = min(dates), max(dates)
        subtitle += f" · {span(first_day, last_day)}"
        if first_day.year == last_day.year:  # said once, in the subtitle
            sections = [without_year(section, last_day.year) for section in sections]
    return Document(f"{home} – {other}", subtitle, key_points, sections, q.citations(), records)


def elsewhere_section(
    q: Query,
    names: tuple[str, str],
    events: list[model.Event],
    outcomes: list[model.Outcome],
    quotes: list[model.Quote],
    full: bool,
) -> Section:
    """What the country did or said at occasions the home country was not part of, set apart; a short brief
    only counts them."""
    home, other = names
    if full:
        entries = [
            *(encounter_entry(e, q.home) for e in events),
            *(outcome_entry(o, with_summary=False) for o in outcomes),
            *(quote_entry(q, x) for x in quotes),
        ]
        return Section("elsewhere", f"{other} with others", entries, intro=f"{home} is not a party to these.")
    counts = [(len(events), "event"), (len(outcomes), "outcome"), (len(quotes), "quote")]
    said = [f"{n} {noun}{'' if n == 1 else 's'}" for n, noun in counts if n]
    listed = " and ".join([", ".join(said[:-1]), said[-1]] if len(said) > 1 else said)
    return Section("elsewhere", f"{other} with others", [], more=f"{listed} without {home}{FULL}" if said else None)


def without_year(section: Section, year: int) -> Section:
    """The section with its dates as `29 Oct`: every date of the brief is in `year`, which its subtitle says."""
    return section._replace(entries=[e._replace(lead=e.lead.removesuffix(f" {year}")) for e in section.entries])


def meeting_lines(event: model.Event, titled: bool, home: str | None = None) -> list[Line]:
    """A bilateral meeting in the key points: when, how long and where, then what happened; its notes and the
    sources' disagreements come later, in "The meeting"."""
    lines = [Line((f"{event.title}: " if titled else "") + meeting_line(event, home), event.sources)]
    return [*lines, Line(event.summary, dim=True)] if event.summary else lines


def meeting_notes(event: model.Event) -> Entry:
    return Entry(event.title, (), day(event.date), [*(Line(note) for note in event.notes), *_disputes(event)])


# Heads of state and government first, then ministers and the rest, as protocol lists them.
OFFICES = ("president", "king", "emperor", "crown prince", "prime minister", "premier", "chancellor")


def office_rank(person: model.Person) -> tuple[int, str]:
    title = (person.title or "").casefold()
    rank = next((i for i, office in enumerate(OFFICES) if title.startswith(office)), len(OFFICES))
    return (rank, person.name)


@dataclass(frozen=True, kw_only=True)
class Options:
    """What `summit brief` and `Dataset.brief` ask for: a country's name as typed, and whether a person reads
    every record (`--full`; the records are whole either way)."""

    country: str
    full: bool = False


def document_for(q: Query, options: Options) -> Document:
    """What the command shows and the API returns (its records)."""
    return build(q, q.resolve_country(options.country), options.full)


def brief(settings: Settings, options: Options, *, fmt: Format, show_sources: bool = False) -> None:
    q = settings.query()
    document = document_for(q, options)
    if show_sources:
        from summitcli.commands.sources import emit_cited

        emit_cited(q, [r["id"] for r in document.records["sources"]], fmt, settings.display)
        return
    emit_document(document, fmt, settings.display)


__all__ = ["Options", "brief", "build", "document_for", "event_order"]
