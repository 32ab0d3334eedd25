"""A cache of the validated dataset, keyed by the data's bytes, so repeated runs skip YAML parsing.

The YAML stays the only source of truth: the key is a hash of every file's path and full content (not its
size or mtime), so any edit, added file or removed file is seen on the next run. Entries are written to a
temporary file and renamed into place; an unreadable, corrupt or old-version entry is ignored and rebuilt;
a cache directory that cannot be written is skipped silently.
"""

from __future__ import annotations

import os
from pathlib import Path

import msgspec

from summitcli import __version__, model
from summitcli.datafiles import SourceFile

try:  # the BLAKE2 module alone: `hashlib` also loads OpenSSL, a few ms of every run's start-up
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - Pythons built without it
    from hashlib import blake2b


class _Entry(msgspec.Struct):
    version: str
    digest: str
    dataset: model.Dataset


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "summit"


def _names(sources: list[SourceFile]) -> tuple[str, str]:
    paths = blake2b(digest_size=16)
    content = blake2b(digest_size=32)
    for source in sources:
        name = os.path.abspath(source.path).encode()
        paths.update(name + b"\0")
        content.update(name + b"\0" + len(source.data).to_bytes(8, "little") + source.data)
    return paths.hexdigest(), content.hexdigest()


def get(sources: list[SourceFile]) -> model.Dataset | None:
    key, digest = _names(sources)
    try:
        raw = (cache_dir() / f"{key}.msgpack").read_bytes()
        entry = msgspec.msgpack.decode(raw, type=_Entry)
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        return None
    if entry.version != __version__ or entry.digest != digest:
        return None
    return entry.dataset


def put(sources: list[SourceFile], dataset: model.Dataset) -> None:
    import tempfile

    key, digest = _names(sources)
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{key}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(msgspec.msgpack.encode(_Entry(__version__, digest, dataset)))
            os.replace(tmp, folder / f"{key}.msgpack")
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        return
