"""`summit validate` reports every problem of every file in one run: each file's own, those across files, and a
file YAML cannot read as one problem that hides nothing else. Every place is a FILE:LINE:COLUMN."""

from __future__ import annotations

from pathlib import Path

from conftest import run

META = "meta: {title: Seeded, home: KR}\n"
SOURCES = "sources:\n  - {id: s1, confidence: H}\n  - {id: s2, confidence: H}\n"


def write(folder: Path, **files: str) -> Path:
    folder.mkdir()
    for name, text in files.items():
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return folder


def problems(folder: Path) -> list[str]:
    result = run("validate", str(folder))
    assert result.exit_code == 1 and result.stdout == ""
    return result.stderr.replace(f"{folder}/", "").splitlines()


def test_seeded_mistakes_across_files_are_all_reported_in_one_run(tmp_path: Path) -> None:
    data = write(
        tmp_path / "data",
        a=META + SOURCES + "events:\n  - {id: e1, kind: summit, title: T, date: '2025-02-30', sources: [s1],"
        " confidence: H}\n",
        b="events:\n  - {id: e2, kind: summit, title: T, sources: [nope], confidence: H}\n",
        c="meta: {title: Stray, home: KR}\nsources:\n  - {id: s2, confidence: L}\n",
    )
    assert problems(data) == [
        "a.yaml:6:44: events[0].date: invalid date (expected an ISO date YYYY-MM-DD that exists)",
        "b.yaml:2:48: events[0].sources[0]: unknown source id 'nope' (expected the id of a source)",
        "c.yaml:1:7: meta: a second meta: block (the first is at a.yaml:1:7; expected exactly one across the dataset)",
        "c.yaml:3:10: sources[0].id: duplicate id 's2' (first defined at a.yaml:4:10; expected unique ids)",
    ]


def test_a_file_yaml_cannot_read_is_one_problem_and_hides_no_other(tmp_path: Path) -> None:
    data = write(
        tmp_path / "data",
        a=META + SOURCES,
        b="events: [{id: e2, kind: summit\n",
        c="sources:\n  - {id: s1, confidence: L}\n",
    )
    found = problems(data)
    assert len(found) == 2, found
    assert found[0].startswith("b.yaml:2:1: syntax: ")
    assert found[1] == (
        "c.yaml:2:10: sources[0].id: duplicate id 's1' (first defined at a.yaml:3:10; expected unique ids)"
    )


def test_a_record_the_model_refuses_is_still_known_by_its_id(tmp_path: Path) -> None:
    """Its own problem is reported; a reference to it is not reported as unknown as well."""
    data = write(
        tmp_path / "data",
        a=META + SOURCES + "events:\n  - {id: e1, kind: picnic, title: T, sources: [s1], confidence: H}\n",
        b="quotes:\n  - {id: q1, speaker: p1, text: Hi, event: e1, sources: [s1], confidence: H}\n"
        "people:\n  - {id: p1, name: P, sources: [s1], confidence: H}\n",
    )
    found = problems(data)
    assert len(found) == 1 and found[0].startswith("a.yaml:6:20: events[0].kind: invalid value 'picnic'"), found


def test_did_you_mean_prefers_the_id_renamed_by_a_suffix(tmp_path: Path) -> None:
    events = (
        "events:\n"
        "  - {id: korea-japan-2025-08-23-tokyo, kind: bilateral, title: T, sources: [s1], confidence: H}\n"
        "  - {id: korea-japan-2025-09-30, kind: bilateral, title: U, sources: [s1], confidence: H}\n"
    )
    quote = "quotes:\n  - {id: q, speaker: p, text: Hi, event: korea-japan-2025-08-23, sources: [s1], confidence: H}\n"
    people = "people:\n  - {id: p, name: P, sources: [s1], confidence: H}\n"
    data = write(tmp_path / "data", a=META + SOURCES + events + quote + people)
    [found] = problems(data)
    assert "did you mean 'korea-japan-2025-08-23-tokyo'?" in found, found


def test_a_quote_never_closed_is_reported_where_it_opens(tmp_path: Path) -> None:
    data = write(
        tmp_path / "data",
        a=META + 'sources:\n  - {id: s1, title: "Leaders meet, confidence: H}\n  - {id: s2, confidence: H}\n',
    )
    [found] = problems(data)
    assert found.startswith("a.yaml:3:21: syntax: a quote opened here is never closed"), found


def test_an_unknown_event_is_named_as_an_event(tmp_path: Path) -> None:
    data = write(
        tmp_path / "data",
        a=META + SOURCES + "outcomes:\n  - {id: o1, kind: mou, title: T, status: signed, event: nope, parties: [KR],"
        " sources: [s1], confidence: H}\n",
    )
    (found,) = problems(data)
    assert found.endswith("outcomes[0].event: unknown event id 'nope' (expected the id of an event)"), found
