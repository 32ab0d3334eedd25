"""How a record relates to countries: one rule for the query layer and the index's country column."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from summitcli import model


def own_countries(record: Any) -> list[str]:
    """The countries a record names itself: its parties or countries; a person their own."""
    if isinstance(record, model.Person):
        return [record.country] if record.country else []
    return list(getattr(record, "parties", None) or getattr(record, "countries", None) or [])


def involved_countries(record: Any, people: Mapping[str, model.Person]) -> list[str]:
    """The countries a record involves: its own (`own_countries`); a quote also its speaker's."""
    codes = own_countries(record)
    if isinstance(record, model.Quote):
        speaker = people.get(record.speaker)
        if speaker is not None and speaker.country and speaker.country not in codes:
            codes.append(speaker.country)
    return codes
