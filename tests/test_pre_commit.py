"""The pre-commit hook, run the way a data repository runs it: the README's `.pre-commit-config.yaml` naming this
checkout (its uncommitted edits included, as `pre-commit try-repo` takes them), installed with `pre-commit install`,
then `git commit` in a scratch data repository."""

from __future__ import annotations

import importlib.util
import os
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
    # pre-commit builds the hook's environment (summit and its dependencies) once for the module: about 10 s
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed: pre-commit needs it"),
    pytest.mark.skipif(
        importlib.util.find_spec("pre_commit") is None, reason="pre-commit is not installed (it is in the test extras)"
    ),
    pytest.mark.skipif(
        not (ROOT / ".git").exists(), reason="not a git checkout: pre-commit reads the hooks from a git repository"
    ),
]

# The data repository's configuration, as the README shows it (`repo` and `rev` name this checkout).
CONFIG = """\
repos:
  - repo: {repo}
    rev: {rev}
    hooks:
      - id: summit-validate
        args: [data/]
        files: ^data/
"""
# Git as a fresh machine has it: no user configuration (a global core.hooksPath would stop `pre-commit install`).
GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Desk",
    "GIT_AUTHOR_EMAIL": "desk@example.org",
    "GIT_COMMITTER_NAME": "Desk",
    "GIT_COMMITTER_EMAIL": "desk@example.org",
}


def _git(repo: Path, *args: str, **env: str) -> str:
    done = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, **GIT_ENV, **env},
        timeout=60,
    )
    return done.stdout.strip()


@pytest.fixture(scope="module")
def summit_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """This checkout as a repository pre-commit can fetch: a clone at HEAD, with the checkout's staged and unstaged
    edits to tracked files committed on top (written into the clone's index and objects, never into this checkout,
    as `pre-commit try-repo` does). The clone's path and that commit."""
    clone = tmp_path_factory.mktemp("summit-repo") / "summit"
    _git(ROOT, "clone", "-q", str(ROOT), str(clone))
    _git(clone, "checkout", "-q", "-b", "hook-under-test", _git(ROOT, "rev-parse", "HEAD"))
    into_clone = {
        "GIT_INDEX_FILE": str(clone / ".git" / "index"),
        "GIT_OBJECT_DIRECTORY": str(clone / ".git" / "objects"),
    }
    staged = _git(ROOT, "diff", "--staged", "--name-only", "--diff-filter=ACMRTUXB", "-z").split("\0")
    if [name for name in staged if name]:
        _git(ROOT, "add", "--", *[name for name in staged if name], **into_clone)
    _git(ROOT, "add", "-u", **into_clone)
    _git(clone, "commit", "-q", "--no-verify", "--allow-empty", "-m", "the checkout as it is")
    return clone, _git(clone, "rev-parse", "HEAD")


def _commit(repo: Path, message: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "commit", "-m", message],
        cwd=repo,
        capture_output=True,
        text=True,
        env=subprocess_env(**GIT_ENV, PRE_COMMIT_HOME=str(home), SUMMIT_DATA=""),
        timeout=600,
    )


def test_the_hook_passes_valid_data_and_a_broken_file_stops_the_commit(
    tmp_path: Path, summit_repo: tuple[Path, str]
) -> None:
    repo, home = tmp_path / "data-repo", tmp_path / "pre-commit-home"
    (repo / "data").mkdir(parents=True)
    _git(repo, "init", "-q")
    source, rev = summit_repo
    (repo / ".pre-commit-config.yaml").write_text(CONFIG.format(repo=source, rev=rev), encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=repo,
        check=True,
        capture_output=True,
        env=subprocess_env(**GIT_ENV, PRE_COMMIT_HOME=str(home)),
        timeout=60,
    )
    (repo / "data" / "week.yaml").write_text(VALID, encoding="utf-8")
    _git(repo, "add", "-A")
    passed = _commit(repo, "the week", home)
    said = passed.stdout + passed.stderr
    assert passed.returncode == 0, said
    assert "summit validate" in said and "Passed" in said

    (repo / "data" / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    _git(repo, "add", "-A")
    failed = _commit(repo, "a broken file", home)
    said = failed.stdout + failed.stderr
    assert failed.returncode == 1, said
    assert "Failed" in said
    assert "data/broken.yaml:6:" in said and "unknown country code 'XX'" in said
    assert "Traceback" not in said
    assert _git(repo, "log", "--format=%s") == "the week"  # the broken file was not committed
