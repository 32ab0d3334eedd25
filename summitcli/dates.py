"""Dates in one place: "today", dates as people type them, and dates only as precise as the sources.

A date option takes an ISO day (`2025-11-17`), month (`2025-11`), quarter (`2025-Q4`) or year (`2025`), `today`,
`yesterday`, `tomorrow`, a number of days, weeks, months or years before or after today (`-7d`, `+30d`, `2w`), or
a weekday name (`monday`: the latest one, today included; `next monday`, `last monday`). "Today" is the day the
command runs, or its `--as-of` day. A due date in the data may be a day, month, quarter or year: a `Period`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal, NamedTuple

from summitcli.errors import UsageError

Precision = Literal["day", "month", "quarter", "year"]
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
FORMS = (
    "YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY, today, yesterday, tomorrow, -7d or +30d (d, w, m, y), "
    "or a weekday (monday, last friday, next friday)"
)
PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-[Qq]([1-4]))?$")
OFFSET = re.compile(r"^([+-]?)(\d{1,5})\s*([dwmy])$")
RELATIVE = {"today": 0, "yesterday": -1, "tomorrow": 1}


def today(as_of: dt.date | None = None) -> dt.date:
    """The day the command speaks for: `as_of` (its `--as-of`), else the day it runs."""
    return as_of or dt.date.today()


class Period(NamedTuple):
    """A day, month, quarter or year: its first and last day, as precise as the sources."""

    first: dt.date
    last: dt.date
    precision: Precision
    text: str  # as given: 2025-11-17, 2025-11, 2025-Q4, 2025

    def words(self) -> str:
        """`17 Nov 2025`, `November 2025`, `Q4 2025`, `2025`; a range of days as `17–19 Nov 2025`."""
        from summitcli.phrases import day, span

        if self.precision == "day":
            return span(self.first, self.last) if self.first != self.last else day(self.first)
        if self.precision == "month":
            return f"{MONTH_NAMES[self.first.month - 1]} {self.first.year}"
        if self.precision == "quarter":
            return f"Q{(self.first.month - 1) // 3 + 1} {self.first.year}"
        return str(self.first.year)

    def through(self, last: dt.date | None) -> Period:
        """The period ending on `last` instead (a range of days: 17–19 Nov); itself when `last` is None."""
        if last is None or last <= self.last:
            return self
        return Period(self.first, last, self.precision, f"{self.text}/{last.isoformat()}")


def period(value: object) -> Period | None:
    """A due date as the data gives it (a date, `2025-11`, `2025-Q4`, 2025) as a Period; None if unreadable."""
    if isinstance(value, dt.date):
        return Period(value, value, "day", value.isoformat())
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    match = PERIOD.match(text)
    if not match:
        return None
    year, month, mday, quarter = match.groups()
    try:
        return _period(int(year), month, mday, quarter, text)
    except ValueError:
        return None


def _period(year: int, month: str | None, mday: str | None, quarter: str | None, text: str) -> Period:
    if mday:
        first = dt.date(year, int(month or 0), int(mday))
        return Period(first, first, "day", text)
    if month:
        number = int(month)
        return Period(
            dt.date(year, number, 1), dt.date(year, number, calendar.monthrange(year, number)[1]), "month", text
        )
    if quarter:
        start = 3 * int(quarter) - 2
        end = dt.date(year, start + 2, calendar.monthrange(year, start + 2)[1])
        return Period(dt.date(year, start, 1), end, "quarter", text.upper())
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", text)


def _shift(base: dt.date, sign: str, count: int, unit: str) -> dt.date:
    count = -count if sign == "-" else count
    if unit in "dw":
        return base + dt.timedelta(days=count * (7 if unit == "w" else 1))
    months = base.month - 1 + count * (12 if unit == "y" else 1)
    year, month = base.year + months // 12, months % 12 + 1
    return dt.date(year, month, min(base.day, calendar.monthrange(year, month)[1]))


def _weekday(text: str, base: dt.date) -> dt.date | None:
    """`monday` (the latest, today included), `last monday` (before today), `next monday` (after today)."""
    word, _, name = text.rpartition(" ")
    if name not in WEEKDAY_NAMES and not any(n.startswith(name) and len(name) >= 3 for n in WEEKDAY_NAMES):
        return None
    target = next(i for i, n in enumerate(WEEKDAY_NAMES) if n.startswith(name))
    back = (base.weekday() - target) % 7
    if word == "next":
        return base + dt.timedelta(days=(target - base.weekday()) % 7 or 7)
    if word == "last":
        return base - dt.timedelta(days=back or 7)
    return base - dt.timedelta(days=back) if not word else None


def read_period(value: str, option: str, *, as_of: dt.date | None = None) -> Period:
    """A date option as typed, relative to `as_of` (else today); UsageError naming the forms accepted."""
    text = " ".join(value.casefold().split())
    base = today(as_of)
    found = period(text)
    if found:
        return found
    day: dt.date | None = None
    if text in RELATIVE:
        day = base + dt.timedelta(days=RELATIVE[text])
    elif match := OFFSET.match(text):
        try:
            day = _shift(base, match[1], int(match[2]), match[3])
        except (OverflowError, ValueError):
            day = None
    elif text:
        day = _weekday(text, base)
    if day is None:
        raise UsageError(f"{option} '{value}' is not a date: use {FORMS}")
    return Period(day, day, "day", day.isoformat())


def read_day(
    value: dt.date | str | None, option: str, *, last: bool = False, as_of: dt.date | None = None
) -> dt.date | None:
    """A date option's day: the first day of a month or year typed (its last with `last`, as `--to` wants)."""
    if value is None or isinstance(value, dt.date):
        return value
    found = read_period(value, option, as_of=as_of)
    return found.last if last else found.first


def read_length(value: str, option: str) -> int:
    """A length typed as `30d`, `2w`, `3m` or `30` (days) in days; UsageError otherwise."""
    text = value.strip().casefold()
    match = OFFSET.match(text if text[-1:].isalpha() else f"{text}d")
    if not match or match[1] == "-":
        raise UsageError(
            f"{option} '{value}' is not a length: use a number of days, weeks, months or years: 30d, 2w, 3m, 1y"
        )
    base = dt.date(2000, 1, 1)
    return (_shift(base, "+", int(match[2]), match[3]) - base).days


def revision_day(text: str, *, as_of: dt.date | None = None) -> dt.date | None:
    """A git revision typed as a date (`--since`, `--until`): the LAST day of what it names (`2025-11`: 30 Nov;
    `yesterday`, `-7d`, `friday` as the date options read them, from `as_of`); None when it is not a date, so
    that git reads it as a revision (HEAD~3, a tag, a branch). A date-shaped text that names no day (`2025-13`)
    is refused."""
    try:
        return read_period(text, "--since", as_of=as_of).last
    except UsageError:
        if PERIOD.match(text.strip()):
            raise UsageError(f"'{text}': not a date (expected {FORMS}; or a git revision)") from None
        return None


def pinned_revision(text: str | None, as_of: dt.date | None) -> str | None:
    """A revision option with a relative date counted from `as_of` (its ISO day); other revisions as typed."""
    if text is None or as_of is None:
        return text
    day = revision_day(text, as_of=as_of)
    return day.isoformat() if day is not None else text
