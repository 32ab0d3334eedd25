"""Text safety: data never drives the terminal, whatever the output format."""

from __future__ import annotations


def _escape(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# The bidirectional marks (the Arabic letter mark U+061C too), overrides and isolates that can reorder what a
# reader sees (Trojan Source), and the Unicode line and paragraph separators that break a line where none shows.
_BIDI_AND_SEPARATORS = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028, 0x2029]
# Characters that show nothing: zero-width space, non-joiner and joiner, word joiner, invisible operators, the
# Mongolian vowel separator and the byte-order mark (a `Mark Car\u200bney` must not read as Mark Carney).
_INVISIBLE = [0x180E, *range(0x200B, 0x200E), *range(0x2060, 0x2065), 0xFEFF]
_INVISIBLE_SET = frozenset(_INVISIBLE)
# Tables for str.translate, which needs no regular expression compiled at start-up.
# Shown: C0 and C1 controls (tab and newline included: the writers escape them), DEL, and the above.
_VISIBLE = {code: _escape(code) for code in [*range(0x20), *range(0x7F, 0xA0), *_BIDI_AND_SEPARATORS, *_INVISIBLE]}
_VISIBLE.update({ord("\t"): "\\t", ord("\n"): "\\n", ord("\r"): "\\r"})
# A backslash in the data is doubled, so that escapes are unambiguous: the text `\x1b` prints as `\\x1b`, the
# character ESC as `\x1b` (as in PostgreSQL's COPY text format; also what a stdout that cannot encode a
# character writes, `\u201c`, stays distinct from the same six characters in the data).
_VISIBLE[ord("\\")] = "\\\\"
# In JSON text these characters can only stand inside strings; JSON's \uXXXX escape keeps the value exact.
_JSON = {code: f"\\u{code:04x}" for code in [*range(0x7F, 0xA0), *_BIDI_AND_SEPARATORS, *_INVISIBLE]}


def visible(text: str) -> str:
    """Show every control, bidi or invisible character as a visible escape (`\\x1b`, `\\u202e`, `\\u200b`, `\\n`), a
    backslash as `\\\\`."""
    return text.translate(_VISIBLE)


def invisible_in(text: str) -> int | None:
    """The first character of `text` that shows nothing (U+200B, U+2060, U+FEFF, ...), if any: in a name it makes
    a lookalike of another (`Mark Car\u200bney`), which no search for the real name finds."""
    return next((ord(c) for c in text if ord(c) in _INVISIBLE_SET), None)


def visible_keep_newlines(text: str) -> str:
    """As `visible`, but keep newlines (for wrapped table cells)."""
    return "\n".join(visible(part) for part in text.split("\n"))


def json_safe(document: str) -> str:
    """JSON text (from json.dumps, which escapes C0 controls) with DEL, C1 controls, bidi controls and line
    separators escaped as `\\uXXXX` too: parsing it gives the data back unchanged, printing it is harmless."""
    return document.translate(_JSON)
