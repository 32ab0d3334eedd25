"""A list command's `--fields a,b,c` and `--header`: only the record fields a script asks for, in its order, in
every format; and a header row in plain text.

A selection is a listing of its own: the records cut to the fields asked for, and rows of the same values (dates
ISO, booleans `true`/`false`, objects as JSON) under columns named by the fields, so that plain text, tsv and csv
have the same columns in the same order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from summitcli.errors import UsageError
from summitcli.output.base import Column, Display, View

if TYPE_CHECKING:
    from summitcli.views import Listing


def parse_fields(text: str | None) -> tuple[str, ...]:
    """`--fields a,b, c` as ("a", "b", "c"); empty names left out."""
    return tuple(name.strip() for name in (text or "").split(",") if name.strip())


def check_fields(asked: Sequence[str], available: Sequence[str]) -> None:
    """Refuse (exit 2) a field the listing's records do not have, naming the fields they do."""
    unknown = [name for name in asked if name not in available]
    if unknown:
        raise UsageError(
            f"--fields: no field {', '.join(repr(n) for n in unknown)} (fields available: {','.join(available)})"
        )


def shaped(listing: Listing, display: Display) -> Listing:
    """The listing as `--fields` and `--header` ask (unchanged when neither was given)."""
    if display.fields:
        check_fields(display.fields, listing.fields)
        listing = _selected(listing, display.fields)
    if display.header:
        listing = listing._replace(view=listing.view._replace(plain_header=True))
    return listing


def _selected(listing: Listing, names: Sequence[str]) -> Listing:
    records = [{name: record.get(name) for name in names} for record in listing.records]
    rows = [{name: _value(value) for name, value in record.items()} for record in records]
    view = View(title=listing.view.title, empty=listing.view.empty, plain_header=listing.view.plain_header)
    return listing._replace(
        records=records, fields=list(names), rows=rows, columns=[Column(n, n) for n in names]
    )._replace(view=view, screen=None)


def _value(value: Any) -> Any:
    """A record's value as a selection's row holds it: what plain text writes for a script."""
    from summitcli.output.writers import record_cell

    if value is None or (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        return value  # unknown; a list of text is joined with ", " as in every list
    return record_cell(value)
