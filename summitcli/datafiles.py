"""Which files make up the dataset, their bytes, and the dataset itself: from the index when it matches,
else parsed.

This is the warm path of every command, so it imports little: YAML parsing and validation (`loader`) load
only when the index cannot answer.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from summitcli.errors import DataError

if TYPE_CHECKING:
    from summitcli import model
    from summitcli.index import IndexedDataset

YAML_SUFFIXES = (".yaml", ".yml")
MAX_FILE_BYTES = 256 * 1024 * 1024


class SourceFile:
    """One data file as read from disk; its text is decoded (and NFC-normalised) only when parsed."""

    __slots__ = ("_text", "data", "path")

    def __init__(self, path: Path, data: bytes) -> None:
        self.path = path
        self.data = data
        self._text: str | None = None

    @property
    def name(self) -> str:
        return str(self.path)

    @property
    def text(self) -> str:
        if self._text is None:
            import unicodedata  # 1-2 ms to load; only a cache miss parses the text

            self._text = unicodedata.normalize("NFC", self.data.decode("utf-8"))
        return self._text


def problem(name: str, line: int, column: int, where: str, message: str) -> str:
    """One line of a data error: `FILE:LINE:COLUMN: FIELD: message`."""
    return f"{name}:{line}:{column}: {where}: {message}"


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


def find_files(paths: list[Path]) -> list[Path]:
    """Expand directories to their YAML files (sorted); refuse paths that cannot be read."""
    found: list[Path] = []
    problems: list[str] = []
    for path in paths:
        try:
            resolved = path.resolve(strict=True)
        except RuntimeError:
            problems.append(problem(str(path), 0, 0, "path", "symlink loop (expected a file or directory)"))
            continue
        except OSError as exc:
            reason = "symlink loop" if exc.errno == 40 else "does not exist"
            problems.append(problem(str(path), 0, 0, "path", f"{reason} (expected a YAML file or a directory of them)"))
            continue
        if resolved.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix in YAML_SUFFIXES and not p.name.startswith("."))
            if not files:
                problems.append(
                    problem(str(path), 0, 0, "path", "directory has no .yaml files (expected at least one)")
                )
            found.extend(files)
        elif resolved.is_file():
            found.append(path)
        else:
            problems.append(problem(str(path), 0, 0, "path", "not a regular file (expected a YAML file)"))
    if problems:
        raise DataError(problems)
    return found


def read_files(paths: list[Path]) -> list[SourceFile]:
    problems: list[str] = []
    sources: list[SourceFile] = []
    for path in paths:
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                problems.append(problem(str(path), 0, 0, "file", f"larger than {MAX_FILE_BYTES >> 20} MiB"))
                continue
            sources.append(SourceFile(path, path.read_bytes()))
        except OSError as exc:
            problems.append(problem(str(path), 0, 0, "file", f"cannot be read: {exc.strerror or exc}"))
    if problems:
        raise DataError(problems)
    return sources


def open_data(cli_paths: list[Path] | None = None, use_cache: bool = True) -> model.Dataset | IndexedDataset:
    """The validated dataset: from the index when it matches the files' bytes (records decoded as they are
    used), else parsed, validated and indexed for the next run."""
    from summitcli import index

    sources = read_files(find_files(data_paths(cli_paths)))
    if use_cache:
        indexed = index.open_index(sources)
        if indexed is not None:
            return indexed
    from summitcli.loader import parse_and_validate

    dataset = parse_and_validate(sources)
    if use_cache:
        index.build(sources, dataset)
    return dataset


def load(cli_paths: list[Path] | None = None, use_cache: bool = True) -> model.Dataset:
    """The whole validated dataset, every record decoded."""
    from summitcli import model

    data = open_data(cli_paths, use_cache)
    return data if isinstance(data, model.Dataset) else data.materialize()
