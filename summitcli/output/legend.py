"""A list's sources in a terminal: one line each (publication · date · confidence), packed in columns.

A list's records come first; its sources are a key to the markers, not a bibliography. Each source takes one
line, the publication a hyperlink to the address where the terminal takes OSC 8, and as many sources go on a line
as the window has room for columns of at least `COLUMN_MIN` cells (numbered down each column, as `ls` lists).
The whole citation and address are in every other format, in `summit sources ID`, and with the command's
`--sources`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from rich.cells import cell_len, chop_cells

from summitcli.output.sgr import DIM, MARKER
from summitcli.output.terminal import Painter, hyperlink
from summitcli.phrases import CONFIDENCE, address, day
from summitcli.text import visible

COLUMN_MIN = 46  # cells: narrower columns would leave too little of a publication's name
GAP = 3
HEADING = "Sources · publication · date · confidence; whole with --sources"


class Item(NamedTuple):
    marker: str
    publication: str
    tail: str  # " · date · confidence"
    address: str | None


def _item(number: int, ref: str, sources: Mapping[str, Any]) -> Item:
    source = sources.get(ref)
    if source is None or isinstance(source, str):
        return Item(f"[{number}]", visible(str(source or ref)), "", None)
    when = day(source.date) or "undated"
    confidence = CONFIDENCE.get(source.confidence, source.confidence)
    publication = visible(source.publication or "publication not reported")
    return Item(f"[{number}]", publication, f" · {when} · {confidence}", address(source))


def legend(numbers: Mapping[str, int], sources: Mapping[str, Any], width: int, paint: Painter) -> list[str]:
    """The cited sources (id -> marker number, in number order), a line each, packed in columns within `width`."""
    items = [_item(number, ref, sources) for ref, number in numbers.items()]
    if not items:
        return []
    columns = max(1, min((width + GAP) // (COLUMN_MIN + GAP), len(items)))
    column_width = (width - GAP * (columns - 1)) // columns
    marker_width = max(len(item.marker) for item in items)
    cells = [_cell(item, marker_width, column_width, paint) for item in items]
    rows = -(-len(cells) // columns)
    lines = []
    for r in range(rows):
        line = [cells[c * rows + r] for c in range(columns) if c * rows + r < len(cells)]
        lines.append((" " * GAP).join(text + " " * (column_width - size) for text, size in line).rstrip())
    return lines


def _cell(item: Item, marker_width: int, width: int, paint: Painter) -> tuple[str, int]:
    """One source as painted text and the cells it takes: the publication cut with `…` to leave the date and
    confidence whole."""
    room = width - marker_width - 1 - cell_len(item.tail)
    publication = item.publication
    if cell_len(publication) > room:
        publication = chop_cells(publication, max(room - 1, 1))[0].rstrip() + "…"
    shown = hyperlink(item.address, paint, publication) if item.address else publication
    marker = item.marker + " " * (marker_width - len(item.marker))
    text = f"{paint(marker, MARKER)} {shown}{paint(item.tail, DIM)}"
    return text, marker_width + 1 + cell_len(publication) + cell_len(item.tail)
