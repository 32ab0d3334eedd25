"""Command modules: each parses its options, asks the query layer, and hands rows to the output layer."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summitcli.query import Query


class State:
    """Options of the root command (`--data`, `--no-cache`) that every command reads."""

    def __init__(self) -> None:
        self.data: list[Path] = []
        self.use_cache = True


STATE = State()


def load_query() -> Query:
    from summitcli.dataset import open_data
    from summitcli.query import Query

    return Query(open_data(STATE.data or None, use_cache=STATE.use_cache))
