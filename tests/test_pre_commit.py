"""The pre-commit hook, run the way a data repository runs it: `pre-commit try-repo` on a scratch git repository."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, subprocess_env

VALID = """\
meta: {title: "Scratch week", home: KR}
sources: [{id: daily, publication: Daily, date: "2025-10-30", confidence: H}]
events:
  - {id: kr-ca, kind: bilateral, title: Korea-Canada summit, date: "2025-10-30", parties: [KR, CA],
     sources: [daily], confidence: H}
"""
BROKEN = """\
outcomes:
  - id: kr-ca-pact
    kind: partnership
    title: Defence partnership
    status: established
    parties: [KR, XX]
    sources: [daily]
    confidence: H
"""

pytestmark = [
    pytest.mark.slow,  # pre-commit builds the hook's environment (summit and its dependencies): about 25 s
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed: pre-commit needs it"),
    pytest.mark.skipif(
        importlib.util.find_spec("pre_commit") is None, reason="pre-commit is not installed (it is in the test extras)"
    ),
    pytest.mark.skipif(
        not (ROOT / ".git").exists(), reason="not a git checkout: pre-commit try-repo reads the hooks from git"
    ),
]


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        timeout=60,
    )


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit cache for the module: the hook's environment (summit and its dependencies) is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def _try_repo(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "summit-validate", "--color", "never"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=subprocess_env(PRE_COMMIT_HOME=str(home), SUMMIT_DATA=""),
        timeout=600,
    )


def test_the_hook_passes_valid_data_and_fails_a_broken_file(tmp_path: Path, home: Path) -> None:
    repo = tmp_path / "data-repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "week.yaml").write_text(VALID, encoding="utf-8")
    _git(repo, "add", "week.yaml")
    passed = _try_repo(repo, home)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "summit validate" in passed.stdout and "Passed" in passed.stdout

    (repo / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    _git(repo, "add", "broken.yaml")
    failed = _try_repo(repo, home)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "Failed" in failed.stdout
    assert "broken.yaml:6:" in failed.stdout and "unknown country code 'XX'" in failed.stdout
    assert "Traceback" not in failed.stdout + failed.stderr
