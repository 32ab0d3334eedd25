"""`summit changes --since REV [--until REV] | --against PATH`: what changed between two versions of the dataset.

Records are matched by id; each change is one record (`summitcli.changes.FIELDS`): in a terminal grouped by
country and phrased for a reader, in a pipe one change per line, in json/jsonl/csv/tsv typed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

import msgspec

from summitcli.change_words import phrase, weight
from summitcli.changes import FIELDS, KINDS, Change, change_record, compare, whole
from summitcli.commands import Settings
from summitcli.errors import UsageError
from summitcli.output import Column, Format, View, emit_listing
from summitcli.phrases import day
from summitcli.query import Query, check_value
from summitcli.views import Document, Entry, Listing, Section

COLUMNS = [
    Column("country", "Country"),
    Column("change", "Change", 6),
    Column("kind", "Kind"),
    Column("id", "Id"),
    Column("commit", "Commit"),
    Column("date", "Committed"),
    Column("sources", "Sources"),
]
OTHER = "Not about a country"


class Options(msgspec.Struct, frozen=True, kw_only=True):
    """What `summit changes` compares: the data now (or at `until`) with the version at `since`, or with another
    copy at `against`; which changes it shows (`country`, `kind`)."""

    since: str | None = None
    until: str | None = None
    against: Path | None = None
    country: str | None = None
    kind: str | None = None


class Comparison(NamedTuple):
    changes: list[Change]
    since: str  # how the older version is named: `HEAD~3 (abc1234, 10 Nov 2025)` or a path
    until: str  # how the newer one is: `the files on disk`, a revision
    asked: str  # the older version as typed: `HEAD~3`, a date, a path


def check(options: Options) -> None:
    if options.against is not None and (options.since or options.until):
        raise UsageError("--against compares with another copy: leave out --since and --until")
    if options.against is None and not options.since:
        raise UsageError("say what to compare with: --since REV (a commit, tag or YYYY-MM-DD) or --against PATH")


def _named(commit: Any) -> str:
    return f"{commit.asked} ({commit.short}, {day(commit.date)})"


def compare_versions(settings: Settings, q: Query, options: Options) -> Comparison:
    """The changes `options` ask for (the current data, `q`, already read and valid)."""
    from summitcli.datafiles import data_paths, display_name, find_files, read_files

    if options.against is not None:
        from summitcli.dataset import open_data

        other = open_data([options.against], use_cache=settings.use_cache)
        name = display_name(options.against)
        changes = compare(whole(other.all, name), whole(q.data.all, "."))
        return Comparison(changes, name, "the data in use", name)
    from summitcli import revisions

    paths = data_paths(settings.paths())
    revs = revisions.locate(paths, options.since or "", options.until)
    current = read_files(find_files(paths))
    changes = revisions.between(revs, current, q.data.file_records)
    until = _named(revs.new) if revs.new else "the files on disk"
    return Comparison(changes, _named(revs.old), until, revs.old.asked)


def speaker_country(q: Query) -> Any:
    def country(pid: str) -> str | None:
        person = q.people.get(pid)
        return person.country if person else None

    return country


def records_for(q: Query, comparison: Comparison) -> list[tuple[dict[str, Any], Change]]:
    """Each change's record, the most important first (status changes of outcomes and follow-ups)."""
    found = [(change_record(c, speaker_country(q)), c) for c in comparison.changes]
    return sorted(found, key=lambda pair: weight(pair[0]))


def select(
    q: Query, found: list[tuple[dict[str, Any], Change]], options: Options
) -> list[tuple[dict[str, Any], Change]]:
    code = q.resolve_country(options.country) if options.country else None
    kind = check_value(options.kind, lambda: KINDS.values(), "--kind", "record kind")
    return [
        (record, change)
        for record, change in found
        if (code is None or code in record["countries"]) and (kind is None or record["kind"] == kind)
    ]


def said(record: dict[str, Any], change: Change) -> str:
    after = change.after.record if change.after else None
    return phrase(record, getattr(after, "status_date", None))


def group(q: Query, record: dict[str, Any]) -> str:
    from summitcli.countries import country_name

    others = [c for c in record["countries"] if c != q.home] or record["countries"]
    return ", ".join(country_name(c) for c in others) or OTHER


def listing(q: Query, comparison: Comparison, found: list[tuple[dict[str, Any], Change]]) -> Listing:
    rows = [
        {
            "country": group(q, record),
            "change": said(record, change),
            "kind": record["kind"],
            "id": record["id"],
            "commit": record["commit"][:7] if record["commit"] else None,
            "date": record["date"].isoformat() if record["date"] else None,
            "sources": record["sources"],
        }
        for record, change in found
    ]
    title = f"{q.data.meta.title} · changes since {comparison.since}"
    view = View(
        title=title,
        group_by="country",
        sources=q.citations(),
        source_columns=("sources",),
        empty=f"no changes since {comparison.since}",
    )
    records = [record for record, _ in found]
    return Listing(records, FIELDS, rows, COLUMNS, view, screen=lambda: screen(q, comparison, rows))


def screen(q: Query, comparison: Comparison, rows: list[dict[str, Any]]) -> Document:
    """The terminal's view: the changes grouped by country, each with its commit and sources."""
    groups: dict[str, list[Entry]] = {}
    for row in rows:
        when = " · ".join(x for x in (row["commit"], day_of(row["date"])) if x) or "not committed"
        groups.setdefault(row["country"], []).append(Entry(row["change"], row["sources"], when))
    order = sorted(groups, key=lambda name: (name == OTHER, name))
    sections = [Section(name, name, groups[name]) for name in order]
    n = len(rows)
    subtitle = f"{n} change{'' if n == 1 else 's'} · {comparison.since} → {comparison.until}"
    return Document(
        f"{q.data.meta.title} · what changed",
        subtitle,
        [],
        sections,
        q.citations(),
        {},
        empty=f"no changes since {comparison.since}",
    )


def day_of(iso: str | None) -> str | None:
    import datetime as dt

    return day(dt.date.fromisoformat(iso)) if iso else None


def listing_for(settings: Settings, q: Query, options: Options) -> Listing:
    check(options)
    comparison = compare_versions(settings, q, options)
    return listing(q, comparison, select(q, records_for(q, comparison), options))


def changes(settings: Settings, options: Options, *, fmt: Format) -> None:
    check(options)
    q = settings.query()
    emit_listing(listing_for(settings, q, options), fmt, settings.display)
