"""`--output`/`-o`: write a whole document to a path the way the user means, or refuse with one line.

The rules, in order (README, "Guarantees"):

- A new path, or a regular file that the user owns and that has no other hard link, is written atomically: a
  temporary file `.NAME.XXXXXXXX` beside it, flushed to disk, then renamed over it. The new file keeps the old
  one's permission bits (a new path gets 0666 less the umask).
- A symbolic link is written through, never replaced: the file it points to is written by the same rules. A
  link in a sticky, world-writable directory (/tmp) owned by someone else is refused, as the kernel's
  protected_symlinks would refuse it to open(). A link to what stdout already is (`-o /dev/stdout`, in a
  pipe, a terminal or `> file`) writes to stdout.
- A device, FIFO or socket (`-o /dev/null`, `-o /dev/stderr`) is opened and written, never replaced.
- A regular file the user may write but does not own, or one with several hard links, is rewritten in place,
  so that its owner and its other names stay as they were.
- What the user could not write is refused: a target (or, for a new path, a directory) is writable only if its
  permission bits give the effective user write access, as owner, group member or other. The rule is the same
  for root, which the kernel would let write anything: `-o` never replaces a read-only (0444) file or a file
  owned by root in a user's directory.
- SIGTERM or SIGHUP during the write removes the temporary file, then exits 128 + the signal (143 for SIGTERM).

Errors are one line, `summit: error: PATH: cannot write: reason`, exit 1.
"""

from __future__ import annotations

import os
import signal
import stat
import sys
from contextlib import suppress
from pathlib import Path
from types import FrameType
from typing import Any

from summitcli.errors import SummitError
from summitcli.output.stream import end_index_reads, pipe_guard, quiet_exit

_PENDING: set[str] = set()  # temporary files that exist, or are about to, until they are renamed into place


def deliver(text: str, path: Path | None) -> None:
    """Write a whole text document to stdout, or to `path` by the rules above (UTF-8, `\\n` line ends)."""
    end_index_reads()  # `-o` may name a FIFO, whose reader may wait too
    if path is None:
        with pipe_guard() as out:
            out.write(text)
        return
    _deliver_file(text.encode("utf-8", "surrogateescape"), path)


def deliver_bytes(data: bytes, path: Path | None) -> None:
    """Write a whole binary document (a database file, a calendar) to stdout or to `path`, by the same rules."""
    end_index_reads()
    if path is None:
        with pipe_guard() as out:
            out.flush()
            out.buffer.write(data)
            out.buffer.flush()
        return
    _deliver_file(data, path)


class _Refused(Exception):
    pass


def _deliver_file(data: bytes, path: Path) -> None:
    try:
        _write_target(data, Path(os.path.expanduser(path)))
    except _Refused as exc:
        raise SummitError(f"{path}: cannot write: {exc}") from None
    except OSError as exc:
        raise SummitError(f"{path}: cannot write: {exc.strerror or exc}") from None


def _write_target(data: bytes, target: Path) -> None:
    try:
        link = os.lstat(target)
    except FileNotFoundError:
        _new_file(data, target)
        return
    if stat.S_ISLNK(link.st_mode):
        _through_link(data, target, link)
        return
    _existing(data, target, link, follow=False)


def _existing(data: bytes, target: Path, st: os.stat_result, *, follow: bool) -> None:
    mode = st.st_mode
    if stat.S_ISDIR(mode):
        raise _Refused("is a directory")
    if not writable(st):
        raise _Refused(f"permission denied (mode {stat.filemode(mode)}, owner uid {st.st_uid}; not writable by you)")
    if stat.S_ISREG(mode) and st.st_uid == os.geteuid() and st.st_nlink == 1:
        _replace(data, target, stat.S_IMODE(mode))
    else:
        _in_place(data, target, truncate=stat.S_ISREG(mode), follow=follow)


def _through_link(data: bytes, link_path: Path, link: os.stat_result) -> None:
    parent = os.stat(link_path.parent if str(link_path.parent) else ".")
    shared = parent.st_mode & stat.S_ISVTX and parent.st_mode & stat.S_IWOTH
    if shared and link.st_uid not in (os.geteuid(), parent.st_uid):
        raise _Refused("a symbolic link in a shared directory, owned by another user; not followed")
    try:
        final = os.stat(link_path)
    except FileNotFoundError:  # a dangling link: create the file it names, as a shell's `>` would
        _new_file(data, Path(os.path.realpath(link_path)))
        return
    if _is_stdout(final):
        with pipe_guard() as out:
            out.flush()
            out.buffer.write(data)
        return
    if stat.S_ISREG(final.st_mode):
        _existing(data, Path(os.path.realpath(link_path)), final, follow=False)
    else:  # a device, FIFO or socket behind the link (/dev/stdout in a pipe): written through the link
        _existing(data, link_path, final, follow=True)


def _is_stdout(st: os.stat_result) -> bool:
    """Whether `st` is what stdout already is (file, pipe, terminal or socket): `-o /dev/stdout` then writes to
    stdout itself, as the shell set it up (appending, a socket that cannot be reopened, a reader that leaves)."""
    out = sys.__stdout__
    if out is None:
        return False
    try:
        mine = os.fstat(out.fileno())
    except (OSError, ValueError):
        return False
    return (mine.st_dev, mine.st_ino) == (st.st_dev, st.st_ino)


def writable(st: os.stat_result) -> bool:
    """Whether the permission bits let the effective user write: owner bits for the owner, group bits for a
    member of the file's group, other bits for everyone else. Root gets no exception."""
    if st.st_uid == os.geteuid():
        return bool(st.st_mode & stat.S_IWUSR)
    if st.st_gid == os.getegid() or st.st_gid in os.getgroups():
        return bool(st.st_mode & stat.S_IWGRP)
    return bool(st.st_mode & stat.S_IWOTH)


def _new_file(data: bytes, target: Path) -> None:
    folder = target.parent if str(target.parent) else Path(".")
    try:
        st = os.stat(folder)
    except FileNotFoundError:
        raise _Refused(f"no directory {folder}") from None
    if not stat.S_ISDIR(st.st_mode):
        raise _Refused(f"{folder} is not a directory")
    if not (writable(st) and st.st_mode & (stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)):
        raise _Refused(f"permission denied (directory {folder} is not writable by you)")
    umask = os.umask(0)
    os.umask(umask)
    _replace(data, target, 0o666 & ~umask)


def _in_place(data: bytes, target: Path, *, truncate: bool, follow: bool) -> None:
    flags = os.O_WRONLY | os.O_NOCTTY | (os.O_TRUNC if truncate else 0) | (0 if follow else os.O_NOFOLLOW)
    fd = os.open(target, flags)
    try:
        _write_all(fd, data)
    except BrokenPipeError:  # a pipe behind the link (`-o /dev/stdout | head -n1`): as on stdout, exit 0
        quiet_exit()
    finally:
        os.close(fd)


def _replace(data: bytes, target: Path, mode: int) -> None:
    """A temporary file beside `target`, flushed to disk, renamed over it; removed on any failure or SIGTERM."""
    folder = target.parent if str(target.parent) else Path(".")
    previous = _install(_terminated)
    tmp = ""
    try:
        for _ in range(100):
            tmp = str(folder / f".{target.name}.{os.urandom(4).hex()}")
            _PENDING.add(tmp)  # registered before it exists: a signal between creation and use still finds it
            try:
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
                break
            except FileExistsError:
                _PENDING.discard(tmp)
        else:
            raise _Refused("no free temporary file name")
        try:
            os.fchmod(fd, mode)
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
        _PENDING.discard(tmp)
    finally:
        _remove_pending()
        _restore(previous)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _remove_pending() -> None:
    for tmp in list(_PENDING):
        with suppress(OSError):
            os.unlink(tmp)
        _PENDING.discard(tmp)


_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


def _terminated(signum: int, frame: FrameType | None) -> None:
    _remove_pending()
    raise SystemExit(128 + signum)


def _install(handler: Any) -> dict[int, Any]:
    """Install `handler` for SIGTERM and SIGHUP; return what was there, for `_restore`."""
    previous: dict[int, Any] = {}
    for signum in _SIGNALS:
        with suppress(ValueError, OSError):  # not the main thread: no handler, the finally clause still cleans up
            previous[signum] = signal.signal(signum, handler)
    return previous


def _restore(previous: dict[int, Any]) -> None:
    for signum, action in previous.items():
        signal.signal(signum, signal.SIG_DFL if action is None else action)


def not_to_a_terminal(command: str, what: str, title: str, suffix: str) -> None:
    """Refuse (exit 2) to write a whole document or a binary file to a terminal, where it would flood the screen:
    one line naming the `-o` to use (a file named after the dataset's title) and the pipe that would read it."""
    from summitcli.errors import UsageError
    from summitcli.output.base import stdout_is_terminal

    if not stdout_is_terminal():
        return
    plain = title.casefold().replace("'", "").replace("’", "")
    words = "".join(ch if ch.isalnum() else " " for ch in plain).split()
    name = "-".join(words[:4]) or "summit"
    raise UsageError(
        f"{what} is not for a terminal: give --output, e.g. 'summit {command} -o {name}{suffix}', "
        "or redirect stdout to a file or a pipe"
    )
