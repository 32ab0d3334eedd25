"""Terminal tables: fitted to the window, one heading per group, source markers, colour.

Drawn here rather than with Rich's `Table`: importing Rich's console and table costs about 40 ms and laying out
the eight tables of a brief about 50 ms more, which alone spent the start-up budget in a terminal
(tests/benchmarks/bench_startup.py). Widths still come from Rich: `rich.cells` measures Hangul, emoji and
combining marks in terminal cells, and imports in about 2 ms.

Data only ever goes in as text: control characters are made visible first, and nothing is read as markup, so
`[bold]` in the data prints literally.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from typing import Any, NamedTuple

from rich.cells import cell_len, chop_cells

from summitcli.output.base import NOT_REPORTED, ColorMode, Column, View, is_unknown, stdout_is_terminal
from summitcli.output.sgr import BOLD, DIM, DIM_ITALIC, HEADING, HEAT, HIGHLIGHT, MARKER
from summitcli.text import visible, visible_keep_newlines

COLOURS = re.compile(r"(?:^|;)(?:3[0-9]|9[0-7])(?=;|$)")  # foreground colours, dropped under NO_COLOR
SOURCE_COLUMN_MAX = 12
GAP = 3  # " │ " between columns


class Cell(NamedTuple):
    text: str
    style: str = ""
    right: bool = False  # right-justified (counts)


class Layout(NamedTuple):
    no_wrap: bool  # wrapped only when the window is too narrow for anything else
    ratio: int | None  # a prose column's share of the room; None = as wide as its content
    cap: int  # the widest it may be


class Painter:
    """Turns text and an SGR style into what the terminal should get: styled, colourless or plain."""

    def __init__(self, color: ColorMode) -> None:
        dumb = os.environ.get("TERM", "") in ("dumb", "unknown")
        self.styles = color is ColorMode.always or (color is ColorMode.auto and stdout_is_terminal() and not dumb)
        self.colours = self.styles and (color is ColorMode.always or not os.environ.get("NO_COLOR"))
        self.box = _box_characters()

    def __call__(self, text: str, style: str) -> str:
        if not (style and text and self.styles):
            return text
        if not self.colours:
            style = COLOURS.sub("", style).lstrip(";")
            if not style:
                return text
        return f"\x1b[{style}m{text}\x1b[0m"


def _box_characters() -> tuple[str, str, str, str]:
    """Cell separator, header separator, rule and rule junction: box drawing where stdout can encode it."""
    try:
        "│┃━╇".encode(sys.stdout.encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return "|", "|", "-", "+"
    return "│", "┃", "━", "╇"


MAX_WIDTH = 1000  # columns: a wider COLUMNS (or terminal) is drawn at this width


def terminal_width() -> int:
    """As Rich decides it: COLUMNS, else the size of the terminal on stdout, stdin or stderr, else 80; at most
    MAX_WIDTH."""
    from summitcli.environment import env_number

    columns = env_number("COLUMNS", 1, MAX_WIDTH)
    if columns is not None:
        return columns
    for stream in (sys.__stdout__, sys.__stdin__, sys.__stderr__):
        try:
            return min(os.get_terminal_size(stream.fileno()).columns or 80, MAX_WIDTH)  # type: ignore[union-attr]
        except (AttributeError, OSError, ValueError):
            continue
    return 80


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` cells: broken between words, a word longer than a line folded across lines."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line: list[str] = []  # the words of the line being filled, joined once it is full (linear in the text)
        used = 0
        for word in paragraph.split():
            size = cell_len(word)
            if line and used + 1 + size <= width:
                line.append(word)
                used += 1 + size
                continue
            if line:
                lines.append(" ".join(line))
            pieces = _folded(word, width) if size > width else [word]
            lines.extend(pieces[:-1])
            line, used = [pieces[-1]], cell_len(pieces[-1])
        lines.append(" ".join(line))
    return lines


def _folded(word: str, width: int) -> list[str]:
    """A word too long for a line, in pieces of at most `width` cells: a run of source markers (`[19][20][21]`)
    between markers, never inside one; any other word wherever the width falls."""
    if MARKERS.fullmatch(word):
        pieces: list[str] = []
        for marker in re.findall(r"\[[^\[\]]*\]", word):
            if pieces and cell_len(pieces[-1]) + cell_len(marker) <= width:
                pieces[-1] += marker
            else:
                pieces.append(marker)
        return pieces
    return [piece for piece in chop_cells(word, width) if piece]


MARKERS = re.compile(r"(?:\[[0-9–]+\])+")
FOLD_FLOOR = 6  # the narrowest a column gets when words must be folded
TITLE_SHOWN = 24  # the least of a title a citation cut to one line keeps; else it wraps
STACK_BELOW = 60  # windows narrower than this get a block per row rather than folded words


def fit_widths(
    natural: list[int], minimum: list[int], layout: list[Layout], room: int, fold: bool = False
) -> list[int]:
    """Column widths within `room` cells if they can be had without breaking a word. Every column is as wide as its
    content when that fits. Else cells are taken one at a time: first from the prose columns (those with a ratio),
    most width per ratio first, so that they share the room by ratio, down to 10 cells or their longest word; then
    from the widest column that may wrap, down to its longest word; then, if `fold`, from the widest column down
    to a few cells, folding its long words."""
    widths = list(natural)
    phases = [
        ([min(n, max(m, 10)) if c.ratio else n for n, m, c in zip(natural, minimum, layout, strict=True)], True),
        ([n if c.no_wrap else m for n, m, c in zip(natural, minimum, layout, strict=True)], False),
    ]
    if fold:
        phases.append(([min(n, FOLD_FLOOR) for n in natural], False))
    for floors, by_ratio in phases:
        while sum(widths) > room:
            shrinkable = [i for i, width in enumerate(widths) if width > floors[i]]
            if not shrinkable:
                break
            widest = max(shrinkable, key=lambda i: widths[i] / (layout[i].ratio or 1) if by_ratio else widths[i])
            widths[widest] -= 1
    return widths


def _cell(value: Any, view: View, expected: bool) -> Cell:
    if is_unknown(value):
        return Cell(NOT_REPORTED, DIM_ITALIC) if expected else Cell("")
    if isinstance(value, int) and not isinstance(value, bool):
        if view.heat:
            style = next((style for floor, style in HEAT if value >= floor), DIM)
            return Cell(str(value) if value else "·", style, right=True)
        return Cell(str(value), right=True)
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return Cell(visible_keep_newlines(str(value)))


class Table:
    """Rows of cells under one set of columns, shared by every group so that columns line up down the page.
    Columns too wide for the window without breaking words fold their longest words if `fold`; else, or if that
    is not enough, each row is a block of `Header  value` lines."""

    def __init__(
        self, headers: list[str], body: list[list[Cell]], layout: list[Layout], width: int, fold: bool = False
    ) -> None:
        self.headers = [Cell(header, BOLD) for header in headers]
        columns = (
            [[cell.text for cell in column] for column in zip(*body, strict=True)] if body else [[] for _ in headers]
        )
        natural = [
            min(c.cap, max([cell_len(header), *(cell_len(line) for text in texts for line in text.split("\n"))]))
            for header, texts, c in zip(headers, columns, layout, strict=True)
        ]
        minimum = [_longest_word([header, *texts]) for header, texts in zip(headers, columns, strict=True)]
        room = width - GAP * (len(headers) - 1)
        self.natural = natural
        self.widths = fit_widths(natural, minimum, layout, room, fold)
        self.stacked = sum(self.widths) > room
        self.width = width

    def header(self, paint: Painter) -> list[str]:
        if self.stacked:
            return []
        _, thick, rule, junction = paint.box
        return [*self._lines(self.headers, paint, thick), f"{rule}{junction}{rule}".join(rule * w for w in self.widths)]

    def row(self, cells: list[Cell], paint: Painter, highlight: re.Pattern[str] | None) -> list[str]:
        if not self.stacked:
            return self._lines(cells, paint, paint.box[0], highlight)
        indent = max(cell_len(header.text) for header in self.headers) + 2
        out = []
        for header, cell in zip(self.headers, cells, strict=True):
            out += hanging(header, cell, indent, self.width, paint, highlight)
        return [*out, ""]

    def _lines(
        self, cells: list[Cell], paint: Painter, separator: str, highlight: re.Pattern[str] | None = None
    ) -> list[str]:
        wrapped = [wrap(cell.text, width) for cell, width in zip(cells, self.widths, strict=True)]
        out = []
        for n in range(max(len(lines) for lines in wrapped)):
            parts = []
            for cell, lines, width in zip(cells, wrapped, self.widths, strict=True):
                line = lines[n] if n < len(lines) else ""
                pad = " " * max(width - cell_len(line), 0)
                shown = _highlighted(line, cell.style, highlight, paint)
                parts.append(pad + shown if cell.right else shown + pad)
            out.append(f" {separator} ".join(parts).rstrip())
        return out


def hanging(
    label: Cell, cell: Cell, indent: int, width: int, paint: Painter, highlight: re.Pattern[str] | None = None
) -> list[str]:
    """`label  text`, the text wrapped and its lines indented under the first (at least 10 cells of text)."""
    lines = wrap(cell.text, max(width - indent, 10))
    first = paint(label.text, label.style) + " " * (indent - cell_len(label.text))
    return [
        (first if n == 0 else " " * indent) + _highlighted(line, cell.style, highlight, paint)
        for n, line in enumerate(lines)
    ]


def _longest_word(texts: list[str]) -> int:
    return max((cell_len(word) for text in texts for word in text.split()), default=1)


def _highlighted(line: str, style: str, highlight: re.Pattern[str] | None, paint: Painter) -> str:
    if highlight is None or not paint.styles:
        return paint(line, style)
    pieces = highlight.split(line)  # the pattern has one group: matches land at odd positions
    return "".join(paint(piece, HIGHLIGHT if i % 2 else style) for i, piece in enumerate(pieces))


class _Cells:
    """Rows as cells under one set of columns; source markers numbered in order of first citation."""

    def __init__(self, view: View) -> None:
        self.view = view
        self.numbers: dict[str, int] = {}

    def markers(self, refs: list[str]) -> Cell:
        for ref in refs:
            self.numbers.setdefault(ref, len(self.numbers) + 1)
        from summitcli.output.text_document import marker_text

        return Cell(marker_text(sorted({self.numbers[r] for r in refs})), MARKER)

    def value(self, row: dict[str, Any], column: Column) -> Cell:
        """A row's value in a column: markers for a column of sources; the values of the column shown below it
        (`Column.below`) on lines of their own."""
        if column.key in self.view.source_columns:
            return self.markers(row.get(column.key) or [])
        shown = _cell(column.read(row), self.view, column.expected)
        below = row.get(column.below) if column.below else None
        if below:
            extra = "\n".join(visible(str(v)) for v in (below if isinstance(below, list) else [below]))
            return Cell(f"{shown.text}\n{extra}", shown.style, shown.right)
        return shown

    def groups(self, rows: Sequence[dict[str, Any]], kept: list[Column]) -> dict[Any, list[list[Cell]]]:
        """The rows' cells under each group's key (None when the view has no groups), with a markers cell of the
        row's sources when the view lists sources."""
        view = self.view
        groups: dict[Any, list[list[Cell]]] = {}
        for row in rows:
            key = row.get(view.group_by) if view.group_by else None
            cells = [self.value(row, c) for c in kept]
            if view.sources is not None:
                cells.append(self.markers(row.get("sources") or []))
            groups.setdefault(", ".join(map(str, key)) if isinstance(key, list) else key, []).append(cells)
        return groups


class _Laid(NamedTuple):
    table: Table
    groups: dict[Any, list[list[Cell]]]
    numbers: dict[str, int]  # source id -> marker number


def _lay_out(rows: Sequence[dict[str, Any]], kept: list[Column], view: View, width: int, fold: bool) -> _Laid:
    cells = _Cells(view)
    groups = cells.groups(rows, kept)
    headers = [c.header for c in kept]
    layout = [Layout(c.no_wrap, c.ratio, width) for c in kept]
    if view.sources is not None:
        headers.append("src")
        layout.append(Layout(False, None, SOURCE_COLUMN_MAX))
    body = [cells for members in groups.values() for cells in members]
    return _Laid(Table(headers, body, layout, width, fold), groups, cells.numbers)


def _fitted(rows: Sequence[dict[str, Any]], shown: list[Column], view: View, width: int) -> _Laid:
    """Too wide: drop the low-value columns first, in the view's order; then fold words; blocks (of every column)
    only when the window is narrow."""
    laid = _lay_out(rows, shown, view, width, False)
    kept = shown
    for key in view.drop:
        if not (laid.table.stacked or _squeezed(laid.table, kept)):
            break
        kept = [c for c in kept if c.key != key]
        laid = _lay_out(rows, kept, view, width, False)
    if laid.table.stacked:
        laid = (
            _lay_out(rows, kept, view, width, True)
            if width >= STACK_BELOW
            else _lay_out(rows, shown, view, width, False)
        )
    return laid


PROSE_MIN = 24  # cells: a prose column narrower than this (and than its text) makes room by dropping a column


def _squeezed(table: Table, kept: list[Column]) -> bool:
    """Whether the main prose column (the largest ratio) is squeezed below PROSE_MIN cells and below its text's
    width: then a column the view can spare goes first."""
    main = max((column.ratio or 0 for column in kept), default=0)
    return main > 0 and any(
        column.ratio == main and width < min(PROSE_MIN, natural)
        for column, width, natural in zip(kept, table.widths, table.natural, strict=False)
    )


def _highlighter(view: View) -> re.Pattern[str] | None:
    if not view.highlight:
        return None
    return re.compile("(" + "|".join(re.escape(word) for word in view.highlight) + ")", re.IGNORECASE)


def _body(laid: _Laid, view: View, paint: Painter) -> list[str]:
    """The header, then each group under its heading (when the view groups rows) and its rows."""
    table, highlight = laid.table, _highlighter(view)
    out: list[str] = table.header(paint)  # once: the columns line up down the page
    for group, members in laid.groups.items():
        if view.group_by:
            out.append(paint(visible_keep_newlines(str(group if group is not None else NOT_REPORTED)), HEADING))
        for cells in members:
            out += table.row(cells, paint, highlight)
        if not table.stacked:
            out.append("")
    return out


def _source_list(numbers: dict[str, int], view: View, width: int, paint: Painter) -> list[str]:
    """The sources the markers point to, numbered, one line each (`summitcli.output.legend`)."""
    if view.sources is None or not numbers:
        return []
    from summitcli.output.legend import HEADING, legend

    return [paint(HEADING, BOLD), *legend(numbers, view.sources, width, paint)]


def table_text(rows: Sequence[dict[str, Any]], columns: Sequence[Column], view: View, color: ColorMode) -> str:
    """The rows as a table fitted to the terminal: the title, each group under its heading, the sources."""
    paint = Painter(color)
    width = terminal_width()
    out: list[str] = []
    if view.title:
        out += [paint(line, BOLD) for line in wrap(visible_keep_newlines(view.title), width)]
    if not rows:
        out.append(paint(view.empty, DIM))
        return "\n".join(out) + "\n"
    under = {c.below for c in columns if c.below}
    shown = [c for c in columns if c.key not in view.hidden and c.key != view.group_by and c.key not in under]
    laid = _fitted(rows, shown, view, width)
    out += _body(laid, view, paint)
    out += _source_list(laid.numbers, view, width, paint)
    return "\n".join(out) + "\n"


def fit_line(text: str, width: int, *, always: bool = False) -> str:
    """`text` cut with an ellipsis to fit one line of `width` cells (a citation's title, which comes last: the whole
    citation is in every other format, and its address is on the next line); `always`: cut whatever is left."""
    if cell_len(text) <= width or width < 20:
        return text
    cut = chop_cells(text, width - 1)[0].rstrip()
    if always:
        return cut + "…"
    title = text.rfind(" · “")
    if title >= 0 and cell_len(cut) - cell_len(text[:title]) < TITLE_SHOWN:
        return text  # too little of the title would be left: wrap instead
    return cut + "…"


def hyperlink(address: str, paint: Painter, label: str | None = None) -> str:
    """`label` (else the address, whole on its line): an OSC 8 hyperlink to the address where the terminal takes
    escapes and it is a web URL."""
    from summitcli.output.escape import linkable

    shown = address if label is None else label
    if not paint.styles or not linkable(address):
        return shown
    return f"\x1b]8;;{address}\x1b\\{shown}\x1b]8;;\x1b\\"
