"""Escaping for the formats other programs interpret: spreadsheets (csv, tsv), Markdown and HTML.

Every function here takes text that `summitcli.text.visible` has already made safe for a terminal (controls
shown as `\\x1b`, a backslash as `\\\\`) and makes it inert for one more reader:

- `spreadsheet_cell`: a text cell a spreadsheet would run as a formula (`=HYPERLINK(...)`, `+cmd|...`, `-2+3`,
  `@SUM(...)`, or one starting with a tab or carriage return) gets a leading `'`, as OWASP recommends
  ("CSV Injection"). Numbers stay numbers: a numeric value, or text that is a plain number such as `-3.5`, is
  written as it is.
- `markdown_text`: every character Markdown (CommonMark and GitHub's extensions) reads as syntax is escaped, and
  HTML is written as entities, so the data renders as the same visible text: no raw HTML, link, image, emphasis,
  code span, strikethrough, math, heading, quote or list.
- `html_lines`: text with newlines as HTML lines.
- `linkable`: whether an address may become a link (in a terminal, Markdown or HTML): a web address only, with
  nothing in it that could end the link or hide what it says.
"""

from __future__ import annotations

import re
from typing import Any

# OWASP's list: = + - @, tab and carriage return.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def spreadsheet_cell(value: Any, text: str) -> str:
    """`text`, the cell as written for `value`, with a leading `'` if a spreadsheet would read it as a formula."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return text
    if text.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


# Characters escaped wherever they stand: the backslash itself, code spans, emphasis, links and images, table
# cells, strikethrough, headings' closing sequences, GitHub's math. `<`, `>` and entity-like `&` become entities.
_MARKDOWN = str.maketrans({**{c: "\\" + c for c in "\\`*[]|~#$"}, "<": "&lt;", ">": "&gt;"})
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# `_` opens or closes emphasis unless it stands between two letters or digits (`snake_case` is left alone).
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
# What starts a block at the beginning of a line: list items (`-`, `+`, `1.`, `1)`), thematic breaks, setext
# underlines (`=`, `-`). `#`, `>`, `*` and the code fences are escaped everywhere already.
_BLOCK_START = re.compile(r"^(?:[-+=]|(\d{1,9})([.)]))")
_EDGE_SPACES = re.compile(r"^ +| +$")


def markdown_text(text: str) -> str:
    """Text that renders in Markdown as exactly `text` (one line: newlines must already be escaped)."""
    out = _ENTITY.sub("&amp;", text).translate(_MARKDOWN)
    out = _UNDERSCORE.sub(r"\\_", out)
    out = _BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else "\\" + m[0], out)
    # Markdown trims the spaces around a paragraph, heading or cell; leading spaces can also make code.
    return _EDGE_SPACES.sub(lambda m: "&#32;" * len(m[0]), out)


def html_lines(lines: list[str]) -> str:
    """Lines of (already visible) text as HTML, joined by `<br>`."""
    import html  # 3 ms (html.entities): not for the plain text every pipe gets

    return "<br>".join(html.escape(line) for line in lines)


def linkable(address: str) -> bool:
    """An http(s) address made of visible characters only: no space, control, invisible format character
    (`U+200B`, `U+202E`) or `<`, `>`, `"`, backslash; anything else is shown as text, never linked."""
    import unicodedata

    return address.startswith(("https://", "http://")) and not any(
        c.isspace() or c in '<>"\\' or unicodedata.category(c)[0] in "CZ" for c in address
    )
