"""The output layer: a command hands over a view (`summitcli.views`), and the chosen format's renderer writes it.

Machine formats (json, jsonl, csv, tsv) write the view's typed records; the others write what a person reads: a
table or a document in a terminal (through a pager when taller than the screen), plain text in a pipe, Markdown
and HTML. Values in display rows are text, numbers, lists of text, or None for "not reported".
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

from summitcli.output.base import (
    MACHINE,
    NOT_REPORTED,
    ColorMode,
    Column,
    Display,
    Format,
    View,
    resolve,
    stdout_is_terminal,
)
from summitcli.output.stream import pipe_guard

if TYPE_CHECKING:
    from summitcli.views import Document, Listing

__all__ = [
    "NOT_REPORTED",
    "ColorMode",
    "Column",
    "Display",
    "Format",
    "View",
    "emit_document",
    "emit_listing",
    "resolve",
    "stdout_is_terminal",
]


def emit_listing(listing: Listing, fmt: Format, display: Display) -> None:
    """A list command's output: its records in machine formats, its table for people (`display`: the root
    command's --color and --no-pager)."""
    fmt = resolve(fmt)
    if fmt is Format.table:
        from summitcli.output.pager import show

        if listing.screen is not None:
            from summitcli.output.text_document import render

            show(render(listing.screen(), styled=True, color=display.color), pager=display.pager)
            return
        from summitcli.output.terminal import table_text

        show(table_text(listing.rows, listing.columns, listing.view, display.color), pager=display.pager)
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


def emit_document(document: Document, fmt: Format, display: Display) -> None:
    """A view command's output: the document for people (terminal, plain text, Markdown, HTML), its records in
    machine formats (json: one object; jsonl, csv, tsv: one record per line with its section)."""
    fmt = resolve(fmt)
    if fmt is Format.table:
        from summitcli.output.pager import show
        from summitcli.output.text_document import render

        show(render(document, styled=True, color=display.color), pager=display.pager)
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
