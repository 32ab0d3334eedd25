"""The records the Python API returns, as `TypedDict`s: what `help()` and an editor show for each method.

Each is a plain `dict` at run time (what `--format json` writes, with dates as `datetime.date`); None stands for
what no source reports. Countries are ISO 3166-1 alpha-2 codes, ids lower-case slugs, `sources` the ids of the
sources a record cites (see `Dataset.sources()`), `confidence` H, M or L.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypedDict


class Figure(TypedDict):
    """A figure of an outcome: `value` as the source words it, `amount` the number in it (None when it has none),
    `unit` that number's unit as written (`%`, `USD billion`, `t`; None when it has none)."""

    label: str
    value: str
    amount: float | None
    unit: str | None
    sources: list[str]
    confidence: str | None  # its own, else its record's (in `agreements` and a brief)
    source_count: int  # the sources it rests on (its own, else its record's)
    low_confidence: bool  # what a reader is told: `(low confidence)`


class Dispute(TypedDict):
    """Where sources disagree on a record's `field`: what the `note` says about it, and the sources it rests on."""

    field: str
    note: str
    sources: list[str]


class Counterpart(TypedDict):
    id: str
    name: str
    title: str | None


class Country(TypedDict):
    """A country the dataset covers (`summit countries`): its counterparts, and the days of its bilateral
    meetings with the home country (`meeting_dates`, sorted), their number and the number of its outcomes."""

    country: str
    country_name: str
    slug: str
    korean: str | None
    counterparts: list[Counterpart]
    meeting_dates: list[dt.date]
    meetings: int
    outcomes: int


class Event(TypedDict):
    """A meeting or event (`summit timeline`): `kind` bilateral, summit, dinner, ...; `start` and `end` local
    times HH:MM in `tz`; `parties` the countries, `participants` person ids; `plans_changed` the ids of the
    scheduled plans that changed into this event, `expectations` those of what was expected of it;
    `cancelled` a planned meeting that did not take place (a plan's id, its
    `kind` null)."""

    id: str
    sources: list[str]
    confidence: str
    kind: str | None
    title: str
    date: dt.date | None
    end_date: dt.date | None
    start: str | None
    end: str | None
    tz: str | None
    duration_minutes: int | None
    duration_note: str | None
    venue: str | None
    city: str | None
    country: str | None
    parties: list[str]
    participants: list[str]
    atmosphere: str | None
    topics: list[str]
    summary: str | None
    notes: list[str]
    disputes: list[Dispute]
    plans_changed: list[str]
    expectations: list[str]
    cancelled: bool


class Agreement(TypedDict):
    """An outcome as seen from one country it involves (`summit agreements`): an outcome with three parties is
    three records. `event` the id of the event it came from; `involves_home`: the home country is a party."""

    id: str
    sources: list[str]
    confidence: str
    kind: str
    title: str
    status: str
    date: dt.date | None
    event: str | None
    parties: list[str]
    figures: list[Figure]
    topics: list[str]
    summary: str | None
    disputes: list[Dispute]
    country: str
    country_name: str
    involves_home: bool
    source_count: int  # how many sources it cites
    low_confidence: bool  # its confidence is L, or every source it cites is


class Followup(TypedDict):
    """A commitment and where it stands (`summit followups`): `origin` the outcome or event it came from (its
    title in `origin_title`), `status_sources` the sources of its latest status. `due` as the data gives it (a
    day, `2025-11`, `2025-Q4` or `2025`), `due_first` and `due_last` its first and last day, `overdue` whether it
    is still open with its whole due period before `as_of` (None: no due date known)."""

    id: str
    sources: list[str]
    confidence: str
    title: str
    origin: str
    parties: list[str]
    cadence: str | None
    due: str | None
    due_end: dt.date | None
    due_note: str | None
    status: str
    status_date: dt.date | None
    status_sources: list[str]
    topics: list[str]
    summary: str | None
    due_first: dt.date | None
    due_last: dt.date | None
    due_precision: str | None
    overdue: bool | None
    as_of: dt.date
    countries: list[str]
    origin_title: str
    source_count: int
    low_confidence: bool  # its confidence is L, or every source it cites is


class Quote(TypedDict):
    """An attributed quote (`summit quotes`): `speaker` a person id, with name and title beside it; `occasion`
    the title of the event it was said at."""

    id: str
    sources: list[str]
    confidence: str
    speaker: str
    text: str
    date: dt.date | None
    event: str | None
    countries: list[str]
    topics: list[str]
    speaker_name: str
    speaker_title: str | None
    occasion: str | None
    source_count: int
    low_confidence: bool  # its confidence is L, or every source it cites is


class Person(TypedDict):
    """A leader, minister or official (`summit people`): `events` the ids of the events they attended."""

    id: str
    sources: list[str]
    confidence: str
    name: str
    title: str | None
    country: str | None
    organization: str | None
    aliases: list[str]
    country_name: str | None
    events: list[str]


class Source(TypedDict):
    """A source (`summit sources`): `cited_by` how many records (people and facts included) cite it, as
    `summit sources` counts them."""

    id: str
    publication: str | None
    title: str | None
    date: dt.date | None
    url: str | None
    file: str | None
    confidence: str
    note: str | None
    cited_by: int


class Topic(TypedDict):
    """A topic (`summit topics`): the countries its records involve and how many records of each kind it has."""

    id: str
    name: str
    description: str | None
    countries: list[str]
    events: int
    outcomes: int
    followups: int
    quotes: int
    facts: int


class SearchHit(TypedDict):
    """A record where every word occurs (`summit search`), best first: its `kind` (event, outcome, ...) and `id`,
    its `title` (a quote: its speaker), a `snippet` of the `field` that matched best (None where that is the title
    itself), its countries (codes, and their names in `country_names`) and a `score` (higher is better)."""

    kind: str
    id: str
    title: str
    snippet: str | None
    countries: list[str]
    country_names: list[str]
    date: dt.date | None
    score: int
    field: str
    sources: list[str]


class FieldChange(TypedDict):
    """One field of a changed record: its value before and after, typed (a figure's change is one per figure,
    `label` naming it; None for other fields)."""

    field: str
    label: str | None
    before: Any
    after: Any


class Change(TypedDict):
    """One record added, removed, renamed or changed between two versions (`summit changes`): `previous_id` the
    id a renamed record had, `fields` each field before and after, `sources` those the new value cites, `file`
    as git names it, `commit` and `date` the commit and day that made it (None: not committed, or no git)."""

    change: str
    kind: str
    id: str
    previous_id: str | None
    title: str
    countries: list[str]
    fields: list[FieldChange]
    sources: list[str]
    file: str
    commit: str | None
    date: dt.date | None


def _with_fields(*records: type) -> None:
    """Each record's fields and their types at the end of its docstring: what `help()` shows of a TypedDict."""
    for record in records:
        hints = record.__annotations__.items()  # text under `from __future__ import annotations`, or ForwardRefs
        fields = "\n".join(f"        {name}: {getattr(hint, '__forward_arg__', hint)}" for name, hint in hints)
        record.__doc__ = f"{(record.__doc__ or '').rstrip()}\n\n    Fields:\n{fields}\n"


_with_fields(
    Figure, Dispute, Counterpart, Country, Event, Agreement, Followup, Quote, Person, Source, Topic, SearchHit,
    FieldChange, Change,
)  # fmt: skip
