"""Real git repositories for the tests of `summit changes`: a copy of a dataset, committed, then edited and
committed again, each edit a commit of its own on a day of its own (so that `--since DATE` has days to name)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml


def git(repo: Path, *args: str, day: str = "2025-11-01") -> str:
    moment = f"{day}T12:00:00+00:00"
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Desk",
        "GIT_AUTHOR_EMAIL": "desk@example.org",
        "GIT_COMMITTER_NAME": "Desk",
        "GIT_COMMITTER_EMAIL": "desk@example.org",
        "GIT_AUTHOR_DATE": moment,
        "GIT_COMMITTER_DATE": moment,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, check=True)
    return done.stdout.strip()


def commit(repo: Path, message: str, day: str) -> str:
    git(repo, "add", "-A", day=day)
    git(repo, "commit", "-q", "-m", message, day=day)
    return git(repo, "rev-parse", "HEAD")


def start(folder: Path, dataset: Path, day: str = "2025-11-01") -> Path:
    """A new repository at `folder` holding a copy of `dataset` in `data/`, committed on `day`; the data folder."""
    data = folder / "data"
    shutil.copytree(dataset, data)
    git(folder, "init", "-q", "-b", "main")
    commit(folder, "the dataset", day)
    return data


def edit(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Load a YAML file, let `change` edit it, write it back (the layout changes; the records are what count)."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")


def holding(data: Path, list_name: str) -> Path:
    """The first file of the dataset with records in the list `list_name`."""
    for path in sorted(data.glob("*.yaml")):
        if (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get(list_name):
            return path
    raise LookupError(list_name)


def first(data: Path, list_name: str, wanted: Callable[[dict[str, Any]], bool]) -> tuple[Path, dict[str, Any]]:
    """The first record of `list_name` that `wanted` accepts, and its file."""
    for path in sorted(data.glob("*.yaml")):
        for record in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get(list_name) or []:
            if wanted(record):
                return path, record
    raise LookupError(list_name)


def unreferenced(data: Path, rid: str) -> bool:
    """No record refers to `rid` (it appears once in the whole dataset's text)."""
    return sum(p.read_text(encoding="utf-8").count(rid) for p in data.glob("*.yaml")) == 1


def update(path: Path, list_name: str, rid: str, **values: Any) -> None:
    def change(document: dict[str, Any]) -> None:
        for record in document[list_name]:
            if record["id"] == rid:
                record.update(values)

    edit(path, change)
