"""The Python API: the records each command prints, for notebooks and scripts.

    >>> import summitcli
    >>> week = summitcli.open_dataset()              # the bundled data, or $SUMMIT_DATA
    >>> week.agreements(country="canada", status="established")[0]["title"]
    'Canada-Korea Security and Defence Cooperation Partnership'
    >>> import pandas
    >>> pandas.DataFrame(week.agreements())

A dataset is read with the same validation and the same index as the CLI. Each method returns what the matching
command writes with `--format json`: a list of dicts whose fields `summitcli.api_types` documents (dates as
`datetime.date`, unknowns None, figures as `{label, value, amount, unit, ...}`, countries as ISO codes with
`country_name` beside them). In a notebook a list, a brief and the dataset show as the briefing book's HTML.
Names are resolved as on the command line (`"canada"`, `"CA"`, `"캐나다"`); dates are `datetime.date`s or ISO
text (`"2025-10-30"`). An unknown name, a filter value no record has, a date that is not one, or an argument of
the wrong type raises `summitcli.UsageError`; a country the dataset has nothing on `summitcli.NotFoundError`; bad
data `summitcli.DataError` (with `.problems`, one `FILE:LINE:COLUMN: FIELD: message` each).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from summitcli.api_types import Agreement, Change, Country, Event, Followup, Person, Quote, SearchHit, Source, Topic
from summitcli.errors import UsageError
from summitcli.notebook import Brief, Records, frame
from summitcli.query import Query
from summitcli.views import Document, Listing


def open_dataset(*paths: str | Path, use_cache: bool = True) -> Dataset:
    """A dataset from files or directories of YAML; with none, `$SUMMIT_DATA`, else the bundled data."""
    from summitcli.dataset import open_data

    for path in paths:
        if not isinstance(path, (str, Path)):
            raise UsageError(f"a dataset path must be text or a pathlib.Path, not {type(path).__name__}")
    given = [Path(p) for p in paths] or None
    indexed = open_data(given, use_cache=use_cache)
    # a notebook keeps its dataset for hours: it must not keep the index's read transaction (and every summit
    # that updates the index after an edit waiting on it); each later read sees the index as it is then
    indexed.end_read()
    return Dataset(Query(indexed), given, use_cache=use_cache)


def _text(option: str, value: object, *, required: bool = False) -> None:
    """A name, code, id or filter value: text (or None where it may be left out), as the command line takes it."""
    if (value is not None or required) and not isinstance(value, str):
        raise UsageError(f"{option} must be text, not {type(value).__name__} ({value!r})")


def _day(option: str, value: object) -> dt.date | str | None:
    """A date: a `datetime.date` or ISO text, which the command checks with its own words."""
    if isinstance(value, dt.datetime):
        return value.date()
    if value is None or isinstance(value, (dt.date, str)):
        return value
    raise UsageError(f"{option} {value!r} is not a date (expected a datetime.date or YYYY-MM-DD)")


def _html(emit: Callable[[Any, Any, Any], None], view: Listing | Document) -> str:
    """The page `--format html` writes for a view, through the output layer's own entry point."""
    import contextlib
    import io

    from summitcli.output import Display, Format

    page = io.StringIO()
    with contextlib.redirect_stdout(page):
        emit(view, Format.html, Display())
    return page.getvalue()


def _records(
    listing: Listing, what: str, record_type: type, convert: Callable[[dict[str, Any]], Any] | None = None
) -> Records[Any]:
    from summitcli.output import emit_listing

    rows = [convert(dict(r)) for r in listing.records] if convert else list(listing.records)
    return Records(rows, what, lambda: _html(emit_listing, listing), record_type)


def _dates(record: dict[str, Any], *names: str) -> dict[str, Any]:
    """ISO text in these fields as `datetime.date` (in a list too), as every other date the API gives."""
    for name in names:
        value = record.get(name)
        if isinstance(value, str):
            record[name] = dt.date.fromisoformat(value)
        elif isinstance(value, list):
            record[name] = [dt.date.fromisoformat(v) for v in value]
    return record


class Dataset:
    """One validated dataset and the questions the CLI asks of it. Each method returns the records of the
    matching command (fields: `summitcli.api_types`); in a notebook each list shows as the book's table."""

    def __init__(self, query: Query, paths: list[Path] | None = None, *, use_cache: bool = True) -> None:
        self._q = query
        self._paths = paths  # as `open_dataset` was given them: `changes` reads the files again
        self._use_cache = use_cache

    @property
    def title(self) -> str:
        return self._q.data.meta.title

    @property
    def home(self) -> str:
        """The ISO code of the country the briefings are about."""
        return self._q.home

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {name}" for name, n in self._q.data.summary().items())
        return f"<summit Dataset {self.title!r}, home {self.home}: {counts}>"

    def _repr_html_(self) -> str:
        """The dataset's countries as the book shows them, under its title."""
        from summitcli.commands import countries
        from summitcli.output import emit_listing

        return frame(_html(emit_listing, countries.listing(self._q)), len(self._q.countries))

    def countries(self) -> Records[Country]:
        """Every country the dataset covers (`summit countries`), with `meeting_dates` as dates."""
        from summitcli.commands import countries

        return _records(countries.listing(self._q), "countries", Country, lambda r: _dates(r, "meeting_dates"))

    def brief(self, country: str, *, as_of: dt.date | str | None = None) -> Brief:
        """One country's briefing by section (`summit brief COUNTRY`): counterparts, meetings, outcomes,
        followups, quotes, context, encounters, plans, elsewhere, sources, and `open_items` as of `as_of` (the
        day that counts as today)."""
        from summitcli.commands import brief
        from summitcli.output import emit_document

        _text("country", country, required=True)
        options = brief.Options(country=country, full=True, as_of=_day("--as-of", as_of))
        document = brief.document_for(self._q, options)
        return Brief(dict(document.records), lambda: _html(emit_document, document))

    def own_side(self) -> dict[str, Any]:
        """The home country's own records by section (`summit home`): events, outcomes, followups, quotes,
        context, plans, sources."""
        from summitcli.commands import home

        return dict(home.build(self._q).records)

    def show(self, record_id: str) -> dict[str, Any]:
        """One record by its id, as `summit show ID --format json` writes it: its `kind`, its own fields under that
        kind, the records it links to (`followups`, `origin`, ...) and the sources they cite."""
        from summitcli.commands import show

        _text("record_id", record_id, required=True)
        return dict(show.document_for(self._q, show.Options(record_id=record_id)).records)

    def timeline(
        self,
        *,
        start: dt.date | str | None = None,
        end: dt.date | str | None = None,
        country: str | None = None,
        topic: str | None = None,
        kind: str | None = None,
        as_of: dt.date | str | None = None,
    ) -> Records[Event]:
        """Events in date order, undated last (`summit timeline`); `start` and `end` the first and last day,
        relative dates such as `-7d` counted from `as_of` (default: today)."""
        from summitcli.commands import timeline

        for option, value in (("country", country), ("topic", topic), ("kind", kind)):
            _text(option, value)
        options = timeline.Options(
            start=_day("--from", start),
            end=_day("--to", end),
            country=country,
            topic=topic,
            kind=kind,
            as_of=_day("--as-of", as_of),
        )
        return _records(timeline.listing_for(self._q, options), "events", Event)

    def agreements(
        self,
        *,
        country: str | None = None,
        status: str | None = None,
        kind: str | None = None,
        topic: str | None = None,
    ) -> Records[Agreement]:
        """Outcomes, one per country they involve (`summit agreements`)."""
        from summitcli.commands import agreements

        for option, value in (("country", country), ("status", status), ("kind", kind), ("topic", topic)):
            _text(option, value)
        options = agreements.Options(country=country, status=status, kind=kind, topic=topic)
        return _records(agreements.listing_for(self._q, options), "agreements", Agreement)

    def followups(
        self,
        *,
        country: str | None = None,
        status: str | None = None,
        due_before: dt.date | str | None = None,
        due_within: str | None = None,
        overdue: bool = False,
        as_of: dt.date | str | None = None,
    ) -> Records[Followup]:
        """Commitments and where they stand (`summit followups`); `as_of` the day that counts as today.

        The due-date filters leave out what they cannot place (no due date; a month, quarter or year only partly in
        range) without a word: `summit followups` says so on stderr, the records here cannot. To see them, filter
        `followups()` on `due_first` and `due_last` yourself (None: no due date)."""
        from summitcli.commands import followups

        for option, value in (("country", country), ("status", status), ("due_within", due_within)):
            _text(option, value)
        options = followups.Options(
            country=country,
            status=status,
            due_before=_day("--due-before", due_before),
            due_within=due_within,
            overdue=bool(overdue),
            as_of=_day("--as-of", as_of),
        )
        return _records(followups.listing_for(self._q, options), "follow-ups", Followup)

    def quotes(self, *, country: str | None = None, speaker: str | None = None) -> Records[Quote]:
        """Attributed quotes (`summit quotes`); `speaker` is any part of a name or alias."""
        from summitcli.commands import quotes

        _text("country", country)
        _text("speaker", speaker)
        listing = quotes.listing_for(self._q, quotes.Options(country=country, speaker=speaker))
        return _records(listing, "quotes", Quote)

    def people(self, name: str | None = None) -> Records[Person]:
        """Who's who (`summit people`): everyone, or those whose name, alias or id contains `name`."""
        from summitcli.commands import people

        _text("name", name)
        found = self._q.find_people(name) if name else list(self._q.data.people)
        return _records(people.listing(self._q, found), "people", Person)

    def sources(self) -> Records[Source]:
        """Every source with how many records cite it (`summit sources`)."""
        from summitcli.commands import sources

        return _records(sources.listing(self._q), "sources", Source)

    def topics(self) -> Records[Topic]:
        """The topics with counts per kind of record (`summit topics`)."""
        from summitcli.commands import topics

        return _records(topics.listing(self._q), "topics", Topic)

    def search(self, words: str | Iterable[str]) -> Records[SearchHit]:
        """Records where every word occurs, best first (`summit search`)."""
        from summitcli.commands import search

        text = (words,) if isinstance(words, str) else tuple(words) if isinstance(words, Iterable) else None
        if text is None or not all(isinstance(word, str) for word in text):
            raise UsageError(f"words must be text or a list of text, not {words!r}")
        found = search.Options(text=text).words()
        hits: list[Any] = [_dates(dict(hit), "date") for hit in search.rows_for(self._q, found)] if found else []
        return Records(hits, "search results", record_type=SearchHit)

    def changes(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        against: str | Path | None = None,
        country: str | None = None,
        kind: str | None = None,
    ) -> Records[Change]:
        """What changed between two versions of the dataset (`summit changes`): the files as they are now (or at
        git revision `until`) against revision `since` (a commit, tag, `HEAD~1` or `YYYY-MM-DD`), or against
        another copy of the dataset at `against`; the most important first, `date` a `datetime.date`."""
        from summitcli.commands import Settings, changes

        for option, value in (("since", since), ("until", until), ("country", country), ("kind", kind)):
            _text(option, value)
        if against is not None and not isinstance(against, (str, Path)):
            raise UsageError(f"against must be text or a pathlib.Path, not {type(against).__name__}")
        options = changes.Options(
            since=since, until=until, against=Path(against) if against is not None else None, country=country, kind=kind
        )
        settings = Settings(data=tuple(self._paths or ()), use_cache=self._use_cache)
        return _records(changes.listing_for(settings, self._q, options), "changes", Change)
