"""How the Python API's results look in a notebook: the HTML the briefing book uses (`summit export html`), and a
short text repr instead of every record.

A list the API returns is a `Records` (a `list` of dicts, so `pandas.DataFrame(records)` works as it did), a
brief a `Brief` (a `dict` by section). Jupyter shows either through `_repr_html_`: the book's page, in an
`<iframe srcdoc>` so that the book's stylesheet styles the page and not the notebook around it. The page is
rendered when it is shown, not when the records are asked for.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

T = TypeVar("T", bound=Mapping[str, object])

_ROW_PX, _BASE_PX, _MAX_PX = 40, 220, 640  # a table row wraps to two lines; the page title takes two


def frame(page: str, lines: int) -> str:
    """A self-contained HTML page shown inside a notebook, about `lines` lines tall (scrolling past a limit)."""
    height = min(_MAX_PX, _BASE_PX + _ROW_PX * lines)
    return (
        f'<iframe srcdoc="{html.escape(page, quote=True)}" style="width: 100%; height: {height}px; border: 0" '
        'sandbox="allow-popups allow-popups-to-escape-sandbox"></iframe>'
    )


def _names(records: Iterable[Any], count: int = 3) -> str:
    shown: list[str] = []
    for record in records:
        if len(shown) == count:
            shown.append("…")
            break
        name = str(
            next((record[k] for k in ("name", "title", "country_name", "publication", "id") if record.get(k)), "")
        )
        shown.append(name if len(name) <= 40 else name[:39] + "…")
    return "; ".join(shown)


_DTYPES = {"str": "string", "int": "Int64", "float": "Float64", "bool": "boolean", "dt.date": "datetime64[ns]"}


def _dtypes(record_type: type | None) -> dict[str, str]:
    """Field -> pandas type, from a record type's annotations (`summitcli.api_types`, written as text): `str |
    None` is `string`, `dt.date | None` `datetime64`; lists and nested records are left as Python objects."""
    hints = record_type.__annotations__ if record_type is not None else {}
    found = {}
    for name, hint in hints.items():
        base = str(getattr(hint, "__forward_arg__", hint)).removesuffix(" | None")
        if base in _DTYPES:
            found[name] = _DTYPES[base]
    return found


class Records(list[T]):
    """The records one method of the API returns: a `list` of dicts (see `summitcli.api_types` for their
    fields), shown in a notebook as the book's table, in a text repr as a count and the first few names."""

    def __init__(
        self,
        records: Iterable[T],
        what: str,
        html_page: Callable[[], str] | None = None,
        record_type: type | None = None,
    ) -> None:
        super().__init__(records)
        self._what = what
        self._html_page = html_page
        self._record_type = record_type  # the TypedDict of the records, for their columns' types

    def __repr__(self) -> str:
        return f"<{len(self)} {self._what}: {_names(self)}>" if self else f"<no {self._what}>"

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled (for multiprocessing, joblib, a cache) as the plain list it holds: the page is not data."""
        return (list, (list(self),))

    def to_dataframe(self) -> Any:
        """A `pandas.DataFrame` of the records (pandas must be installed), one column per field with a pandas
        type from the record's declared field types, the same whatever the data holds: dates `datetime64`, whole
        numbers `Int64`, other numbers `Float64`, yes/no `boolean`, text `string`, each with missing values for
        unknowns; lists (countries, sources, figures) stay lists. No records: the columns, empty."""
        import importlib

        pandas: Any = importlib.import_module("pandas")  # an optional dependency, typed or not
        fields = list(self._record_type.__annotations__) if self._record_type else None
        table = pandas.DataFrame(list(self), columns=fields)
        for column, dtype in _dtypes(self._record_type).items():
            if column in table:
                is_date = dtype.startswith("datetime")
                table[column] = pandas.to_datetime(table[column]) if is_date else table[column].astype(dtype)
        return table

    def _repr_html_(self) -> str | None:
        """The book's table of these records; None (the text repr) where the command has no table."""
        return frame(self._html_page(), len(self)) if self._html_page else None


class Brief(dict[str, Any]):
    """One country's briefing by section (`summit brief COUNTRY --format json`): `home`, `country` and their
    names, then `counterparts`, `meetings`, `outcomes` (of the two alone), `outcomes_multilateral` (of a grouping or
    three parties or more), `groupings`, `followups`, `quotes`, `context`, `encounters`, `plans`, what the country
    did with others (`outcomes_elsewhere`, `events_elsewhere`, `quotes_elsewhere`) and the `sources` cited; each
    section a list of records. Shown in a notebook as the book's page for the country."""

    def __init__(self, sections: dict[str, Any], html_page: Callable[[], str]) -> None:
        super().__init__(sections)
        self._html_page = html_page

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as the plain dict it holds."""
        return (dict, (dict(self),))

    def __repr__(self) -> str:
        counts = ", ".join(f"{k} {len(v)}" for k, v in self.items() if isinstance(v, list) and v)
        return f"<Brief on {self.get('country_name')}: {counts}>"

    def _repr_html_(self) -> str:
        return frame(self._html_page(), sum(len(v) for v in self.values() if isinstance(v, list)) * 2)
