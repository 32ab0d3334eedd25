"""Dataset loading: find the files, read them safely, validate them, merge them.

Every problem becomes one line `FILE:LINE:COLUMN: FIELD.PATH: what is wrong (what was expected)`, and all
problems are reported, not only the first.
"""

from __future__ import annotations

import difflib
import re
import types
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import msgspec

from summitcli import model
from summitcli.datafiles import SourceFile, problem
from summitcli.errors import DataError


def _format_path(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    if len(out) > 80:
        out = out[:77] + "..."
    return out or "(document)"


_MSGSPEC_AT = re.compile(r"^(?P<msg>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.S)
_PATH_PART = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")
_FRIENDLY = {
    "str": "text",
    "int": "a whole number",
    "float": "a number",
    "null": "nothing",
    "array": "a list",
    "object": "a mapping",
    "bool": "true or false",
    "date": "an ISO date YYYY-MM-DD",
}


def _hint(word: str, choices: Sequence[str], otherwise: str) -> str:
    """`did you mean 'x'?` for the closest choice, else `otherwise`."""
    close = difflib.get_close_matches(word, choices, n=1)
    return f"did you mean '{close[0]}'?" if close else otherwise


def _friendly(message: str, struct: type | None, field_name: str | None) -> str:
    if m := re.match(r"Object contains unknown field `(.+)`", message):
        known = sorted(getattr(struct, "__struct_fields__", ()))
        hint = _hint(m.group(1), known, "expected one of: " + ", ".join(known))
        return f"unknown field '{m.group(1)}' ({hint})"
    if m := re.match(r"Object missing required field `(.+)`", message):
        return f"missing required field '{m.group(1)}'"
    if m := re.match(r"Expected `(.+)`, got `(.+)`", message):
        want = " or ".join(_FRIENDLY.get(t.strip(), t.strip()) for t in m.group(1).split("|"))
        return f"wrong type: got {_FRIENDLY.get(m.group(2), m.group(2))} (expected {want})"
    if message.startswith("Invalid RFC3339 encoded date"):
        return "invalid date (expected an ISO date YYYY-MM-DD that exists)"
    if m := re.match(r"Invalid enum value (.+)", message):
        return f"invalid value {m.group(1)} (expected one of: {', '.join(_choices(struct, field_name))})"
    if message.startswith("Expected `str` matching regex"):
        formats = {"id": "a lower-case slug like korea-canada-2025", "start": "HH:MM", "end": "HH:MM"}
        expected = formats.get(field_name or "")
        return f"invalid format (expected {expected or 'see the schema'})"
    return message


def _choices(struct: type | None, field_name: str | None) -> list[str]:
    """The values a Literal field accepts, for error messages."""
    import typing

    if struct is None or field_name is None:
        return []
    hint: Any = typing.get_type_hints(struct).get(field_name)
    while hint is not None and typing.get_origin(hint) is not typing.Literal:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        hint = args[0] if args else None
    return [str(a) for a in typing.get_args(hint)] if hint is not None else []


def _walk_struct(struct: type, parts: list[str | int]) -> tuple[type | None, str | None]:
    """The Struct type owning the last field in `parts`, and that field's name."""
    import typing

    current: Any = struct
    owner: type | None = struct
    last: str | None = None
    for part in parts:
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else current
        else:
            owner = current if isinstance(current, type) and issubclass(current, msgspec.Struct) else None
            last = part
            hints = typing.get_type_hints(owner) if owner is not None else {}
            current = hints.get(part)
        while typing.get_origin(current) is typing.Annotated:
            current = typing.get_args(current)[0]
        if typing.get_origin(current) in (typing.Union, types.UnionType):
            current = next((a for a in typing.get_args(current) if a is not type(None)), current)
    if isinstance(current, type) and issubclass(current, msgspec.Struct):
        owner = current
    return owner, last


@dataclass
class Located:
    """A record and where it came from, for error messages."""

    record: Any
    file: SourceFile
    path: tuple[str | int, ...]


class FileParser:
    """Turns one file's bytes into a `DataFile`, collecting every problem it finds."""

    def __init__(self, source: SourceFile, problems: list[str]) -> None:
        self.source = source
        self.problems = problems

    def at(self, path: tuple[str | int, ...], message: str) -> None:
        from summitcli.yamlread import locate

        line, column = locate(self.source.text, path) or (1, 1)
        self.problems.append(problem(self.source.name, line, column, _format_path(path), message))

    def parse(self) -> tuple[model.DataFile, list[Located]] | None:
        import yaml

        from summitcli.yamlread import YamlProblem, read_yaml

        name = self.source.name
        data = self.source.data
        if not data.strip():
            self.problems.append(problem(name, 1, 1, "file", "empty (expected a YAML mapping of record lists)"))
            return None
        if b"\0" in data[:8192]:
            self.problems.append(problem(name, 1, 1, "file", "binary content (expected UTF-8 YAML text)"))
            return None
        try:
            text = self.source.text
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            self.problems.append(
                problem(name, line, column, "file", f"not UTF-8: byte 0x{data[exc.start]:02x} (expected UTF-8 text)")
            )
            return None
        try:
            document = read_yaml(text)
        except YamlProblem as exc:
            self.problems.append(problem(name, exc.line, exc.column, _format_path(exc.path), exc.message))
            return None
        except yaml.reader.ReaderError as exc:  # a character YAML forbids: libyaml's reader gives only an offset
            before = text[: exc.position]
            line, column = before.count("\n") + 1, exc.position - before.rfind("\n")
            char = exc.character if isinstance(exc.character, int) else ord(exc.character)
            self.problems.append(
                problem(name, line, column, "syntax", f"control character U+{char:04X} (expected printable text)")
            )
            return None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            what = " ".join((getattr(exc, "problem", None) or str(exc)).split())
            self.problems.append(problem(name, line, column, "syntax", f"{what} (expected valid YAML)"))
            return None
        if not isinstance(document, dict):
            self.problems.append(
                problem(name, 1, 1, "file", "top level is not a mapping (expected keys such as events:, outcomes:)")
            )
            return None
        return self._convert(document)

    def _convert(self, document: dict[str, Any]) -> tuple[model.DataFile, list[Located]] | None:
        fields = model.DataFile.__struct_fields__
        types = {name: t for name, t in zip(fields, _list_item_types(), strict=True)}
        values: dict[str, Any] = {}
        located: list[Located] = []
        for key, value in document.items():
            if key not in fields:
                hint = _hint(key, fields, "expected one of: " + ", ".join(fields))
                self.at((key,), f"unknown section '{key}' ({hint})")
                continue
            if key == "meta":
                values[key] = self._record(model.Meta, value, (key,))
                continue
            if value is None:
                continue
            if not isinstance(value, list):
                self.at((key,), "wrong type: got a mapping or text (expected a list of records)")
                continue
            records = []
            for index, item in enumerate(value):
                record = self._record(types[key], item, (key, index))
                if record is not None:
                    records.append(record)
                    located.append(Located(record, self.source, (key, index)))
            values[key] = records
        if values.get("meta", 1) is None:
            values.pop("meta")
        return model.DataFile(**values), located

    def _record(self, kind: type, value: Any, path: tuple[str | int, ...]) -> Any:
        try:
            return msgspec.convert(value, kind)
        except msgspec.ValidationError as exc:
            m = _MSGSPEC_AT.match(str(exc))
            assert m is not None
            inner: list[str | int] = [
                part.group(1) if part.group(1) is not None else int(part.group(2))
                for part in _PATH_PART.finditer(m.group("path") or "")
            ]
            struct, field_name = _walk_struct(kind, inner)
            full = (*path, *inner)
            message = m.group("msg")
            if (unknown := re.match(r"Object contains unknown field `(.+)`", message)) is not None:
                full = (*full, unknown.group(1))
            self.at(full, _friendly(message, struct, field_name))
            return None


def _list_item_types() -> list[type]:
    import typing

    out: list[type] = []
    for name in model.DataFile.__struct_fields__:
        hint = typing.get_type_hints(model.DataFile)[name]
        args = typing.get_args(hint)
        out.append(args[0] if args else hint)
    return out


def _iter_refs(record: Any) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    """(path inside the record, namespace, id) for every reference a record makes."""
    for name in ("sources", "status_sources", "actual_sources"):
        for i, ref in enumerate(getattr(record, name, None) or []):
            yield (name, i), "source", ref
    for i, ref in enumerate(getattr(record, "topics", None) or []):
        yield ("topics", i), "topic", ref
    for i, ref in enumerate(getattr(record, "participants", None) or []):
        yield ("participants", i), "person", ref
    if isinstance(record, model.Quote):
        yield ("speaker",), "person", record.speaker
    for name in ("event", "actual_event"):
        if ref := getattr(record, name, None):
            yield (name,), "event", ref
    if isinstance(record, model.Followup):
        yield ("origin",), "record", record.origin
    for d, dispute in enumerate(getattr(record, "disputes", None) or []):
        for i, ref in enumerate(dispute.sources):
            yield ("disputes", d, "sources", i), "source", ref
    for f, figure in enumerate(getattr(record, "figures", None) or []):
        for i, ref in enumerate(figure.sources):
            yield ("figures", f, "sources", i), "source", ref


def _iter_countries(record: Any) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for name in ("parties", "countries"):
        for i, code in enumerate(getattr(record, name, None) or []):
            yield (name, i), code
    for name in ("country", "home"):
        if code := getattr(record, name, None):
            yield (name,), code


def _check(located: list[Located], parsers: dict[str, FileParser], meta_at: list[tuple[FileParser, Any]]) -> None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from summitcli.countries import is_country_code

    namespaces: dict[str, dict[str, Located]] = {"source": {}, "topic": {}, "person": {}, "event": {}, "record": {}}
    for item in located:
        kind = item.path[0]
        space = {"sources": "source", "topics": "topic", "people": "person"}.get(str(kind), "record")
        parser = parsers[item.file.name]
        first = namespaces[space].get(item.record.id)
        if first is not None:
            where = f"{first.file.name}:{_format_path(first.path)}"
            parser.at(
                (*item.path, "id"), f"duplicate id '{item.record.id}' (first defined at {where}; expected unique ids)"
            )
            continue
        namespaces[space][item.record.id] = item
        if kind == "events":
            namespaces["event"][item.record.id] = item
    for parser, meta in meta_at:
        for sub, code in _iter_countries(meta):
            if not is_country_code(code):
                parser.at(("meta", *sub), f"unknown country code '{code}' (expected an ISO 3166-1 alpha-2 code)")
    for item in located:
        parser = parsers[item.file.name]
        record = item.record
        for sub, space, ref in _iter_refs(record):
            if ref not in namespaces[space]:
                hint = _hint(ref, list(namespaces[space]), f"expected the id of a {space}")
                parser.at((*item.path, *sub), f"unknown {space} id '{ref}' ({hint})")
        for sub, code in _iter_countries(record):
            if not is_country_code(code):
                parser.at((*item.path, *sub), f"unknown country code '{code}' (expected an ISO 3166-1 alpha-2 code)")
        if isinstance(record, model.Event):
            if (record.start or record.end) and not record.tz:
                parser.at((*item.path, "start"), "time without a zone (expected tz: such as Asia/Seoul)")
            if record.tz:
                try:
                    ZoneInfo(record.tz)
                except (ZoneInfoNotFoundError, ValueError):
                    parser.at(
                        (*item.path, "tz"),
                        f"unknown time zone '{record.tz}' (expected an IANA zone such as Asia/Seoul)",
                    )


def parse_and_validate(sources: list[SourceFile]) -> model.Dataset:
    """Parse every file, check the whole dataset, and merge it; raise DataError listing every problem."""
    problems: list[str] = []
    parsers: dict[str, FileParser] = {}
    files: list[model.DataFile] = []
    located: list[Located] = []
    meta_at: list[tuple[FileParser, Any]] = []
    for source in sources:
        parser = FileParser(source, problems)
        parsers[source.name] = parser
        parsed = parser.parse()
        if parsed is None:
            continue
        datafile, records = parsed
        files.append(datafile)
        located.extend(records)
        if datafile.meta is not None:
            meta_at.append((parser, datafile.meta))
    if not problems:
        _check(located, parsers, meta_at)
    metas = [meta for _, meta in meta_at]
    if not problems and not metas:
        problems.append(
            problem(
                sources[0].name if sources else "(no files)",
                1,
                1,
                "meta",
                "no file has a meta: block (expected one with title: and home:)",
            )
        )
    if len(metas) > 1:
        for parser, _ in meta_at[1:]:
            parser.at(("meta",), "a second meta: block (expected exactly one across the dataset)")
    if problems:
        raise DataError(problems)
    merged: dict[str, list[Any]] = {name: [] for name in model.RECORD_LISTS}
    for datafile in files:
        for name in model.RECORD_LISTS:
            merged[name].extend(getattr(datafile, name))
    return model.Dataset(meta=metas[0], files=[s.name for s in sources], **merged)
