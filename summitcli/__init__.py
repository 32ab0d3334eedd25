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


def _lazy_model() -> Any:
    """`summitcli.model`, executed on first use of one of its names (importlib's LazyLoader). A module may then
    name the model in annotations (`from summitcli import model`) without importing msgspec (about 9 ms) and
    defining the structs; queries answer from the index with records of `summitcli.stored`."""
    import importlib.util
    import sys

    name = f"{__name__}.model"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:  # pragma: no cover - a broken installation
        raise ImportError(name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module


def __getattr__(name: str) -> Any:
    if name == "model":  # `from summitcli import model` before any `import summitcli.model`
        return _lazy_model()
    if name in ("Dataset", "open_dataset"):
        from summitcli import api

        return getattr(api, name)
    if name in ("DataError", "NotFoundError", "UsageError"):
        from summitcli import errors

        return getattr(errors, name)
    raise AttributeError(f"module 'summitcli' has no attribute {name!r}")
