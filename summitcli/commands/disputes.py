"""Where sources differ, said wherever the fact is shown (issue 22, point 6): under a record's entry in a brief,
in "other encounters", under an event in `timeline --full` and in the briefing book."""

from __future__ import annotations

from typing import Any

from summitcli.phrases import field_words
from summitcli.views import Line


def lines(record: Any) -> list[Line]:
    """A line per dispute: what the sources differ on, what the others report, and their markers."""
    return [
        Line(f"Sources differ on {field_words(d.field)}: {d.note}", d.sources, dim=True)
        for d in getattr(record, "disputes", None) or []
    ]


def on(record: Any) -> str | None:
    """`sources differ on length and venue`, where a short note must do (a key point, a table cell)."""
    said = list(dict.fromkeys(field_words(d.field) for d in getattr(record, "disputes", None) or []))
    if not said:
        return None
    listed = " and ".join([", ".join(said[:-1]), said[-1]] if len(said) > 1 else said)
    return f"sources differ on {listed}"
