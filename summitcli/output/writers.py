"""Writers for pipes and files: plain, csv, tsv, json, jsonl, markdown. No Rich, no escape codes.

`json` and `csv` are imported by the writers that use them: plain text is the default in a pipe, and start-up
counts.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any, TextIO

from summitcli.output.base import NOT_REPORTED, Column, is_unknown
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


def _plain_numbers(value: Any) -> Any:
    """Whole-number floats as integers (an amount of 6e13 reads 60000000000000), recursively."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, list):
        return [_plain_numbers(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain_numbers(v) for k, v in value.items()}
    return value


def json_text(value: Any) -> str:
    """One JSON value on one line: UTF-8 kept, dates as ISO text, controls and bidi characters escaped the JSON
    way."""
    import json

    return json_safe(json.dumps(_plain_numbers(value), ensure_ascii=False, default=_iso))


def _iso(value: Any) -> str:
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def write_json(out: TextIO, rows: Sequence[Any]) -> None:
    """One JSON array, one record per line; `[]` when empty."""
    if not rows:
        out.write("[]\n")
        return
    for i, row in enumerate(rows):
        out.write("[" if i == 0 else " ")
        out.write(json_text(row))
        out.write(",\n" if i < len(rows) - 1 else "]\n")


def write_jsonl(out: TextIO, rows: Sequence[Any]) -> None:
    for row in rows:
        out.write(json_text(row) + "\n")


def record_cell(value: Any) -> str:
    """A record's field in csv/tsv: text as it is, numbers as numbers, lists and objects as JSON, null empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json_text(value)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(_plain_numbers(value))


def write_csv(out: TextIO, records: Sequence[dict[str, Any]], fields: Sequence[str]) -> None:
    """A header row of `fields`, then a row per record, quoted as CSV quotes."""
    import csv

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    for record in records:
        writer.writerow([_spreadsheet(record.get(f)) for f in fields])


def write_tsv(out: TextIO, records: Sequence[dict[str, Any]], fields: Sequence[str]) -> None:
    """A header row of `fields`, then a row per record; tabs and newlines in values are visible escapes."""
    out.write("\t".join(fields) + "\n")
    for record in records:
        out.write("\t".join(_spreadsheet(record.get(f)) for f in fields) + "\n")


RecordWriter = Callable[[TextIO, Sequence[dict[str, Any]], Sequence[str]], None]
# The machine formats: each writes typed records under `fields` (csv and tsv as columns, json and jsonl as they are).
RECORD_WRITERS: dict[str, RecordWriter] = {
    "json": lambda out, records, fields: write_json(out, records),
    "jsonl": lambda out, records, fields: write_jsonl(out, records),
    "csv": write_csv,
    "tsv": write_tsv,
}


def write_records(out: TextIO, fmt: str, records: Sequence[dict[str, Any]], fields: Sequence[str]) -> None:
    """json, jsonl, csv or tsv of typed records; csv and tsv have a header row of `fields`."""
    RECORD_WRITERS[fmt](out, records, fields)


def _spreadsheet(value: Any) -> str:
    """A record's field as a csv or tsv cell: visible, and never run as a formula when a spreadsheet opens it. A list
    or an object is JSON text, which escapes its own controls: escaping it again would break the JSON."""
    text = record_cell(value) if isinstance(value, (list, dict)) else visible(record_cell(value))
    return spreadsheet_cell(value, text)


def section_rows(records: Mapping[str, Any]) -> tuple[list[dict[str, Any]], list[str]]:
    """A document's records as rows: one record per row with its `section` (the record the document is about, such
    as `person`, first); and the columns: `section` and the union of the sections' fields in order of appearance."""
    rows = [
        {"section": key, **record}
        for key, value in records.items()
        for record in (value if isinstance(value, list) else [value])
        if isinstance(record, dict)
    ]
    return rows, list(dict.fromkeys(field for row in rows for field in row)) or ["section"]


def write_plain(out: TextIO, rows: Sequence[dict[str, Any]], columns: Sequence[Column], *, header: bool) -> None:
    """One row per line, tab-separated, every column; "not reported" where a reader expects a fact, else empty.
    A header row of column keys if `header`. Tabs and newlines inside values are written as `\\t` and `\\n`."""
    if header:
        out.write("\t".join(c.key for c in columns) + "\n")
    for row in rows:
        values = (c.unknown if is_unknown(row.get(c.key)) else cell(row.get(c.key), "") for c in columns)
        out.write("\t".join(values) + "\n")


def md(value: Any) -> str:
    """Text for Markdown: one line, Markdown's own syntax and HTML escaped, so data is shown as written."""
    return markdown_text(cell(value, NOT_REPORTED))


def write_markdown_rows(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[Column],
    escape: Callable[[Any], str],
    raw: Collection[str] = (),
) -> list[str]:
    """A GitHub-flavoured table as lines: each value through `escape`, but the columns in `raw` as they are."""
    lines = [
        "| " + " | ".join(escape(c.header) for c in columns) + " |",
        "|" + "|".join(" --- " for _ in columns) + "|",
    ]
    for row in rows:
        values = (
            str(c.read(row) or "")
            if c.key in raw
            else (escape(c.unknown) if is_unknown(c.read(row)) else escape(c.read(row)))
            for c in columns
        )
        lines.append("| " + " | ".join(values) + " |")
    return lines


def write_markdown(out: TextIO, rows: Sequence[dict[str, Any]], columns: Sequence[Column]) -> None:
    """A GitHub-flavoured table; Markdown syntax and HTML escaped, unknown values read "not reported"."""
    out.write("\n".join(write_markdown_rows(rows, columns, md)) + "\n")
