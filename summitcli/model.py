"""The typed data model: every record kind of a summit dataset, in one place.

Each YAML file of a dataset is a `DataFile`; the files of a dataset merge into one `Dataset`.
Unknown values are `None` (the tool prints "not reported"); nothing is guessed.
"""

import datetime as dt
from typing import Annotated, Literal

import msgspec

# Every pattern ends with END, the end of the text: Python's `$` also matches before a final newline (`"s1\n"`
# would pass), JSON Schema's (ECMA 262) does not; `(?!\n)$` means the same in both.
END = r"(?!\n)$"
Slug = Annotated[
    str, msgspec.Meta(pattern=rf"^[a-z0-9]+(-[a-z0-9]+)*{END}", description="lower-case id: letters, digits, hyphens")
]
CountryCode = Annotated[
    str,
    msgspec.Meta(
        pattern=rf"^[A-Z]{{2}}{END}", description="ISO 3166-1 alpha-2 code, e.g. CA", extra={"refers": "countries"}
    ),
]
ClockTime = Annotated[
    str, msgspec.Meta(pattern=rf"^([01][0-9]|2[0-3]):[0-5][0-9]{END}", description="local time HH:MM")
]
Text = Annotated[str, msgspec.Meta(min_length=1)]
# A party is a country or a grouping (ASEAN, APEC, the UN): an ISO code in capitals, or a grouping's lower-case id.
Party = Annotated[
    str,
    msgspec.Meta(
        pattern=rf"^([A-Z]{{2}}|[a-z0-9]+(-[a-z0-9]+)*){END}",
        description="an ISO 3166-1 alpha-2 country code (CA), or the id of a grouping in `groupings` (apec)",
        extra={"refers": "parties"},
    ),
]
Member = Annotated[
    str,
    msgspec.Meta(
        min_length=1,
        description="a member: an ISO 3166-1 alpha-2 code (JP), the id of another grouping (asean), or the "
        "member's name as the grouping writes it, where it is no country (e.g. Hong Kong, China)",
        extra={"refers": "parties"},
    ),
]
Confidence = Annotated[
    Literal["H", "M", "L"],
    msgspec.Meta(
        description="how well sourced: H two or more independent reputable sources, or a primary document; "
        "M one reputable source; L one aggregator or low-quality site only (shown with its source, as a caveat)"
    ),
]
# `extra` is for the tool, not the schema: what an id refers to (a record list, or `records`: any event, outcome,
# quote, fact, follow-up or plan), and text that is a code rather than prose (never searched as text). Every
# reference is marked so: the loader checks them all (`loader._iter_refs`) from these marks alone.
SourceRef = Annotated[Slug, msgspec.Meta(extra={"refers": "sources"})]
TopicRef = Annotated[Slug, msgspec.Meta(extra={"refers": "topics"})]
EventRef = Annotated[Slug, msgspec.Meta(extra={"refers": "events"})]
PersonRef = Annotated[Slug, msgspec.Meta(extra={"refers": "people"})]
RecordRef = Annotated[Slug, msgspec.Meta(extra={"refers": "records"})]
Code = Annotated[str, msgspec.Meta(extra={"prose": False})]
SourceRefs = Annotated[list[SourceRef], msgspec.Meta(min_length=1, description="ids of the sources that state this")]
Topics = Annotated[list[TopicRef], msgspec.Meta(description="ids of the topics this is about (see `topics`)")]
Summary = Annotated[str | None, msgspec.Meta(description="what happened, in a sentence or two of plain text")]
Title = Annotated[Text, msgspec.Meta(description="the name a reader knows it by, as the sources give it")]
DueDate = Annotated[
    str, msgspec.Meta(pattern=rf"^[0-9]{{4}}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|-Q[1-4])?{END}")
]
RecordDate = Annotated[dt.date | None, msgspec.Meta(description="the local date, YYYY-MM-DD (quoted)")]
EventAt = Annotated[
    EventRef | None,
    msgspec.Meta(description="the id of the event where this happened; its date is not taken over: give `date` too"),
]

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
# What event kinds mean to the tool, in one place: a meeting in person (what a brief's key points, `countries`,
# the briefing book and `validate` count as meetings) and a meeting at a distance (no venue expected; worded by
# `phrases.MEDIUM`). Both are where a counterpart is met; any other kind is an occasion (a session, a dinner).
MEETING_KINDS: tuple[str, ...] = ("bilateral",)
REMOTE_KINDS: tuple[str, ...] = ("call", "video")
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
    Literal["caption"] | None,
    msgspec.Meta(description="caption: a photo caption, quoted as the source prints it (a brief shows it with --full)"),
]
FollowupStatus = Literal["planned", "in-progress", "done", "stalled", "pending"]
PlanKind = Literal["schedule", "expectation"]
Cadence = Literal["once", "annual", "biennial", "regular"]


class Record(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Fields every sourced record carries."""

    id: Annotated[Slug, msgspec.Meta(description="this record's id: a lower-case slug, unique in the dataset")]
    sources: SourceRefs
    confidence: Confidence


class Dispute(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Sources that disagree: the record keeps the preferred value; this says what else was reported."""

    field: Annotated[Text, msgspec.Meta(description="the field the sources disagree on, e.g. duration_minutes")]
    note: Annotated[Text, msgspec.Meta(description="what the other sources report")]
    sources: SourceRefs


class Figure(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A number as the sources give it, with its machine-readable amount where one exists."""

    label: Annotated[Text, msgspec.Meta(description="what is counted, e.g. Investment")]
    value: Annotated[Text, msgspec.Meta(description="the figure in the sources' words, e.g. $350 billion")]
    amount: Annotated[
        float | None, msgspec.Meta(description="the figure as a number in `unit` (350000000000), where it is one")
    ] = None
    unit: Annotated[
        Code | None,
        msgspec.Meta(
            description="the unit of `amount`: an ISO 4217 currency code (USD, KRW, JPY), % for a percentage, "
            "or a unit word or symbol (tonnes or t, people, GPUs, years)"
        ),
    ] = None
    sources: Annotated[
        list[SourceRef],
        msgspec.Meta(description="ids of the sources that state this figure; empty: the record's sources"),
    ] = []
    confidence: Annotated[
        Confidence | None, msgspec.Meta(description="this figure's confidence; absent: the record's")
    ] = None


class Source(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A report that records cite: a news article, a statement, a transcript."""

    id: Annotated[Slug, msgspec.Meta(description="this source's id, which records list in `sources`")]
    publication: Annotated[str | None, msgspec.Meta(description="who published it, e.g. Yonhap")] = None
    title: Annotated[str | None, msgspec.Meta(description="its headline or title")] = None
    date: Annotated[dt.date | None, msgspec.Meta(description="when it was published, YYYY-MM-DD (quoted)")] = None
    url: Annotated[Code | None, msgspec.Meta(description="where it can be read")] = None
    file: Annotated[Code | None, msgspec.Meta(description="a local copy, where there is no URL")] = None
    confidence: Confidence
    note: Annotated[str | None, msgspec.Meta(description="anything a reader should know about the source")] = None


class Topic(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A subject records are filed under (`summit topics`)."""

    id: Annotated[Slug, msgspec.Meta(description="this topic's id, which records list in `topics`")]
    name: Annotated[Text, msgspec.Meta(description="the topic as a reader says it, e.g. Critical minerals")]
    description: Annotated[str | None, msgspec.Meta(description="what the topic covers")] = None


class Person(Record, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A leader, minister or official who takes part in events or is quoted."""

    name: Annotated[Text, msgspec.Meta(description="the name as the sources write it in English")]
    title: Annotated[str | None, msgspec.Meta(description="the office held at the time, e.g. Prime Minister")] = None
    country: Annotated[CountryCode | None, msgspec.Meta(description="the country the person serves")] = None
    organization: Annotated[
        str | None, msgspec.Meta(description="an organization served instead of a country, e.g. APEC")
    ] = None
    aliases: Annotated[list[Text], msgspec.Meta(description="other names `summit people` finds the person by")] = []


class Event(Record, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A meeting, summit session, dinner, call or other dated occasion."""

    kind: EventKind
    title: Title
    date: RecordDate = None
    end_date: Annotated[
        dt.date | None,
        msgspec.Meta(description="the last day of an event over several days, YYYY-MM-DD (quoted); none: one day"),
    ] = None
    start: Annotated[ClockTime | None, msgspec.Meta(description="local start time HH:MM (quoted); needs `tz`")] = None
    end: Annotated[ClockTime | None, msgspec.Meta(description="local end time HH:MM (quoted); needs `tz`")] = None
    tz: Annotated[Code | None, msgspec.Meta(description="the IANA time zone of start and end, e.g. Asia/Seoul")] = None
    duration_minutes: Annotated[
        Annotated[int, msgspec.Meta(gt=0, le=525_600)] | None,
        msgspec.Meta(description="the length in whole minutes, at most a year"),
    ] = None
    duration_note: Annotated[
        str | None,
        msgspec.Meta(
            description="the length in the sources' words, e.g. about 20 minutes (a calendar ends the event there)"
        ),
    ] = None
    venue: Annotated[str | None, msgspec.Meta(description="the building or room; none for a call")] = None
    city: Annotated[str | None, msgspec.Meta(description="the city it was held in")] = None
    country: Annotated[
        CountryCode | None, msgspec.Meta(description="the country it was held in (not who took part: `parties`)")
    ] = None
    parties: Annotated[
        list[Party],
        msgspec.Meta(
            description="the countries (or groupings, by id) taking part, the home country included when it took "
            "part; a record of the home country alone is its own side (`summit home`)"
        ),
    ] = []
    participants: Annotated[list[PersonRef], msgspec.Meta(description="ids of the people who took part")] = []
    atmosphere: Annotated[str | None, msgspec.Meta(description="the tone as the sources describe it")] = None
    topics: Topics = []
    summary: Summary = None
    notes: Annotated[list[Text], msgspec.Meta(description="further details, one line each")] = []
    disputes: Annotated[list[Dispute], msgspec.Meta(description="where the sources disagree")] = []


class Outcome(Record, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A joint statement, agreement, MOU, partnership, negotiation or commitment."""

    kind: Annotated[OutcomeKind, msgspec.Meta(description="what kind of outcome: agreement, mou, joint-statement, ...")]
    title: Title
    status: Annotated[OutcomeStatus, msgspec.Meta(description="where it stands as of the latest source")]
    date: RecordDate = None
    event: EventAt = None
    parties: Annotated[
        list[Party],
        msgspec.Meta(
            min_length=1,
            description="the countries (or groupings, by id) party to it, the home country included when it is "
            "one; the home country alone: its own outcome (`summit home`)",
        ),
    ]
    figures: Annotated[list[Figure], msgspec.Meta(description="the numbers it carries")] = []
    topics: Topics = []
    summary: Summary = None
    disputes: Annotated[list[Dispute], msgspec.Meta(description="where the sources disagree")] = []


class Quote(Record, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Words a person said, as the sources print them."""

    speaker: Annotated[PersonRef, msgspec.Meta(description="the id of the person who said it")]
    text: Annotated[Text, msgspec.Meta(description="the words, as the sources print them")]
    date: Annotated[
        dt.date | None,
        msgspec.Meta(description="when it was said, YYYY-MM-DD (quoted); not taken from `event`: give both"),
    ] = None
    event: EventAt = None
    countries: Annotated[
        list[CountryCode], msgspec.Meta(description="the countries it is about (the speaker's is added)")
    ] = []
    topics: Topics = []


class Fact(Record, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Context a briefing needs: history, economy, anniversaries."""

    text: Annotated[Text, msgspec.Meta(description="the fact, in a sentence")]
    countries: Annotated[
        list[Party],
        msgspec.Meta(
            min_length=1,
            description="the countries (or groupings) it is about; the home country alone: its own side "
            "(`summit home`)",
        ),
    ]
    topics: Topics = []
    kind: FactKind = None


class Followup(Record, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A commitment an outcome or meeting creates, and where it stands."""

    title: Annotated[Text, msgspec.Meta(description="what was promised")]
    origin: Annotated[RecordRef, msgspec.Meta(description="the id of the outcome or event it came from")]
    parties: Annotated[
        list[Party],
        msgspec.Meta(
            min_length=1, description="the countries (or groupings) that owe it, the home country included when it does"
        ),
    ]
    cadence: Annotated[Cadence | None, msgspec.Meta(description="how often: once, annual, biennial, regular")] = None
    due: Annotated[
        DueDate | None,
        msgspec.Meta(
            description="when it is due, as precisely as the sources say: a day YYYY-MM-DD, a month YYYY-MM, "
            "a quarter YYYY-Qn or a year YYYY (quoted)"
        ),
    ] = None
    due_end: Annotated[
        dt.date | None,
        msgspec.Meta(description="the last day, when it is due over several days (17-19 Nov: due 2025-11-17)"),
    ] = None
    due_note: Annotated[
        str | None, msgspec.Meta(description="the due date in the sources' words, where no day is given")
    ] = None
    status: Annotated[FollowupStatus, msgspec.Meta(description="where it stands as of `status_date`")]
    status_date: Annotated[dt.date | None, msgspec.Meta(description="when the status was last reported")] = None
    status_sources: Annotated[list[SourceRef], msgspec.Meta(description="ids of the sources of the latest status")] = []
    topics: Topics = []
    summary: Summary = None


class Plan(Record, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """What a source said would happen, and what happened instead. A plan that changed, with a `planned_date` and
    no `actual_event`, did not take place: the timeline and the calendar show it on that day as cancelled."""

    parties: Annotated[
        list[Party], msgspec.Meta(min_length=1, description="the countries (or groupings) the plan concerned")
    ]
    kind: Annotated[
        PlanKind,
        msgspec.Meta(
            description="schedule (the default): who would meet whom, when and where; expectation: a forecast or "
            "what observers expected (whether a deal would be reached), shown as expected / what happened, never "
            "as a plan that changed"
        ),
    ] = "schedule"
    changed: Annotated[
        bool, msgspec.Meta(description="false: it happened as planned; true (the default): it did not")
    ] = True
    planned: Annotated[Text, msgspec.Meta(description="what the sources said would happen")]
    planned_date: Annotated[
        dt.date | None, msgspec.Meta(description="the day it was planned for, YYYY-MM-DD (quoted)")
    ] = None
    planned_place: Annotated[str | None, msgspec.Meta(description="where it was planned to happen")] = None
    actual: Annotated[Text, msgspec.Meta(description="what happened instead, or that it happened as planned")]
    actual_event: Annotated[
        EventRef | None,
        msgspec.Meta(description="the id of the event that happened instead; none: nothing did (cancelled)"),
    ] = None
    actual_sources: Annotated[
        list[SourceRef], msgspec.Meta(min_length=1, description="ids of the sources that report what happened")
    ]

    @property
    def did_not_happen(self) -> bool:
        """A scheduled meeting with a planned date that did not take place: it changed, and no event happened
        instead (an expectation that was not met is no cancelled meeting)."""
        return self.kind == "schedule" and self.changed and self.actual_event is None and self.planned_date is not None


class Grouping(Record, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """An international organisation or grouping that can be a party (ASEAN, APEC, the UN): a record of a
    grouping counts for each of its members."""

    name: Annotated[Text, msgspec.Meta(description="the name a reader knows it by, e.g. ASEAN")]
    aliases: Annotated[list[Text], msgspec.Meta(description="other names `summit brief` finds it by")] = []
    members: Annotated[
        list[Member],
        msgspec.Meta(
            description="its members as far as the sources name them (another grouping's id counts for its "
            "members); a record with the grouping as a party counts for each of them"
        ),
    ] = []
    member_names: Annotated[
        dict[CountryCode, Text],
        msgspec.Meta(description="how the grouping names a member country, e.g. TW: Chinese Taipei"),
    ] = {}
    member_count: Annotated[
        Annotated[int, msgspec.Meta(gt=0)] | None,
        msgspec.Meta(description="how many members it has, where the sources say so (`members` may name fewer)"),
    ] = None


class Meta(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """The dataset's own facts: exactly one file holds `meta`."""

    title: Annotated[Text, msgspec.Meta(description="the dataset's title, on every output")]
    home: Annotated[
        CountryCode,
        msgspec.Meta(description="the country the briefings are about; its language names countries in `countries`"),
    ]
    description: Annotated[str | None, msgspec.Meta(description="what the dataset covers and how it was made")] = None


class DataFile(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """One YAML file of a dataset: any of these lists, all optional."""

    meta: Annotated[Meta | None, msgspec.Meta(description="the dataset's title and home country: in one file only")] = (
        None
    )
    sources: list[Source] = []
    topics: list[Topic] = []
    people: list[Person] = []
    events: list[Event] = []
    outcomes: list[Outcome] = []
    quotes: list[Quote] = []
    facts: list[Fact] = []
    followups: list[Followup] = []
    plans: list[Plan] = []
    groupings: list[Grouping] = []


# Each record list of a data file and the struct of its records, in the file's order (`events`: `Event`): what
# the loader, the index, `changes`, `show`, search and the SQLite export read, so that a list added to `DataFile`
# reaches them with no other edit.
RECORD_TYPES: dict[str, type[msgspec.Struct]] = {
    name: hint.__args__[0] for name, hint in DataFile.__annotations__.items() if name != "meta"
}
RECORD_LISTS: tuple[str, ...] = tuple(RECORD_TYPES)
# What output calls a record of each list (`kind` in search, `show`, `changes`): its struct's name in lower case.
KINDS: dict[str, str] = {name: struct.__name__.lower() for name, struct in RECORD_TYPES.items()}
# The lists whose ids are a namespace of their own (a reference field says which it names: `refers`); the records
# of every other list (events, outcomes, ...) share one id space, what `show ID`, search and a follow-up's `origin`
# read.
OWN_ID_SPACES: tuple[str, ...] = ("sources", "topics", "people", "groupings")


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
    groupings: list[Grouping] = []
    files: list[str] = []
