"""The changes between two git versions of the dataset's files, each change with the commit that made it.

Only the files git says differ are read and parsed (`git diff --name-only`, one `git cat-file --batch`), so the
cost follows the change, not the dataset. The version asked for must validate file by file: its problems are
reported as `REV:path:line:column: ...` and nothing is compared.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from summitcli import gitrev
from summitcli.changes import Change, Located, Version, compare, label_file, parse_version, state
from summitcli.datafiles import SourceFile, display_name
from summitcli.errors import DataError, UsageError
from summitcli.gitrev import Commit, GitError


class Revisions(NamedTuple):
    top: Path
    paths: list[tuple[str, bool]]  # the --data paths as git names them, and whether each is a directory
    old: Commit
    new: Commit | None  # None: the work tree


def locate(paths: list[Path], since: str, until: str | None) -> Revisions:
    """Where the dataset's paths are in git, and the two commits; GitError outside git, naming --against."""
    top = gitrev.toplevel(paths[0].resolve())
    if top is None:
        raise GitError(
            f"{display_name(paths[0])} is not in a git repository: "
            "compare with another copy of the dataset instead (summit changes --against PATH)"
        )
    named = []
    for path in paths:
        rel = gitrev.relative(top, path)
        if rel.startswith(".."):
            raise UsageError(f"{display_name(path)}: outside the git repository {top} of the other --data paths")
        named.append((rel, path.is_dir()))
    return Revisions(top, named, gitrev.resolve(top, since), gitrev.resolve(top, until) if until else None)


def _blob_files(revs: Revisions, commit: Commit, names: list[str]) -> list[tuple[str, SourceFile]]:
    blobs = gitrev.read_blobs(revs.top, [f"{commit.sha}:{name}" for name in names])
    return [
        (name, SourceFile(label_file(commit.asked, name), data=data))
        for name, data in zip(names, blobs, strict=True)
        if data is not None
    ]


# The records of a file on disk as the index holds them ((record list, record) each); None: parse it instead.
Indexed = Callable[[SourceFile], list[tuple[str, Any]] | None]


def between(revs: Revisions, current: list[SourceFile], indexed: Indexed | None = None) -> list[Change]:
    """The changes from `revs.old` to `revs.new` (or to `current`, the files on disk), each with its commit.
    `indexed` gives the records of a file on disk from the index where it holds the file as it is, so that only
    the older version of each changed file is parsed."""
    specs = [p for p, _ in revs.paths]
    old_files = gitrev.tree_files(revs.top, revs.old.sha, revs.paths)
    on_disk = dict(zip(gitrev.names_in_git(revs.top, [s.path for s in current]), current, strict=True))
    new_names = set(on_disk) if revs.new is None else set(gitrev.tree_files(revs.top, revs.new.sha, revs.paths))
    differ = gitrev.differing(revs.top, revs.old.sha, revs.new.sha if revs.new else None, specs)
    touched = (set(old_files) ^ new_names) | (differ & (set(old_files) | new_names))
    old = parse_version(_blob_files(revs, revs.old, sorted(touched & set(old_files))))
    if revs.new is None:
        new = _on_disk([(name, on_disk[name]) for name in sorted(touched & new_names)], indexed)
    else:
        new = parse_version(_blob_files(revs, revs.new, sorted(touched & new_names)))
    return attribute(revs, compare(old, new), old, new)


def _on_disk(files: list[tuple[str, SourceFile]], indexed: Indexed | None) -> Version:
    """The records of these files on disk: from the index where it holds a file as it is, else parsed."""
    found: Version = {}
    unread = []
    for name, source in files:
        records = indexed(source) if indexed is not None else None
        if records is None:
            unread.append((name, source))
        else:
            found.update(((list_name, record.id), Located(record, name)) for list_name, record in records)
    return found | parse_version(unread)


def attribute(revs: Revisions, changes: list[Change], old: Version, new: Version) -> list[Change]:
    """Each change with the last commit that changed that record (None: not committed yet)."""
    files = sorted({located.file for c in changes for located in (c.before, c.after) if located})
    # the changed files only: git re-reads each file it cannot trust by its stat, and the dataset may be large
    dirty = gitrev.differing(revs.top, "HEAD", None, files) if revs.new is None and files else set()
    found: dict[tuple[str, str, str], Commit | None] = {}
    for name in files:
        steps: list[Commit | None] = list(
            gitrev.history(revs.top, revs.old.sha, revs.new.sha if revs.new else "HEAD", name)
        )
        if revs.new is None and (name in dirty or not steps):
            steps.append(None)
        found.update(_walk(revs, name, steps, _in_file(old, name), _in_file(new, name)))
    return [c._replace(commit=found.get(_site(c))) for c in changes]


def _site(change: Change) -> tuple[str, str, str]:
    located = change.after or change.before
    assert located is not None
    return (*change.key, located.file)


def _in_file(version: Version, name: str) -> dict[tuple[str, str], bytes]:
    return state({key: located for key, located in version.items() if located.file == name})


def _walk(
    revs: Revisions,
    name: str,
    steps: list[Commit | None],
    first: dict[tuple[str, str], bytes],
    last: dict[tuple[str, str], bytes],
) -> dict[tuple[str, str, str], Commit | None]:
    """For each record of file `name`, the last step (a commit, or None: the work tree) at which it changed."""
    states: list[dict[tuple[str, str], bytes] | None] = [first]
    between_steps = [s for s in steps[:-1] if s is not None]
    for commit in between_steps:
        states.append(_lenient_state(revs, commit, name))
    states.append(last)
    made: dict[tuple[str, str, str], Commit | None] = {}
    keys = set(first) | set(last)
    for key in keys:
        previous = first
        for step, current in zip(steps, states[1:], strict=True):
            if current is None:
                continue
            if current.get(key) != previous.get(key):
                made[(key[0], key[1], name)] = step
            previous = current
    return made


def _lenient_state(revs: Revisions, commit: Commit, name: str) -> dict[tuple[str, str], bytes] | None:
    """The records of `name` at an intermediate commit; None where that version does not validate (skipped)."""
    try:
        return state(parse_version(_blob_files(revs, commit, [name])))
    except DataError:
        return None
