"""What a reader sees, apart from how it is drawn: a command builds typed records once, then one of these views.

- `Listing`: a list command's records (written as they are by json, jsonl, csv and tsv) and the table a person
  reads (rows of display values under columns, for the terminal, plain text, Markdown and HTML).
- `Document`: a view command's records (by section) and a document: key points first, then sections of entries,
  each line ending in the markers of its sources, and the sources once, numbered, at the end.

Renderers in `summitcli.output` write a view; they never reach back into the data model.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from summitcli import model
    from summitcli.output.base import Column, View

Record = dict[str, Any]  # a record's own typed fields: text, numbers, dates, lists, None for unknown


class Listing(NamedTuple):
    """A list command's output: `records` for machines, `rows` under `columns` for people."""

    records: Sequence[Record]
    fields: Sequence[str]  # the csv/tsv columns, in order: stable and documented per command
    rows: Sequence[dict[str, Any]]
    columns: Sequence[Column]
    view: View
    screen: Callable[[], Document] | None = None  # drawn in a terminal instead of the table (the timeline's agenda);
    # built only when a terminal asks for it


class Line(NamedTuple):
    """One line of a document: text, then the markers of the sources that state it."""

    text: str
    refs: Sequence[str] = ()
    dim: bool = False  # secondary (a summary, a note): dim in a terminal
    address: bool = False  # a URL or file: never wrapped, a hyperlink where the terminal takes one
    clip: bool = False  # one line in a terminal, cut with `…` (a list's aside: whole in every other format)


class Entry(NamedTuple):
    """One record in a document: its headline, a short lead (date, status) and indented continuation lines."""

    head: str
    refs: Sequence[str] = ()
    lead: str = ""
    lines: Sequence[Line] = ()
    divider: bool = False  # a dim line that says what follows (the agenda's "time not reported"), not a record


class KeyPoint(NamedTuple):
    """A labelled fact at the top of a document (`Counterpart`, `Meeting`, `Outcomes`)."""

    label: str
    lines: Sequence[Line]


class Section(NamedTuple):
    key: str  # the record list's name in json (`outcomes`) and the `section` column in csv/tsv/jsonl
    heading: str
    entries: Sequence[Entry]
    intro: str | None = None  # one line said before the entries (why these are set apart)
    more: str | None = None  # one line said after them: what a short view left out, and how to see it


class Document(NamedTuple):
    """A view command's output: a document for people, `records` (section -> records) for machines."""

    title: str
    subtitle: str | None
    key_points: Sequence[KeyPoint]
    sections: Sequence[Section]
    sources: Mapping[str, model.Source]  # every source a marker may point at, by id
    records: Mapping[str, Any]  # what `--format json` writes: one key per section (and the document's own keys)
    empty: str = "nothing to show"
    legend: bool = False  # a list drawn as a document (the timeline's agenda): its sources a line each, packed


def cited(document: Document) -> list[str]:
    """Source ids in order of first citation: key points, then sections; this order numbers the markers."""
    refs: dict[str, None] = {}
    for point in document.key_points:
        for line in point.lines:
            refs.update(dict.fromkeys(line.refs))
    for section in document.sections:
        for entry in section.entries:
            refs.update(dict.fromkeys(entry.refs))
            for line in entry.lines:
                refs.update(dict.fromkeys(line.refs))
    return [ref for ref in refs if ref in document.sources]
