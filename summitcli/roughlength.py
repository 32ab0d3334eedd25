"""A length the sources give only in words (`about 20 minutes`, `about two hours`, `about 1.5 hours`) as minutes.

The calendar needs an end for a timed event; where no source gives `end` or `duration_minutes`, the first length
named in `duration_note` stands in for it, and the event says that it is approximate. Nothing else is read: a note
naming no length (`17-19 Nov`) gives none.
"""

from __future__ import annotations

import re

NUMBERS = {
    "a": 1.0,
    "an": 1.0,
    "one": 1.0,
    "two": 2.0,
    "three": 3.0,
    "four": 4.0,
    "five": 5.0,
    "six": 6.0,
    "seven": 7.0,
    "eight": 8.0,
    "nine": 9.0,
    "ten": 10.0,
    "twenty": 20.0,
    "thirty": 30.0,
    "forty": 40.0,
    "fifty": 50.0,
    "half an": 0.5,
}
_LENGTH = re.compile(
    r"\b(?P<count>\d+(?:\.\d+)?|half an|an|a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty"
    r"|fifty)\s+(?P<unit>minutes?|mins?|hours?|hrs?)\b",
    re.IGNORECASE,
)


def minutes(note: str | None) -> int | None:
    """The first length `note` names, in whole minutes, or None."""
    if not note:
        return None
    found = _LENGTH.search(note)
    if found is None:
        return None
    count = found["count"].casefold()
    amount = float(count) if count[0].isdigit() else NUMBERS[count]
    total = round(amount * (60 if found["unit"].casefold().startswith("h") else 1))
    return total if 0 < total <= 525_600 else None
