"""Documents of several sections (the briefing book, or one command's page): Markdown and self-contained HTML.

A section is a command's rows with its columns and view, the same rows every other format writes. In a
document, rows are grouped under sub-headings as in a terminal, and each row's sources become numbered markers
that point into one sources list at the end.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from summitcli.output import NOT_REPORTED, Column, View
from summitcli.output.escape import html_lines, markdown_code, markdown_text
from summitcli.output.writers import cell, write_markdown


class Section(NamedTuple):
    anchor: str  # the HTML id and Markdown link target
    heading: str
    rows: Sequence[dict[str, Any]]
    columns: Sequence[Column]
    view: View
    intro: str | None = None
    page_break: bool = False  # start on a new page when printed (one country per page)


class Document(NamedTuple):
    title: str
    subtitle: str | None
    sections: Sequence[Section]
    sources: Mapping[str, str]  # source id -> citation, for the markers and the list at the end
    contents: bool = True


def _groups(section: Section) -> list[tuple[str | None, list[dict[str, Any]]]]:
    key = section.view.group_by
    groups: dict[str | None, list[dict[str, Any]]] = {}
    for row in section.rows:
        value = row.get(key) if key else None
        label = None if key is None else cell(value, NOT_REPORTED)
        groups.setdefault(label, []).append(row)
    return list(groups.items())


def _shown(section: Section) -> list[Column]:
    view = section.view
    return [c for c in section.columns if c.key not in view.hidden and c.key != view.group_by]


class _Numbers:
    """Marker numbers in order of first citation across the whole document."""

    def __init__(self) -> None:
        self.by_id: dict[str, int] = {}

    def of(self, refs: Sequence[str]) -> list[tuple[str, int]]:
        return [(ref, self.by_id.setdefault(ref, len(self.by_id) + 1)) for ref in refs]


def _slug_heading(text: str) -> str:
    """The anchor GitHub gives a heading."""
    kept = "".join(ch for ch in text.casefold() if ch.isalnum() or ch in " -_")
    return kept.replace(" ", "-")


def md(text: str) -> str:
    return markdown_text(cell(text, ""))


def to_markdown(doc: Document) -> str:
    import io

    numbers = _Numbers()
    out = io.StringIO()
    out.write(f"# {md(doc.title)}\n\n")
    if doc.subtitle:
        out.write(f"{md(doc.subtitle)}\n\n")
    if doc.contents:
        out.write("## Contents\n\n")
        for section in doc.sections:
            out.write(f"- [{md(section.heading)}](#{_slug_heading(cell(section.heading, ''))})\n")
        out.write("- [Sources](#sources)\n\n")
    for section in doc.sections:
        out.write(f"## {md(section.heading)}\n\n")
        if section.intro:
            out.write(f"{md(section.intro)}\n\n")
        if not section.rows:
            out.write(f"_{section.view.empty}_\n\n")
        columns = _shown(section)
        with_sources = section.view.sources is not None
        for label, rows in _groups(section):
            if label is not None:
                out.write(f"### {markdown_text(label)}\n\n")
            shown_rows = [
                {**row, "_src": " ".join(f"[{n}]" for _, n in numbers.of(row.get("sources") or []))} for row in rows
            ]
            write_markdown(out, shown_rows, [*columns, Column("_src", "Sources")] if with_sources else columns)
            out.write("\n")
    out.write("## Sources\n\n")
    for ref, number in numbers.by_id.items():
        out.write(f"{number}. {markdown_code(cell(ref, ''))}: {md(doc.sources.get(ref, ref))}\n")
    if not numbers.by_id:
        out.write("_no sources cited_\n")
    return out.getvalue()


CSS = """
:root { color-scheme: light; --ink: #1b1f24; --muted: #5b6470; --rule: #d0d7de; --head: #f3f5f7; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans KR", "Apple SD Gothic Neo", sans-serif;
       color: var(--ink); max-width: 72rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; } h2 { margin-top: 2.5rem; border-bottom: 2px solid var(--rule); }
h3 { margin: 1.5rem 0 .5rem; color: var(--muted); text-transform: capitalize; }
.subtitle { color: var(--muted); margin: 0 0 1.5rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid var(--rule); padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: var(--head); } td { overflow-wrap: anywhere; } td.nowrap { white-space: nowrap; }
.nr { color: var(--muted); font-style: italic; }
.src a { text-decoration: none; white-space: nowrap; }
ol.sources li { margin: .2rem 0; overflow-wrap: anywhere; }
nav ol { columns: 2; } .titlepage { margin-bottom: 2rem; }
@page { margin: 14mm 12mm; }
@media print {
  body { max-width: none; margin: 0; font-size: 10.5pt; }
  .titlepage, nav { break-after: page; }
  section.page { break-before: page; }
  h2, h3 { break-after: avoid; } tr { break-inside: avoid; }
  a { color: inherit; }
}
"""


NOWRAP = ' class="nowrap"'


def _html_value(value: Any) -> str:
    if value is None:
        return f'<span class="nr">{NOT_REPORTED}</span>'
    if isinstance(value, str):  # newlines as lines; never the text `\n` (as in `C:\new`)
        return html_lines([cell(line, NOT_REPORTED) for line in value.split("\n")])
    return html.escape(cell(value, NOT_REPORTED))


def to_html(doc: Document) -> str:
    """One self-contained page: inline CSS, no scripts, no external assets."""
    numbers = _Numbers()
    esc = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(cell(doc.title, ''))}</title><style>{CSS}</style></head><body>",
        f'<header class="{"titlepage" if doc.contents else "pagehead"}"><h1>{esc(cell(doc.title, ""))}</h1>',
    ]
    if doc.subtitle:
        parts.append(f'<p class="subtitle">{esc(cell(doc.subtitle, ""))}</p>')
    parts.append("</header>")
    if doc.contents:
        parts.append('<nav id="contents"><h2>Contents</h2><ol>')
        parts += [f'<li><a href="#{esc(s.anchor)}">{esc(cell(s.heading, ""))}</a></li>' for s in doc.sections]
        parts.append('<li><a href="#sources">Sources</a></li></ol></nav>')
    for section in doc.sections:
        page = ' class="page"' if section.page_break else ""
        parts.append(f'<section id="{esc(section.anchor)}"{page}>')
        if section.heading:
            parts.append(f"<h2>{esc(cell(section.heading, ''))}</h2>")
        if section.intro:
            parts.append(f"<p>{esc(cell(section.intro, ''))}</p>")
        if not section.rows:
            parts.append(f'<p class="nr">{esc(section.view.empty)}</p>')
        columns = _shown(section)
        with_sources = section.view.sources is not None
        for label, rows in _groups(section):
            if label is not None:
                parts.append(f"<h3>{esc(label)}</h3>")
            parts.append("<table><thead><tr>")
            parts += [f"<th>{esc(c.header)}</th>" for c in columns]
            parts.append("<th>Sources</th>" if with_sources else "")
            parts.append("</tr></thead><tbody>")
            for row in rows:
                cells = (f"<td{NOWRAP if c.no_wrap else ''}>{_html_value(row.get(c.key))}</td>" for c in columns)
                parts.append("<tr>" + "".join(cells))
                if with_sources:
                    links = "".join(
                        f'<a href="#src-{esc(cell(ref, ""))}" title="{esc(cell(ref, ""))}">[{n}]</a>'
                        for ref, n in numbers.of(row.get("sources") or [])
                    )
                    parts.append(f'<td class="src">{links}</td>')
                parts.append("</tr>")
            parts.append("</tbody></table>")
        parts.append("</section>")
    parts.append('<section id="sources"><h2>Sources</h2><ol class="sources">')
    parts += [
        f'<li id="src-{esc(cell(ref, ""))}" value="{n}"><code>{esc(cell(ref, ""))}</code>: '
        f"{esc(cell(doc.sources.get(ref, ref), ''))}</li>"
        for ref, n in numbers.by_id.items()
    ]
    parts.append("</ol></section></body></html>\n")
    return "\n".join(p for p in parts if p)
