"""summit: sourced briefings on summit diplomacy, for terminals, shell scripts and notebooks.

The Python API (see `summitcli.api`): `summitcli.open_dataset()` gives a `Dataset` whose methods return the
records each command prints. Loaded on first use, so that the command line does not pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["DataError", "Dataset", "NotFoundError", "UsageError", "__version__", "open_dataset"]

if TYPE_CHECKING:
    from summitcli.api import Dataset, open_dataset
    from summitcli.errors import DataError, NotFoundError, UsageError


def __getattr__(name: str) -> Any:
    if name in ("Dataset", "open_dataset"):
        from summitcli import api

        return getattr(api, name)
    if name in ("DataError", "NotFoundError", "UsageError"):
        from summitcli import errors

        return getattr(errors, name)
    raise AttributeError(f"module 'summitcli' has no attribute {name!r}")
