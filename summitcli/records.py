"""A model record as machine formats write it: its own typed fields, named as in the data model.

Dates stay dates (the writers give ISO text), unknown values None, figures `{label, value, amount, unit, ...}`;
nothing is formatted for display. Commands add a few fields of their own beside these (`country_name`,
`section`), never instead of them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from summitcli.stored import Stored, builtins


def fields(record: Any, **extra: Any) -> dict[str, Any]:
    """The record's fields (every one, null where unknown), then `extra`."""
    if isinstance(record, Stored):  # read from the index (every query's answer): no msgspec needed
        out: dict[str, Any] = builtins(record)
    else:
        import msgspec

        out = msgspec.to_builtins(record, builtin_types=(dt.date,))
    out.update(extra)
    return out
