"""The files of a dataset: which paths make it up, what each is on disk (its stat), and its bytes.

The first step of the data layer (files -> loader -> index -> dataset -> query): it imports no other step.
A file's bytes are read only when asked for, so the warm path of a command stats the files and reads none.
Only regular files (after resolving links) are data files: a FIFO, a device or a directory named `x.yaml` is
refused by name before it is opened, and opened without blocking in case it changed in between.
"""

from __future__ import annotations

import os
import stat as stat_module
import sys
from pathlib import Path
from typing import NamedTuple

from summitcli.errors import DataError
from summitcli.problems import Problem

YAML_SUFFIXES = (".yaml", ".yml")
MAX_FILE_BYTES = 256 * 1024 * 1024
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


class Stat(NamedTuple):
    """What git's index records of a file: any edit changes at least one of these (ctime even when an edit
    restores size and mtime), except within the timestamp granularity of the moment it was recorded."""

    size: int
    mtime_ns: int
    ctime_ns: int
    ino: int
    dev: int

    @classmethod
    def of(cls, st: os.stat_result) -> Stat:
        return cls(st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


def display_name(path: Path | str) -> str:
    """A path as text that can always be printed and encoded: bytes that are not UTF-8 shown as `\\xff`."""
    name = str(path)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return name


def path_key(path: Path) -> bytes:
    """The absolute path as bytes: how the index names a file, whatever its encoding."""
    return os.fsencode(os.path.abspath(path))


class SourceFile:
    """One data file: its path, its stat when found, and its bytes and text once read (NFC-normalised text)."""

    __slots__ = ("_data", "_text", "path", "stat")

    def __init__(self, path: Path, data: bytes | None = None, stat: Stat | None = None) -> None:
        self.path = path
        self.stat = stat
        self._data = data
        self._text: str | None = None

    @property
    def name(self) -> str:
        return display_name(self.path)

    @property
    def data(self) -> bytes:
        if self._data is None:
            self._data, self.stat = read_bytes(self.path)
        return self._data

    @property
    def text(self) -> str:
        if self._text is None:
            import unicodedata

            self._text = unicodedata.normalize("NFC", self.data.decode("utf-8"))
        return self._text

    def release(self) -> None:
        """Forget the bytes and text (kept: path and stat), so that memory holds one file at a time."""
        self._data = self._text = None


def problem(name: str, line: int, column: int, where: str, message: str, rule: str) -> Problem:
    """One problem of a data error, read as `FILE:LINE:COLUMN: FIELD: message`; line and column 0: none; `rule`:
    its kind (`summitcli.problems.RULES`)."""
    return Problem(name, line, column, where, message, rule=rule)


def _path_problem(name: str, where: str, message: str) -> Problem:
    """A path that cannot be read as a data file."""
    return problem(name, 0, 0, where, message, "unreadable-path")


def _file_problem(path: Path, message: str) -> DataError:
    return DataError([_path_problem(display_name(path), "file", message)])


def read_bytes(path: Path) -> tuple[bytes, Stat]:
    """The bytes of a regular file and its stat as it was before they were read; DataError otherwise.

    If the file changes while it is read (its stat differs after), it is read again: the stat recorded never
    belongs to other bytes than those returned, so a later edit is always seen."""
    for _ in range(5):
        try:
            fd = os.open(path, _OPEN_FLAGS)
        except OSError as exc:
            raise _file_problem(path, f"cannot be read: {exc.strerror or exc}") from None
        try:
            before = os.fstat(fd)
            if not stat_module.S_ISREG(before.st_mode):
                raise _file_problem(path, "not a regular file (expected a YAML file)")
            if before.st_size > MAX_FILE_BYTES:
                raise _file_problem(path, f"larger than {MAX_FILE_BYTES >> 20} MiB")
            chunks = []
            total = 0
            while chunk := os.read(fd, 1 << 20):
                chunks.append(chunk)
                total += len(chunk)
                if total > MAX_FILE_BYTES:
                    raise _file_problem(path, f"larger than {MAX_FILE_BYTES >> 20} MiB")
            after = os.fstat(fd)
        except OSError as exc:
            raise _file_problem(path, f"cannot be read: {exc.strerror or exc}") from None
        finally:
            os.close(fd)
        if Stat.of(before) == Stat.of(after):
            return b"".join(chunks), Stat.of(before)
    return b"".join(chunks), Stat.of(before)


def bundled_data_dir() -> Path:
    """The dataset shipped with summit: inside the installed package, or beside it in a source checkout."""
    here = Path(__file__).parent
    packaged = here / "data"
    return packaged if packaged.is_dir() else here.parent / "data"


def data_paths(cli_paths: list[Path] | None) -> list[Path]:
    """--data beats SUMMIT_DATA beats the bundled dataset."""
    if cli_paths:
        return cli_paths
    env = os.environ.get("SUMMIT_DATA", "")
    if env.strip():
        return [Path(p) for p in env.split(os.pathsep) if p]
    return [bundled_data_dir()]


def _reason(exc: OSError, missing: str) -> str:
    if exc.errno == 40:
        return "symlink loop (expected a file or directory)"
    if isinstance(exc, FileNotFoundError):
        return missing
    return f"cannot be read: {exc.strerror or exc}"


def find_files(paths: list[Path]) -> list[Path]:
    """Expand directories to their YAML files (sorted); refuse paths that cannot be read."""
    found: list[Path] = []
    problems: list[Problem] = []
    missing = "does not exist (expected a YAML file or a directory of them)"
    for path in paths:
        name = display_name(path)
        try:
            resolved = path.resolve(strict=True)
            is_dir = resolved.is_dir()
        except RuntimeError:
            problems.append(_path_problem(name, "path", "symlink loop (expected a file or directory)"))
            continue
        except OSError as exc:
            problems.append(_path_problem(name, "path", _reason(exc, missing)))
            continue
        if is_dir:
            try:
                files = sorted(p for p in path.iterdir() if p.suffix in YAML_SUFFIXES and not p.name.startswith("."))
            except OSError as exc:
                problems.append(_path_problem(name, "path", _reason(exc, missing)))
                continue
            if not files:
                problems.append(_path_problem(name, "path", "directory has no .yaml files (expected at least one)"))
            found.extend(files)
        else:
            found.append(path)
    if problems:
        raise DataError(problems)
    return found


def read_files(paths: list[Path]) -> list[SourceFile]:
    """The files as `SourceFile`s with their stat (following links), bytes not yet read; every path that is not
    a regular file, or cannot be reached, refused by name."""
    problems: list[Problem] = []
    sources: list[SourceFile] = []
    seen: dict[tuple[int, int], Path] = {}  # (device, inode): one file, however it is named
    for path in paths:
        name = display_name(path)
        try:
            st = os.stat(path)
        except OSError as exc:
            problems.append(_path_problem(name, "file", _reason(exc, "does not exist (expected a YAML file)")))
            continue
        if (first := seen.setdefault((st.st_dev, st.st_ino), path)) is not path:
            # one file named twice (--data a.yaml --data ., or a link to it) is read once
            if path_key(first) != path_key(path):
                print(f"summit: note: {name} is the same file as {display_name(first)}: read once", file=sys.stderr)
            continue
        if not stat_module.S_ISREG(st.st_mode):
            problems.append(_path_problem(name, "file", "not a regular file (expected a YAML file)"))
        elif st.st_size > MAX_FILE_BYTES:
            problems.append(_path_problem(name, "file", f"larger than {MAX_FILE_BYTES >> 20} MiB"))
        else:
            sources.append(SourceFile(path, stat=Stat.of(st)))
    if problems:
        raise DataError(problems)
    return sources
