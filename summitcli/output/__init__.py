"""The output layer: a command hands over a view (`summitcli.views`), and the chosen format's renderer writes it.

Machine formats (json, jsonl, csv, tsv) write the view's typed records; the others write what a person reads: a
table or a document in a terminal (through a pager when taller than the screen), plain text in a pipe, Markdown
and HTML. Each format is registered once, in `summitcli.output.formats`. Values in display rows are text, numbers,
lists of text, or None for "not reported".
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from summitcli.output.base import (
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
    from summitcli.output.formats import RENDERERS  # once a command has its view: not for --help or an error

    if display.fields or display.header:
        from summitcli.output.selection import shaped

        listing = shaped(listing, display)
    renderer = RENDERERS[resolve(fmt)]
    _emit(lambda out: renderer.listing(listing, out, display), renderer.paged, display)


def emit_document(document: Document, fmt: Format, display: Display) -> None:
    """A view command's output: the document for people (terminal, plain text, Markdown, HTML), its records in
    machine formats (json: one object; jsonl, csv, tsv: one record per line with its section)."""
    from summitcli.output.formats import RENDERERS

    renderer = RENDERERS[resolve(fmt)]
    _emit(lambda out: renderer.document(document, out, display), renderer.paged, display)


def _emit(write: Callable[[TextIO], None], paged: bool, display: Display) -> None:
    """Written to stdout, quietly ended by a reader that goes away; or, `paged`, drawn whole and shown through the
    pager when taller than the screen (unless --no-pager)."""
    if paged:
        from summitcli.output.pager import show

        drawn = io.StringIO()
        write(drawn)
        show(drawn.getvalue(), pager=display.pager)
        return
    with pipe_guard() as out:
        write(out)
