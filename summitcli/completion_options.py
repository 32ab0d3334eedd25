"""`summit --show-completion [SHELL]` and `--install-completion [SHELL]`: Typer's completion scripts for the shell
named. Typer's own options take no shell (they always detect the current one, so `--show-completion zsh` printed
bash's script under bash) and cannot take an optional value, so the command group gives a bare option `auto`
(`shell_named`) before parsing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import typer
import typer.completion

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def shell_named(args: list[str]) -> list[str]:
    """`--show-completion` or `--install-completion` followed by no shell (nothing, or another option) names
    `auto`, the current shell: the options take an optional value, which Typer cannot declare."""
    named = list(args)
    for i in reversed(range(len(named))):
        if named[i] in _ACTIONS and (i + 1 == len(named) or named[i + 1].startswith("-")):
            named.insert(i + 1, "auto")
    return named


# Typer's completion scripts and the completion classes they call back into, as its own options would set up.
typer.completion.completion_init()


def _callback(action: Callable[[Any, Any, Any], Any]) -> Callable[[typer.Context, Any, str | None], None]:
    """A callback for --show-completion or --install-completion that takes the shell named (Typer's own options
    take none and always detect it): with no name, the shell summit runs under, as Typer detects it."""

    def callback(ctx: typer.Context, param: Any, shell: str | None) -> None:
        if shell is None or ctx.resilient_parsing:
            return
        if shell != "auto" and shell not in SHELLS:
            raise typer.BadParameter(f"{shell!r} is not one of {', '.join(SHELLS)}.", ctx=ctx, param=param)
        action(ctx, param, True if shell == "auto" else shell)

    return callback


_ACTIONS = {
    "--show-completion": typer.completion.show_callback,
    "--install-completion": typer.completion.install_callback,
}


def completion_option(name: str, help: str) -> Any:
    """The option `name` (`--show-completion` or `--install-completion`), for the root command's signature."""
    return typer.Option(
        name,
        metavar="[SHELL]",
        callback=_callback(_ACTIONS[name]),
        expose_value=False,
        is_eager=True,
        show_default=False,
        help=help,
    )
