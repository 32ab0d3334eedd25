"""Markdown and self-contained HTML: one view's page, or the briefing book of many.

A book is a title page, contents, then parts: a document (a country's brief) or a listing (the timeline, the
agreements, the follow-ups, the matrix). Markers are numbered once across the whole book, in order of first
citation, and point into one list of sources at the end, each with its whole address.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from summitcli.output.base import NOT_REPORTED, Column, is_unknown
from summitcli.output.escape import html_lines, linkable
from summitcli.output.writers import cell, md, write_markdown_rows
from summitcli.phrases import citation_parts
from summitcli.views import Document, Line, Listing


class DocumentPart(NamedTuple):
    anchor: str
    document: Document
    page_break: bool = True  # start on a new page when printed (one country a page)
    own_sources: bool = False  # its markers numbered from 1 and its sources listed after it: pages a reader can
    # pull out of the book and carry


class ListingPart(NamedTuple):
    anchor: str
    heading: str
    listing: Listing
    intro: str | None = None
    page_break: bool = False
    split: int | None = None  # at most this many columns a table after the first (a wide grid, split to fit a page)


Part = DocumentPart | ListingPart


class Book(NamedTuple):
    title: str
    subtitle: str | None
    parts: Sequence[Part]
    sources: Mapping[str, Any] | None = None  # id -> model.Source (or a citation line); None: the listings' own
    contents: bool = True
    title_lines: Sequence[str] = ()  # what the title page says under the title
    pages: Mapping[str, int] | None = None  # part anchor -> the printed page it starts on (the PDF's contents)
    page_marks: bool = False  # an invisible mark at the start of each part, which the PDF's text gives back with the
    # page it fell on (`summit export pdf` prints twice: once to learn the pages, once with them)


PAGE_MARK = "@@summit-part:{}@@"  # the text of a part's mark


def heading_of(part: Part) -> str:
    return part.document.title if isinstance(part, DocumentPart) else part.heading


class _Numbers:
    """Marker numbers in order of first citation across the whole book."""

    def __init__(self) -> None:
        self.by_id: dict[str, int] = {}

    def of(self, refs: Sequence[str]) -> list[tuple[str, int]]:
        return [(ref, self.by_id.setdefault(ref, len(self.by_id) + 1)) for ref in refs]


def _groups(listing: Listing) -> list[tuple[str | None, list[dict[str, Any]]]]:
    key = listing.view.group_by
    groups: dict[str | None, list[dict[str, Any]]] = {}
    for row in listing.rows:
        label = None if key is None else cell(row.get(key), NOT_REPORTED)
        groups.setdefault(label, []).append(row)
    return [(label, _with_below(listing, rows)) for label, rows in groups.items()]


def _shown(listing: Listing) -> list[Column]:
    view = listing.view
    return [c for c in listing.columns if c.key not in view.hidden and c.key != view.group_by]


def _with_below(listing: Listing, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows with what a terminal table shows under a column (`Column.below`) but these tables hide, after the
    column's own value (`November 2025 · overdue`), so that a page says it as the terminal does."""
    shown = {c.key for c in _shown(listing)}
    joined = [c for c in _shown(listing) if c.below and c.below not in shown]
    if not joined:
        return rows
    merged = []
    for row in rows:
        row = dict(row)
        for column in joined:
            below = row.get(column.below or "")
            if below and isinstance(below, str):  # written where the column is read from (`Column.read`)
                key = column.shown if column.shown and column.shown in row else column.key
                row[key] = f"{cell(column.read(row), NOT_REPORTED)} · {below}"
        merged.append(row)
    return merged


def _column_sets(columns: list[Column], split: int | None) -> list[list[Column]]:
    """The columns as one table, or the first column repeated before each slice of `split` others."""
    if split is None or len(columns) <= split + 1:
        return [columns]
    first, rest = columns[0], columns[1:]
    return [[first, *rest[i : i + split]] for i in range(0, len(rest), split)]


def _all_sources(book: Book) -> Mapping[str, Any]:
    if book.sources is not None:
        return book.sources
    merged: dict[str, Any] = {}
    for part in book.parts:
        if isinstance(part, DocumentPart):
            merged.update(part.document.sources)
        elif part.listing.view.sources is not None:
            merged.update(part.listing.view.sources)
    return merged


# ---- Markdown -------------------------------------------------------------------------------------------------


def _md_slug(text: str) -> str:
    """The anchor GitHub gives a heading."""
    kept = "".join(ch for ch in text.casefold() if ch.isalnum() or ch in " -_")
    return kept.replace(" ", "-")


class _Markdown:
    def __init__(self, sources: Mapping[str, Any]) -> None:
        self.numbers = _Numbers()
        self.sources = sources
        self.out: list[str] = []

    def own_part(self, part: DocumentPart) -> None:
        """A part with its own sources: markers from 1, and the list after it."""
        shared, self.numbers = self.numbers, _Numbers()
        self.document(part.document, 2)
        self.source_list(f"Sources: {part.document.title}", level=3)
        self.out.append("")
        self.numbers = shared

    def marks(self, refs: Sequence[str]) -> str:
        shown = sorted({n for _, n in self.numbers.of([ref for ref in refs if ref in self.sources])})
        return "".join(f"\\[{n}\\]" for n in shown)

    def line(self, line: Line) -> str:
        text = md(line.text)
        text = f"_{text}_" if line.dim else text
        marks = self.marks(line.refs)
        return f"{text} {marks}" if marks else text

    def document(self, document: Document, level: int) -> None:
        hashes = "#" * level
        self.out += [f"{hashes} {md(document.title)}", ""]
        if document.subtitle:
            self.out += [f"_{md(document.subtitle)}_", ""]
        for point in document.key_points:
            for n, line in enumerate(point.lines):
                label = f"**{md(point.label)}:** " if n == 0 else ""
                self.out.append(f"{label}{self.line(line)}  ")
        if document.key_points:
            self.out.append("")
        for section in document.sections:
            self.out += [f"{hashes}# {md(section.heading)}", ""]
            if section.intro:
                self.out += [f"_{md(section.intro)}_", ""]
            for entry in section.entries:
                lead = f"{md(entry.lead)} · " if entry.lead else ""
                head = Line(entry.head, entry.refs)
                self.out.append(f"- {lead}**{self.line(head)}**" if entry.lines else f"- {lead}{self.line(head)}")
                self.out += [f"  - {self.line(line)}" for line in entry.lines]
            self.out.append("")
            if section.more:
                self.out += [f"_{md(section.more)}_", ""]

    def listing(self, part: ListingPart, level: int) -> None:
        hashes = "#" * level
        self.out += [f"{hashes} {md(part.heading)}", ""]
        if part.intro:
            self.out += [md(part.intro), ""]
        listing = part.listing
        if not listing.rows:
            self.out += [f"_{md(listing.view.empty)}_", ""]
        with_sources = listing.view.sources is not None
        for label, rows in _groups(listing):
            if label is not None:
                self.out += [f"{hashes}# {md(label)}", ""]
            for columns in _column_sets(_shown(listing), part.split):
                marked = [{**row, "_src": self.marks(row.get("sources") or [])} for row in rows]
                shown = [*columns, Column("_src", "Sources")] if with_sources else columns
                self.out += [*write_markdown_rows(marked, shown, escape=md, raw={"_src"}), ""]

    def source_list(self, heading: str = "Sources", level: int = 2) -> None:
        self.out += [f"{'#' * level} {md(heading)}", ""]
        for ref, number in self.numbers.by_id.items():
            citation, address = citation_parts(self.sources[ref])
            shown = "" if not address else f"<{address}>" if linkable(address) else md(cell(address, ""))
            self.out.append(f"{number}. {md(citation)}" + (f"  \n   {shown}" if shown else ""))
        if not self.numbers.by_id:
            self.out.append("_no sources cited_")


def to_markdown_page(document: Document) -> str:
    writer = _Markdown(document.sources)
    writer.document(document, 1)
    writer.source_list()
    return "\n".join(writer.out) + "\n"


def to_markdown(book: Book) -> str:
    writer = _Markdown(_all_sources(book))
    writer.out += [f"# {md(book.title)}", ""]
    if book.subtitle:
        writer.out += [md(book.subtitle), ""]
    writer.out += [f"{md(line)}  " for line in book.title_lines]
    if book.title_lines:
        writer.out.append("")
    if book.contents:
        writer.out += ["## Contents", ""]
        writer.out += [f"- [{md(heading_of(p))}](#{_md_slug(heading_of(p))})" for p in book.parts]
        writer.out += ["- [Sources](#sources)", ""]
    for part in book.parts:
        if isinstance(part, DocumentPart) and part.own_sources:
            writer.own_part(part)
        elif isinstance(part, DocumentPart):
            writer.document(part.document, 2)
        else:
            writer.listing(part, 2)
    writer.source_list()
    return "\n".join(writer.out) + "\n"


# ---- HTML -----------------------------------------------------------------------------------------------------

CSS = """
:root { color-scheme: light; --ink: #1b1f24; --muted: #5b6470; --rule: #d0d7de; --head: #f3f5f7; --mark: #0b6e99; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans KR", "Apple SD Gothic Neo", sans-serif;
       color: var(--ink); max-width: 60rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; } h2 { margin-top: 2.5rem; border-bottom: 2px solid var(--rule); }
h3 { margin: 1.4rem 0 .4rem; font-size: 1.05rem; }
.subtitle, .muted, .intro, .more { color: var(--muted); }
dl.keypoints { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 1rem 0;
               padding: .75rem 1rem; background: var(--head); border-radius: 6px; }
dl.keypoints dt { font-weight: 600; } dl.keypoints dd { margin: 0; }
ul.entries { list-style: none; padding: 0; margin: .25rem 0 1rem; }
ul.entries > li { margin: 0 0 .55rem; padding-left: 7.5rem; text-indent: -7.5rem; }
ul.entries .lead { display: inline-block; width: 7rem; margin-right: .5rem; text-indent: 0; color: var(--muted);
                   font-variant-numeric: tabular-nums; }
ul.entries .line { text-indent: 0; } .dim { color: var(--muted); } ul.entries + p.more { padding-left: 7.5rem; }
sup.src a, td.src a { color: var(--mark); text-decoration: none; font-size: .8em; white-space: nowrap; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .88rem; }
th, td { border: 1px solid var(--rule); padding: .3rem .45rem; text-align: left; vertical-align: top; hyphens: manual; }
th { background: var(--head); } td.nowrap { white-space: nowrap; } td.num { text-align: right; }
.nr { color: var(--muted); font-style: italic; }
ol.sources li { margin: .35rem 0; } ol.sources a.url { overflow-wrap: anywhere; font-size: .9em; }
nav ol { columns: 2; } .titlepage { margin-bottom: 2rem; } .titlepage p { margin: .2rem 0; }
nav li { display: flex; gap: .5rem; } nav li a { flex: 1; } .pageno { min-width: 2.5em; text-align: right; }
.pagemark { position: absolute; font-size: 1px; color: transparent; }
@page { margin: 14mm 12mm; @bottom-right { content: counter(page); font: 8pt system-ui, sans-serif; color: #5b6470; } }
@media print {
  body { max-width: none; margin: 0; font-size: 10pt; }
  .titlepage, nav { break-after: page; } nav ol { columns: 1; }
  section[id^="sources-"] { break-before: avoid; }
  section.page { break-before: page; }
  h2, h3 { break-after: avoid; } tr, ul.entries > li { break-inside: avoid; }
  table { font-size: 8.5pt; } a { color: inherit; }
}
"""


def esc(value: Any) -> str:
    """A value as HTML text; newlines inside it as line breaks (never the text `\\n`, as in `C:\\new`)."""
    if isinstance(value, str) and "\n" in value:
        return html_lines([cell(line, NOT_REPORTED) for line in value.split("\n")])
    return html.escape(cell(value, NOT_REPORTED))


def _href(address: str) -> str | None:
    return address if linkable(address) else None


class _Html:
    def __init__(self, sources: Mapping[str, Any]) -> None:
        self.numbers = _Numbers()
        self.sources = sources
        self.out: list[str] = []
        self.prefix = "src-"  # of the sources' anchors: a part with its own sources has its own

    def marks(self, refs: Sequence[str]) -> str:
        shown = sorted({(n, ref) for ref, n in self.numbers.of([ref for ref in refs if ref in self.sources])})
        return "".join(f'<a href="#{self.prefix}{n}" title="{esc(ref)}">[{n}]</a>' for n, ref in shown)

    def own_part(self, part: DocumentPart) -> None:
        """A part with its own sources: markers from 1, and the list after it, on its own pages."""
        shared = (self.numbers, self.prefix)
        self.numbers, self.prefix = _Numbers(), f"src-{part.anchor}-"
        self.document(part.document, 2)
        self.source_list(f"Sources: {part.document.title}", level=3, anchor=f"sources-{part.anchor}")
        self.numbers, self.prefix = shared

    def line(self, line: Line, tag: str = "span") -> str:
        marks = self.marks(line.refs)
        dim = ' class="dim"' if line.dim else ""
        return f"<{tag}{dim}>{esc(line.text)}</{tag}>" + (f' <sup class="src">{marks}</sup>' if marks else "")

    def document(self, document: Document, level: int) -> None:
        self.out.append(f"<h{level}>{esc(document.title)}</h{level}>")
        if document.subtitle:
            self.out.append(f'<p class="subtitle">{esc(document.subtitle)}</p>')
        if document.key_points:
            self.out.append('<dl class="keypoints">')
            for point in document.key_points:
                lines = "".join(f"<div>{self.line(line)}</div>" for line in point.lines)
                self.out.append(f"<dt>{esc(point.label)}</dt><dd>{lines}</dd>")
            self.out.append("</dl>")
        for section in document.sections:
            self.out.append(f'<h{level + 1} id="{html.escape(section.key)}">{esc(section.heading)}</h{level + 1}>')
            if section.intro:
                self.out.append(f'<p class="intro">{esc(section.intro)}</p>')
            if section.entries:
                self.out.append('<ul class="entries">')
                for entry in section.entries:
                    lead = f'<span class="lead">{esc(entry.lead)}</span>'
                    head = self.line(Line(entry.head, entry.refs), "strong" if entry.lines else "span")
                    lines = "".join(f'<div class="line">{self.line(line)}</div>' for line in entry.lines)
                    self.out.append(f"<li>{lead}{head}{lines}</li>")
                self.out.append("</ul>")
            if section.more:
                self.out.append(f'<p class="more">{esc(section.more)}</p>')

    def listing(self, part: ListingPart, level: int) -> None:
        listing = part.listing
        if part.heading:
            self.out.append(f"<h{level}>{esc(part.heading)}</h{level}>")
        if part.intro:
            self.out.append(f'<p class="intro">{esc(part.intro)}</p>')
        if not listing.rows:
            self.out.append(f'<p class="nr">{esc(listing.view.empty)}</p>')
        with_sources = listing.view.sources is not None
        for label, rows in _groups(listing):
            if label is not None:
                self.out.append(f"<h{level + 1}>{esc(label)}</h{level + 1}>")
            for columns in _column_sets(_shown(listing), part.split):
                self.table(rows, columns, with_sources)

    def table(self, rows: Sequence[dict[str, Any]], columns: Sequence[Column], with_sources: bool) -> None:
        head = "".join(f"<th>{esc(c.header)}</th>" for c in columns) + ("<th>Sources</th>" if with_sources else "")
        self.out.append(f"<table><thead><tr>{head}</tr></thead><tbody>")
        for row in rows:
            cells = "".join(_td(c.read(row), c) for c in columns)
            if with_sources:
                cells += f'<td class="src">{self.marks(row.get("sources") or [])}</td>'
            self.out.append(f"<tr>{cells}</tr>")
        self.out.append("</tbody></table>")

    def source_list(self, heading: str = "Sources", level: int = 2, anchor: str = "sources") -> None:
        tag = f"h{level}"
        self.out.append(f'<section id="{html.escape(anchor)}"><{tag}>{esc(heading)}</{tag}><ol class="sources">')
        for ref, number in self.numbers.by_id.items():
            citation, address = citation_parts(self.sources[ref])
            link = ""
            if address:
                href = _href(address)
                shown = esc(address)
                link = f'<br><a class="url" href="{html.escape(href)}">{shown}</a>' if href else f"<br>{shown}"
            self.out.append(f'<li id="{self.prefix}{number}" value="{number}">{esc(citation)}{link}</li>')
        self.out.append("</ol></section>")


def _td(value: Any, column: Column) -> str:
    if is_unknown(value):
        return f'<td><span class="nr">{column.unknown}</span></td>' if column.expected else "<td></td>"
    kind = ' class="num"' if isinstance(value, (int, float)) and not isinstance(value, bool) else ""
    kind = ' class="nowrap"' if column.no_wrap else kind
    return f"<td{kind}>{esc(value)}</td>"


def _page(title: str, body: list[str]) -> str:
    head = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title><style>{CSS}</style></head><body>",
    ]
    return "\n".join([*head, *body, "</body></html>"]) + "\n"


def to_html_page(document: Document) -> str:
    writer = _Html(document.sources)
    writer.document(document, 1)
    writer.source_list()
    return _page(document.title, writer.out)


def to_html(book: Book) -> str:
    """One self-contained page: inline CSS, no scripts, no external assets."""
    writer = _Html(_all_sources(book))
    writer.out.append(f'<header class="{"titlepage" if book.contents else "pagehead"}"><h1>{esc(book.title)}</h1>')
    if book.subtitle:
        writer.out.append(f'<p class="subtitle">{esc(book.subtitle)}</p>')
    writer.out += [f"<p>{esc(line)}</p>" for line in book.title_lines]
    writer.out.append("</header>")
    if book.contents:
        writer.out += _contents(book)
    for part in [*book.parts, None]:
        anchor = part.anchor if part else "sources"
        mark = f'<span class="pagemark">{PAGE_MARK.format(anchor)}</span>' if book.page_marks else ""
        if part is None:  # the sources of the parts without their own
            writer.out += [f'<div class="page-start">{mark}</div>'] if mark else []
            writer.source_list()
            continue
        page = ' class="page"' if part.page_break else ""
        writer.out.append(f'<section id="{html.escape(part.anchor)}"{page}>{mark}')
        if isinstance(part, DocumentPart) and part.own_sources:
            writer.own_part(part)
        elif isinstance(part, DocumentPart):
            writer.document(part.document, 2)
        else:
            writer.listing(part, 2)
        writer.out.append("</section>")
    return _page(book.title, writer.out)


def _contents(book: Book) -> list[str]:
    """The contents: each part, linked; with the printed page each starts on where the book knows it (a PDF)."""
    pages = book.pages
    items = [(p.anchor, heading_of(p)) for p in book.parts] + [("sources", "Sources")]
    out = ['<nav id="contents"><h2>Contents</h2><ol>']
    for anchor, heading in items:
        number = "" if pages is None else str(pages.get(anchor, ""))
        page = f'<span class="pageno">{number}</span>' if pages is not None or book.page_marks else ""
        out.append(f'<li><a href="#{html.escape(anchor)}">{esc(heading)}</a>{page}</li>')
    out.append("</ol></nav>")
    return out
