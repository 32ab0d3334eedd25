"""What every renderer reads: the formats, colour modes, column and view specs, and the root command's display
options (handed to the renderers with each view, never kept in a global).

The renderers import from here, never from the package, so imports in `summitcli.output` run one way:
the package -> the renderers -> this module.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from enum import Enum
from typing import Any, NamedTuple

from summitcli.phrases import NOT_REPORTED

__all__ = [
    "NOT_REPORTED",
    "ColorMode",
    "Column",
    "Display",
    "Format",
    "View",
    "is_unknown",
    "resolve",
    "stdout_is_terminal",
]


class Format(str, Enum):
    auto = "auto"
    table = "table"
    plain = "plain"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    markdown = "markdown"
    html = "html"


class ColorMode(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


def is_unknown(value: Any) -> bool:
    """A value no source reports: None, or an empty list. Every renderer asks this one question."""
    return value is None or (isinstance(value, list) and not value)


class Column(NamedTuple):
    key: str
    header: str
    ratio: int | None = None  # share of the spare width in a terminal table; None = as wide as its content
    no_wrap: bool = False
    expected: bool = False  # a fact a reader expects (a meeting's date, a due date): unknown reads "not reported"
    below: str | None = None  # in a terminal table, the values of this other column shown under this one's
    shown: str | None = None  # the row's key of what people read here (terminal, Markdown, HTML), where a pipe's
    # value is data: a status `in-progress` reads "in progress", an origin's title reads "from: ..."

    def read(self, row: Mapping[str, Any]) -> Any:
        """This column's value for people: the `shown` value where the row has one, else the data."""
        return row[self.shown] if self.shown and self.shown in row else row.get(self.key)

    @property
    def unknown(self) -> str:
        """What an unknown value in this column reads: "not reported" where a reader expects a fact, else nothing."""
        return NOT_REPORTED if self.expected else ""


class View(NamedTuple):
    """How the rows are presented beyond their values: in a terminal grouped under headings, with source markers
    and a footnote list; in a pipe, whether plain text keeps a header row."""

    title: str | None = None
    group_by: str | None = None
    hidden: tuple[str, ...] = ()  # columns shown in pipes but not in the terminal table
    sources: Mapping[str, Any] | None = None  # source id -> model.Source, for markers and footnotes
    empty: str = "nothing matches"
    source_columns: tuple[str, ...] = ()  # columns of source ids, shown as [n] markers in a terminal
    highlight: tuple[str, ...] = ()  # words to highlight in a terminal (search terms)
    heat: bool = False  # colour whole-number cells by size in a terminal (a grid of counts)
    plain_header: bool = False  # plain text starts with a header row (a grid is unreadable without one)
    drop: tuple[str, ...] = ()  # columns a terminal table leaves out, in this order, when the window is too narrow


class Display(NamedTuple):
    """The root command's options that writers read (`--color`, `--no-pager`), and a list command's `--fields` and
    `--header`: made by the command line and handed, with each view, to the output layer."""

    color: ColorMode = ColorMode.auto
    pager: bool = True
    fields: tuple[str, ...] = ()  # only these record fields, in this order (every format); () = the command's own
    header: bool = False  # plain text starts with a header row of the columns' keys


def stdout_is_terminal() -> bool:
    """Rich's own rule, without importing Rich: TTY_COMPATIBLE, then FORCE_COLOR, then isatty()."""
    tty_compatible = os.environ.get("TTY_COMPATIBLE", "")
    if tty_compatible in ("0", "1"):
        return tty_compatible == "1"
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def resolve(fmt: Format) -> Format:
    if fmt is Format.auto:
        return Format.table if stdout_is_terminal() else Format.plain
    return fmt
