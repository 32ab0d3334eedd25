"""The Python API in a notebook: the book's HTML and short reprs, typed records `help()` shows, dates as dates or
ISO text, the API's own UsageError for every bad argument, and the example notebook run headless by nbclient."""

from __future__ import annotations

import datetime as dt
import json
import pickle
import pydoc
import types
import typing
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import FIXTURE, ROOT, run

import summitcli
from summitcli import api_types

LISTS = {  # method -> (the command that prints the same records, its TypedDict)
    "countries": (["countries"], api_types.Country),
    "timeline": (["timeline"], api_types.Event),
    "agreements": (["agreements"], api_types.Agreement),
    "followups": (["followups"], api_types.Followup),
    "quotes": (["quotes"], api_types.Quote),
    "people": (["people"], api_types.Person),
    "sources": (["sources"], api_types.Source),
    "topics": (["topics"], api_types.Topic),
}


@pytest.fixture(scope="module")
def week() -> summitcli.Dataset:
    return summitcli.open_dataset()


def _jsonable(records: object) -> object:
    return json.loads(json.dumps(records, default=lambda d: d.isoformat()))


def _conforms(value: object, hint: object) -> bool:
    """Whether a value is of a TypedDict field's type (dates, numbers, text, lists, nested records, None)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_conforms(value, arg) for arg in args)
    if hint is type(None):
        return value is None
    if typing.is_typeddict(hint):
        fields = typing.get_type_hints(hint)
        return (
            isinstance(value, dict)
            and set(value) == set(fields)
            and all(_conforms(value[k], fields[k]) for k in fields)
        )
    if origin is list:
        return isinstance(value, list) and all(_conforms(item, args[0]) for item in value)
    if origin is dict:
        return isinstance(value, dict)
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is dt.date:
        return isinstance(value, dt.date)
    return isinstance(value, hint)  # type: ignore[arg-type]


@pytest.mark.parametrize("method", sorted(LISTS))
def test_every_list_has_the_fields_its_typed_record_declares(method: str, week: summitcli.Dataset) -> None:
    command, record_type = LISTS[method]
    records = getattr(week, method)()
    assert records, method
    for record in records:
        assert _conforms(record, record_type), (method, record)
    assert _jsonable(list(records)) == json.loads(run(*command, "--format", "json").stdout)


def test_search_hits_are_typed_with_dates_as_dates(week: summitcli.Dataset) -> None:
    hits = week.search("submarine")
    assert hits and all(_conforms(hit, api_types.SearchHit) for hit in hits)
    assert any(isinstance(hit["date"], dt.date) for hit in hits)


def test_help_shows_the_records_each_method_returns() -> None:
    page = pydoc.render_doc(summitcli.Dataset, renderer=pydoc.plaintext)
    for name in ("Country", "Event", "Agreement", "Followup", "Quote", "Person", "Source", "Topic", "SearchHit"):
        assert f"-> 'Records[{name}]'" in page, name
    fields = pydoc.render_doc(api_types.Agreement, renderer=pydoc.plaintext)
    assert "involves_home" in fields and "figures" in fields and "one country it involves" in fields


def test_countries_meeting_dates_are_dates(week: summitcli.Dataset) -> None:
    dates = [d for country in week.countries() for d in country["meeting_dates"]]
    assert dates and all(type(d) is dt.date for d in dates)


def test_dates_are_accepted_as_dates_or_iso_text(week: summitcli.Dataset) -> None:
    as_text = week.timeline(start="2025-10-30", end="2025-10-31")
    assert as_text == week.timeline(start=dt.date(2025, 10, 30), end=dt.date(2025, 10, 31))
    assert as_text == week.timeline(start=dt.datetime(2025, 10, 30, 9, 0), end=dt.date(2025, 10, 31))
    assert as_text and all(dt.date(2025, 10, 30) <= e["date"] <= dt.date(2025, 10, 31) for e in as_text)
    assert week.followups(due_before="2026-12-31") == week.followups(due_before=dt.date(2026, 12, 31))


BAD_CALLS = [
    ("timeline", {"start": 20251030}, "--from 20251030 is not a date"),
    ("timeline", {"start": "30 Oct 2025"}, "--from '30 Oct 2025' is not a date: use YYYY-MM-DD"),
    ("timeline", {"end": "2025-02-30"}, "--to '2025-02-30' is not a date"),
    ("timeline", {"kind": 3}, "kind must be text, not int"),
    ("followups", {"due_before": 3.5}, "--due-before 3.5 is not a date"),
    ("agreements", {"country": ["CA"]}, "country must be text, not list"),
    ("agreements", {"status": "establishd"}, "Did you mean 'established'"),
    ("quotes", {"speaker": 7}, "speaker must be text, not int"),
    ("people", {"name": b"carney"}, "name must be text, not bytes"),
    ("brief", {"country": None}, "country must be text, not NoneType"),
    ("brief", {"country": "narnia"}, "unknown country 'narnia'"),
    ("search", {"words": 5}, "words must be text or a list of text"),
    ("search", {"words": ["rare", 5]}, "words must be text or a list of text"),
]


@pytest.mark.parametrize(("method", "kwargs", "words"), BAD_CALLS)
def test_a_bad_argument_is_a_usage_error_never_a_type_error(
    method: str, kwargs: dict[str, object], words: str, week: summitcli.Dataset
) -> None:
    with pytest.raises(summitcli.UsageError) as raised:
        getattr(week, method)(**kwargs)
    assert words in str(raised.value)


def test_the_cli_says_the_same_words_for_a_bad_date() -> None:
    with pytest.raises(summitcli.UsageError) as api:
        summitcli.open_dataset().timeline(start="30 Oct 2025")
    cli = run("timeline", "--from", "30 Oct 2025")
    assert cli.exit_code == 2 and str(api.value) in cli.stderr


class _Frame(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.pages: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "iframe":
            self.pages.append(dict(attrs)["srcdoc"] or "")


def _page(shown: str) -> str:
    frame = _Frame()
    frame.feed(shown)
    [page] = frame.pages
    return page


def test_a_list_shows_as_the_html_the_command_writes(week: summitcli.Dataset) -> None:
    shown = week.agreements(country="canada")._repr_html_()
    assert shown is not None and shown.startswith("<iframe ")
    assert _page(shown) == run("agreements", "canada", "--format", "html").stdout


def test_a_brief_shows_as_the_books_page_for_the_country(week: summitcli.Dataset) -> None:
    page = _page(week.brief("canada")._repr_html_())
    assert page == run("brief", "canada", "--full", "--format", "html").stdout
    assert "<h1>" in page and "Carney" in page


def test_the_dataset_shows_its_countries_under_its_title(week: summitcli.Dataset) -> None:
    page = _page(week._repr_html_())
    assert page == run("countries", "--format", "html").stdout
    assert week.title.replace("'", "&#x27;") in page


def test_short_text_reprs(week: summitcli.Dataset) -> None:
    assert repr(week).startswith(f"<summit Dataset {week.title!r}, home KR: ")
    assert "countries" in repr(week) and "\n" not in repr(week) and len(repr(week)) < 400
    deals = week.agreements(country="canada")
    assert repr(deals).startswith(f"<{len(deals)} agreements: ") and "\n" not in repr(deals)
    brief = week.brief("canada")
    assert repr(brief).startswith("<Brief on Canada: ") and f"outcomes {len(brief['outcomes'])}" in repr(brief)
    assert repr(summitcli.open_dataset(FIXTURE).timeline(start="2030-01-01")) == "<no events>"


def test_results_pickle_as_the_plain_data_they_hold(week: summitcli.Dataset) -> None:
    deals, brief = week.agreements(country="canada"), week.brief("canada")
    assert pickle.loads(pickle.dumps(deals)) == list(deals) and type(pickle.loads(pickle.dumps(deals))) is list
    assert pickle.loads(pickle.dumps(brief)) == dict(brief)


def test_a_data_frame_has_typed_columns(week: summitcli.Dataset) -> None:
    pandas = pytest.importorskip("pandas")
    table = week.agreements().to_dataframe()
    assert str(table["date"].dtype).startswith("datetime64")
    assert str(table["involves_home"].dtype) == "boolean"
    assert str(table["title"].dtype) == "string"
    events = week.timeline().to_dataframe()
    assert str(events["duration_minutes"].dtype) == "Int64"  # whole minutes, unknowns missing, not floats
    assert events["duration_minutes"].isna().any() and not events["duration_minutes"].dropna().empty
    assert list(table.columns) == list(pandas.DataFrame(week.agreements()).columns)
    # the types come from the records' declared fields, not from what the data happens to hold
    nothing = summitcli.open_dataset(FIXTURE).timeline(start="2030-01-01").to_dataframe()
    assert nothing.empty and list(nothing.columns) == list(typing.get_type_hints(api_types.Event))
    assert str(nothing["date"].dtype).startswith("datetime64") and str(nothing["duration_minutes"].dtype) == "Int64"


def test_the_example_notebook_runs_headless() -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    notebook = nbformat.read(ROOT / "docs" / "examples" / "notebook.ipynb", as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), "commit it clean"
    nbclient.NotebookClient(
        notebook, timeout=60, kernel_name="python3", resources={"metadata": {"path": ROOT}}
    ).execute()
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    shown = [o["data"] for o in outputs if o.output_type == "execute_result"]
    assert shown[0]["text/plain"].startswith("<summit Dataset ")
    assert sum("text/html" in data and data["text/html"].startswith("<iframe") for data in shown) >= 4
    assert any("datetime64" in data["text/plain"] for data in shown)
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "summit says: --from '30 Oct 2025' is not a date" in printed


def test_the_example_notebook_is_valid() -> None:
    nbformat = pytest.importorskip("nbformat")
    nbformat.validate(nbformat.read(Path(ROOT / "docs" / "examples" / "notebook.ipynb"), as_version=4))


# The API's typed records that carry a model record's own fields (and some of their own beside them).
MIRRORS = {
    api_types.Event: "Event", api_types.Agreement: "Outcome", api_types.Followup: "Followup",
    api_types.Quote: "Quote", api_types.Person: "Person", api_types.Source: "Source", api_types.Topic: "Topic",
    api_types.Figure: "Figure", api_types.Dispute: "Dispute",
}  # fmt: skip


def test_every_typed_record_declares_each_field_of_its_model_record() -> None:
    """A field added to the model is in every list the API returns: its TypedDict must say so (help() shows it)."""
    from summitcli import model

    for typed, name in MIRRORS.items():
        declared = typing.get_type_hints(typed)
        missing = [f for f in getattr(model, name).__struct_fields__ if f not in declared]
        assert not missing, f"summitcli/api_types.py: {typed.__name__} lacks {missing} of model.{name}"
