"""Command modules: each parses its options, asks the query layer, and hands rows to the output layer."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summitcli.query import Query


@dataclass
class State:
    data: list[Path] = field(default_factory=list)
    use_cache: bool = True


STATE = State()


def load_query() -> Query:
    from summitcli.loader import load
    from summitcli.query import Query

    return Query(load(STATE.data or None, use_cache=STATE.use_cache))
