"""The checks that span files, in SQL: duplicate ids, references to no record, exactly one meta block; and each
problem found located in its file."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any, NamedTuple

import msgspec

from summitcli.datafiles import SourceFile, problem

if TYPE_CHECKING:
    from summitcli.problems import Problem

# Where a reference into a namespace may point: (space, only this list or None).
TARGETS = {"source": ("source", None), "topic": ("topic", None), "person": ("person", None),
           "event": ("record", "events"), "record": ("record", None),
           "grouping": ("grouping", None)}  # fmt: skip


def _resolves(space: str, ref: str) -> str:
    """SQL: the reference (`space`, `ref`) names a record that exists."""
    return (
        f"EXISTS (SELECT 1 FROM records d WHERE d.space = (CASE {space} WHEN 'event' THEN 'record' ELSE {space} END) "
        f"AND d.id = {ref} AND ({space} <> 'event' OR d.list = 'events'))"
    )


DocPath = tuple[str | int, ...]


class Where(NamedTuple):
    """A problem found across files: its file and path, its message, and where the other place it names stands
    (the first definition of a duplicate id, the other meta block), written into the message as `{other}`."""

    file_id: int
    path: DocPath
    message: str
    rule: str  # its kind (`summitcli.problems.RULES`)
    other: tuple[int, DocPath] | None = None


def cross_checks(
    conn: sqlite3.Connection, changed: list[int] | None, names: dict[int, str], complete: bool = True
) -> list[Where]:
    """The problems that span files, among the records of the files `changed` (None: all files) and the
    references into ids they no longer define (`mark_lost`). `names`: each file id's name, for messages.
    `complete`: YAML could read every file; else a reference may point into the file it could not read, and
    neither references nor a missing meta block are reported."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS changed (id INTEGER PRIMARY KEY, lo INTEGER, hi INTEGER)")
    conn.execute("DELETE FROM changed")
    if changed is not None:
        marks = ", ".join("?" * len(changed))
        conn.execute(f"INSERT INTO changed SELECT id, lo, hi FROM files WHERE id IN ({marks})", changed)
    found = _duplicates(conn, changed is None)
    if complete:
        found += _unknown_references(conn, changed is None)
    return found + _meta_checks(conn, complete)


def _duplicates(conn: sqlite3.Connection, everywhere: bool) -> list[Where]:
    """Each id defined again (in the changed files, or `everywhere`), at its later places, naming the first."""
    if everywhere:
        dupes = conn.execute("SELECT space, id FROM records GROUP BY space, id HAVING count(*) > 1").fetchall()
    else:
        dupes = conn.execute(
            "SELECT DISTINCT r.space, r.id FROM changed c JOIN records r ON r.seq BETWEEN c.lo AND c.hi WHERE EXISTS "
            "(SELECT 1 FROM records o WHERE o.space = r.space AND o.id = r.id AND o.seq <> r.seq)"
        ).fetchall()
    found = []
    for space, rid in dupes:
        (first_file, first_list, first_pos), *later = conn.execute(
            "SELECT r.file, r.list, r.pos FROM records r JOIN files f ON f.id = r.file "
            "WHERE r.space = ? AND r.id = ? ORDER BY f.ord, r.seq",
            (space, rid),
        ).fetchall()
        message = f"duplicate id '{rid}' (first defined at {{other}}; expected unique ids)"
        for file_id, name, pos in later:
            found.append(
                Where(file_id, (name, pos, "id"), message, "duplicate-id", (first_file, (first_list, first_pos, "id")))
            )
    return found


_REFS = "SELECT r.file, x.space, x.ref, r.list, r.pos, x.sub FROM "


def _unresolved(conn: sqlite3.Connection, everywhere: bool) -> list[Any]:
    """The references that name no record: from the changed files (or `everywhere`), and, from the other files,
    those into ids the changed files no longer define (`lost`)."""
    if everywhere:
        return conn.execute(
            f"{_REFS} refs x JOIN records r ON r.seq = x.seq WHERE NOT {_resolves('x.space', 'x.ref')}"
        ).fetchall()
    unresolved = conn.execute(
        f"{_REFS} changed c JOIN refs x ON x.seq BETWEEN c.lo AND c.hi JOIN records r ON r.seq = x.seq "
        f"WHERE NOT {_resolves('x.space', 'x.ref')}"
    ).fetchall()
    conn.execute(f"DELETE FROM lost WHERE {_resolves('lost.space', 'lost.id')}")
    if conn.execute("SELECT 1 FROM lost LIMIT 1").fetchone():  # rare: an id removed; one scan of the refs
        unresolved += conn.execute(
            f"{_REFS} refs x JOIN records r ON r.seq = x.seq WHERE (x.space, x.ref) IN (SELECT space, id FROM lost) "
            "AND r.file NOT IN (SELECT id FROM changed)"
        ).fetchall()
    return unresolved


def _unknown_references(conn: sqlite3.Connection, everywhere: bool) -> list[Where]:
    """Each reference that names no record, with the closest id of its kind as a hint."""
    from summitcli.countries import is_country_code
    from summitcli.loader import _hint

    known: dict[str, list[str]] = {}
    found = []
    for file_id, space, ref, name, pos, sub in _unresolved(conn, everywhere):
        if space not in known:
            target, only = TARGETS[space]
            query = "SELECT id FROM records WHERE space = ? AND (? IS NULL OR list = ?)"
            known[space] = [r[0] for r in conn.execute(query, (target, only, only))]
        hint = _hint(ref, known[space], f"expected the id of {'an' if space[0] in 'aeiou' else 'a'} {space}")
        if space == "grouping" and is_country_code(ref.upper()):  # `ca` for CA
            hint = f"a country code is written in capitals, '{ref.upper()}'; else {hint}"
        path = (name, pos, *msgspec.json.decode(sub))
        found.append(Where(file_id, path, f"unknown {space} id '{ref}' ({hint})", "unknown-reference"))
    return found


def _meta_checks(conn: sqlite3.Connection, complete: bool) -> list[Where]:
    """Exactly one meta block across the dataset: each further one named at its own file, with the first's place."""
    metas = [r[0] for r in conn.execute("SELECT id FROM files WHERE meta IS NOT NULL ORDER BY ord")]
    if not metas:
        first = conn.execute("SELECT id FROM files ORDER BY ord LIMIT 1").fetchone()
        if first is None or not complete:
            return []
        return [Where(first[0], (), "no file has a meta: block (expected one with title: and home:)", "meta")]
    message = "a second meta: block (the first is at {other}; expected exactly one across the dataset)"
    return [Where(file_id, ("meta",), message, "meta", (metas[0], ("meta",))) for file_id in metas[1:]]


def locate_problems(found: list[Where], files: dict[int, SourceFile]) -> list[Problem]:
    """The problems `found`, each file read once to locate all of its problems and the places they name."""
    from summitcli.loader import _format_path

    wanted: dict[int, set[DocPath]] = {}
    for where in found:
        wanted.setdefault(where.file_id, set()).add(where.path)
        if where.other is not None:
            wanted.setdefault(where.other[0], set()).add(where.other[1])
    places = {fid: _locate(files[fid], paths) for fid, paths in wanted.items()}
    problems = []
    for where in found:
        line, column = places[where.file_id].get(where.path, (1, 1))
        message = where.message
        if where.other is not None:
            other_file, other_path = where.other
            other_line, other_column = places[other_file].get(other_path, (1, 1))
            message = message.replace("{other}", f"{files[other_file].name}:{other_line}:{other_column}")
        name = "meta" if not where.path else _format_path(where.path)
        problems.append(problem(files[where.file_id].name, line, column, name, message, where.rule))
    return problems


def _locate(source: SourceFile, paths: set[DocPath]) -> dict[DocPath, tuple[int, int]]:
    """Line and column of each path in the file, read once; none if the file changed meanwhile."""
    from summitcli.yamlread import locate_all

    try:
        return locate_all(source.text, [path for path in paths if path])
    except Exception:  # the file changed meanwhile; name it without a position
        return {}
    finally:
        source.release()
