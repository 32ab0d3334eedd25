"""Earlier versions of a dataset's files, read from git: read only, through the `git` command line.

Every call runs `git --no-optional-locks` (as `git status` run by an editor does): nothing here writes the user's
work tree, index, refs or branches. Paths are relative to the work tree's top, as git names them.
Why the command line: it is on every machine that has the repository, reads every repository format git does
(shallow and partial clones, worktrees, alternates), and `git cat-file --batch` reads any number of files in one
process (see README, "Keeping a dataset in git").
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path
from typing import NamedTuple

from summitcli.datafiles import YAML_SUFFIXES
from summitcli.dates import revision_day
from summitcli.errors import SummitError


class GitError(SummitError):
    """git could not answer: a revision that does not exist, a shallow clone without it, no git at all."""


class Commit(NamedTuple):
    sha: str
    date: dt.date  # the committer's date
    asked: str  # the revision as the user typed it

    @property
    def short(self) -> str:
        return self.sha[:7]


def revision_date(text: str, *, as_of: dt.date | None = None) -> dt.date | None:
    """A revision typed as a date, else None: git reads it as a revision. The one place that reads the date form
    of `--since` and `--until`, as every date option does (`summitcli.dates`): `2025-11-10`, `2025-11` (its last
    day, 30 Nov), `yesterday`, `-7d`, `friday`, relative to `as_of` (default: today). `resolve` takes the last
    commit on or before that day."""
    return revision_day(text, as_of=as_of)


def _git(top: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0"}
    try:
        return subprocess.run(
            ["git", "--no-optional-locks", "-C", str(top), *args],
            input=stdin,
            capture_output=True,
            env=env,
            check=False,
        )
    except FileNotFoundError:
        raise GitError("git is not installed (needed to read earlier versions; --against compares copies)") from None


def _out(top: Path, *args: str) -> bytes:
    done = _git(top, *args)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {args[0]}: {message[-1] if message else 'failed'}")
    return done.stdout


def toplevel(path: Path) -> Path | None:
    """The top of the git work tree that holds `path`, or None outside one."""
    folder = path if path.is_dir() else path.parent
    done = _git(folder, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        return None
    return Path(os.fsdecode(done.stdout.rstrip(b"\n")))


def resolve(top: Path, rev: str) -> Commit:
    """The commit `rev` names: a revision git understands, or a date (the last commit on or before that day); its
    id and date from one `git rev-list` (`commit SHA` then the date)."""
    day = revision_date(rev)
    if day is not None:
        listed = _out(top, "rev-list", "-1", "--format=%cs", f"--before={day.isoformat()}T23:59:59", "HEAD", "--")
        if not listed.strip():
            raise GitError(f"{rev}: no commit on or before that day in {top}")
    else:
        done = _git(top, "rev-list", "-1", "--format=%cs", "--end-of-options", f"{rev}^{{commit}}", "--")
        if done.returncode != 0:
            raise GitError(_missing(top, rev))
        listed = done.stdout
    _, sha, date = listed.decode().split()
    return Commit(sha, dt.date.fromisoformat(date), rev)


def _missing(top: Path, rev: str) -> str:
    shallow = _git(top, "rev-parse", "--is-shallow-repository").stdout.strip() == b"true"
    if shallow:
        return f"{rev}: not in this shallow clone of {top} (fetch more history: git fetch --deepen=N, or --unshallow)"
    return f"{rev}: no such revision in {top} (expected a commit, tag, branch, HEAD~N or YYYY-MM-DD)"


def relative(top: Path, path: Path) -> str:
    """`path` as git names it in the repository at `top` ('' for the top itself)."""
    return names_in_git(top, [path])[0]


def names_in_git(top: Path, paths: list[Path]) -> list[str]:
    """Each path as git names it in the repository at `top`: a folder by its real path, a file through its
    folder's (each folder resolved once: a dataset's files share a few), as git keeps a symbolic link to a file
    under its own name."""
    folders: dict[Path, str] = {}
    root = os.path.realpath(top)
    names = []
    for path in paths:
        if path.name in ("", ".", "..") or path.is_dir():
            real = os.path.realpath(path)
        else:
            if path.parent not in folders:
                folders[path.parent] = os.path.realpath(path.parent)
            real = os.path.join(folders[path.parent], path.name)
        rel = os.path.relpath(real, root)
        names.append("" if rel == "." else rel if rel.startswith("..") else Path(rel).as_posix())
    return names


def tree_files(top: Path, commit: str, paths: list[tuple[str, bool]]) -> dict[str, str]:
    """The data files at `commit` that (path, is_dir) names: each directory's own YAML files (not hidden, not in
    subdirectories, as on disk), each file itself; path -> blob id."""
    specs = [f"{p}/" if is_dir and p else p or "." for p, is_dir in paths]
    listed = _out(top, "ls-tree", "-z", "--full-tree", commit, "--", *specs)
    found: dict[str, str] = {}
    for entry in listed.split(b"\0"):
        if not entry:
            continue
        info, _, name = entry.partition(b"\t")
        _mode, kind, blob = info.decode().split()
        path = os.fsdecode(name)
        if kind == "blob" and path.endswith(YAML_SUFFIXES) and not Path(path).name.startswith("."):
            found[path] = blob
    return found


def differing(top: Path, old: str, new: str | None, paths: list[str]) -> set[str]:
    """The paths under `paths` whose content differs between `old` and `new` (None: the work tree)."""
    listed = _out(
        top,
        "diff",
        "--name-only",
        "-z",
        "--no-renames",
        "--no-ext-diff",
        old,
        *([new] if new else []),
        "--",
        *(paths or ["."]),
    )
    return {os.fsdecode(p) for p in listed.split(b"\0") if p}


def read_blobs(top: Path, specs: list[str]) -> list[bytes | None]:
    """The bytes of each `REV:path` (None: not there), all through one `git cat-file --batch`."""
    if not specs:
        return []
    done = _git(top, "cat-file", "--batch", stdin=b"".join(os.fsencode(s) + b"\n" for s in specs))
    if done.returncode != 0:
        raise GitError(f"git cat-file: {done.stderr.decode('utf-8', 'replace').strip() or 'failed'}")
    out, at = done.stdout, 0
    found: list[bytes | None] = []
    for _ in specs:
        end = out.index(b"\n", at)
        header = out[at:end].split()
        at = end + 1
        if header[-1] == b"missing" or len(header) < 3:
            found.append(None)
            continue
        size = int(header[2])
        found.append(out[at : at + size])
        at += size + 1
    return found


def history(top: Path, old: str, new: str, path: str) -> list[Commit]:
    """The commits after `old` up to `new` that changed `path`, oldest first."""
    listed = _out(top, "log", "--format=%H %cs", "--no-renames", "--reverse", f"{old}..{new}", "--", path)
    commits = []
    for line in listed.decode().splitlines():
        sha, date = line.split()
        commits.append(Commit(sha, dt.date.fromisoformat(date), sha[:7]))
    return commits
