"""A document (`summitcli.views.Document`) as text: styled and wrapped for a terminal, or plain for a pipe.

Both read the same way: the title, the key points under their labels, then each section under its heading, one
entry per record (a date or other lead in a column of its own, the headline, indented continuation lines), every
line ending in the markers of its sources, and the sources once, numbered, each address whole on a line of its own.

Plain text has no colour, no box characters and no wrapping: saved or mailed it reads the same, and every fact is
one line for grep. In a terminal, addresses are OSC 8 hyperlinks and are never broken.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from summitcli.output.base import ColorMode
from summitcli.output.sgr import BOLD, DIM, HEADING, MARKER
from summitcli.phrases import citation_parts
from summitcli.text import visible
from summitcli.views import Document, Entry, Line, Section, cited

if TYPE_CHECKING:
    from summitcli.output.terminal import Painter

LEAD = DIM
INDENT = 2  # entries under a heading
GUTTER = 2  # between a lead or label and its text
BULLET = "•"  # the lead of an entry with none (an undated record), so that it never reads as a continuation


def cell_len(text: str) -> int:
    """Terminal cells `text` takes: its length where every character takes one cell; else as Rich measures
    (loaded only then: plain text in a pipe, the common case, rarely needs Rich)."""
    if all(ch < "\u0300" or "\u2010" <= ch <= "\u2027" for ch in text):  # Latin text, dashes, quotes, bullet
        return len(text)
    from rich.cells import cell_len as cells

    return cells(text)


def marker_text(numbers: list[int]) -> str:
    """`[2][6][7]`, with three or more numbers in a row as a range: `[3][15–20]`."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return "".join(f"[{run[0]}–{run[-1]}]" if len(run) > 2 else "".join(f"[{n}]" for n in run) for run in runs)


class _Writer:
    def __init__(self, document: Document, styled: bool, color: ColorMode) -> None:
        self.paint: Painter | None = None
        self.width: int | None = None
        if styled:  # the terminal's module (Rich's cell widths, colours) only for a terminal
            from summitcli.output.terminal import Painter, terminal_width

            self.paint, self.width = Painter(color), terminal_width()
        self.numbers = {ref: n for n, ref in enumerate(cited(document), 1)}
        self.out: list[str] = []

    def styled(self, text: str, style: str) -> str:
        return self.paint(text, style) if self.paint else text

    def markers(self, refs: Sequence[str]) -> str:
        return marker_text(sorted({self.numbers[ref] for ref in refs if ref in self.numbers}))

    def hanging(self, first: str, indent: int, line: Line | str, style: str = "") -> None:
        """`first` (already padded to `indent` cells), then the line's text and markers, wrapped under itself."""
        if isinstance(line, str):
            line = Line(line)
        text, marks = visible(line.text), self.markers(line.refs)
        style = style or (DIM if line.dim else "")
        if line.address:
            self.out.append(first + _link(self, text))
            return
        if self.width is None:
            self.out.append((first + text + (" " + marks if marks else "")).rstrip())
            return
        from summitcli.output.terminal import wrap

        if line.clip:
            text = _clipped(text, marks, self.width - indent)
        pieces = wrap(f"{text} {marks}" if marks else text, max(self.width - indent, 20))
        for n, piece in enumerate(pieces):
            start = first if n == 0 else " " * indent
            if marks and n == len(pieces) - 1 and piece.endswith(marks):
                body = piece[: len(piece) - len(marks)]
                shown = self.styled(body, style) + self.styled(marks, MARKER)
            else:
                shown = self.styled(piece, style)
            self.out.append((start + shown).rstrip())

    def heading(self, text: str) -> None:
        self.out.append("")
        if self.width is None:
            self.out += [text, "-" * cell_len(text)]
            return
        assert self.paint is not None
        rule = self.paint.box[2]
        self.out.append(
            self.styled(text, HEADING) + " " + self.styled(rule * max(self.width - cell_len(text) - 1, 0), DIM)
        )


def _clipped(text: str, marks: str, width: int) -> str:
    """`text` cut with `…` to leave room on one line of `width` cells for its markers."""
    from summitcli.output.terminal import fit_line

    return fit_line(text, max(width - (cell_len(marks) + 1 if marks else 0), 20), always=True)


def render(document: Document, styled: bool, color: ColorMode = ColorMode.auto) -> str:
    w = _Writer(document, styled, color)
    title = visible(document.title) + (f" · {document.subtitle}" if document.subtitle else "")
    w.out.append(w.styled(title, BOLD))
    _key_points(w, document)
    columns = _Columns.of(document)
    for section in document.sections:
        _section(w, section, columns)
    if not document.sections and not document.key_points:
        w.out.append(w.styled(document.empty, DIM))
    _sources(w, document)
    return "\n".join(w.out) + "\n"


def _key_points(w: _Writer, document: Document) -> None:
    """Each key point's lines beside its label, the labels in a column of their own."""
    if not document.key_points:
        return
    w.out.append("")
    label_width = max(cell_len(point.label) for point in document.key_points) + GUTTER
    for point in document.key_points:
        for n, line in enumerate(point.lines):
            label = point.label if n == 0 else ""
            first = w.styled(label, BOLD) + " " * (label_width - cell_len(label))
            w.hanging(first, label_width, line)


class _Columns(NamedTuple):
    """Where the entries of every section start: one column of leads (dates) for the whole document."""

    lead_width: int  # the widest lead; 0 when no entry has one
    indent: int  # where a headline starts
    under: int  # where its continuation lines start: under the headline, or indented below it

    @classmethod
    def of(cls, document: Document) -> _Columns:
        leads = [entry.lead for section in document.sections for entry in section.entries if entry.lead]
        lead_width = max((cell_len(lead) for lead in leads), default=0)
        indent = INDENT + (lead_width + GUTTER if lead_width else 0)
        return cls(lead_width, indent, indent + (0 if lead_width else GUTTER))


def _section(w: _Writer, section: Section, columns: _Columns) -> None:
    """The heading, what the section says first, an entry per record, and what it left out."""
    w.heading(visible(section.heading))
    if section.intro:
        w.out.append(" " * INDENT + w.styled(visible(section.intro), DIM))
    for entry in section.entries:
        _entry(w, entry, columns)
    if section.more:  # under the headlines, or alone under the heading
        at = columns.indent if section.entries else INDENT
        w.hanging(" " * at, at, Line(section.more, dim=True))


def _entry(w: _Writer, entry: Entry, columns: _Columns) -> None:
    """The lead (a bullet when there is none), the headline (bold when lines follow), then its lines; a divider
    dim in the leads' column."""
    if entry.divider:
        w.out.append(" " * INDENT + w.styled(visible(entry.head), DIM))
        return
    lead = visible(entry.lead) or BULLET
    pad = " " * (columns.indent - INDENT - cell_len(lead))
    first = " " * INDENT + (w.styled(lead, LEAD) + pad if columns.lead_width else "")
    w.hanging(first, columns.indent, Line(entry.head, entry.refs), BOLD if entry.lines else "")
    for line in entry.lines:
        w.hanging(" " * columns.under, columns.under, line)


def _sources(w: _Writer, document: Document) -> None:
    if not w.numbers:
        return
    if document.legend and w.paint is not None and w.width is not None:
        from summitcli.output.legend import HEADING, legend

        w.heading(HEADING)
        lines = legend(w.numbers, document.sources, w.width - INDENT, w.paint)
        w.out += [" " * INDENT + line for line in lines]
        return
    w.heading("Sources")
    width = len(f"[{len(w.numbers)}]") + 1
    for ref, number in w.numbers.items():
        citation, address = citation_parts(document.sources[ref])
        if w.width is not None:
            from summitcli.output.terminal import fit_line

            citation = fit_line(citation, w.width - INDENT - width)
        marker = f"[{number}]"
        w.hanging(" " * INDENT + w.styled(marker, MARKER) + " " * (width - len(marker)), INDENT + width, citation)
        if address:
            w.hanging(" " * (INDENT + width), INDENT + width, Line(address, address=True))


def _link(w: _Writer, address: str) -> str:
    """The whole address, never wrapped; in a terminal that takes escapes, an OSC 8 hyperlink to a web URL."""
    if w.paint is None:
        return address
    from summitcli.output.terminal import hyperlink

    return hyperlink(address, w.paint)
