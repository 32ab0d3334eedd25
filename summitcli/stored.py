"""Records as the index stores them, read back without msgspec: what every command's queries return.

The model (`summitcli.model`) is the one definition of the data. When an index is written, `layout()` describes
the model's record types from that definition: each type's name, its fields in order, and which fields hold a
date, another record or a list of records. The index keeps that description beside the records it encoded with
the model (`index.create`). Reading, `Shapes` makes one small class per type from the description, named and
fielded as the model's struct, and turns a stored record's JSON into an instance: attributes, equality, hashing,
`__struct_fields__` and `fields()` as the struct has them, the values as msgspec would decode them.

Why: importing msgspec costs about 9 ms and defining the model's structs 1.5 ms, most of what a warm
`summit brief canada` pays beyond Typer. Parsing, validating and writing the index still go through the model.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from typing import Any

# How a field's stored JSON value becomes its value: "" as JSON gives it, "date" an ISO date, a type's name a
# record of that type, "[" followed by one of these a list of such values.
Layout = dict[str, Any]


def layout() -> Layout:
    """The description of the model's record types that an index stores (imports the model: writing only)."""
    import types
    import typing

    import msgspec

    from summitcli import model

    shapes: dict[str, list[list[str]]] = {}

    def convert(hint: Any) -> str:
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin in (typing.Union, types.UnionType):
            (hint,) = [a for a in args if a is not type(None)]
            return convert(hint)
        if hint is dt.date:
            return "date"
        if isinstance(hint, type) and issubclass(hint, msgspec.Struct):
            describe(hint)
            return hint.__name__
        if origin is list:
            inner = convert(args[0])
            return f"[{inner}" if inner else ""
        return ""

    def describe(cls: type[msgspec.Struct]) -> None:
        if cls.__name__ not in shapes:
            hints = typing.get_type_hints(cls)  # without Annotated's constraints: only the types matter here
            shapes[cls.__name__] = []
            shapes[cls.__name__] = [[name, convert(hints[name])] for name in cls.__struct_fields__]

    lists = {name: convert(hint) for name, hint in typing.get_type_hints(model.Dataset).items() if name != "files"}
    return {"types": shapes, "lists": {name: kind.lstrip("[") for name, kind in lists.items() if name != "meta"}}


class Stored:
    """A record read from the index: immutable, compared and hashed by its fields as a msgspec struct is."""

    __struct_fields__: tuple[str, ...] = ()

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"immutable type: '{type(self).__name__}'")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"immutable type: '{type(self).__name__}'")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return vars(self) == vars(other)

    def __hash__(self) -> int:
        return hash(tuple(vars(self).values()))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in vars(self).items())})"


def model_type(record: Any) -> str:
    """The model type a record is of (`Quote`, `Person`), whether a model struct or read from the index."""
    return type(record).__name__


def builtins(value: Any) -> Any:
    """As `msgspec.to_builtins(value, builtin_types=(dt.date,))` for a stored record: dicts of its fields."""
    if isinstance(value, Stored):
        return {name: builtins(v) for name, v in vars(value).items()}
    if isinstance(value, list):
        return [builtins(v) for v in value]
    return value


@cache
def shapes(described: str) -> Shapes:
    """The classes of the layout `described` (JSON): the same classes for every index of one layout, so that
    records read from two of them compare as records of one model do."""
    return Shapes(json.loads(described))


class Shapes:
    """The classes of one layout, and the decoding of its records into them."""

    def __init__(self, described: Layout) -> None:
        self.classes: dict[str, type[Stored]] = {}
        self.fields: dict[str, list[str]] = {}
        self.converters: dict[str, list[tuple[str, str]]] = {}
        for name, fields in described["types"].items():
            names = [field for field, _ in fields]
            self.fields[name] = names
            self.converters[name] = [(field, how) for field, how in fields if how]
            self.classes[name] = type(name, (Stored,), {"__struct_fields__": tuple(names)})
        self.lists: dict[str, str] = described["lists"]

    def decode(self, type_name: str, text: bytes | str) -> Any:
        """A record of `type_name` from its stored JSON; ValueError, TypeError or KeyError if it does not fit."""
        return self._value(type_name, json.loads(text))

    def _value(self, how: str, value: Any) -> Any:
        if value is None:
            return None
        if how == "date":
            return dt.date.fromisoformat(value)
        if how[0] == "[":
            return [self._value(how[1:], v) for v in value]
        if not isinstance(value, dict) or list(value) != self.fields[how]:
            raise ValueError(f"a stored {how} does not have the fields of the model's")
        for field, convert in self.converters[how]:
            value[field] = self._value(convert, value[field])
        record = object.__new__(self.classes[how])
        vars(record).update(value)
        return record
