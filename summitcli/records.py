"""A model record as machine formats write it: its own typed fields, named as in the data model.

Dates stay dates (the writers give ISO text), unknown values None, figures `{label, value, amount, unit, ...}`;
nothing is formatted for display. Commands add a few fields of their own beside these (`country_name`,
`section`), never instead of them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec


def fields(record: Any, **extra: Any) -> dict[str, Any]:
    """The record's fields (every one, null where unknown), then `extra`."""
    out: dict[str, Any] = msgspec.to_builtins(record, builtin_types=(dt.date,))
    out.update(extra)
    return out
