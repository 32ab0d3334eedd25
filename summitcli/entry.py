"""The `summit` console script (`[project.scripts]`: pip generates the wrapper that calls `main`) and
`python -m summitcli`.

Kept free of imports so that Ctrl-C at any moment once `main` runs, even while Typer and Rich are still being
imported, ends the run with exit status 130 and nothing on stderr (Typer handles Ctrl-C only once a command runs).
What runs before `main` (CPython's start-up, pip's wrapper, the import of this module) is outside that guarantee.
"""

import sys

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


def interrupted(exc: BaseException | None) -> bool:
    """Whether a KeyboardInterrupt caused `exc`: Python 3.11 wraps one raised while a class is created (in
    `__set_name__`, as `functools.cached_property` has) in a RuntimeError."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, KeyboardInterrupt):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


def main() -> None:
    try:
        from summitcli.cli import main as run

        run()
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:
        if interrupted(exc):
            sys.exit(EXIT_INTERRUPTED)
        raise
    finally:
        leaving()


def leaving() -> None:
    """The process ends next: spare the interpreter's last cycle collection over every object of Typer, Click
    and the command (11 to 13 ms of a warm run, measured alone; tests/test_startup.py holds the reason).
    gc.freeze() moves them out of its reach; the operating system reclaims the memory. Output is flushed, atexit
    handlers and finalizers of objects freed by reference counting still run; only garbage in reference cycles is
    left as it is."""
    import gc

    gc.freeze()
