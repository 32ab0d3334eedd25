"""docs/cli.md, the command-line reference, generated from the commands' own `--help`.

The help is the single source: change a command's help or options, then run `python -m summitcli.clidoc --write`
(tests/test_clidoc.py fails while docs/cli.md differs from what this module writes).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

WIDTH = "80"  # Click caps help at 80 columns; fixed so the page does not depend on the terminal that made it
HEADER = """\
# summit command-line reference

Generated from the commands' `--help` by `python -m summitcli.clidoc --write`; do not edit by hand.
"""


def _command_paths() -> list[list[str]]:
    """Every command and group, as the words that call it, in the order `summit --help` lists them."""
    import typer.main

    from summitcli.cli import app

    paths: list[list[str]] = []

    def walk(command: Any, words: list[str]) -> None:
        paths.append(words)
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, [*words, name])

    walk(typer.main.get_command(app), [])
    return paths


def _help(words: list[str]) -> str:
    from typer.testing import CliRunner

    from summitcli.cli import app

    result = CliRunner().invoke(app, [*words, "--help"], prog_name="summit", env={"COLUMNS": WIDTH})
    if result.exit_code != 0:
        raise RuntimeError(f"summit {' '.join(words)} --help exited {result.exit_code}: {result.output}")
    return result.stdout


def render() -> str:
    """The whole page: a contents list, then each command's help in a code block."""
    paths = _command_paths()
    names = [" ".join(["summit", *words]) for words in paths]
    out = [HEADER]
    out.append("\n".join(f"- [`{name}`](#{name.replace(' ', '-')})" for name in names) + "\n")
    for name, words in zip(names, paths, strict=True):
        out.append(f"## {name}\n\n```text\n{_help(words).rstrip()}\n```\n")
    return "\n".join(out)


def target() -> Path:
    return Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def main(argv: list[str]) -> int:
    text = render()
    if argv == ["--write"]:
        target().parent.mkdir(exist_ok=True)
        target().write_text(text, encoding="utf-8")
        print(f"wrote {target().name}")
    elif not argv:
        sys.stdout.write(text)
    else:
        print("usage: python -m summitcli.clidoc [--write]", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
