"""Who was in the room, for `summit brief`: bilateral before multilateral.

A brief on a counterpart (a country or a grouping) holds, in its key points and its outcomes, what the home
country agreed with that counterpart alone. An outcome with more parties (a grouping, or three countries or more)
that both are party to is listed apart, under a heading that says so, with its grouping or number of parties. The
counterparts are the people the home country's side met in a bilateral setting; the others of that country whom
it met at an occasion with more parties are "also met … at …".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from summitcli import model
from summitcli.parties import Parties
from summitcli.phrases import day, figure, undated, words
from summitcli.query import Query
from summitcli.views import Entry, KeyPoint, Line, Section

# With a grouping (the Korea–ASEAN summit), a meeting is the summit of the home country and the grouping alone.
MEETING_KINDS = {False: model.MEETING_KINDS, True: (*model.MEETING_KINDS, "summit")}
CALL_KINDS = model.REMOTE_KINDS


def _other_parties(parties: list[str], home: str) -> set[str]:
    return set(parties) - {home}


def is_meeting(event: model.Event, home: str, code: str, parties: Parties) -> bool:
    """A meeting in person of the home country and `code`: a bilateral, or with a grouping, a summit of the two."""
    grouping = code in parties.groupings
    if event.kind not in MEETING_KINDS[grouping] or home not in event.parties:
        return False
    return code in event.parties if not grouping else _other_parties(event.parties, home) == {code}


def calls(q: Query, code: str, encounters: list[model.Event]) -> list[model.Event]:
    """The telephone and video calls of the home country and `code` alone (not meetings in person)."""
    return [e for e in encounters if e.kind in CALL_KINDS and _other_parties(e.parties, q.home) == {code}]


def calls_point(found_calls: list[model.Event], lines_of: Callable[[model.Event, bool], list[Line]]) -> list[KeyPoint]:
    """The calls among the key points, each as `lines_of(call, titled)` gives it (when, how long, `by telephone`)."""
    lines = [line for e in found_calls for line in lines_of(e, len(found_calls) > 1)]
    label = "Video call" if {e.kind for e in found_calls} == {"video"} else "Call"
    return [KeyPoint(label if len(found_calls) == 1 else f"{label}s", lines)] if lines else []


def split_events(q: Query, code: str) -> tuple[list[model.Event], list[model.Event], list[model.Event]]:
    """The counterpart's events: its meetings with the home country, other occasions the home country was part
    of (or with no parties recorded), and those it was not part of (set apart)."""
    parties = q.parties
    events = q.country_events(code)
    meetings = [e for e in events if is_meeting(e, q.home, code, parties)]
    encounters = [e for e in events if e not in meetings and (not e.parties or parties.involves(e.parties, q.home))]
    return meetings, encounters, [e for e in events if e not in meetings and e not in encounters]


def is_multilateral(parties: list[str], groupings: Parties) -> bool:
    """Bound by a grouping, or by three countries or more."""
    return any(p in groupings.groupings for p in parties) or len(set(parties)) > 2


def with_another_grouping(record_parties: list[str], home: str, code: str, parties: Parties) -> bool:
    """The home country's own outcome with a grouping other than `code` (Korea–ASEAN, for Malaysia): no outcome
    of `code`'s, though `code` is a member."""
    others = set(record_parties) - {home}
    return home in record_parties and len(others) == 1 and others != {code} and others <= parties.groupings.keys()


def split_outcomes(
    q: Query, code: str, outcomes: list[model.Outcome]
) -> tuple[list[model.Outcome], list[model.Outcome], list[model.Outcome]]:
    """The home country's outcomes with `code` alone, the multilateral ones both are party to, and the rest (the
    home country not a party). An outcome of `code` with no grouping is bilateral when it has two parties at most."""
    parties = q.parties
    outcomes = [o for o in outcomes if not with_another_grouping(o.parties, q.home, code, parties)]
    shared = [o for o in outcomes if not o.parties or parties.involves(o.parties, q.home)]
    if code in parties.groupings:  # with a grouping: of it and the home country alone
        ours = [o for o in shared if set(o.parties) == {code, q.home}]
    else:
        ours = [o for o in shared if not is_multilateral(o.parties, parties)]
    multilateral = [o for o in shared if o not in ours]
    return ours, multilateral, [o for o in outcomes if o not in shared]


def _belongs(person: model.Person, code: str, q: Query) -> bool:
    """`person` serves `code`: its country, or a grouping they work for (by its id or name)."""
    if person.country:
        return person.country == code
    grouping = q.parties.groupings.get(code)
    return grouping is not None and q.parties.resolve(person.organization or "") == code


def counterparts(q: Query, code: str, meetings: list[model.Event]) -> list[model.Person]:
    """The people of `code` the home country's side met in a bilateral setting."""
    seen: dict[str, model.Person] = {}
    for event in meetings:
        for pid in event.participants:
            person = q.people.get(pid)
            if person and _belongs(person, code, q):
                seen.setdefault(pid, person)
    return list(seen.values())


class AlsoMet(NamedTuple):
    person: model.Person
    events: list[model.Event]


def also_met(q: Query, code: str, people: list[model.Person], encounters: list[model.Event]) -> list[AlsoMet]:
    """The people of `code` present at other occasions with the home country, who are no counterpart."""
    counterpart_ids = {p.id for p in people}
    found: dict[str, AlsoMet] = {}
    for event in encounters:
        for pid in event.participants:
            person = q.people.get(pid)
            if person and pid not in counterpart_ids and _belongs(person, code, q):
                found.setdefault(pid, AlsoMet(person, [])).events.append(event)
    return list(found.values())


def also_met_point(met: list[AlsoMet]) -> list[KeyPoint]:
    """`Also met: Li Qiang, Premier, at ASEAN+3 summit (27 Oct 2025)`: not a bilateral meeting."""
    lines = []
    for person, events in met:
        who = f"{person.name}, {person.title}" if person.title else person.name
        at = "; ".join(e.title + (f" ({day(e.date)})" if e.date else "") for e in events)
        lines.append(Line(f"{who}, at {at}", person.sources))
    return [KeyPoint("Also met", lines)] if lines else []


def multilateral_section(q: Query, names: tuple[str, str], outcomes: list[model.Outcome], full: bool) -> Section:
    """The multilateral outcomes both are party to, each with its grouping or number of parties; a short brief
    gives each one line."""
    home, other = names
    entries = [multilateral_entry(q, o, full) for o in outcomes]
    intro = f"Adopted with other parties: not {home}–{other} outcomes."
    return Section("multilateral", "Multilateral outcomes", entries, intro=intro)


def multilateral_entry(q: Query, outcome: model.Outcome, full: bool) -> Entry:
    """`APEC AI Initiative · APEC · adopted`; with `full`, its kind and figures too."""
    said = " · ".join([outcome.title, q.parties.described(outcome.parties), words(outcome.status), *undated(outcome)])
    if not full:
        return Entry(said, outcome.sources, day(outcome.date))
    details = [words(outcome.kind), *(figure(f) for f in outcome.figures)]
    return Entry(said, outcome.sources, day(outcome.date), [Line(" · ".join(details))])


def cancelled_point(plans: list[model.Plan]) -> list[KeyPoint]:
    """Meetings planned with the counterpart that did not take place, among the key points: `cancelled`."""
    lines = []
    for plan in (p for p in plans if p.did_not_happen):
        where_when = ", ".join(part for part in (day(plan.planned_date), plan.planned_place or "") if part)
        said = plan.planned.rstrip(".")
        lines.append(Line(f"{said} ({where_when}): did not take place", plan.actual_sources))  # under "Cancelled"
    return [KeyPoint("Cancelled", lines)] if lines else []


def groupings_of(q: Query, code: str) -> list[model.Grouping]:
    """The grouping a brief is about (its members and sources are in the key points); none for a country."""
    return [q.parties.groupings[code]] if code in q.parties.groupings else []


def members_point(q: Query, code: str) -> list[KeyPoint]:
    """A grouping's brief says who its members are, as far as the sources name them."""
    grouping = q.parties.groupings.get(code)
    if grouping is None:
        return []
    names = ", ".join(grouping.member_names.get(m) or q.parties.name(m) for m in grouping.members)
    count = f"{grouping.member_count} members; " if grouping.member_count else ""
    return [KeyPoint("Members", [Line(f"{count}the sources name {names}", grouping.sources)])]


def machine_parts(found: Any) -> dict[str, list[Any]]:
    """What a brief's records add: the multilateral outcomes, and the grouping briefed."""
    return {"outcomes_multilateral": found.multilateral, "groupings": groupings_of(found.q, found.code)}
