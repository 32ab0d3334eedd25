"""Numbers from the environment (COLUMNS, LINES, SOURCE_DATE_EPOCH), read one way: ASCII digits, within bounds.

A value that is not a whole number (`²`, `-1`, `80x`) is ignored with a note on stderr, never a traceback; one
above the bound is clamped to it (`COLUMNS=100000000` would otherwise make a table of gigabytes).
"""

from __future__ import annotations

import os
import sys


def env_number(name: str, low: int, high: int, clamp: bool = True) -> int | None:
    """The whole number in the environment variable `name`, clamped to `high` (or, not `clamp`, refused above
    it); None if unset, empty or not a whole number in range (with a note on stderr)."""
    text = os.environ.get(name, "").strip()
    if not text:
        return None
    if text.isascii() and text.isdigit():
        value = int(text) if len(text) <= 20 else high + 1  # more digits than any bound: past it
        if low <= value <= high or (clamp and value > high):
            return min(value, high)
    from summitcli.text import visible

    expected = f"from {low}" if clamp else f"from {low} to {high}"
    print(f"summit: note: {name}={visible(text)} ignored (expected a whole number {expected})", file=sys.stderr)
    return None
