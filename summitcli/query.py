"""Questions every command asks of the dataset: who, where, which country, which source."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cached_property
from typing import Any

from summitcli import model
from summitcli.errors import NotFoundError, UsageError
from summitcli.index import IndexedDataset
from summitcli.parties import Parties, is_code
from summitcli.relations import involved_countries


def citation(source: model.Source) -> str:
    """A source on one line: publication, date, confidence, title, address."""
    from summitcli.phrases import citation_parts

    text, address = citation_parts(source)
    return f"{text} · {address}" if address else text


# The record lists that carry facts (those that share one id space), with the kind each record is called by in
# output: every list of the model but sources, topics, people and groupings.
FACT_KINDS: tuple[tuple[str, str], ...] = tuple(
    (name, kind) for name, kind in model.KINDS.items() if name not in model.OWN_ID_SPACES
)


def did_you_mean(word: str, choices: Iterable[str], n: int = 3) -> str:
    """` Did you mean 'a' or 'b'?` for the closest choices, else an empty string."""
    import difflib

    return suggest(difflib.get_close_matches(word, list(choices), n=n))


def suggest(close: list[str]) -> str:
    """` Did you mean 'a' or 'b'?`, or an empty string when there is nothing to suggest."""
    return f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""


def check_value(value: str | None, present: Callable[[], Iterable[str]], option: str, noun: str) -> str | None:
    """A filter value that some record has, typed as the model writes it or as the output prints it (`MOU`,
    `joint statement`, `concluded, not in force`); UsageError (exit 2) with the closest values otherwise, since a
    value no record has would silently match nothing."""
    if value is None:
        return None
    values = sorted(set(present()))  # read only when a value was given: no filter, no decoding
    by_key = {keyword(v): v for v in values}
    key = keyword(value)
    if key in by_key:
        return by_key[key]
    import difflib

    close = [k for k in by_key if key and k.startswith(key)] or difflib.get_close_matches(key, list(by_key), n=3)
    raise UsageError(
        f"{option} '{value}': no {noun} in the dataset is '{value}'.{suggest([by_key[k] for k in close[:3]])} "
        f"In the dataset: {', '.join(values) or 'none'}."
    )


def keyword(text: str) -> str:
    """A value as typed or as printed (`Joint statement`, `concluded, not in force`) in the model's form
    (`joint-statement`, `concluded-not-in-force`)."""
    return "-".join(text.casefold().replace(",", " ").replace("_", " ").replace("-", " ").split())


def label(record: Any) -> str:
    """The line that names a record: its name, title, text or plan (a person's name, not their job title)."""
    for attr in ("name", "title", "text", "planned"):
        value = getattr(record, attr, None)
        if value:
            return str(value)
    return str(getattr(record, "publication", None) or record.id)


def record_day(record: Any) -> dt.date | None:
    """When a record happened, or when its status was last reported."""
    return getattr(record, "date", None) or getattr(record, "status_date", None)


def record_date(record: Any) -> str | None:
    """A record's date (see `record_day`) as ISO text."""
    date = record_day(record)
    return date.isoformat() if date else None


def cited_sources(record: Any) -> list[str]:
    """Every source id a record cites: its own, those of its latest status or outcome, of its figures and of
    disputes."""
    refs = [
        *(getattr(record, "sources", None) or []),
        *(getattr(record, "status_sources", None) or []),
        *(getattr(record, "actual_sources", None) or []),
    ]
    for item in getattr(record, "figures", None) or []:
        refs.extend(item.sources)
    for dispute in getattr(record, "disputes", None) or []:
        refs.extend(dispute.sources)
    return list(dict.fromkeys(refs))


class Citations(Mapping[str, "model.Source"]):
    """Source id -> source, decoded only when a view first asks for one."""

    def __init__(self, query: Query) -> None:
        self._query = query

    def __getitem__(self, sid: str) -> model.Source:
        source = self._query.source(sid)
        if source is None:
            raise KeyError(sid)
        return source

    def __iter__(self) -> Iterator[str]:
        return iter(self._query.sources)

    def __len__(self) -> int:
        return len(self._query.sources)


class Query:
    """Questions asked of the dataset's index, which decodes records as they are asked for."""

    def __init__(self, dataset: IndexedDataset) -> None:
        self.data = dataset
        self.home = dataset.meta.home
        self._source_by_id: dict[str, model.Source | None] = {}  # a brief cites a source on many lines

    @cached_property
    def people(self) -> dict[str, model.Person]:
        return {p.id: p for p in self.data.people}

    @cached_property
    def events(self) -> dict[str, model.Event]:
        return {e.id: e for e in self.data.events}

    @cached_property
    def sources(self) -> dict[str, model.Source]:
        return {s.id: s for s in self.data.sources}

    @cached_property
    def topics(self) -> dict[str, model.Topic]:
        return {t.id: t for t in self.data.topics}

    @cached_property
    def parties(self) -> Parties:
        """The dataset's groupings (ASEAN, APEC, ...), and what a party stands for."""
        return Parties(self.data.all("groupings"))

    @cached_property
    def countries(self) -> list[str]:
        """Every country that is itself a party to some record, other than the home country, sorted by name (a
        member of a grouping that is one is briefed too: `members_covered`)."""
        from summitcli.countries import country_name

        return sorted({c for c in self.data.country_codes() if is_code(c)} - {self.home}, key=country_name)

    @cached_property
    def members_covered(self) -> set[str]:
        """The countries that are members of a grouping some record names as a party."""
        return {m for gid in self.groupings_covered for m in self.parties.members(gid) if is_code(m)}

    @cached_property
    def groupings_covered(self) -> list[str]:
        """The groupings that some record names as a party, in the data's order."""
        codes = self.data.country_codes()
        return [gid for gid in self.parties.groupings if gid in codes]

    def with_country(self, name: str, code: str) -> list[Any]:
        """Records of the list `name` that involve `code` (see `involved_countries`), through the index: a
        grouping's records count for each of its members."""
        return self.data.with_country(name, code, *self.parties.containing(code))

    def fact_records(self) -> Iterator[tuple[str, Any]]:
        """(kind, record) for every event, outcome, follow-up, quote, fact and plan."""
        for attr, kind in FACT_KINDS:
            records = getattr(self.data, attr, None)  # its typed property, decoded once
            for record in self.data.all(attr) if records is None else records:  # a list with none: read whole
                yield kind, record

    def source(self, sid: str) -> model.Source | None:
        """One source by id; through the index, so that a view citing ten sources decodes ten."""
        if "sources" in self.__dict__:
            return self.sources.get(sid)
        if sid not in self._source_by_id:
            found = self.data.record(("sources",), sid)
            self._source_by_id[sid] = found if isinstance(found, model.Source) else None
        return self._source_by_id[sid]

    def record(self, rid: str) -> Any:
        """One event, outcome, follow-up, quote, fact or plan by id; through the index if any, so that naming one
        record does not decode every list."""
        return self.data.record(tuple(attr for attr, _ in FACT_KINDS), rid)

    def find_people(self, name: str) -> list[model.Person]:
        """People whose name, alias or id contains `name` (case-insensitive); UsageError when nobody does."""
        needle = name.casefold().strip()
        found = [
            p for p in self.data.people if needle and any(needle in n.casefold() for n in (p.name, p.id, *p.aliases))
        ]
        if not found:
            words = {w for p in self.data.people for w in (p.name, *p.name.split(), *p.aliases)}
            raise UsageError(
                f"nobody in the dataset is called '{name}'.{did_you_mean(name, words)} Run 'summit people'."
            )
        return found

    def title_of(self, record: Any) -> str:
        """The line that names a record in a list; a quote is its speaker and words."""
        if isinstance(record, model.Quote):
            return f"{self.person_name(record.speaker)}: “{record.text}”"
        return label(record)

    def countries_of(self, record: Any) -> list[str]:
        """The countries other than home that a record involves (see `involved_countries`)."""
        return [c for c in involved_countries(record, self.people) if c != self.home]

    def citations(self) -> Citations:
        """Source id -> source, for markers and footnotes; the sources are decoded only when a view asks for one."""
        return Citations(self)

    def person_name(self, pid: str) -> str:
        person = self.people.get(pid)
        return person.name if person else pid

    def resolve_country(self, name: str) -> str:
        """A user's country name to an alpha-2 code that the dataset covers; UsageError or NotFoundError otherwise."""
        from summitcli.countries import country_name, lookup, slug, suggestions

        if (grouping := self.parties.resolve(name)) is not None:
            return grouping
        code = lookup(name, self.home)
        if code is None:
            hint = suggest(suggestions(name, prefer={self.home, *self.countries}, home=self.home))
            raise UsageError(f"unknown country '{name}'.{hint} Run 'summit countries' for the list.")
        if code != self.home and code not in self.countries and code not in self.members_covered:
            raise NotFoundError(
                f"the dataset has no meetings or outcomes with {country_name(code)} ({code}). "
                f"Covered: {', '.join([*(slug(country_name(c)) for c in self.countries), *self.groupings_covered])}."
            )
        return code

    def counterparts(self, code: str) -> list[model.Person]:
        """People of `code` the home country met in a bilateral setting: its bilateral meetings and calls (not a
        summit session or a dinner with more parties)."""
        seen: dict[str, model.Person] = {}
        for event in self.with_country("events", code):
            if self.home in event.parties and code in event.parties and event.kind in BILATERAL_KINDS:
                for pid in event.participants:
                    person = self.people.get(pid)
                    if person and person.country == code:
                        seen.setdefault(pid, person)
        return list(seen.values())

    def country_events(self, code: str) -> list[model.Event]:
        return sorted(self.with_country("events", code), key=event_order)


BILATERAL_KINDS = (*model.MEETING_KINDS, *model.REMOTE_KINDS)  # where a counterpart is met: in person or at a distance


def event_order(event: model.Event) -> tuple[int, dt.date, str, str]:
    """Dated events by date, those with no reported time first in their day (as an agenda lists all-day items),
    then by time; undated ones last."""
    return (event.date is None, event.date or dt.date.max, event.start or "", event.id)


def check_topic(query: Query, topic: str | None) -> str | None:
    if topic is None:
        return None
    from summitcli.countries import slug

    key = slug(topic)
    by_name = {slug(t.name): t.id for t in query.topics.values()}
    key = by_name.get(key, key)
    if key not in query.topics:
        hint = did_you_mean(key, query.topics)
        raise UsageError(f"unknown topic '{topic}'.{hint} Topics: {', '.join(query.topics)}.")
    return key
