"""`summit changes`: a change feed between two versions of a dataset, from real git repositories."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT, run
from tests.gitrepo import commit, first, git, start, unreferenced, update

JAPAN = ROOT / "tests" / "fixtures" / "japan"
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed (.ci/run installs it)")


class History:
    """A copy of the bundled data and each edit the issue names, one commit a day."""

    def __init__(self, folder: Path) -> None:
        self.repo = folder
        self.data = start(folder, ROOT / "data")
        source = yaml.safe_load((self.data / "sources.yaml").read_text(encoding="utf-8"))["sources"][0]["id"]
        self.source = source
        self.write_fact("old-notes.yaml", "a-fact-later-deleted")
        self.initial = commit(folder, "notes", "2025-11-02")
        path, followup = first(self.data, "followups", lambda r: r["status"] != "done")
        self.followup = followup
        update(path, "followups", followup["id"], status="done", status_date="2026-03-03", status_sources=[source])
        self.status_commit = commit(folder, "follow-up done", "2025-11-10")
        self.add_outcome_remove_quote()
        self.fix_figure_rename_fact()
        (self.data / "old-notes.yaml").unlink()
        self.write_fact("new-notes.yaml", "a-fact-in-a-new-file")
        self.files_commit = commit(folder, "notes moved", "2025-11-16")

    def write_fact(self, name: str, rid: str) -> None:
        fact = {"id": rid, "text": f"A fact named {rid}.", "countries": ["CA"], "sources": [self.source]}
        (self.data / name).write_text(yaml.safe_dump({"facts": [{**fact, "confidence": "M"}]}), encoding="utf-8")

    def add_outcome_remove_quote(self) -> None:
        path, outcome = first(self.data, "outcomes", lambda r: True)
        quote_path, quote = first(self.data, "quotes", lambda r: unreferenced(self.data, r["id"]))
        self.quote = quote

        def add(document: dict[str, Any]) -> None:
            document["outcomes"].append({**outcome, "id": "an-outcome-added", "title": "An outcome added later"})

        from tests.gitrepo import edit

        edit(path, add)
        edit(quote_path, lambda d: d["quotes"].remove(next(q for q in d["quotes"] if q["id"] == quote["id"])))
        self.added_commit = commit(self.repo, "outcome added, quote removed", "2025-11-12")

    def fix_figure_rename_fact(self) -> None:
        path, outcome = first(self.data, "outcomes", lambda r: bool(r.get("figures")) and r["id"] != "an-outcome-added")
        self.figured = outcome
        figures = [{**outcome["figures"][0], "value": "25%"}, *outcome["figures"][1:]]
        update(path, "outcomes", outcome["id"], figures=figures)
        fact_path, fact = first(self.data, "facts", lambda r: unreferenced(self.data, r["id"]))
        self.fact = fact
        update(fact_path, "facts", fact["id"], id=fact["id"] + "-renamed")
        self.figure_commit = commit(self.repo, "figure corrected, fact renamed", "2025-11-14")


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> History:
    return History(tmp_path_factory.mktemp("repo"))


def records(*args: str) -> list[dict[str, Any]]:
    result = run(*args, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def by_id(found: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in found}


def test_every_kind_of_change_with_the_commit_that_made_it(history: History) -> None:
    found = by_id(records("--data", str(history.data), "changes", "--since", history.initial))
    followup = found[history.followup["id"]]
    assert followup["change"] == "changed" and followup["kind"] == "followup"
    status = next(f for f in followup["fields"] if f["field"] == "status")
    assert (status["before"], status["after"]) == (history.followup["status"], "done")
    assert followup["sources"] == [history.source]  # the source the new status cites
    assert followup["commit"] == history.status_commit and followup["date"] == "2025-11-10"
    assert found["an-outcome-added"]["change"] == "added"
    assert found["an-outcome-added"]["commit"] == history.added_commit
    assert found[history.quote["id"]]["change"] == "removed"
    figure = found[history.figured["id"]]["fields"][0]
    assert figure["field"] == "figures" and figure["after"]["value"] == "25%"
    assert figure["before"]["value"] == history.figured["figures"][0]["value"]
    assert found[history.figured["id"]]["commit"] == history.figure_commit
    renamed = found[history.fact["id"] + "-renamed"]
    assert renamed["change"] == "renamed" and renamed["previous_id"] == history.fact["id"]
    assert found["a-fact-later-deleted"]["change"] == "removed"
    assert found["a-fact-later-deleted"]["file"] == "data/old-notes.yaml"
    assert found["a-fact-in-a-new-file"]["change"] == "added"
    assert found["a-fact-in-a-new-file"]["commit"] == history.files_commit
    assert len(found) == 7


def test_a_date_means_the_last_commit_on_or_before_it(history: History) -> None:
    since_11th = by_id(records("--data", str(history.data), "changes", "--since", "2025-11-11"))
    assert history.followup["id"] not in since_11th  # committed on the 10th
    assert "an-outcome-added" in since_11th


def test_until_compares_two_commits(history: History) -> None:
    found = records(
        "--data", str(history.data), "changes", "--since", history.initial, "--until", history.status_commit
    )
    assert [r["id"] for r in found] == [history.followup["id"]]


def test_against_another_copy_needs_no_git(history: History, tmp_path: Path) -> None:
    old = tmp_path / "old"
    old.mkdir()
    git(history.repo, "archive", history.initial, "data", "-o", str(tmp_path / "old.tar"))
    shutil.unpack_archive(tmp_path / "old.tar", old)
    found = by_id(records("--data", str(history.data), "changes", "--against", str(old / "data")))
    assert set(found) == set(by_id(records("--data", str(history.data), "changes", "--since", history.initial)))
    assert {r["commit"] for r in found.values()} == {None}


def test_uncommitted_edits_are_changes_without_a_commit(history: History, tmp_path: Path) -> None:
    copy = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(history.repo), str(copy))
    path, fact = first(copy / "data", "facts", lambda r: True)
    update(path, "facts", fact["id"], text="A fact corrected but not committed.")
    status = git(copy, "status", "--porcelain")
    index_before = (copy / ".git" / "index").stat()
    found = by_id(records("--data", str(copy / "data"), "changes", "--since", "HEAD"))
    index_after = (copy / ".git" / "index").stat()
    assert found[fact["id"]]["commit"] is None and found[fact["id"]]["fields"][0]["after"].endswith("not committed.")
    assert (index_after.st_ino, index_after.st_mtime_ns) == (index_before.st_ino, index_before.st_mtime_ns)
    assert git(copy, "status", "--porcelain") == status  # the user's work tree and index untouched


def test_machine_formats_are_typed(history: History) -> None:
    args = ("--data", str(history.data), "changes", "--since", history.initial)
    as_json = json.loads(run(*args, "--format", "json").stdout)
    assert len(as_json) == 7 and all(isinstance(r["fields"], list) for r in as_json)
    rows = list(csv.DictReader(io.StringIO(run(*args, "--format", "csv").stdout)))
    assert list(rows[0]) == ["change", "kind", "id", "previous_id", "title", "countries", "fields", "sources",
                             "file", "commit", "date"]  # fmt: skip
    followup = next(r for r in rows if r["id"] == history.followup["id"])
    assert json.loads(followup["fields"])[0]["after"] == "done" and followup["date"] == "2025-11-10"
    tsv = run(*args, "--format", "tsv").stdout.splitlines()
    assert len(tsv) == 8 and tsv[0].split("\t")[0] == "change"


def test_a_pipe_reads_one_change_per_line_and_a_terminal_groups_by_country(history: History) -> None:
    args = ("--data", str(history.data), "changes", "--since", history.initial)
    plain = run(*args).stdout.splitlines()
    assert len(plain) == 7
    status_line = next(line for line in plain if history.followup["id"] in line)
    assert f"{history.followup['status'].replace('-', ' ')} → done (as of 3 Mar 2026)" in status_line
    assert status_line.startswith("Canada\t") == ("CA" in history.followup["parties"])
    titles = [record["title"] for record in records(*args)]
    assert any(len(title) > 60 for title in titles), "a long title, said whole"
    assert all(any(f'"{title}"' in line for line in plain) for title in titles)  # never cut short in a pipe
    screen = run(*args, env={"TTY_COMPATIBLE": "1", "COLUMNS": "100"}).stdout
    assert "7 changes" in screen and 'new outcome "An outcome added later"' in screen
    assert "renamed:" in screen and "removed quote" in screen


def test_country_and_kind_filter(history: History) -> None:
    args = ("--data", str(history.data), "changes", "--since", history.initial)
    assert {r["kind"] for r in records(*args, "--kind", "fact")} == {"fact"}
    assert all("CA" in r["countries"] for r in records(*args, "--country", "canada"))
    bad = run(*args, "--kind", "outcomes")
    assert bad.exit_code == 2 and "outcome" in bad.stderr


def test_outside_git_points_to_against(tmp_path: Path) -> None:
    shutil.copytree(JAPAN, tmp_path / "japan")
    result = run("--data", str(tmp_path / "japan"), "changes", "--since", "HEAD~1")
    assert result.exit_code == 1 and "--against" in result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr


def test_a_revision_that_does_not_exist(history: History) -> None:
    result = run("--data", str(history.data), "changes", "--since", "no-such-tag")
    assert result.exit_code == 1 and "no-such-tag: no such revision" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    early = run("--data", str(history.data), "changes", "--since", "2020-01-01")
    assert early.exit_code == 1 and "no commit on or before" in early.stderr


def test_a_shallow_clone_without_the_revision(history: History, tmp_path: Path) -> None:
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{history.repo}", str(clone))
    result = run("--data", str(clone / "data"), "changes", "--since", "HEAD~2")
    assert result.exit_code == 1 and "shallow clone" in result.stderr and "--deepen" in result.stderr


def test_an_old_version_that_does_not_validate_is_reported_with_its_revision(tmp_path: Path) -> None:
    data = start(tmp_path, JAPAN)
    events = data / "events.yaml"
    good = events.read_text(encoding="utf-8")
    events.write_text(good.replace("kind: bilateral", "kind: tea-party", 1), encoding="utf-8")
    commit(tmp_path, "a typo", "2025-11-05")
    events.write_text(good, encoding="utf-8")
    commit(tmp_path, "fixed", "2025-11-06")
    result = run("--data", str(data), "changes", "--since", "HEAD~1")
    assert result.exit_code == 1
    assert result.stderr.startswith("HEAD~1:data/events.yaml:") and "tea-party" in result.stderr
    assert run("--data", str(data), "changes", "--since", "HEAD~2").stdout == ""  # the same as then


def test_since_or_against_is_needed() -> None:
    assert run("changes").exit_code == 2
    assert run("changes", "--since", "HEAD", "--against", ".").exit_code == 2


def test_a_home_other_than_korea(tmp_path: Path) -> None:
    data = start(tmp_path, JAPAN)
    path, fact = first(data, "facts", lambda r: True)
    update(path, "facts", fact["id"], text="Corrected.")
    found = records("--data", str(data), "changes", "--since", "HEAD")
    assert [r["id"] for r in found] == [fact["id"]]
    assert os.fspath(data) not in json.dumps(found)  # paths as git names them, not the machine's


def test_brief_since_says_and_marks_what_changed(history: History) -> None:
    country = next(c for c in history.followup["parties"] if c != "KR")
    args = ("--data", str(history.data), "brief", country, "--since", history.initial[:10])
    text = run(*args, "--format", "markdown").stdout
    assert f"Changed since {history.initial[:10]}" in text
    assert f"status was {history.followup['status']}" in text  # marked where the follow-up stands
    assert "→ done (as of 3 Mar 2026)" in text
    document = json.loads(run(*args, "--format", "json").stdout)
    assert history.followup["id"] in {c["id"] for c in document["changes"]}
    assert all(country in c["countries"] for c in document["changes"])
    html = run(*args, "--format", "html").stdout
    assert f"changed since {history.initial[:10]}: status was" in html
    unchanged = run("--data", str(history.data), "brief", country, "--since", "HEAD", "--format", "plain").stdout
    assert "Changed since HEAD  no change (" in unchanged


def readme_example(marker: str) -> tuple[str, list[str]]:
    """The command and output lines of the README's console block after `marker`."""
    text = (ROOT / "README.md").read_text(encoding="utf-8").split(f"<!-- {marker}:", 1)[1]
    block = text.split("```console\n", 1)[1].split("```", 1)[0].splitlines()
    return block[0].removeprefix("$ summit "), block[1:]


def test_the_readme_examples_are_what_summit_prints(tmp_path: Path) -> None:
    data = start(tmp_path, ROOT / "tests" / "fixtures" / "mini")
    update(data / "data.yaml", "followups", "fu1", status="done", status_date="2026-03-03", status_sources=["src-b"])
    commit(tmp_path, "Ministers met", "2026-03-04")
    shas = {git(tmp_path, "rev-parse", "--short=7", rev): rev for rev in ("HEAD", "HEAD~1")}
    placeholders = {"HEAD": "1a2b3c4", "HEAD~1": "04fb214"}
    for marker in ("changes-example", "brief-since-example"):
        command, expected = readme_example(marker)
        args = [str(data) if a == "data" else a for a in command.split()]
        result = run(*args)
        assert result.exit_code == 0, result.stderr
        printed = result.stdout
        for sha, rev in shas.items():
            printed = printed.replace(sha, placeholders[rev])
        chunks = "\n".join(expected).split("...\n")
        at = 0
        for chunk in filter(None, (c.strip("\n") for c in chunks)):
            found = printed.find(chunk, at)
            assert found >= 0, f"{marker}: not printed:\n{chunk}\n--- printed:\n{printed}"
            at = found + len(chunk)


def test_the_book_marks_each_brief(history: History) -> None:
    country = next(c for c in history.followup["parties"] if c != "KR")
    args = ("--data", str(history.data), "export", "markdown", "-c", country, "--since", "2025-11-09")
    book = run(*args)
    assert book.exit_code == 0, book.stderr
    assert "Changed since 2025-11-09" in book.stdout
    assert f"status was {history.followup['status']}" in book.stdout
    without = run("--data", str(history.data), "export", "markdown", "-c", country).stdout
    assert "Changed since" not in without and "changed since" not in without


def index_records(cache: Path) -> list[tuple[Any, ...]]:
    """Every record the index in `cache` holds: (file path, record list, id, json), sorted."""
    import sqlite3

    (path,) = cache.rglob("*.sqlite")
    with contextlib.closing(sqlite3.connect(path)) as conn:
        rows = conn.execute("SELECT f.path, r.list, r.id, r.json FROM records r JOIN files f ON f.id = r.file")
        return sorted(rows)


def test_the_index_keeps_serving_the_current_version(history: History, tmp_path: Path) -> None:
    args = ("--data", str(history.data))
    followup = history.followup["id"]
    assert run(*args, "followups").exit_code == 0  # the index, as a user who ran summit before has it
    held = index_records(tmp_path / "cache")
    assert by_id(records(*args, "changes", "--since", history.initial))[followup]["change"] == "changed"
    assert index_records(tmp_path / "cache") == held  # the older version never went into the index
    now = by_id(records(*args, "followups"))
    assert now[followup]["status"] == "done"  # the current version, still answered from the index
    assert now == by_id(records(*args, "--no-cache", "followups"))


def test_without_the_index_the_changes_are_the_same(history: History) -> None:
    args = ("changes", "--since", history.initial)
    cached = records("--data", str(history.data), *args)
    assert cached == records("--data", str(history.data), "--no-cache", *args)
    assert len(cached) == 7


def test_a_file_edited_after_the_index_was_read_is_parsed_again(history: History, tmp_path: Path) -> None:
    """The index a notebook holds no longer holds a file edited since: its current version is parsed."""
    import summitcli

    copy = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(history.repo), str(copy))
    week = summitcli.open_dataset(copy / "data")
    assert list(week.changes(since="HEAD")) == []
    path, fact = first(copy / "data", "facts", lambda r: True)
    update(path, "facts", fact["id"], text="A fact corrected after the dataset was opened.")
    (change,) = week.changes(since="HEAD")
    assert change["id"] == fact["id"] and change["commit"] is None
    assert change["fields"] == [
        {"field": "text", "label": None, "before": fact["text"], "after": fact_text(path, fact)}
    ]


def fact_text(path: Path, fact: dict[str, Any]) -> str:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    return str(next(f["text"] for f in document["facts"] if f["id"] == fact["id"]))


def test_the_python_api_gives_the_change_records(history: History, tmp_path: Path) -> None:
    import datetime as dt

    import summitcli

    week = summitcli.open_dataset(history.data)
    found = week.changes(since=history.initial)
    cli = records("--data", str(history.data), "changes", "--since", history.initial)
    assert [(c["change"], c["id"], c["commit"]) for c in found] == [(c["change"], c["id"], c["commit"]) for c in cli]
    status = by_id(list(found))[history.followup["id"]]
    assert status["date"] == dt.date(2025, 11, 10)  # a date, as every date the API gives
    assert [c["id"] for c in week.changes(since=history.initial, until=history.status_commit)] == [
        history.followup["id"]
    ]
    assert {c["kind"] for c in week.changes(since=history.initial, kind="fact")} == {"fact"}
    old = tmp_path / "old"
    old.mkdir()
    git(history.repo, "archive", history.initial, "data", "-o", str(tmp_path / "old.tar"))
    shutil.unpack_archive(tmp_path / "old.tar", old)
    assert {c["id"] for c in week.changes(against=old / "data")} == {c["id"] for c in found}
    with pytest.raises(summitcli.UsageError, match="--against"):
        week.changes()
    with pytest.raises(summitcli.UsageError, match="since must be text"):
        week.changes(since=1)  # type: ignore[arg-type]


def test_a_data_folder_reached_through_a_link_is_the_folder_git_holds(tmp_path: Path) -> None:
    """--data through a link to the data folder: git holds the folder under its own name, and the files are named
    as git names them."""
    data = start(tmp_path, JAPAN)
    (tmp_path / "current").symlink_to("data")
    path, fact = first(data, "facts", lambda r: True)
    update(path, "facts", fact["id"], text="Corrected.")
    found = records("--data", str(tmp_path / "current"), "changes", "--since", "HEAD")
    assert [(r["id"], r["file"]) for r in found] == [(fact["id"], f"data/{path.name}")]
