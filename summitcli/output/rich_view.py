"""Terminal output with Rich: tables fitted to the window, headings per group, source markers.

Imported only when stdout is a terminal (or --format table), so pipes never pay for Rich.
All data goes in as `Text`, never as markup, so `[bold]` in the data prints literally.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from summitcli.output import NOT_REPORTED, ColorMode, Column, View
from summitcli.text import visible_keep_newlines


def make_console(color: ColorMode) -> Console:
    if color is ColorMode.always:
        return Console(force_terminal=True)
    if color is ColorMode.never:
        return Console(color_system=None, highlight=False)
    return Console(highlight=False)


HEAT = ((4, "bold green"), (2, "green"), (1, "yellow"))


def _cell(value: Any, view: View) -> Text:
    if value is None:
        return Text(NOT_REPORTED, style="dim italic")
    if view.heat and isinstance(value, int) and not isinstance(value, bool):
        style = next((style for floor, style in HEAT if value >= floor), "dim")
        return Text(str(value) if value else "·", style=style, justify="right")
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value) if value else ""
    text = Text(visible_keep_newlines(str(value)))
    if view.highlight:
        text.highlight_words(view.highlight, style="bold reverse", case_sensitive=False)
    return text


def write_table(rows: Sequence[dict[str, Any]], columns: Sequence[Column], view: View, color: ColorMode) -> None:
    console = make_console(color)
    shown = [c for c in columns if c.key not in view.hidden and c.key != view.group_by]
    numbers: dict[str, int] = {}

    def markers(refs: list[str]) -> Text:
        for ref in refs:
            numbers.setdefault(ref, len(numbers) + 1)
        return Text("".join(f"[{numbers[r]}]" for r in refs), style="cyan")

    if view.title:
        console.print(Text(visible_keep_newlines(view.title), style="bold"))
    if not rows:
        console.print(Text(view.empty, style="dim"))
        return
    groups: dict[Any, list[dict[str, Any]]] = {}
    for row in rows:
        key = row.get(view.group_by) if view.group_by else None
        groups.setdefault(", ".join(map(str, key)) if isinstance(key, list) else key, []).append(row)
    for group, members in groups.items():
        table = Table(expand=True, show_edge=False, header_style="bold", pad_edge=False)
        if view.group_by:
            table.title = visible_keep_newlines(str(group if group is not None else NOT_REPORTED))
            table.title_style = "bold magenta"
            table.title_justify = "left"
        for column in shown:
            table.add_column(
                column.header, ratio=column.ratio, no_wrap=column.no_wrap, overflow="fold", min_width=len(column.header)
            )
        if view.sources is not None:
            table.add_column("src", overflow="fold", max_width=12)
        for row in members:
            cells = [
                markers(row.get(c.key) or []) if c.key in view.source_columns else _cell(row.get(c.key), view)
                for c in shown
            ]
            if view.sources is not None:
                cells.append(markers(row.get("sources") or []))
            table.add_row(*cells)
        console.print(table)
        console.print()
    if view.sources is not None and numbers:
        notes = Table.grid(padding=(0, 1))
        notes.add_column(style="cyan", no_wrap=True)
        notes.add_column(overflow="fold")
        for ref, number in numbers.items():
            notes.add_row(f"[{number}]", Text(visible_keep_newlines(view.sources.get(ref, ref))))
        console.print(Text("Sources", style="bold"))
        console.print(notes)
