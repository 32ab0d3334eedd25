"""The typed data model: every record kind of a summit dataset, in one place.

Each YAML file of a dataset is a `DataFile`; the files of a dataset merge into one `Dataset`.
Unknown values are `None` (the tool prints "not reported"); nothing is guessed.
"""

import datetime as dt
from typing import Annotated, Literal

import msgspec

Slug = Annotated[
    str, msgspec.Meta(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="lower-case id: letters, digits, hyphens")
]
CountryCode = Annotated[str, msgspec.Meta(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 code, e.g. CA")]
ClockTime = Annotated[str, msgspec.Meta(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", description="local time HH:MM")]
Text = Annotated[str, msgspec.Meta(min_length=1)]
Confidence = Literal["H", "M", "L"]
SourceRefs = Annotated[list[Slug], msgspec.Meta(min_length=1, description="ids of the sources that state this")]

EventKind = Annotated[
    Literal[
        "bilateral",
        "summit",
        "ministerial",
        "dinner",
        "banquet",
        "address",
        "business",
        "ceremony",
        "press",
        "travel",
        "call",
        "video",
    ],
    msgspec.Meta(
        description="bilateral: leaders meeting in person (what a brief's key points and `countries` count); "
        "call: a telephone call, video: a video call (no venue expected; never counted as a meeting in person)"
    ),
]
OutcomeKind = Literal[
    "joint-statement",
    "declaration",
    "agreement",
    "partnership",
    "mou",
    "contract",
    "currency-swap",
    "trade-deal",
    "initiative",
    "framework",
    "negotiation",
    "commitment",
    "announcement",
]
OutcomeStatus = Literal[
    "signed",
    "adopted",
    "agreed",
    "established",
    "renewed",
    "announced",
    "concluded-not-in-force",
    "negotiations-concluded",
    "under-negotiation",
    "stalled",
    "proposed",
]
FactKind = Annotated[
    Literal["caption"],
    msgspec.Meta(description="caption: a photo caption, quoted as the source prints it (a brief shows it with --full)"),
]
FollowupStatus = Literal["planned", "in-progress", "done", "stalled", "pending"]
Cadence = Literal["once", "annual", "biennial", "regular"]


class Record(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Fields every sourced record carries."""

    id: Slug
    sources: SourceRefs
    confidence: Confidence


class Dispute(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Sources that disagree: the record keeps the preferred value; this says what else was reported."""

    field: Text
    note: Text
    sources: SourceRefs


class Figure(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A number as the sources give it, with its machine-readable amount where one exists."""

    label: Text
    value: Text
    amount: float | None = None
    unit: str | None = None
    sources: Annotated[
        list[Slug], msgspec.Meta(description="ids of the sources that state this figure; empty: the record's sources")
    ] = []
    confidence: (
        Annotated[Confidence, msgspec.Meta(description="this figure's confidence; absent: the record's")] | None
    ) = None


class Source(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    id: Slug
    publication: str | None = None
    title: str | None = None
    date: dt.date | None = None
    url: str | None = None
    file: str | None = None
    confidence: Confidence
    note: str | None = None


class Topic(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    id: Slug
    name: Text
    description: str | None = None


class Person(Record, frozen=True, kw_only=True, forbid_unknown_fields=True):
    name: Text
    title: str | None = None
    country: CountryCode | None = None
    organization: str | None = None
    aliases: list[Text] = []


class Event(Record, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A meeting, summit session, dinner or other dated occasion."""

    kind: EventKind
    title: Text
    date: dt.date | None = None
    start: ClockTime | None = None
    end: ClockTime | None = None
    tz: str | None = None
    duration_minutes: Annotated[int, msgspec.Meta(gt=0, le=525_600, description="at most a year")] | None = None
    duration_note: str | None = None
    venue: str | None = None
    city: str | None = None
    country: CountryCode | None = None
    parties: list[CountryCode] = []
    participants: list[Slug] = []
    atmosphere: str | None = None
    topics: list[Slug] = []
    summary: str | None = None
    notes: list[Text] = []
    disputes: list[Dispute] = []


class Outcome(Record, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A joint statement, agreement, MOU, partnership, negotiation or commitment."""

    kind: OutcomeKind
    title: Text
    status: OutcomeStatus
    date: dt.date | None = None
    event: Slug | None = None
    parties: Annotated[list[CountryCode], msgspec.Meta(min_length=1)]
    figures: list[Figure] = []
    topics: list[Slug] = []
    summary: str | None = None
    disputes: list[Dispute] = []


class Quote(Record, frozen=True, kw_only=True, forbid_unknown_fields=True):
    speaker: Slug
    text: Text
    date: dt.date | None = None
    event: Slug | None = None
    countries: list[CountryCode] = []
    topics: list[Slug] = []


class Fact(Record, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Context a briefing needs: history, economy, anniversaries."""

    text: Text
    countries: Annotated[list[CountryCode], msgspec.Meta(min_length=1)]
    topics: list[Slug] = []
    kind: FactKind | None = None


class Followup(Record, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A commitment an outcome or meeting creates, and where it stands."""

    title: Text
    origin: Slug
    parties: Annotated[list[CountryCode], msgspec.Meta(min_length=1)]
    cadence: Cadence | None = None
    due: dt.date | None = None
    due_note: str | None = None
    status: FollowupStatus
    status_date: dt.date | None = None
    status_sources: list[Slug] = []
    topics: list[Slug] = []
    summary: str | None = None


class Plan(Record, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """What a source said would happen, and what happened instead."""

    parties: Annotated[list[CountryCode], msgspec.Meta(min_length=1)]
    changed: bool = True
    planned: Text
    planned_date: dt.date | None = None
    planned_place: str | None = None
    actual: Text
    actual_event: Slug | None = None
    actual_sources: SourceRefs


class Meta(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    title: Text
    home: CountryCode
    description: str | None = None


class DataFile(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """One YAML file of a dataset: any of these lists, all optional."""

    meta: Meta | None = None
    sources: list[Source] = []
    topics: list[Topic] = []
    people: list[Person] = []
    events: list[Event] = []
    outcomes: list[Outcome] = []
    quotes: list[Quote] = []
    facts: list[Fact] = []
    followups: list[Followup] = []
    plans: list[Plan] = []


RECORD_LISTS: tuple[str, ...] = (
    "sources",
    "topics",
    "people",
    "events",
    "outcomes",
    "quotes",
    "facts",
    "followups",
    "plans",
)


class Dataset(msgspec.Struct, frozen=True, kw_only=True):
    """All files merged: what every command reads."""

    meta: Meta
    sources: list[Source]
    topics: list[Topic]
    people: list[Person]
    events: list[Event]
    outcomes: list[Outcome]
    quotes: list[Quote]
    facts: list[Fact]
    followups: list[Followup]
    plans: list[Plan]
    files: list[str] = []
