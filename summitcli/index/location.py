"""Where an index lives: the cache folder, made private, trusted only if private, and one file per dataset."""

from __future__ import annotations

import os
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from summitcli.datafiles import path_key

if TYPE_CHECKING:
    from summitcli.datafiles import SourceFile


def index_dir() -> Path | None:
    """`$XDG_CACHE_HOME/summit`, else `~/.cache/summit`; relative paths are ignored (XDG spec); None if neither."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        home = os.path.expanduser("~")
        if not os.path.isabs(home):
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "summit"


def owned_privately(path: Path) -> bool:
    """The file or folder is the current user's and nobody else may write it: an index there can be trusted (its
    checksums are CRCs, not secrets: anyone who may write it could plant answers)."""
    st = os.stat(path, follow_symlinks=False)
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def private_dir(folder: Path) -> Path:
    """`folder`, made with its missing parents as 0700 whatever the umask; OSError if it cannot be."""
    missing = []
    at = folder
    while not at.exists():
        missing.append(at)
        at = at.parent
    for path in reversed(missing):
        path.mkdir(mode=0o700, exist_ok=True)
        os.chmod(path, 0o700)  # the umask may have taken bits away, or left others
    return folder


def index_name(sources: list[SourceFile]) -> str:
    """The index file's name: a hash of the directories that hold the files, so that a dataset keeps its index
    when a file is added, removed or renamed (the index itself records which files it holds). A CRC-32 (zlib is
    loaded anyway; hashlib would add 2 ms to every run): two datasets whose names collide share a file, and each
    finds the other's files recorded there and rebuilds it; never a wrong answer."""
    folders = sorted({os.path.dirname(path_key(source.path)) for source in sources})
    return format(zlib.crc32(b"\0".join(folders)), "08x")
