"""The output layer: a command hands over a view (`summitcli.views`), and the chosen format's renderer writes it.

Machine formats (json, jsonl, csv, tsv) write the view's typed records; the others write what a person reads: a
table or a document in a terminal (through a pager when taller than the screen), plain text in a pipe, Markdown
and HTML. Values in display rows are text, numbers, lists of text, or None for "not reported".
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from summitcli.output.stream import pipe_guard
from summitcli.phrases import NOT_REPORTED

if TYPE_CHECKING:
    from summitcli.views import Document, Listing

__all__ = ["NOT_REPORTED", "ColorMode", "Column", "Format", "View", "emit", "emit_document", "emit_listing"]


class Format(str, Enum):
    auto = "auto"
    table = "table"
    plain = "plain"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    markdown = "markdown"
    html = "html"


class ColorMode(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class Column(NamedTuple):
    key: str
    header: str
    ratio: int | None = None  # share of the spare width in a terminal table; None = as wide as its content
    no_wrap: bool = False
    expected: bool = False  # a fact a reader expects (a meeting's date, a due date): unknown reads "not reported"
    below: str | None = None  # in a terminal table, the values of this other column shown under this one's


class View(NamedTuple):
    """How the rows are presented beyond their values: in a terminal grouped under headings, with source markers
    and a footnote list; in a pipe, whether plain text keeps a header row."""

    title: str | None = None
    group_by: str | None = None
    hidden: tuple[str, ...] = ()  # columns shown in pipes but not in the terminal table
    sources: Mapping[str, Any] | None = None  # source id -> model.Source, for markers and footnotes
    empty: str = "nothing matches"
    source_columns: tuple[str, ...] = ()  # columns of source ids, shown as [n] markers in a terminal
    highlight: tuple[str, ...] = ()  # words to highlight in a terminal (search terms)
    heat: bool = False  # colour whole-number cells by size in a terminal (a grid of counts)
    plain_header: bool = False  # plain text starts with a header row (a grid is unreadable without one)
    drop: tuple[str, ...] = ()  # columns a terminal table leaves out, in this order, when the window is too narrow


MACHINE = frozenset({Format.json, Format.jsonl, Format.csv, Format.tsv})


class Settings:
    """Options of the root command that every writer reads."""

    color: ColorMode = ColorMode.auto
    pager: bool = True


SETTINGS = Settings()


def stdout_is_terminal() -> bool:
    """Rich's own rule, without importing Rich: TTY_COMPATIBLE, then FORCE_COLOR, then isatty()."""
    tty_compatible = os.environ.get("TTY_COMPATIBLE", "")
    if tty_compatible in ("0", "1"):
        return tty_compatible == "1"
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def resolve(fmt: Format) -> Format:
    if fmt is Format.auto:
        return Format.table if stdout_is_terminal() else Format.plain
    return fmt


def emit(rows: Sequence[dict[str, Any]], columns: Sequence[Column], fmt: Format, view: View | None = None) -> None:
    """Write display rows in the chosen format: for outputs that are only ever read by people (`--sources`)."""
    from summitcli.views import Listing

    records = [{c.key: row.get(c.key) for c in columns} for row in rows]
    emit_listing(Listing(records, [c.key for c in columns], rows, columns, view or View()), fmt)


def emit_listing(listing: Listing, fmt: Format) -> None:
    """A list command's output: its records in machine formats, its table for people."""
    fmt = resolve(fmt)
    if fmt is Format.table:
        from summitcli.output.pager import show

        if listing.screen is not None:
            from summitcli.output.text_document import render

            show(render(listing.screen, styled=True))
            return
        from summitcli.output.terminal import table_text

        show(table_text(listing.rows, listing.columns, listing.view, SETTINGS.color))
        return
    with pipe_guard():
        _write_listing(listing, fmt, sys.stdout)


def _write_listing(listing: Listing, fmt: Format, out: TextIO) -> None:
    from summitcli.output import writers

    if fmt in MACHINE:
        writers.write_records(out, fmt.value, listing.records, listing.fields)
    elif fmt is Format.markdown:
        writers.write_markdown(out, listing.rows, listing.columns)
    elif fmt is Format.html:
        from summitcli.output.document import Book, ListingPart, to_html

        view = listing.view
        out.write(to_html(Book(view.title or "summit", None, [ListingPart("rows", "", listing)], contents=False)))
    else:
        writers.write_plain(out, listing.rows, listing.columns, header=listing.view.plain_header)


def emit_document(document: Document, fmt: Format) -> None:
    """A view command's output: the document for people (terminal, plain text, Markdown, HTML), its records in
    machine formats (json: one object; jsonl, csv, tsv: one record per line with its section)."""
    fmt = resolve(fmt)
    if fmt is Format.table:
        from summitcli.output.pager import show
        from summitcli.output.text_document import render

        show(render(document, styled=True))
        return
    with pipe_guard():
        out = sys.stdout
        if fmt in MACHINE:
            from summitcli.output import writers

            writers.write_document_records(out, fmt.value, document.records)
        elif fmt is Format.plain:
            from summitcli.output.text_document import render

            out.write(render(document, styled=False))
        elif fmt is Format.markdown:
            from summitcli.output.document import to_markdown_page

            out.write(to_markdown_page(document))
        else:
            from summitcli.output.document import to_html_page

            out.write(to_html_page(document))
