"""`summit brief COUNTRY`: a briefing on the home country and one other, key points first.

The key points (counterparts, the bilateral meetings, the headline outcomes) fit the first screen; then the
outcomes, follow-ups, quotes, context, other encounters, plans that changed, what the country did with others
(set apart: the home country is not a party), and the sources. A person reads a short brief unless `--full`: each
section says what it left out; the records (every machine format) are always whole.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

import msgspec

from summitcli import model
from summitcli.commands import Settings, confidence, disputes, open_items
from summitcli.commands import brief_parties as parties
from summitcli.dates import today
from summitcli.errors import UsageError
from summitcli.output import Format, emit_document
from summitcli.phrases import (
    NOT_REPORTED,
    clock,
    day,
    event_days,
    figure,
    length,
    span,
    undated,
    where,
    words,
)
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
    from summitcli.commands.followups import due_period

    due = due_period(followup)
    return (due.first if due else followup.status_date or dt.date.max, followup.id)


def meeting_line(event: model.Event, home: str | None = None) -> str:
    """Date, time, length, venue and city: each a fact a reader expects, so each says when it is not reported."""
    when = event_days(event) or f"date {NOT_REPORTED}"
    time, span = clock(event), length(event)
    if time or span:
        parts = [when, time or f"time {NOT_REPORTED}", span or f"length {NOT_REPORTED}"]
    else:
        parts = [when, f"time and length {NOT_REPORTED}"]
    return " · ".join([*parts, where(event, home) or f"venue {NOT_REPORTED}"])


def outcome_entry(
    outcome: model.Outcome, sources: Mapping[str, model.Source] | None = None, *, with_summary: bool = True
) -> Entry:
    # Figures with sources of their own get a line each, for their markers and how sure each is; the rest follow
    # the status.
    own = [f for f in outcome.figures if f.sources]
    status = " · ".join(
        [
            words(outcome.status),
            words(outcome.kind),
            *(figure(f) for f in outcome.figures if f not in own),
            *undated(outcome),
        ]
    )
    lines = [Line(status), *(confidence.figure_line(figure(f), f, outcome, sources or {}) for f in own)]
    if with_summary and outcome.summary:
        lines.append(Line(outcome.summary, dim=True))
    return Entry(outcome.title, outcome.sources, day(outcome.date), [*lines, *disputes.lines(outcome)])


def followup_entry(q: Query, followup: model.Followup, now: dt.date | None = None) -> Entry:
    """A follow-up as a brief reads it; "overdue" after its due date when its whole due period is past `now`
    (default: the day it runs), in the words of the brief's open items and the `followups` table."""
    from summitcli.commands.followups import due_words, is_overdue

    due = due_words(followup) or NOT_REPORTED
    parts = [f"as of {day(followup.status_date)}"] if followup.status_date else []
    parts.append(f"due {due}")
    if is_overdue(followup, today(now)):
        parts.append("overdue")
    if followup.cadence and followup.cadence != "once":
        parts.append(followup.cadence)
    origin = q.record(followup.origin)
    # the status's sources mark the status line; where it comes from is a line of its own (no marker of its own)
    lines = [
        Line(" · ".join(parts), followup.status_sources),
        Line(f"from: {label(origin) if origin else followup.origin}"),
    ]
    if followup.summary:
        lines.append(Line(followup.summary, dim=True))
    return Entry(followup.title, followup.sources, words(followup.status), lines)


def quote_entry(q: Query, quote: model.Quote) -> Entry:
    speaker = q.people.get(quote.speaker)
    who = f"{speaker.name}, {speaker.title}" if speaker and speaker.title else q.person_name(quote.speaker)
    event = q.record(quote.event) if quote.event else None
    said = " · ".join([who, *([event.title] if event else []), *undated(quote)])
    return Entry(f"“{quote.text}” — {said}", quote.sources, day(quote.date))


def encounter_entry(event: model.Event, home: str | None = None) -> Entry:
    """One line for an occasion, and a line for each thing its sources differ on."""
    head = " · ".join([event.title, *([said] if (said := where(event, home)) else []), *undated(event)])
    return Entry(head, event.sources, day(event.date), disputes.lines(event))


def plan_entry(plan: model.Plan) -> Entry:
    """What a source said would happen and what did: a plan that changed says both; one kept, that it was."""
    planned = plan.planned
    when_where = ", ".join(p for p in (day(plan.planned_date), plan.planned_place or "") if p)
    if when_where:
        planned += f" ({when_where})"
    if plan.kind == "expectation":
        return Entry(
            f"Expected: {planned}", plan.sources, "", [Line(f"What happened: {plan.actual}", plan.actual_sources)]
        )
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


class Found(NamedTuple):
    """The records a brief on one country is made of, chosen once; each section reads its own."""

    q: Query
    code: str
    names: tuple[str, str]  # the home country's name, the other's
    people: list[model.Person]  # the counterparts met in a bilateral setting, by protocol
    also_met: list[parties.AlsoMet]  # the country's others at occasions with more parties
    meetings: list[model.Event]  # bilateral meetings with the home country
    calls: list[model.Event]  # its telephone and video calls with the home country (among the encounters too)
    encounters: list[model.Event]  # other occasions with the home country (or no parties recorded)
    events_apart: list[model.Event]  # occasions the home country was not part of
    ours: list[model.Outcome]  # outcomes of the home country and this one alone, agreements first
    multilateral: list[model.Outcome]  # those both are party to with others (a grouping, three or more)
    elsewhere: list[model.Outcome]  # the others, by date
    followups: list[model.Followup]
    quotes: list[model.Quote]  # in the dataset's order (a short brief shows the first)
    quotes_apart: list[model.Quote]  # said at occasions the home country was not part of, by date
    facts: list[model.Fact]
    plans: list[model.Plan]

    @property
    def home(self) -> str:
        return self.q.home


def gather(q: Query, code: str, names: tuple[str, str]) -> Found:
    """What the country met, agreed, promised and said, split into the home country's and the rest."""
    meetings, encounters, events_apart = parties.split_events(q, code)
    ours, multilateral, elsewhere = parties.split_outcomes(
        q, code, sorted(q.with_country("outcomes", code), key=outcome_order)
    )
    calls = parties.calls(q, code, encounters)
    people = sorted(parties.counterparts(q, code, [*meetings, *calls]), key=office_rank)
    apart = {e.id for e in events_apart}
    quotes = q.with_country("quotes", code)
    return Found(
        q=q,
        code=code,
        names=names,
        people=people,
        also_met=parties.also_met(q, code, people, encounters),
        meetings=meetings,
        calls=calls,
        encounters=encounters,
        events_apart=events_apart,
        ours=ours,
        multilateral=multilateral,
        elsewhere=sorted(elsewhere, key=by_date),
        followups=sorted(q.with_country("followups", code), key=followup_order),
        quotes=[x for x in quotes if x.event not in apart],
        quotes_apart=sorted((x for x in quotes if x.event in apart), key=by_day),
        facts=q.with_country("facts", code),
        plans=sorted(q.with_country("plans", code), key=by_date),
    )


def key_points(found: Found) -> list[KeyPoint]:
    """The first screen: the counterparts, the meetings (or that there was none), their atmosphere, the headline
    outcomes."""
    people, meetings = found.people, found.meetings
    points = []
    if people:
        lines = [Line(f"{p.name}, {p.title}" if p.title else p.name, p.sources) for p in people]
        points.append(KeyPoint("Counterpart" if len(people) == 1 else "Counterparts", lines))
    if meetings:
        lines = [line for e in meetings for line in meeting_lines(e, len(meetings) > 1, found.q.home)]
        points.append(KeyPoint("Meeting" if len(meetings) == 1 else "Meetings", lines))
    else:
        none = Line(f"no bilateral meeting with {found.names[0]} is recorded", dim=True)
        points.append(KeyPoint("Meeting", [none]))
    points += parties.calls_point(found.calls, lambda e, titled: meeting_lines(e, titled, found.q.home))
    points += [KeyPoint("Atmosphere", [Line(e.atmosphere, e.sources)]) for e in meetings if e.atmosphere]
    if found.ours:
        points.append(KeyPoint("Outcomes", headlines(found.ours, found.q.citations())))
    points += parties.cancelled_point(found.plans)
    return parties.members_point(found.q, found.code) + points + parties.also_met_point(found.also_met)


def headlines(outcomes: list[model.Outcome], sources: Mapping[str, model.Source]) -> list[Line]:
    """The first outcomes with their status and first figure (with how sure it is); how many more follow below."""
    lines = [
        Line(
            f"{o.title}: {words(o.status)}"
            + "".join(
                f"; {figure(f)}{confidence.caveat(confidence.figure_words(f, o, sources))}" for f in o.figures[:1]
            ),
            o.sources,
        )
        for o in outcomes[:HEADLINES]
    ]
    if len(outcomes) > HEADLINES:
        lines.append(Line(f"and {len(outcomes) - HEADLINES} more below", dim=True))
    return lines


def quotes_section(found: Found, full: bool) -> Section:
    """Every quote with `full`; else the first few, those said at the meeting first; by date either way."""
    at_meeting = {e.id for e in found.meetings}
    shown = found.quotes if full else first(found.quotes, lambda x: x.event in at_meeting, QUOTES)
    entries = [quote_entry(found.q, quote) for quote in sorted(shown, key=by_day)]
    return Section("quotes", "Quotes", entries, more=left_out(shown, found.quotes, ("quote", "quotes")))


def context_section(found: Found, full: bool) -> Section:
    """Every fact with `full`; else a few about the country itself first, none about the whole week."""
    shown = found.facts
    if not full:
        home, code = found.home, found.code
        about = [f for f in found.facts if len(set(f.countries) - {home}) <= 2 and f.kind != "caption"]
        shown = first(about, lambda f: set(f.countries) <= {code, home}, FACTS)
    entries = [Entry(fact.text, fact.sources) for fact in shown]
    return Section("context", "Context", entries, more=left_out(shown, found.facts, ("fact", "facts")))


def plans_section(found: Found, full: bool) -> Section:
    """Plans that changed, then (with `full`) those held as planned."""
    shown = found.plans if full else [p for p in found.plans if p.changed]
    entries = [plan_entry(p) for p in sorted(shown, key=lambda p: not p.changed)]
    held = ("plan held as planned", "plans held as planned")
    return Section("plans", "Plans", entries, more=left_out(shown, found.plans, held, more=""))


def sections(found: Found, full: bool, now: dt.date | None = None) -> list[Section]:
    """The sections in reading order, those with nothing to say left out; `now`: the day overdue counts from."""
    q = found.q
    every = [
        Section("outcomes", "Outcomes", [outcome_entry(o, q.citations()) for o in found.ours]),
        parties.multilateral_section(q, found.names, found.multilateral, full),
        Section("meeting", "The meeting", [meeting_notes(e) for e in found.meetings if e.notes or e.disputes]),
        Section("followups", "Follow-ups", [followup_entry(q, f, now) for f in found.followups]),
        quotes_section(found, full),
        context_section(found, full),
        Section("encounters", "Other encounters", [encounter_entry(e, q.home) for e in found.encounters]),
        plans_section(found, full),
        elsewhere_section(q, found.names, found.events_apart, found.elsewhere, found.quotes_apart, full),
    ]
    return [s for s in every if s.entries or s.more]


def parts(found: Found) -> dict[str, list[Any]]:
    """The brief's records by section, as every machine format has them (whole, whatever a person is shown)."""
    return {
        "counterparts": found.people,
        "meetings": found.meetings,
        "outcomes": found.ours,
        **parties.machine_parts(found),
        "followups": found.followups,
        "quotes": sorted(found.quotes, key=by_day),
        "context": found.facts,
        "encounters": found.encounters,
        "plans": found.plans,
        "outcomes_elsewhere": found.elsewhere,
        "events_elsewhere": found.events_apart,
        "quotes_elsewhere": found.quotes_apart,
    }


def machine_records(found: Found, every: dict[str, list[Any]]) -> dict[str, Any]:
    """What `--format json` writes: the countries, each section's records, and every source they cite."""
    q = found.q
    home = found.names[0]
    records: dict[str, Any] = {
        "home": q.home,
        "home_name": home,
        "country": found.code,
        "country_name": q.parties.name(found.code),  # the ISO name, as in every command's records
    }
    sources = q.citations()
    records.update({key: [confidence.record_fields(r, sources) for r in part] for key, part in every.items()})
    cited = dict.fromkeys(ref for part in every.values() for record in part for ref in cited_sources(record))
    records["sources"] = [fields(source) for ref in cited if (source := q.source(ref)) is not None]
    return records


def dated(every: dict[str, list[Any]], shown: list[Section]) -> tuple[str, list[Section]]:
    """The subtitle, with the dates the brief covers; when they fall in one year, the sections without it."""
    dates = [d for part in every.values() for r in part for d in (*days_of(r), last_day_of(r)) if d]
    if not dates:
        return "briefing", shown
    first_day, last_day = min(dates), max(dates)
    if first_day.year == last_day.year:  # said once, in the subtitle
        shown = [without_year(section, last_day.year) for section in shown]
    return f"briefing · {span(first_day, last_day)}", shown


def days_of(record: Any) -> tuple[dt.date | None, ...]:
    """The days a record is dated by: its own; a meeting that did not take place, the day it was planned for (the
    timeline and the calendar show it there as cancelled)."""
    cancelled = isinstance(record, model.Plan) and record.did_not_happen
    return (getattr(record, "date", None), record.planned_date if cancelled else None)


def last_day_of(record: Any) -> dt.date | None:
    """The last day of an event over several days (None for the rest)."""
    return getattr(record, "end_date", None)


def heading_name(q: Query, code: str) -> str:
    """The counterpart as the brief names it: a country no record names as a party, covered only as a member of a
    grouping, as that grouping names it (APEC's `Hong Kong, China`); any other country by its own name, whatever a
    grouping calls it elsewhere (Taiwan stays Taiwan, not APEC's `Chinese Taipei`)."""
    from summitcli.countries import country_name

    return country_name(code) if code in q.countries else q.parties.own_name(code)


def build(q: Query, code: str, full: bool = True, as_of: dt.date | None = None) -> Document:
    """The briefing on `code`; the home country itself is refused (UsageError): a brief is about it and another.

    Its records are always whole; the document a person reads is short unless `full` (see QUOTES, FACTS).
    `as_of`: the day that counts as today for its open items (default: the day it runs)."""
    from summitcli.countries import country_name

    home, other = country_name(q.home), heading_name(q, code)
    if code == q.home:
        raise UsageError(
            f"{home} is the home country: the briefings are about it. "
            "Name another country ('summit countries' lists them), or run 'summit home' for its own side."
        )
    found = gather(q, code, (home, other))
    every = parts(found)
    subtitle, shown = dated(every, sections(found, full, as_of))
    records = machine_records(found, every)
    open_now = open_items.section(q, found.followups, found.ours, as_of)  # right after the key points
    shown = [open_now, *shown] if open_now.entries else shown
    records["open_items"] = open_items.records(q, found.followups, found.ours, as_of)
    return confidence.mark(Document(f"{home} – {other}", subtitle, key_points(found), shown, q.citations(), records))


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
            *(outcome_entry(o, q.citations(), with_summary=False) for o in outcomes),
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
    if differ := disputes.on(event):
        lines.append(Line(f"{differ[0].upper()}{differ[1:]}: see The meeting", dim=True))
    return [*lines, Line(event.summary, dim=True)] if event.summary else lines


def meeting_notes(event: model.Event) -> Entry:
    return Entry(event.title, (), day(event.date), [*(Line(note) for note in event.notes), *disputes.lines(event)])


# Heads of state and government first, then ministers and the rest, as protocol lists them.
OFFICES = ("president", "king", "emperor", "crown prince", "prime minister", "premier", "chancellor")


def office_rank(person: model.Person) -> tuple[int, str]:
    title = (person.title or "").casefold()
    rank = next((i for i, office in enumerate(OFFICES) if title.startswith(office)), len(OFFICES))
    return (rank, person.name)


class Options(msgspec.Struct, frozen=True, kw_only=True):
    """What `summit brief` and `Dataset.brief` ask for: a country's name as typed, and whether a person reads
    every record (`--full`; the records are whole either way)."""

    country: str
    full: bool = False
    since: str | None = None  # a git revision or date: what changed since then is said and marked (the CLI only)
    as_of: dt.date | str | None = None


def document_for(q: Query, options: Options) -> Document:
    """What the command shows and the API returns (its records)."""
    from summitcli.dates import read_day

    code = q.resolve_country(options.country)
    return build(q, code, options.full, read_day(options.as_of, "--as-of"))


def brief(settings: Settings, options: Options, *, fmt: Format, show_sources: bool = False) -> None:
    q = settings.query()
    document = document_for(q, options)
    if options.since:
        from summitcli.brief_changes import with_changes
        from summitcli.dates import pinned_revision, read_day

        since = pinned_revision(options.since, read_day(options.as_of, "--as-of"))  # -7d counts from --as-of
        document = with_changes(settings, q, document, q.resolve_country(options.country), since or options.since)
    if show_sources:
        from summitcli.commands.sources import emit_cited

        emit_cited(q, [r["id"] for r in document.records["sources"]], fmt, settings.display)
        return
    emit_document(document, fmt, settings.display)


__all__ = ["Options", "brief", "build", "document_for", "event_order"]
