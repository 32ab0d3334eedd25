"""Text safety: data never drives the terminal, whatever the output format."""

from __future__ import annotations

import re

# C0 and C1 controls (tab and newline included: the writers escape them), DEL, and the bidirectional
# overrides and isolates that can reorder what a reader sees (Trojan Source), and the Unicode line and
# paragraph separators that break a line where the reader sees none.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _NAMED.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def visible(text: str) -> str:
    """Show every control or bidi character as a visible escape (`\\x1b`, `\\u202e`, `\\n`)."""
    return _UNSAFE.sub(_escape, text)


def visible_keep_newlines(text: str) -> str:
    """As `visible`, but keep newlines (for wrapped table cells)."""
    return "\n".join(visible(part) for part in text.split("\n"))


# In JSON text these characters can only stand inside strings; JSON's \\uXXXX escape keeps the value exact.
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def json_safe(document: str) -> str:
    """JSON text (from json.dumps, which escapes C0 controls) with DEL, C1 controls, bidi controls and line
    separators escaped as `\\uXXXX` too: parsing it gives the data back unchanged, printing it is harmless."""
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", document)
