"""Writers for pipes and files: plain, csv, tsv, json, jsonl, markdown. No Rich, no escape codes.

`json` and `csv` are imported by the writers that use them: plain text is the default in a pipe, and start-up
counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from summitcli.output import NOT_REPORTED, Column
from summitcli.output.escape import markdown_text, spreadsheet_cell
from summitcli.text import json_safe, visible


def cell(value: Any, unknown: str) -> str:
    """One value as a single line of text: lists joined, None as `unknown`, controls escaped."""
    if value is None:
        return unknown
    if isinstance(value, list):
        return ", ".join(cell(v, unknown) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return visible(str(value))


def write_json(out: TextIO, rows: Sequence[dict[str, Any]]) -> None:
    """One JSON array, one record per line; `[]` when empty."""
    import json

    if not rows:
        out.write("[]\n")
        return
    for i, row in enumerate(rows):
        out.write("[" if i == 0 else " ")
        out.write(json_safe(json.dumps(row, ensure_ascii=False)))
        out.write(",\n" if i < len(rows) - 1 else "]\n")


def write_jsonl(out: TextIO, rows: Sequence[dict[str, Any]]) -> None:
    import json

    for row in rows:
        out.write(json_safe(json.dumps(row, ensure_ascii=False)) + "\n")


def write_tab_separated(
    out: TextIO, rows: Sequence[dict[str, Any]], columns: Sequence[Column], *, plain: bool, header: bool
) -> None:
    """tsv: empty cells for unknown. plain: "not reported" for unknown. A header row of column keys if `header`.

    Tabs and newlines inside values are written as the two characters `\\t` and `\\n`.
    """
    unknown = NOT_REPORTED if plain else ""
    keys = [c.key for c in columns]
    if header:
        out.write("\t".join(keys) + "\n")
    for row in rows:
        cells = [cell(row.get(k), unknown) for k in keys]
        if not plain:  # tsv is opened in spreadsheets: no cell may run as a formula
            cells = [spreadsheet_cell(row.get(k), text) for k, text in zip(keys, cells, strict=True)]
        out.write("\t".join(cells) + "\n")


def write_csv(out: TextIO, rows: Sequence[dict[str, Any]], columns: Sequence[Column]) -> None:
    import csv

    keys = [c.key for c in columns]
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(keys)
    for row in rows:
        writer.writerow([spreadsheet_cell(row.get(k), cell(row.get(k), "")) for k in keys])


def write_markdown(out: TextIO, rows: Sequence[dict[str, Any]], columns: Sequence[Column]) -> None:
    """A GitHub-flavoured table; Markdown syntax and HTML escaped, unknown values read "not reported"."""

    def md(value: Any) -> str:
        return markdown_text(cell(value, NOT_REPORTED))

    out.write("| " + " | ".join(md(c.header) for c in columns) + " |\n")
    out.write("|" + "|".join(" --- " for _ in columns) + "|\n")
    for row in rows:
        out.write("| " + " | ".join(md(row.get(c.key)) for c in columns) + " |\n")
