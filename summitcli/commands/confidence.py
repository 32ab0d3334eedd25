"""How sure a fact is, said where the fact is read (issue 22, point 5).

A line whose every source is low confidence ends in `(low confidence)`; a figure that rests on one source where
its record cites several says `(one source)`. The words are part of the line's text, so the terminal, plain text,
Markdown and HTML show the same. Machine formats get the same judgement as typed fields: each record its
`source_count` and `low_confidence`, each figure its `confidence` (its own, else its record's), `source_count`
and `low_confidence`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from summitcli import model
from summitcli.records import fields
from summitcli.views import Document, Entry, KeyPoint, Line, Section

LOW = "low confidence"
ONE_SOURCE = "one source"


def all_low(refs: Sequence[str], sources: Mapping[str, model.Source]) -> bool:
    """Every source of `refs` that the dataset has is low confidence (and there is at least one)."""
    known = [sources[ref] for ref in refs if ref in sources]
    return bool(known) and all(source.confidence == "L" for source in known)


def caveat(words: Sequence[str]) -> str:
    """` (low confidence; one source)`: what a reader must know, said after the fact; empty when nothing is."""
    return f" ({'; '.join(words)})" if words else ""


def figure_words(item: model.Figure, record: Any, sources: Mapping[str, model.Source]) -> list[str]:
    """What a figure's line says of how sure it is: low confidence where its own confidence (else its record's)
    is L or every source it rests on is; one source where its record cites several."""
    refs = item.sources or record.sources
    said = []
    if (item.confidence or record.confidence) == "L" or all_low(refs, sources):
        said.append(LOW)
    if len(item.sources) == 1 and len(record.sources) > 1:
        said.append(ONE_SOURCE)
    return said


def figure_line(text: str, item: model.Figure, record: Any, sources: Mapping[str, model.Source]) -> Line:
    """A figure's own line (one with sources of its own), with what it rests on."""
    return Line(text + caveat(figure_words(item, record, sources)), item.sources)


def _line(line: Line, sources: Mapping[str, model.Source]) -> Line:
    if not line.refs or LOW in line.text or not all_low(line.refs, sources):
        return line
    return line._replace(text=line.text + caveat([LOW]))


def _entry(entry: Entry, sources: Mapping[str, model.Source]) -> Entry:
    head = entry.head
    if entry.refs and LOW not in head and all_low(entry.refs, sources):
        head += caveat([LOW])
    return entry._replace(head=head, lines=[_line(line, sources) for line in entry.lines])


def mark(document: Document) -> Document:
    """The document with `(low confidence)` on every line and entry whose every source is low confidence."""
    sources = document.sources
    points = [KeyPoint(p.label, [_line(line, sources) for line in p.lines]) for p in document.key_points]
    sections: list[Section] = [s._replace(entries=[_entry(e, sources) for e in s.entries]) for s in document.sections]
    return document._replace(key_points=points, sections=sections)


def how_sure(record: Any, sources: Mapping[str, model.Source]) -> dict[str, Any]:
    """A sourced record's `source_count` and `low_confidence`: low when it is tagged L or every source it cites is."""
    own = record.sources
    return {"source_count": len(own), "low_confidence": record.confidence == "L" or all_low(own, sources)}


def record_fields(record: Any, sources: Mapping[str, model.Source], **extra: Any) -> dict[str, Any]:
    """A record's own fields as machine formats write them, then `extra` (a command's own fields), then how sure
    it is: `source_count`, `low_confidence` (what a reader is told); and each figure its `confidence`,
    `source_count` and `low_confidence`."""
    own = getattr(record, "sources", None)
    if own is None:  # not a sourced record
        return fields(record, **extra)
    out = fields(record, **extra, **how_sure(record, sources))
    figures = getattr(record, "figures", None) or []
    for written, item in zip(out.get("figures", []), figures, strict=True):
        written["confidence"] = item.confidence or record.confidence
        written["source_count"] = len(item.sources or own)
        written["low_confidence"] = LOW in figure_words(item, record, sources)
    return out
