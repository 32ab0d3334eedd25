"""`summit changes --since DATE` reads dates as every date option does (`yesterday`, `-7d`, a month, a weekday),
a date meaning the last commit on or before its LAST day; relative dates count from `--as-of`. A real git
repository of the Japanese fixture (home country JP), one commit a day."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run
from tests.gitrepo import commit, git, start, update

JAPAN = ROOT / "tests" / "fixtures" / "japan"
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed (.ci/run installs it)")


class Repo:
    """The fixture committed on 20 Oct 2025, then a follow-up's status changed on 5 Nov, 20 Nov and 3 Dec."""

    def __init__(self, folder: Path) -> None:
        self.data = start(folder, JAPAN, day="2025-10-20")
        records = self.data / "records.yaml"
        self.commits: dict[str, str] = {}
        for day, status in (("2025-11-05", "in-progress"), ("2025-11-20", "stalled"), ("2025-12-03", "done")):
            extra = {"status_date": day, "status_sources": ["ex-notes"]} if status == "done" else {}
            update(records, "followups", "japan-korea-shuttle", status=status, **extra)
            self.commits[day] = commit(folder, f"shuttle {status}", day)
        self.head = git(folder, "rev-parse", "HEAD")

    def changes(self, *args: str) -> list[dict[str, object]]:
        result = run("--data", str(self.data), "changes", *args, "--format", "jsonl")
        assert result.exit_code == 0, result.stderr
        return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    return Repo(tmp_path_factory.mktemp("dated"))


def test_a_month_means_the_last_commit_on_or_before_its_last_day(repo: Repo) -> None:
    by_sha = repo.changes("--since", repo.commits["2025-11-20"])
    assert by_sha and repo.changes("--since", "2025-11") == by_sha  # 30 Nov: the commit of 20 Nov
    assert repo.changes("--since", "2025-11-05") != by_sha  # a day is that day's last commit
    assert repo.changes("--since", "2025-Q4") == []  # 31 Dec: the last commit, nothing since


@pytest.mark.parametrize(
    ("typed", "as_of"),
    [
        ("yesterday", "2025-11-21"),
        ("-7d", "2025-11-27"),
        ("-1w", "2025-11-27"),
        ("friday", "2025-11-23"),  # a Sunday: the latest Friday is 21 Nov, the last commit before it 20 Nov
        ("last thursday", "2025-11-27"),  # a Thursday: the one before, 20 Nov
    ],
)
def test_relative_dates_count_from_as_of(repo: Repo, typed: str, as_of: str) -> None:
    expected = repo.changes("--since", repo.commits["2025-11-20"])
    assert repo.changes("--since", typed, "--as-of", as_of) == expected


def test_until_reads_dates_too(repo: Repo) -> None:
    found = repo.changes("--since", "2025-10", "--until", "-14d", "--as-of", "2025-11-19")  # 31 Oct to 5 Nov
    assert [(r["id"], r["commit"]) for r in found] == [("japan-korea-shuttle", repo.commits["2025-11-05"])]


def test_relative_dates_without_as_of_count_from_today(repo: Repo) -> None:
    assert repo.changes("--since", "today") == []  # every commit is before today: the last one, nothing since
    assert repo.changes("--since", "yesterday") == []


def test_a_date_shaped_text_that_names_no_day_is_refused_and_a_branch_is_still_a_revision(repo: Repo) -> None:
    bad = run("--data", str(repo.data), "changes", "--since", "2025-13")
    assert bad.exit_code == 2 and "'2025-13': not a date" in bad.stderr and "-7d" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1
    assert repo.changes("--since", "main") == []  # a branch name, read by git
    missing = run("--data", str(repo.data), "changes", "--since", "someday")
    assert missing.exit_code == 1 and "someday: no such revision" in missing.stderr


def test_the_brief_since_a_relative_date_counts_from_its_as_of(repo: Repo) -> None:
    args = ("--data", str(repo.data), "brief", "korea", "--format", "json")
    relative = json.loads(run(*args, "--since", "-7d", "--as-of", "2025-11-27").stdout)
    absolute = json.loads(run(*args, "--since", "2025-11-20", "--as-of", "2025-11-27").stdout)
    assert relative["changes"] and relative["changes"] == absolute["changes"]  # the status of 3 Dec
    text = run(*args[:-2], "--since", "-7d", "--as-of", "2025-11-27", "--format", "plain").stdout
    assert "Changed since 2025-11-20" in text
