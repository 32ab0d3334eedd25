"""A brief's "Open items (as of DATE)": what is still open with a country, right after the key points.

Pending, planned, in-progress and stalled follow-ups by due date (unknown last), then outcomes not yet in force,
under negotiation or stalled. Each says its status, the day that status was last reported ("as of"), when it is
due and "overdue" when its whole due period is past the brief's "today" (`--as-of`, else the day it runs).

A follow-up that continues an outcome listed here (its `origin`: "entry into force" of an agreement concluded) is
no item of its own: it is a line under that outcome, "follow-up: TITLE · status · due", and the entry stands where
its first follow-up would by due date. Each source marker is said once an entry: a line carries only the markers
its entry has not given yet (the machine records keep every record whole, each with its own sources).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from summitcli import model
from summitcli.commands.confidence import how_sure
from summitcli.commands.followups import OPEN, due_period, due_words, is_overdue
from summitcli.dates import today
from summitcli.phrases import NOT_REPORTED, day, words
from summitcli.query import Query
from summitcli.views import Entry, Line, Section

# Outcomes whose status says they are not (yet) done: concluded but not in force, still negotiated, stalled.
OPEN_OUTCOMES = ("concluded-not-in-force", "negotiations-concluded", "under-negotiation", "stalled", "proposed")


def open_followups(followups: list[model.Followup]) -> list[model.Followup]:
    """The follow-ups still open, by the last day they are due (a month by its last day), unknown last."""

    def key(followup: model.Followup) -> tuple[dt.date, str]:
        due = due_period(followup)
        return (due.last if due else dt.date.max, followup.id)

    return sorted((f for f in followups if f.status in OPEN), key=key)


def reported_on(q: Query, outcome: model.Outcome) -> tuple[dt.date | None, list[str]]:
    """The day an outcome's status was last reported, and by which sources: its latest sources' date, else its own
    date (and its sources)."""
    dated = {ref: s.date for ref in outcome.sources if (s := q.source(ref)) is not None and s.date}
    if not dated:
        return outcome.date, list(outcome.sources)
    latest = max(dated.values())
    return latest, [ref for ref, date in dated.items() if date == latest]


def followup_words(followup: model.Followup, now: dt.date) -> str:
    """`pending · as of 30 Oct 2025 · due not reported`, and `overdue` when its whole due period is past."""
    said = f"as of {day(followup.status_date)}" if followup.status_date else f"status date {NOT_REPORTED}"
    parts = [words(followup.status), said, f"due {due_words(followup) or NOT_REPORTED}"]
    return " · ".join([*parts, "overdue"] if is_overdue(followup, now) else parts)


def followup_entry(followup: model.Followup, now: dt.date) -> Entry:
    refs = followup.status_sources or followup.sources
    return once(Entry(followup.title, followup.sources, "", [Line(followup_words(followup, now), refs)]))


def outcome_entry(q: Query, outcome: model.Outcome, followups: list[model.Followup], now: dt.date) -> Entry:
    """An outcome not yet done; its open follow-ups (what comes next) a line each under it, with their status
    and due date. Alone, it says that no due date is reported (an outcome has none of its own)."""
    when, refs = reported_on(q, outcome)
    said = " · ".join([words(outcome.status), f"as of {day(when)}" if when else f"status date {NOT_REPORTED}"])
    lines = [Line(said if followups else f"{said} · due {NOT_REPORTED}", refs)]
    for followup in followups:
        sources = [*followup.sources, *followup.status_sources]
        lines.append(Line(f"follow-up: {followup.title} · {followup_words(followup, now)}", sources))
    return once(Entry(outcome.title, outcome.sources, "", lines))


def once(entry: Entry) -> Entry:
    """The entry with each source marker said once: a line keeps only the markers the lines above have not."""
    said = set(entry.refs)
    lines = []
    for line in entry.lines:
        lines.append(line._replace(refs=[ref for ref in dict.fromkeys(line.refs) if ref not in said]))
        said.update(line.refs)
    return entry._replace(lines=lines)


def items(
    followups: list[model.Followup], outcomes: list[model.Outcome]
) -> list[tuple[model.Followup | model.Outcome, list[model.Followup]]]:
    """What is open, in the order a reader gets it: the open follow-ups by due date, those that continue an open
    outcome under it (at the place of its first), then the other open outcomes; each with the follow-ups under it."""
    open_outcomes = {o.id: o for o in outcomes if o.status in OPEN_OUTCOMES}
    under: dict[str, list[model.Followup]] = {}
    order: list[model.Followup | model.Outcome] = []
    for followup in open_followups(followups):
        origin = open_outcomes.get(followup.origin)
        if origin is None:
            order.append(followup)
            continue
        if origin.id not in under:
            order.append(origin)
        under.setdefault(origin.id, []).append(followup)
    order += [o for o in open_outcomes.values() if o.id not in under]
    return [(item, under.get(item.id, [])) for item in order]


def section(q: Query, followups: list[model.Followup], outcomes: list[model.Outcome], as_of: dt.date | None) -> Section:
    """The section (empty when nothing is open, so that a brief leaves it out), in the order of `items`."""
    now = today(as_of)
    entries = [
        outcome_entry(q, item, nested, now) if isinstance(item, model.Outcome) else followup_entry(item, now)
        for item, nested in items(followups, outcomes)
    ]
    return Section("open_items", f"Open items (as of {day(now)})", entries)


def records(
    q: Query, followups: list[model.Followup], outcomes: list[model.Outcome], as_of: dt.date | None
) -> list[dict[str, Any]]:
    """The section's records as machine formats write them, in the order a reader gets them (a follow-up that
    continues an open outcome right after it, `origin` naming it): typed fields, dates as dates, `overdue` a
    boolean (None: no due date known), the record's own `sources` and how sure it is (`source_count`,
    `low_confidence`), as every record says, and `status_sources`, those of its latest status."""
    now = today(as_of)
    sources = q.citations()
    found: list[dict[str, Any]] = []
    for item, nested in items(followups, outcomes):
        if isinstance(item, model.Outcome):
            found.append(outcome_record(q, item, now) | how_sure(item, sources))
        for followup in [item] if isinstance(item, model.Followup) else nested:
            found.append(followup_record(followup, now) | how_sure(followup, sources))
    return found


def followup_record(followup: model.Followup, now: dt.date) -> dict[str, Any]:
    due = due_period(followup)
    return {
        "kind": "followup",
        "id": followup.id,
        "title": followup.title,
        "origin": followup.origin,
        "status": followup.status,
        "status_date": followup.status_date,
        "due": followup.due,
        "due_first": due.first if due else None,
        "due_last": due.last if due else None,
        "due_note": followup.due_note,
        "overdue": is_overdue(followup, now),
        "as_of": now,
        "sources": list(followup.sources),
        "status_sources": list(followup.status_sources),
    }


def outcome_record(q: Query, outcome: model.Outcome, now: dt.date) -> dict[str, Any]:
    when, refs = reported_on(q, outcome)
    return {
        "kind": "outcome",
        "id": outcome.id,
        "title": outcome.title,
        "origin": None,
        "status": outcome.status,
        "status_date": when,
        "due": None,
        "due_first": None,
        "due_last": None,
        "due_note": None,
        "overdue": None,
        "as_of": now,
        "sources": list(outcome.sources),
        "status_sources": refs,
    }
