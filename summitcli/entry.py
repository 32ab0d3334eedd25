"""The `summit` console script and `python -m summitcli`.

Kept free of imports so that Ctrl-C at any moment, even while Typer and Rich are still being imported, ends
the run with exit status 130 and nothing on stderr (Typer handles Ctrl-C only once a command runs).
"""

import sys

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


def main() -> None:
    try:
        from summitcli.cli import main as run

        run()
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)
