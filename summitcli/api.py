"""The Python API: the records each command prints, for notebooks and scripts.

    >>> import summitcli
    >>> week = summitcli.open_dataset()              # the bundled data, or $SUMMIT_DATA
    >>> week.agreements(country="canada", status="established")[0]["title"]
    'Canada-Korea Security and Defence Cooperation Partnership'
    >>> import pandas
    >>> pandas.DataFrame(week.agreements())

A dataset is read with the same validation and the same index as the CLI. Each method returns what the matching
command writes with `--format json`: the records' own typed fields (dates as `datetime.date`, unknowns None,
figures as `{label, value, amount, unit, ...}`, countries as ISO codes with `country_name` beside them). Names
are resolved as on the command line (`"canada"`, `"CA"`, `"캐나다"`); an unknown name or filter value raises
`summitcli.UsageError`, a country the dataset has nothing on `summitcli.NotFoundError`, bad data
`summitcli.DataError` (with `.problems`, one `FILE:LINE:COLUMN: FIELD: message` each).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from summitcli.query import Query
from summitcli.views import Record


def open_dataset(*paths: str | Path, use_cache: bool = True) -> Dataset:
    """A dataset from files or directories of YAML; with none, `$SUMMIT_DATA`, else the bundled data."""
    from summitcli.dataset import open_data

    return Dataset(Query(open_data([Path(p) for p in paths] or None, use_cache=use_cache)))


class Dataset:
    """One validated dataset and the questions the CLI asks of it."""

    def __init__(self, query: Query) -> None:
        self._q = query

    @property
    def title(self) -> str:
        return self._q.data.meta.title

    @property
    def home(self) -> str:
        """The ISO code of the country the briefings are about."""
        return self._q.home

    def countries(self) -> list[Record]:
        """Every country the dataset covers (`summit countries`)."""
        from summitcli.commands import countries

        return list(countries.listing(self._q).records)

    def brief(self, country: str) -> dict[str, Any]:
        """One country's briefing by section (`summit brief COUNTRY`): counterparts, meetings, outcomes,
        followups, quotes, context, encounters, plans, elsewhere, sources."""
        from summitcli.commands import brief

        return dict(brief.document_for(self._q, brief.Options(country=country, full=True)).records)

    def own_side(self) -> dict[str, Any]:
        """The home country's own records by section (`summit home`): events, outcomes, followups, quotes,
        context, plans, sources."""
        from summitcli.commands import home

        return dict(home.build(self._q).records)

    def timeline(
        self,
        *,
        start: dt.date | None = None,
        end: dt.date | None = None,
        country: str | None = None,
        topic: str | None = None,
        kind: str | None = None,
    ) -> list[Record]:
        """Events in date order, undated last (`summit timeline`)."""
        from summitcli.commands import timeline

        options = timeline.Options(start=start, end=end, country=country, topic=topic, kind=kind)
        return list(timeline.listing_for(self._q, options).records)

    def agreements(
        self,
        *,
        country: str | None = None,
        status: str | None = None,
        kind: str | None = None,
        topic: str | None = None,
    ) -> list[Record]:
        """Outcomes, one per country they involve (`summit agreements`)."""
        from summitcli.commands import agreements

        options = agreements.Options(country=country, status=status, kind=kind, topic=topic)
        return list(agreements.listing_for(self._q, options).records)

    def followups(
        self, *, country: str | None = None, status: str | None = None, due_before: dt.date | None = None
    ) -> list[Record]:
        """Commitments and where they stand (`summit followups`)."""
        from summitcli.commands import followups

        options = followups.Options(country=country, status=status, due_before=due_before)
        return list(followups.listing_for(self._q, options).records)

    def quotes(self, *, country: str | None = None, speaker: str | None = None) -> list[Record]:
        """Attributed quotes (`summit quotes`); `speaker` is any part of a name or alias."""
        from summitcli.commands import quotes

        return list(quotes.listing_for(self._q, quotes.Options(country=country, speaker=speaker)).records)

    def search(self, words: str | Iterable[str]) -> list[Record]:
        """Records where every word occurs, best first (`summit search`)."""
        from summitcli.commands import search

        found = search.Options(text=(words,) if isinstance(words, str) else tuple(words)).words()
        return search.rows_for(self._q, found) if found else []
