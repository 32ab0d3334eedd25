"""The model's fields as the output side reads them: one description of each field, from `summitcli.model` alone.

What a field holds (a date, a number, text, a list, a nested record), whether it may be unknown, what another
record kind it refers to, and whether it is prose a person wrote or a code. The SQLite export's tables and the
fields `search` reads are derived from this, so that a field added to the model reaches them with no other edit.
"""

from __future__ import annotations

import types
import typing
from functools import cache
from typing import Any, NamedTuple

import msgspec

from summitcli import model


class Field(NamedTuple):
    name: str
    base: Any  # the value's type, without None, Annotated or list: str, int, float, bool, dt.date or a Struct
    many: bool  # a list of such values
    optional: bool  # may be None
    constrained: bool  # a pattern or a fixed set of values: an id, a code, a time, a kind (never prose)
    refers: str | None  # what an id refers to: a record list (`events`, `people`), `records` or `countries`
    prose: bool  # text a person wrote; False for a code (model.Code)
    description: str | None = None  # what the model says the field holds

    @property
    def text(self) -> bool:
        """Prose, or a list of it: what `search` reads."""
        return self.base is str and self.prose and not self.constrained

    @property
    def nested(self) -> bool:
        return isinstance(self.base, type) and issubclass(self.base, msgspec.Struct)


def _unwrap(hint: Any) -> tuple[Any, list[msgspec.Meta], bool]:
    """The type inside Optional and Annotated, the Meta constraints found on the way, and whether None is allowed."""
    metas: list[msgspec.Meta] = []
    optional = False
    while True:
        origin = typing.get_origin(hint)
        if origin in (typing.Union, types.UnionType):
            (hint,) = [arg for arg in typing.get_args(hint) if arg is not type(None)]
            optional = True
        elif origin is typing.Annotated:
            metas += [m for m in hint.__metadata__ if isinstance(m, msgspec.Meta)]
            hint = hint.__origin__
        else:
            return hint, metas, optional


def describe(name: str, hint: Any) -> Field:
    outer, metas, optional = _unwrap(hint)
    many = typing.get_origin(outer) is list
    base, inner, _ = _unwrap(typing.get_args(outer)[0]) if many else (outer, [], False)
    found = metas + inner
    extra: dict[str, Any] = {}
    for meta in found:
        extra.update(meta.extra or {})
    literal = typing.get_origin(base) is typing.Literal
    return Field(
        name=name,
        base=str if literal else base,
        many=many,
        optional=optional,
        constrained=literal or any(meta.pattern for meta in found),
        refers=extra.get("refers"),
        prose=extra.get("prose", True),
        description=next((meta.description for meta in found if meta.description), None),
    )


@cache
def fields_of(struct: type[msgspec.Struct]) -> tuple[Field, ...]:
    """Every field of a model struct, in the struct's order."""
    hints = typing.get_type_hints(struct, include_extras=True)
    return tuple(describe(name, hints[name]) for name in struct.__struct_fields__)


@cache
def record_lists() -> dict[str, type[msgspec.Struct]]:
    """Each record list of a data file (`events`) and the struct of its records (`model.Event`), in file order."""
    return dict(model.RECORD_TYPES)


@cache
def struct_types() -> dict[str, type[msgspec.Struct]]:
    """Every struct a record may hold, by name: the record kinds and what they nest (`Figure`, `Dispute`)."""
    found: dict[str, type[msgspec.Struct]] = {}

    def visit(struct: type[msgspec.Struct]) -> None:
        if struct.__name__ not in found:
            found[struct.__name__] = struct
            for field in fields_of(struct):
                if field.nested:
                    visit(field.base)

    for struct in record_lists().values():
        visit(struct)
    return found


__all__ = ["Field", "describe", "fields_of", "record_lists", "struct_types"]
