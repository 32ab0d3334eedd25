"""Who was in the room (issue 22, points 1, 2 and 9): groupings as parties, bilateral before multilateral.

A party may be a country or a grouping (ASEAN, APEC, the UN), whose members are data with their sources. A
grouping's outcome counts for each member, but a brief keeps it apart from what the home country agreed with the
counterpart alone; counterparts are the people met in a bilateral setting, the others are "also met".
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from conftest import run

APEC_ECONOMIES = ["united-states", "china", "canada", "japan", "australia"]


def brief_json(*args: str) -> dict:
    result = run("brief", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def ids(records: list[dict]) -> set[str]:
    return {r["id"] for r in records}


def key_points(text: str) -> str:
    """The first screen of a plain brief: what comes before the first section's underline."""
    head = text.split("\n-")[0]
    return head.rsplit("\n", 1)[0]


def test_japan_key_points_hold_the_lee_takaichi_meeting_and_its_own_results() -> None:
    result = run("brief", "japan", "--format", "plain")
    assert result.exit_code == 0, result.stderr
    first = key_points(result.stdout)
    assert "Sanae Takaichi" in first
    assert "30 Oct 2025" in first
    assert "shuttle diplomacy" in first
    assert "ASEAN+3 joint statement" not in first
    records = brief_json("japan")
    assert "asean-plus-three-economic-statement" not in ids(records["outcomes"])
    assert "korea-japan-future-oriented-ties" in ids(records["outcomes"])
    assert "asean-plus-three-economic-statement" in ids(records["outcomes_multilateral"])


@pytest.mark.parametrize("country", APEC_ECONOMIES)
def test_every_apec_economy_lists_the_ai_initiative_as_multilateral(country: str) -> None:
    records = brief_json(country)
    assert "apec-ai-initiative" in ids(records["outcomes_multilateral"])
    assert "apec-ai-initiative" not in ids(records["outcomes"])
    text = run("brief", country, "--format", "plain").stdout
    section = text.split("Multilateral outcomes\n")[1]
    assert "APEC AI Initiative" in section
    assert "APEC AI Initiative · APEC (21 members) · adopted" in section


def test_a_multilateral_outcome_never_sits_among_bilateral_ones() -> None:
    for country in ["china", "japan", "united-states", "canada", "australia", "chile"]:
        for outcome in brief_json(country)["outcomes"]:
            assert set(outcome["parties"]) == {"KR", outcome["parties"][-1]} or len(outcome["parties"]) <= 2
            assert not any(p.islower() for p in outcome["parties"]), (country, outcome["id"])


def test_china_counterparts_are_those_at_the_korea_china_summit() -> None:
    records = brief_json("china")
    assert ids(records["counterparts"]) == {"xi-jinping", "dai-bing"}
    text = run("brief", "china", "--format", "plain").stdout
    first = key_points(text)
    assert "Counterparts  Xi Jinping, President" in first
    assert "Also met" in first and "Li Qiang, Premier, at ASEAN+3 summit" in first


def test_japan_foreign_minister_met_at_asean_plus_three_is_no_counterpart() -> None:
    records = brief_json("japan")
    assert ids(records["counterparts"]) == {"sanae-takaichi"}
    assert "Toshimitsu Motegi, Foreign Minister, at ASEAN+3 summit" in run("brief", "japan").stdout


@pytest.mark.parametrize(("name", "title"), [("asean", "South Korea – ASEAN"), ("APEC", "South Korea – APEC")])
def test_a_grouping_has_a_brief_like_a_country(name: str, title: str) -> None:
    result = run("brief", name, "--format", "plain")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(title)


def test_the_asean_brief_holds_the_korea_asean_summit_and_lists_asean_plus_three_apart() -> None:
    records = brief_json("asean")
    assert ids(records["meetings"]) == {"korea-asean-summit-2025"}
    (asean,) = records["groupings"]  # the grouping briefed, with its 11 members
    assert asean["id"] == "asean" and set(asean["members"]) == {
        "ID",
        "MY",
        "PH",
        "SG",
        "TH",
        "BN",
        "VN",
        "LA",
        "MM",
        "KH",
        "TL",
    }
    assert asean["member_count"] == 11
    assert "korea-asean-csp-vision" in ids(records["outcomes"])
    assert "asean-plus-three-economic-statement" in ids(records["outcomes_multilateral"])


def test_an_apec_member_named_as_apec_names_it_is_covered_through_the_grouping() -> None:
    """Chinese Taipei is a member of APEC in the data; it is a party to no record of its own."""
    records = brief_json("taiwan")
    assert "apec-ai-initiative" in ids(records["outcomes_multilateral"])
    assert records["counterparts"] == []


# A user's own dataset, with the UN as a party: a fictional example.
UN_DATASET = {
    "meta.yaml": """
        meta: {title: "Fictional: a week at the UN", home: JP}
        sources:
          - {id: s1, publication: Example Daily, confidence: H}
    """,
    "groupings.yaml": """
        groupings:
          - {id: un, name: United Nations, aliases: [UN], members: [JP, FR, BR], member_count: 193,
             sources: [s1], confidence: H}
    """,
    "records.yaml": """
        events:
          - {id: unga-session, kind: summit, title: General Assembly session, date: "2026-09-22",
             parties: [un], participants: [p-br], sources: [s1], confidence: H}
          - {id: japan-un-meeting, kind: summit, title: Japan-UN meeting, date: "2026-09-23",
             parties: [JP, un], sources: [s1], confidence: H}
          - {id: japan-france-meeting, kind: bilateral, title: Japan-France meeting, date: "2026-09-23",
             parties: [JP, FR], participants: [p-fr], sources: [s1], confidence: H}
        people:
          - {id: p-fr, name: Anne Example, title: President, country: FR, sources: [s1], confidence: H}
          - {id: p-br, name: Bruno Example, title: President, country: BR, sources: [s1], confidence: H}
        outcomes:
          - {id: un-resolution, kind: declaration, title: Ocean resolution, status: adopted, parties: [un],
             sources: [s1], confidence: H}
          - {id: japan-un-pledge, kind: commitment, title: Japan-UN pledge, status: agreed, parties: [JP, un],
             sources: [s1], confidence: H}
          - {id: japan-france-deal, kind: agreement, title: Japan-France deal, status: signed,
             parties: [JP, FR], sources: [s1], confidence: H}
    """,
}


def write_dataset(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return folder


def test_brief_un_works_for_a_dataset_with_the_un_as_a_party(tmp_path: Path) -> None:
    data = write_dataset(tmp_path / "un", UN_DATASET)
    result = run("--data", str(data), "brief", "un", "--format", "plain")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Japan – United Nations")
    assert "Wed 23 Sep 2026" in key_points(result.stdout)
    assert "Japan-UN pledge" in key_points(result.stdout)
    records = json.loads(run("--data", str(data), "brief", "un", "--format", "json").stdout)
    assert ids(records["outcomes"]) == {"japan-un-pledge"}
    assert ids(records["outcomes_multilateral"]) == {"un-resolution"}


def test_a_un_resolution_counts_for_each_member_as_multilateral(tmp_path: Path) -> None:
    data = write_dataset(tmp_path / "un", UN_DATASET)
    result = run("--data", str(data), "brief", "france", "--format", "plain")
    assert result.exit_code == 0, result.stderr
    assert "Japan-France deal" in key_points(result.stdout)
    section = result.stdout.split("Multilateral outcomes\n")[1]
    assert "Ocean resolution" in section and "United Nations (193 members)" in section
    assert "Japan-UN pledge" not in result.stdout  # Japan's own with the UN: no French outcome
    records = json.loads(run("--data", str(data), "brief", "brazil", "--format", "json").stdout)
    assert ids(records["outcomes_multilateral"]) == {"un-resolution"}
    assert records["counterparts"] == []


def test_validate_names_an_unknown_grouping_with_a_hint(tmp_path: Path) -> None:
    files = dict(UN_DATASET)
    files["records.yaml"] = files["records.yaml"].replace("parties: [JP, un],", "parties: [JP, unn],")
    data = write_dataset(tmp_path / "typo", files)
    result = run("--data", str(data), "validate")
    assert result.exit_code != 0
    lines = [line for line in result.stderr.splitlines() if "unn" in line]
    assert len(lines) == 2, result.stderr  # the event and the outcome
    assert all("records.yaml:" in line and "'un'" in line for line in lines), lines
    assert "grouping" in lines[0]


def test_a_country_code_in_lower_case_is_read_as_a_grouping_and_refused(tmp_path: Path) -> None:
    files = dict(UN_DATASET)
    files["records.yaml"] = files["records.yaml"].replace(
        "parties: [JP, FR], participants", "parties: [JP, fr], participants"
    )
    data = write_dataset(tmp_path / "lower", files)
    result = run("--data", str(data), "validate")
    assert result.exit_code != 0
    assert "unknown grouping id 'fr' (a country code is written in capitals, 'FR'; else " in result.stderr
    assert "records.yaml:7:20:" in result.stderr  # where the Japan-France meeting names its parties


def test_a_grouping_member_that_is_a_name_or_a_bad_code(tmp_path: Path) -> None:
    files = dict(UN_DATASET)
    files["groupings.yaml"] = files["groupings.yaml"].replace("members: [JP, FR, BR]", "members: [JP, FR, XX]")
    files["groupings.yaml"] = files["groupings.yaml"].replace(
        "confidence: H}\n",
        "confidence: H}\n          - {id: g-example, name: Example Group, members: [un-ngo, 'Hong Kong, China', un], "
        "sources: [s1], confidence: H}\n",
        1,
    )
    data = write_dataset(tmp_path / "bad", files)
    result = run("--data", str(data), "validate")
    assert result.exit_code != 0
    assert "groupings.yaml:" in result.stderr and "unknown country code 'XX'" in result.stderr
    # `un-ngo` is no grouping: a member in lower case is a grouping's id; a name is a member as written
    assert "unknown grouping id 'un-ngo'" in result.stderr
    assert "Hong Kong" not in result.stderr


JAPAN = Path(__file__).parent / "fixtures" / "japan"


def test_a_call_is_among_the_key_points_and_its_counterpart_is_met_by_telephone() -> None:
    result = run("--data", str(JAPAN), "brief", "australia", "--format", "plain")
    first = key_points(result.stdout)
    assert "no bilateral meeting with Japan is recorded" in first  # a call is no meeting in person
    assert "Call         Fri 19 Jun 2026 · 08:00 JST · 30 minutes · by telephone" in first
    assert "Counterpart  Sam Hart, Prime Minister" in first
    video = key_points(run("--data", str(JAPAN), "brief", "france", "--format", "plain").stdout)
    assert "Video call" in video and "by video call" in video


def test_a_cancelled_meeting_says_cancelled_among_the_key_points() -> None:
    first = key_points(run("--data", str(JAPAN), "brief", "philippines", "--format", "plain").stdout)
    assert (
        "Cancelled  Sato would stop in Manila for a summit with the Philippine President (19 Jun 2026, Manila): "
        "did not take place" in first
    )
    assert first.casefold().count("cancel") == 1, "said once, by its label"
    assert first.startswith("Japan – Philippines · briefing · 19 Jun 2026\n"), "dated by the day it was planned for"
    held = key_points(run("--data", str(JAPAN), "brief", "korea", "--format", "plain").stdout)
    assert "Cancelled" not in held  # a plan kept is no cancelled meeting


def test_a_grouping_id_defined_twice_names_the_first(tmp_path: Path) -> None:
    files = dict(UN_DATASET)
    files["more.yaml"] = """
        groupings:
          - {id: un, name: UN again, sources: [s1], confidence: H}
    """
    data = write_dataset(tmp_path / "twice", files)
    result = run("--data", str(data), "validate")
    assert result.exit_code != 0
    assert "more.yaml:2:" in result.stderr and "duplicate id 'un'" in result.stderr
    assert "groupings.yaml:2:" in result.stderr  # where it was first defined


def test_data_without_groupings_validates_and_briefs_as_before() -> None:
    japan = run("--data", str(JAPAN), "validate")
    assert japan.exit_code == 0, japan.stderr
    records = json.loads(run("--data", str(JAPAN), "brief", "korea", "--format", "json").stdout)
    assert records["outcomes_multilateral"] == [] and records["groupings"] == []


def test_countries_lists_as_counterparts_only_those_met_in_a_bilateral_setting(tmp_path: Path) -> None:
    data = write_dataset(tmp_path / "un", UN_DATASET)
    rows = {r["country"]: r for r in json.loads(run("--data", str(data), "countries", "--format", "json").stdout)}
    assert [p["id"] for p in rows["FR"]["counterparts"]] == ["p-fr"]
    assert "BR" not in rows  # only a member of the UN (briefed, `brief brazil`, but no party of its own)


def test_completion_offers_the_groupings_that_are_parties() -> None:
    from summitcli.cli import complete_country

    assert run("countries").exit_code == 0  # the index completion reads
    names = [name for name, _ in complete_country("a")]
    assert {"apec", "asean", "asean-plus-three"} <= set(names)
    assert names.index("australia") < names.index("apec") < names.index("aruba")  # after the dataset's countries
