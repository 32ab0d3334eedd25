"""The bundled dataset: valid, fully sourced, and every country of the summit week briefs by any of its names."""

from __future__ import annotations

import json
from pathlib import Path

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
    # Canada's planned submarine orders are context, not the value of any outcome (issue 23)
    assert not [value for value in figures if "60 trillion won" in value]
    assert any("60 trillion won (about $45 billion)" in f.text for f in dataset.facts)
    assert {"$350 billion", "$200 billion", "$150 billion"} <= figures
    swap = next(o for o in dataset.outcomes if o.id == "korea-china-currency-swap")
    assert swap.figures[0].amount == 70_000_000_000_000 and swap.status == "renewed"


def test_unknowns_stay_unknown(dataset: model.Dataset) -> None:
    canada = next(e for e in dataset.events if e.id == "korea-canada-2025-10-30")
    assert canada.start is None and canada.duration_minutes is None
    brief = run("brief", "canada", "-f", "json").stdout
    meeting = next(r for r in json.loads(brief)["meetings"] if r["id"] == "korea-canada-2025-10-30")
    assert meeting["start"] is None and meeting["end"] is None
    assert meeting["duration_minutes"] is None and meeting["duration_note"] is None
    assert "not reported" not in brief, "JSON says null, never the words"
    plain = run("brief", "canada").stdout.splitlines()
    assert any(all(f in line for f in ("30 Oct 2025", "time and length not reported")) for line in plain)


@pytest.mark.parametrize("code", sorted(WEEK))
def test_every_country_briefs_by_name_codes_and_korean(code: str) -> None:
    outputs = set()
    for name in (WEEK[code], code, code.lower(), ALPHA3[code], KOREAN[code]):
        result = run("brief", name, "-f", "json")
        assert result.exit_code == 0, (name, result.stderr)
        brief = json.loads(result.stdout)
        assert brief["home"] == "KR" and brief["country"] == code
        assert brief["meetings"] and all(code in meeting["parties"] for meeting in brief["meetings"])
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
    result = run("brief", alias, "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["country"] == code


def test_unknown_country_suggests_and_exits_2() -> None:
    result = run("brief", "canda")
    assert result.exit_code == 2
    assert result.stderr.startswith("summit: error: unknown country 'canda'. Did you mean 'canada' or ")
    assert result.stderr.endswith("? Run 'summit countries' for the list.\n")


def test_bundled_data_dir_is_the_checkout_data() -> None:
    assert bundled_data_dir().resolve() in {(ROOT / "data").resolve(), (ROOT / "summitcli" / "data").resolve()}


def test_the_two_articles_are_cited_like_every_source(dataset: model.Dataset) -> None:
    sources = {s.id: s for s in dataset.sources}
    post, preview = sources["asiae-post-summit"], sources["preview-2025-10-25"]
    assert (post.publication or "").startswith("The Asia Business Daily")
    assert post.url == "https://cm.asiae.co.kr/en/article/2025110120254851159" and str(post.date) == "2025-11-01"
    assert (preview.publication or "").startswith("The Dong-A Ilbo")
    assert (
        preview.url == "https://www.donga.com/en/article/all/20251025/5922754/1" and str(preview.date) == "2025-10-25"
    )
    assert post.title and preview.title


def headlines_read_on_their_pages() -> dict[str, str]:
    """docs/sources-checked.md: the headlines recorded from the stored copies of the sources' own pages."""
    text = (ROOT / "docs" / "sources-checked.md").read_text(encoding="utf-8")
    table = text.split("## Headline recorded from the page", 1)[1].split("\n## ", 1)[0]
    rows = [line.split(" | ") for line in table.splitlines() if line.startswith("| `")]
    return {row[0].strip("| `"): row[1] for row in rows}


def test_a_source_title_is_one_the_sources_give() -> None:
    """A title only where the research notes (or the article itself) give one, or the source's own page shows it
    (listed in docs/sources-checked.md): none rebuilt from a URL."""
    shared = ROOT.parent / "shared" / "sources"
    if not shared.is_dir():
        pytest.skip("../shared/sources is not beside this checkout")
    texts = " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in shared.iterdir() if p.is_file())
    read = headlines_read_on_their_pages()
    for source in load(use_cache=False).sources:
        if source.title:
            assert source.title.rstrip("…") in texts or read.get(source.id) == source.title, (source.id, source.title)


def test_a_headline_read_on_a_page_is_the_one_recorded() -> None:
    read = headlines_read_on_their_pages()
    assert read, "the table of headlines read on their pages is not empty"
    titles = {s.id: s.title for s in load(use_cache=False).sources}
    assert {i: titles.get(i) for i in read} == read


def test_a_figure_carries_its_own_sources_and_confidence(dataset: model.Dataset) -> None:
    sheet = next(o for o in dataset.outcomes if o.id == "korea-us-joint-fact-sheet")
    steel = next(f for f in sheet.figures if f.label == "Steel tariffs")
    assert steel.sources == ["newsbeep-joongang-2025-11-14"] and steel.confidence == "M"
    defence = next(o for o in dataset.outcomes if o.id == "korea-us-defence-commitments")
    gdp = next(f for f in defence.figures if "GDP" in f.value)
    assert gdp.sources == ["seoulreporter-opcon"] and gdp.confidence == "M"
    known = {s.id for s in dataset.sources}
    assert all(set(f.sources) <= known for o in dataset.outcomes for f in o.figures)


def test_a_figure_citing_an_unknown_source_is_reported(tmp_path: Path) -> None:
    (tmp_path / "d.yaml").write_text(
        "meta: {title: T, home: KR}\n"
        "sources:\n"
        '  - {id: s1, url: "https://example.org", confidence: H}\n'
        "outcomes:\n"
        "  - id: o1\n"
        "    kind: agreement\n"
        "    title: An agreement\n"
        "    status: signed\n"
        "    parties: [KR, CA]\n"
        "    figures:\n"
        '      - {label: Size, value: "$1", sources: [s1, nope]}\n'
        "    sources: [s1]\n"
        "    confidence: H\n",
        encoding="utf-8",
    )
    result = run("--data", str(tmp_path), "validate")
    assert result.exit_code != 0
    assert "d.yaml:11:" in result.stderr
    assert "outcomes[0].figures[0].sources[1]: unknown source id 'nope'" in result.stderr
    assert "Traceback" not in result.stderr


def test_aelm_parties_are_only_those_the_sources_report(dataset: model.Dataset) -> None:
    days = {e.id: e for e in dataset.events if e.id.startswith("aelm-2025-day-")}
    # APEC, with the economies the sources name as represented by others than their leaders, and the UAE (a guest)
    assert set(days["aelm-2025-day-1"].parties) == {"apec", "US", "RU", "TW", "MX", "PE", "AE"}
    assert set(days["aelm-2025-day-2"].parties) == {"apec"}
    (apec,) = [g for g in dataset.groupings if g.id == "apec"]
    assert {"KR", "US", "RU", "TW", "MX", "PE", "CN", "HK", "PG", "VN"} <= set(apec.members)
    assert "AE" not in apec.members  # a guest, not a member
    assert apec.member_count == len(apec.members) == 21  # the Government of Canada page lists all 21 economies
    assert apec.member_names == {"HK": "Hong Kong, China", "TW": "Chinese Taipei"}


def test_lengths_the_sources_give_as_approximate_stay_approximate(dataset: model.Dataset) -> None:
    events = {e.id: e for e in dataset.events}
    for eid, note in (("korea-japan-2025-10-30", "about 40 minutes"), ("us-china-2025-10-30", "about 100 minutes")):
        assert events[eid].duration_minutes is None
        assert (events[eid].duration_note or "").startswith(note)
    assert "wi-sung-lac" not in events["korea-china-2025-11-01"].participants
