"""Command modules: each parses its options, asks the query layer, and hands rows to the output layer.

A command module declares its command once: an `Options` class (a frozen msgspec Struct, built by keyword only) with
what selects its records, a function from a query and those options to what it shows (`listing_for`,
`document_for`), which the Python API (`summitcli.api`) calls too, and the entry function the CLI calls with the
root command's `Settings`, the options and the output choices (`fmt`, ...), all by name. Registering it is one
Typer callback in `summitcli.cli`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from summitcli.output.base import Display

if TYPE_CHECKING:
    from summitcli.output.base import Format
    from summitcli.query import Query
    from summitcli.views import Listing


class Settings(NamedTuple):
    """The root command's options (`--data`, `--no-cache`, `--color`, `--no-pager`): made by the root callback,
    put on Typer's context (`ctx.obj`) and handed to the command that runs. Nothing is kept between runs."""

    data: tuple[Path, ...] = ()
    use_cache: bool = True
    display: Display = Display()
    sources_only: bool = False  # a list command's --sources: the sources its rows cite, whole, instead of the rows

    def paths(self) -> list[Path] | None:
        """The dataset's files or directories given with --data; None: $SUMMIT_DATA, else the bundled data."""
        return list(self.data) or None

    def query(self) -> Query:
        """The dataset these settings name, read (through the index unless --no-cache) and ready to query."""
        from summitcli.dataset import open_data
        from summitcli.query import Query

        return Query(open_data(self.paths(), use_cache=self.use_cache))


def show_listing(settings: Settings, listing: Listing, fmt: Format) -> None:
    """A list command's rows; with --sources, the sources they cite instead, whole, in order of first citation."""
    from summitcli.output import emit_listing

    if settings.sources_only:
        from summitcli.commands.sources import cited_listing

        refs = [ref for row in listing.rows for ref in row.get("sources") or []]
        listing = cited_listing(listing.view.sources or {}, refs)
    emit_listing(listing, fmt, settings.display)
