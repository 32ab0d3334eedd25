"""Numbers from the environment (COLUMNS, LINES, SOURCE_DATE_EPOCH), read one way: ASCII digits, within bounds.

A value that is not a whole number (`²`, `-1`, `80x`) is ignored with a note on stderr, never a traceback; one
above the bound is clamped to it (`COLUMNS=100000000` would otherwise make a table of gigabytes).
"""

from __future__ import annotations

import os
import sys


def env_number(name: str, low: int, high: int) -> int | None:
    """The whole number in the environment variable `name`, clamped to `high`; None if unset, empty or not a
    whole number from `low` on (with a note on stderr)."""
    text = os.environ.get(name, "").strip()
    if not text:
        return None
    if text.isascii() and text.isdigit():
        value = int(text[:20]) if len(text) <= 20 else high  # more digits than any bound: the bound
        if value >= low:
            return min(value, high)
    from summitcli.text import visible

    print(f"summit: note: {name}={visible(text)} ignored (expected a whole number from {low})", file=sys.stderr)
    return None
