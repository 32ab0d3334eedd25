"""One output layer for every command: a command builds rows of one shape, every format writes them.

Values in a row are text, numbers, lists of text, or None for "not reported".
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from enum import Enum
from typing import Any, NamedTuple

from summitcli.output.stream import pipe_guard

NOT_REPORTED = "not reported"


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


class Column(NamedTuple):
    key: str
    header: str
    ratio: int | None = None  # share of the spare width in a terminal table; None = as wide as its content
    no_wrap: bool = False


class View(NamedTuple):
    """How the rows are presented beyond their values: in a terminal grouped under headings, with source markers
    and a footnote list; in a pipe, whether plain text keeps a header row."""

    title: str | None = None
    group_by: str | None = None
    hidden: tuple[str, ...] = ()  # columns shown in pipes but not in the terminal table
    sources: Mapping[str, str] | None = None  # source id -> citation, for markers and footnotes
    empty: str = "nothing matches"
    source_columns: tuple[str, ...] = ()  # columns of source ids, shown as [n] markers in a terminal
    highlight: tuple[str, ...] = ()  # words to highlight in a terminal (search terms)
    heat: bool = False  # colour whole-number cells by size in a terminal (a grid of counts)
    plain_header: bool = False  # plain text starts with a header row (a grid is unreadable without one)


class Settings:
    """Options of the root command that every writer reads."""

    color: ColorMode = ColorMode.auto


SETTINGS = Settings()


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


def emit(rows: Sequence[dict[str, Any]], columns: Sequence[Column], fmt: Format, view: View | None = None) -> None:
    """Write rows in the chosen format to stdout."""
    with pipe_guard():
        _write(rows, columns, resolve(fmt), view or View())


def _write(rows: Sequence[dict[str, Any]], columns: Sequence[Column], fmt: Format, view: View) -> None:
    if fmt is Format.table:
        from summitcli.output.terminal import write_table

        write_table(rows, columns, view, SETTINGS.color)
        return
    from summitcli.output import writers

    out = sys.stdout
    if fmt is Format.json:
        writers.write_json(out, rows)
    elif fmt is Format.jsonl:
        writers.write_jsonl(out, rows)
    elif fmt is Format.markdown:
        writers.write_markdown(out, rows, columns)
    elif fmt is Format.html:
        from summitcli.output.document import Document, Section, to_html

        page = Section("rows", "", rows, columns, view)
        out.write(to_html(Document(view.title or "summit", None, [page], view.sources or {}, contents=False)))
    elif fmt is Format.csv:
        writers.write_csv(out, rows, columns)
    else:
        writers.write_tab_separated(
            out, rows, columns, plain=fmt is Format.plain, header=fmt is Format.tsv or view.plain_header
        )
