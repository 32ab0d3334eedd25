"""Where an event goes in its day, as the sources place it: at its reported time; else in the part of the day they
give ("Held in the morning", "on the evening of 27 Oct"; a dinner or banquet is in the evening); else nowhere:
those the agenda lists under "time not reported", after the day's morning and afternoon and before its evening
(`in_day` says why)."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from summitcli.phrases import hours

PARTS = {"morning": "06:00", "afternoon": "12:00", "evening": "18:00"}  # where each part of the day begins
EVENING_KINDS = ("dinner", "banquet")
SAID = re.compile(
    r"\b(?:held|began|started|met|took place|left|departed|arrived|returned)\b[^.;]{0,30}?"
    r"\b(?:in|on|during) the (morning|afternoon|evening)\b",
    re.IGNORECASE,
)


class Placing(NamedTuple):
    """An event's place in its day (`in_day` orders them): `unplaced`, or at `at` (HH:MM); `lead` is what the
    agenda shows beside it (`14:39–16:06`, `morning`, or nothing)."""

    unplaced: bool
    at: str
    lead: str


def part_of_day(event: Any) -> str | None:
    """The part of the day the sources give for an event with no reported time: its summary's own words, else the
    evening for a dinner or banquet; None when they give none."""
    said = SAID.search(getattr(event, "summary", None) or "")
    if said:
        return said.group(1).lower()
    return "evening" if getattr(event, "kind", None) in EVENING_KINDS else None


def placing(event: Any) -> Placing:
    """Where an event (or a cancelled plan: no time) goes in its day."""
    start = getattr(event, "start", None)
    if start:
        return Placing(False, start, hours(start, getattr(event, "end", None)))
    part = part_of_day(event)
    if part:
        return Placing(False, PARTS[part], part)
    return Placing(True, "", "")


def in_day(where: Placing) -> tuple[int, str]:
    """Where an agenda item reads in its day: what the sources place before the evening by its time (the morning,
    10:00, the afternoon), then what they do not place, then the evening (a time from 18:00, "evening").

    Why there: an event the sources give no time for happened some time that day. Listed after the evening, it
    reads as later than an evening return or a state banquet; listed first, as earlier than a morning departure.
    What sources leave untimed is mostly a day's meetings, and what they place in the evening the dinners,
    banquets and returns that end it: between the two, a day reads as it went. The agenda says "time not
    reported" above them, so that no order is claimed for them."""
    if where.unplaced:
        return (1, "")
    return (2 if where.at >= PARTS["evening"] else 0, where.at)
