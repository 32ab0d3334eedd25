"""Every output format in one place: what it writes for a listing and for a document.

Adding a format means its name in `Format` (the choices of --format), one renderer (a function per view, writing
to a stream) and one entry in `RENDERERS`. A machine format writes typed records: its renderer is a records writer
in `writers.RECORD_WRITERS`, registered here as `_records(Format.name)`. The renderers' modules are imported when
a format is used, never at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple, TextIO

from summitcli.output.base import Display, Format

if TYPE_CHECKING:
    from summitcli.views import Document, Listing


class Renderer(NamedTuple):
    """A format's writers: each takes the view, the stream and the root command's display options."""

    listing: Callable[[Listing, TextIO, Display], None]
    document: Callable[[Document, TextIO, Display], None]
    paged: bool = False  # drawn for a terminal and shown through the pager when taller than the screen


def _table_listing(listing: Listing, out: TextIO, display: Display) -> None:
    if listing.screen is not None:  # a listing drawn as a document in a terminal (the timeline's agenda)
        _table_document(listing.screen(), out, display)
        return
    from summitcli.output.terminal import table_text

    out.write(table_text(listing.rows, listing.columns, listing.view, display.color))


def _table_document(document: Document, out: TextIO, display: Display) -> None:
    from summitcli.output.text_document import render

    out.write(render(document, styled=True, color=display.color))


def _plain_listing(listing: Listing, out: TextIO, display: Display) -> None:
    from summitcli.output.writers import write_plain

    write_plain(out, listing.rows, listing.columns, header=listing.view.plain_header)


def _plain_document(document: Document, out: TextIO, display: Display) -> None:
    from summitcli.output.text_document import render

    out.write(render(document, styled=False))


def _markdown_listing(listing: Listing, out: TextIO, display: Display) -> None:
    from summitcli.output.writers import write_markdown

    write_markdown(out, listing.rows, listing.columns)


def _markdown_document(document: Document, out: TextIO, display: Display) -> None:
    from summitcli.output.document import to_markdown_page

    out.write(to_markdown_page(document))


def _html_listing(listing: Listing, out: TextIO, display: Display) -> None:
    from summitcli.output.document import Book, ListingPart, to_html

    title = listing.view.title or "summit"
    out.write(to_html(Book(title, None, [ListingPart("rows", "", listing)], contents=False)))


def _html_document(document: Document, out: TextIO, display: Display) -> None:
    from summitcli.output.document import to_html_page

    out.write(to_html_page(document))


def _json_document(document: Document, out: TextIO, display: Display) -> None:
    """A document in json: one object, a key per section."""
    from summitcli.output.writers import json_text

    out.write(json_text(document.records) + "\n")


def _records(fmt: Format, document: Callable[[Document, TextIO, Display], None] | None = None) -> Renderer:
    """A machine format (`writers.RECORD_WRITERS`): a listing's records under its fields; a document's records a
    row each, with their section (or `document`)."""

    def listing(listing: Listing, out: TextIO, display: Display) -> None:
        from summitcli.output.writers import write_records

        write_records(out, fmt.value, listing.records, listing.fields)

    def by_section(document: Document, out: TextIO, display: Display) -> None:
        from summitcli.output.writers import section_rows, write_records

        write_records(out, fmt.value, *section_rows(document.records))

    return Renderer(listing, document or by_section)


RENDERERS: dict[Format, Renderer] = {
    Format.table: Renderer(_table_listing, _table_document, paged=True),
    Format.plain: Renderer(_plain_listing, _plain_document),
    Format.json: _records(Format.json, document=_json_document),
    Format.jsonl: _records(Format.jsonl),
    Format.csv: _records(Format.csv),
    Format.tsv: _records(Format.tsv),
    Format.markdown: Renderer(_markdown_listing, _markdown_document),
    Format.html: Renderer(_html_listing, _html_document),
}
