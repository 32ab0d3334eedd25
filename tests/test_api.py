"""The Python API gives a notebook the same records the CLI prints, with dates as dates."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import FIXTURE, run, run_mini

import summitcli


def _jsonable(records: object) -> object:
    return json.loads(json.dumps(records, default=lambda d: d.isoformat()))


def test_the_public_api_is_declared_and_typed() -> None:
    assert set(summitcli.__all__) >= {"open_dataset", "Dataset", "UsageError", "NotFoundError", "DataError"}
    from importlib.resources import files

    assert files("summitcli").joinpath("py.typed").is_file()


def test_each_method_returns_what_its_command_prints_as_json() -> None:
    week = summitcli.open_dataset()
    assert _jsonable(week.agreements(country="canada")) == json.loads(run("agreements", "canada", "-f", "json").stdout)
    assert _jsonable(week.brief("nz")) == json.loads(run("brief", "nz", "-f", "json").stdout)
    assert _jsonable(week.timeline(kind="bilateral")) == json.loads(
        run("timeline", "--kind", "bilateral", "-f", "json").stdout
    )
    assert _jsonable(week.followups(status="pending")) == json.loads(
        run("followups", "--status", "pending", "-f", "json").stdout
    )
    assert _jsonable(week.quotes(speaker="Albanese")) == json.loads(
        run("quotes", "--speaker", "Albanese", "-f", "json").stdout
    )
    assert _jsonable(week.search("rare earth")) == json.loads(run("search", "rare", "earth", "-f", "json").stdout)


def test_records_are_typed() -> None:
    week = summitcli.open_dataset(FIXTURE)
    pact = week.agreements(status="established")[0]
    assert pact["date"] == dt.date(2025, 10, 30)
    assert pact["figures"][0]["amount"] == 60000000000000 and pact["figures"][0]["unit"] == "KRW"
    assert (pact["country"], pact["country_name"]) == ("CA", "Canada")
    assert week.timeline()[-1]["date"] is None  # undated last, unknown as None
    assert week.home == "KR" and week.title == "Mini week"


def test_names_and_errors_as_on_the_command_line() -> None:
    week = summitcli.open_dataset(FIXTURE)
    assert week.agreements(country="캐나다") == week.agreements(country="CA")
    with pytest.raises(summitcli.UsageError, match="Did you mean 'established'"):
        week.agreements(status="establishd")
    with pytest.raises(summitcli.NotFoundError):
        week.brief("japan")
    assert run_mini("brief", "japan").exit_code == 3


def test_bad_data_raises_with_every_problem(tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "meta: {title: T, home: KR}\nevents:\n  - {id: x, kind: trip, title: T, sources: [s], confidence: H}\n"
    )
    with pytest.raises(summitcli.DataError) as raised:
        summitcli.open_dataset(bad)
    assert any("bad.yaml:3:" in problem for problem in raised.value.problems)


def test_a_data_frame_of_agreements() -> None:
    pandas = pytest.importorskip("pandas", reason="pandas is in the test extras")
    frame = pandas.DataFrame(summitcli.open_dataset().agreements())
    canada = frame[frame["country"] == "CA"]
    assert "Canada-Korea Security and Defence Cooperation Partnership" in set(canada["title"])
    assert set(frame["country_name"]) >= {"Canada", "China", "United States"}
