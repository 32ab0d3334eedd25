"""What changed between two versions of a dataset, record by record: matched by id, compared field by field.

A version is a set of records keyed by (record list, id). Between git revisions only the files that differ are
parsed (`summitcli.gitrev` says which); every other file is the same in both, so none of its records changed.
Each change becomes one typed record (`change_record`), the same for every output; `summitcli.change_words`
phrases it for a reader. A record whose id changed and nothing else is `renamed`; otherwise a new id is a record
`removed` and another `added`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

import msgspec

from summitcli import model
from summitcli.datafiles import SourceFile
from summitcli.errors import DataError
from summitcli.gitrev import Commit
from summitcli.problems import Problem
from summitcli.query import label

Key = tuple[str, str]  # (record list, id)
KINDS = model.KINDS  # the kind a change names: `followup` for the list `followups`
FIELDS = ["change", "kind", "id", "previous_id", "title", "countries", "fields", "sources", "file", "commit", "date"]


class Located(NamedTuple):
    record: Any
    file: str  # the file as git names it (or as given, for --against)


Version = dict[Key, Located]


class Change(NamedTuple):
    change: str  # added, removed, changed, renamed
    list: str
    before: Located | None
    after: Located | None
    commit: Commit | None = None  # the commit that made it; None: not committed (or no git)

    @property
    def key(self) -> Key:
        located = self.after or self.before
        assert located is not None
        return (self.list, located.record.id)


def parse_version(files: Iterable[tuple[str, SourceFile]]) -> Version:
    """The records of these (name, file) pairs; DataError with every problem if one does not validate on its own."""
    from summitcli.loader import Refused, parse_file

    problems: list[Problem] = []
    found: Version = {}
    for name, source in files:
        parsed = parse_file(source, problems)
        for list_name, _, record in parsed.records if parsed else ():
            if not isinstance(record, Refused):
                found[(list_name, record.id)] = Located(record, name)
        source.release()
    if problems:
        raise DataError(problems)
    return found


def state(version: Version) -> dict[Key, bytes]:
    """Each record as bytes: equal bytes, equal records."""
    return {key: msgspec.json.encode(located.record) for key, located in version.items()}


def _without_id(record: Any) -> bytes:
    return msgspec.json.encode({k: v for k, v in msgspec.to_builtins(record).items() if k != "id"})


def compare(old: Version, new: Version) -> list[Change]:
    """Every record added, removed, renamed or changed from `old` to `new`, in the order of the record lists."""
    before, after = state(old), state(new)
    gone = [k for k in old if k not in new]
    came = [k for k in new if k not in old]
    renamed = _renamed(old, new, gone, came)
    changes = [Change("changed", k[0], old[k], new[k]) for k in new if k in old and before[k] != after[k]]
    changes += [Change("renamed", k[0], old[renamed[k]], new[k]) for k in came if k in renamed]
    changes += [Change("added", k[0], None, new[k]) for k in came if k not in renamed]
    changes += [Change("removed", k[0], old[k], None) for k in gone if k not in renamed.values()]
    order = {name: i for i, name in enumerate(model.RECORD_LISTS)}
    return sorted(changes, key=lambda c: (order[c.list], c.key[1]))


def _renamed(old: Version, new: Version, gone: list[Key], came: list[Key]) -> dict[Key, Key]:
    """Each new key whose record is a gone one with another id and nothing else changed: new key -> old key."""
    renamed: dict[Key, Key] = {}
    unmatched = {(k[0], _without_id(new[k].record)): k for k in came}
    for key in gone:
        match = unmatched.pop((key[0], _without_id(old[key].record)), None)
        if match is not None:
            renamed[match] = key
    return renamed


def field_changes(before: Any, after: Any) -> list[dict[str, Any]]:
    """Each field that differs: `{field, label, before, after}` with typed values; figures one by one, by label."""
    old = msgspec.to_builtins(before, builtin_types=(dt.date,))
    new = msgspec.to_builtins(after, builtin_types=(dt.date,))
    found: list[dict[str, Any]] = []
    for name in type(after).__struct_fields__:
        if name == "id" or old.get(name) == new.get(name):
            continue
        if name == "figures":
            found += _figure_changes(old.get(name) or [], new.get(name) or [])
        else:
            found.append({"field": name, "label": None, "before": old.get(name), "after": new.get(name)})
    return found


def _figure_changes(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_label = {f["label"]: f for f in old}
    found = []
    for figure in new:
        previous = by_label.pop(figure["label"], None)
        if previous != figure:
            found.append({"field": "figures", "label": figure["label"], "before": previous, "after": figure})
    found += [{"field": "figures", "label": lab, "before": f, "after": None} for lab, f in by_label.items()]
    return found


def countries(record: Any, speaker_country: Callable[[str], str | None]) -> list[str]:
    """The countries a record is about: its parties, countries or country; a quote's speaker's too."""
    codes = [*getattr(record, "parties", []), *getattr(record, "countries", [])]
    if (country := getattr(record, "country", None)) is not None:
        codes.append(country)
    if (speaker := getattr(record, "speaker", None)) is not None and (code := speaker_country(speaker)):
        codes.append(code)
    return list(dict.fromkeys(codes))


def cites(change: Change, fields: list[dict[str, Any]]) -> list[str]:
    """The sources the new value cites: a status its status sources, a figure its own, else the record's own."""
    located = change.after or change.before
    assert located is not None
    record = located.record
    if change.list == "sources":
        return [record.id]
    changed = {f["field"] for f in fields}
    if "status" in changed and getattr(record, "status_sources", None):
        return list(record.status_sources)
    return _figure_sources(fields, changed) or list(
        getattr(record, "sources", None) or getattr(record, "actual_sources", None) or []
    )


def _figure_sources(fields: list[dict[str, Any]], changed: set[str]) -> list[str]:
    """Where only figures changed, the sources the new figures cite (none: the record's own)."""
    figures = [f["after"] for f in fields if f["field"] == "figures" and f["after"]]
    if changed != {"figures"}:
        return []
    return list(dict.fromkeys(s for f in figures for s in f["sources"]))


def change_record(change: Change, speaker_country: Callable[[str], str | None]) -> dict[str, Any]:
    """One change as the machine formats write it (see FIELDS)."""
    located = change.after or change.before
    assert located is not None
    fields = field_changes(change.before.record, change.after.record) if change.change == "changed" else []  # type: ignore[union-attr]
    return {
        "change": change.change,
        "kind": KINDS[change.list],
        "id": located.record.id,
        "previous_id": change.before.record.id if change.change == "renamed" and change.before else None,
        "title": label(located.record),
        "countries": countries(located.record, speaker_country),
        "fields": fields,
        "sources": cites(change, fields),
        "file": located.file,
        "commit": change.commit.sha if change.commit else None,
        "date": change.commit.date if change.commit else None,
    }


def whole(lists: Callable[[str], list[Any]], name: str) -> Version:
    """Every record of a dataset (`lists(name)` gives one record list), for --against: one name for every file."""
    return {(n, r.id): Located(r, name) for n in model.RECORD_LISTS for r in lists(n)}


def label_file(rev: str, path: str) -> Path:
    """How a file of an earlier version is named in its problems: `REV:path`."""
    return Path(f"{rev}:{path}")
