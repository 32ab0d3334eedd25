"""The bundled dataset: valid, fully sourced, and every country of the summit week briefs by any of its names."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, run

from summitcli import model
from summitcli.datafiles import bundled_data_dir
from summitcli.dataset import load

WEEK = {
    "US": "united-states",
    "CN": "china",
    "JP": "japan",
    "CA": "canada",
    "AU": "australia",
    "NZ": "new-zealand",
    "VN": "vietnam",
    "TH": "thailand",
    "PH": "philippines",
    "CL": "chile",
    "ID": "indonesia",
    "AE": "united-arab-emirates",
    "KH": "cambodia",
    "MY": "malaysia",
    "SG": "singapore",
}
KOREAN = {
    "US": "미국",
    "CN": "중국",
    "JP": "일본",
    "CA": "캐나다",
    "AU": "호주",
    "NZ": "뉴질랜드",
    "VN": "베트남",
    "TH": "태국",
    "PH": "필리핀",
    "CL": "칠레",
    "ID": "인도네시아",
    "AE": "아랍에미리트",
    "KH": "캄보디아",
    "MY": "말레이시아",
    "SG": "싱가포르",
}
ALPHA3 = {
    "US": "USA",
    "CN": "CHN",
    "JP": "JPN",
    "CA": "CAN",
    "AU": "AUS",
    "NZ": "NZL",
    "VN": "VNM",
    "TH": "THA",
    "PH": "PHL",
    "CL": "CHL",
    "ID": "IDN",
    "AE": "ARE",
    "KH": "KHM",
    "MY": "MYS",
    "SG": "SGP",
}


@pytest.fixture(scope="module")
def dataset() -> model.Dataset:
    return load(use_cache=False)


def test_bundled_data_validates() -> None:
    result = run("validate")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("valid: South Korea's summit week around APEC 2025")


def test_every_record_cites_an_existing_source(dataset: model.Dataset) -> None:
    known = {s.id for s in dataset.sources}
    for name in model.RECORD_LISTS:
        if name in ("sources", "topics"):
            continue
        for record in getattr(dataset, name):
            assert record.sources, f"{name}/{record.id} cites nothing"
            assert set(record.sources) <= known, f"{name}/{record.id}"


def test_every_source_is_cited_and_has_an_address(dataset: model.Dataset) -> None:
    cited = {
        ref
        for name in model.RECORD_LISTS
        if name not in ("sources", "topics")
        for record in getattr(dataset, name)
        for ref in record.sources
    }
    cited |= {ref for f in dataset.followups for ref in f.status_sources}
    cited |= {ref for p in dataset.plans for ref in p.actual_sources}
    cited |= {ref for rec in (*dataset.events, *dataset.outcomes) for d in rec.disputes for ref in d.sources}
    for source in dataset.sources:
        assert source.id in cited, f"source {source.id} is cited by nothing"
        assert source.url or source.file, source.id


def test_every_country_of_the_week_has_a_bilateral_meeting(dataset: model.Dataset) -> None:
    met = {c for e in dataset.events if e.kind == "bilateral" and "KR" in e.parties for c in e.parties}
    assert set(WEEK) <= met


def test_plan_that_changed_is_recorded_with_both_sources(dataset: model.Dataset) -> None:
    plan = next(p for p in dataset.plans if p.id == "takaichi-first-meeting-plan")
    assert plan.changed and plan.sources == ["preview-2025-10-25"]
    assert plan.actual_event == "korea-japan-2025-10-30"


def test_headline_figures(dataset: model.Dataset) -> None:
    figures = {f.value for o in dataset.outcomes for f in o.figures}
    assert "60 trillion won (about $45 billion)" in figures
    assert {"$350 billion", "$200 billion", "$150 billion"} <= figures
    swap = next(o for o in dataset.outcomes if o.id == "korea-china-currency-swap")
    assert swap.figures[0].amount == 70_000_000_000_000 and swap.status == "renewed"


def test_unknowns_stay_unknown(dataset: model.Dataset) -> None:
    canada = next(e for e in dataset.events if e.id == "korea-canada-2025-10-30")
    assert canada.start is None and canada.duration_minutes is None
    rows = json.loads(run("brief", "canada", "-f", "json").stdout)
    meeting = next(r for r in rows if r["id"] == "korea-canada-2025-10-30")
    assert meeting["time"] is None
    assert "length: not reported" in meeting["detail"]


@pytest.mark.parametrize("code", sorted(WEEK))
def test_every_country_briefs_by_name_codes_and_korean(code: str) -> None:
    outputs = set()
    for name in (WEEK[code], code, code.lower(), ALPHA3[code], KOREAN[code]):
        result = run("brief", name, "-f", "json")
        assert result.exit_code == 0, (name, result.stderr)
        rows = json.loads(result.stdout)
        assert rows and all(r["country"] == code for r in rows)
        outputs.add(result.stdout)
    assert len(outputs) == 1


@pytest.mark.parametrize(
    ("alias", "code"),
    [
        ("USA", "US"),
        ("America", "US"),
        ("PRC", "CN"),
        ("UAE", "AE"),
        ("NZ", "NZ"),
        ("Viet Nam", "VN"),
        ("New_Zealand", "NZ"),
    ],
)
def test_common_short_forms(alias: str, code: str) -> None:
    rows = json.loads(run("brief", alias, "-f", "json").stdout)
    assert rows[0]["country"] == code


def test_unknown_country_suggests_and_exits_2() -> None:
    result = run("brief", "canda")
    assert result.exit_code == 2
    assert result.stderr.startswith("summit: error: unknown country 'canda'. Did you mean 'canada' or ")
    assert result.stderr.endswith("? Run 'summit countries' for the list.\n")


def test_real_country_without_data_exits_3() -> None:
    result = run("brief", "norway")
    assert result.exit_code == 3
    assert result.stderr.startswith("summit: error: the dataset has no meetings or outcomes with Norway (NO).")


def test_bundled_data_dir_is_the_checkout_data() -> None:
    assert bundled_data_dir().resolve() in {(ROOT / "data").resolve(), (ROOT / "summitcli" / "data").resolve()}
