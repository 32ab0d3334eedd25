"""One data file's bytes to typed records: parsed safely, validated against the model, checked on its own.

The second step of the data layer (files -> loader -> index -> dataset -> query). The checks that span files
(duplicate ids, references between records, the one `meta`) need the whole dataset: the index runs them in SQL.
Every problem becomes one line `FILE:LINE:COLUMN: FIELD.PATH: what is wrong (what was expected)`, and all
problems are reported, not only the first.
"""

from __future__ import annotations

import difflib
import re
import types
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import msgspec

from summitcli import model
from summitcli.datafiles import SourceFile, problem
from summitcli.parties import is_code, is_grouping_id
from summitcli.problems import Problem
from summitcli.text import invisible_in


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
    "list": "a list",
    "dict": "a mapping",
    "int": "a whole number",
    "float": "a number",
    "null": "nothing",
    "array": "a list",
    "object": "a mapping",
    "bool": "true or false",
    "date": "an ISO date YYYY-MM-DD",
}


def _hint(word: str, choices: Sequence[str], otherwise: str) -> str:
    """`did you mean 'x'?`, else `otherwise`: first a choice that starts with `word` or that `word` starts with (an
    id renamed by adding or cutting a suffix), the closest of those; else the closest choice."""
    related = [c for c in choices if c.startswith(word) or (word.startswith(c) and 2 * len(c) >= len(word))]
    close = sorted(related, key=lambda c: -difflib.SequenceMatcher(None, word, c).ratio())[:1]
    close = close or difflib.get_close_matches(word, choices, n=1)
    return f"did you mean '{close[0]}'?" if close else otherwise


def _syntax_problem(name: str, error: Exception) -> Problem:
    """YAML's refusal as one problem: where the problem is, or, for a quote never closed, where it opens (YAML
    finds that out only at the end of the file)."""
    mark = getattr(error, "problem_mark", None)
    what = " ".join((getattr(error, "problem", None) or str(error)).split())
    opened = getattr(error, "context_mark", None)
    if opened is not None and "quoted scalar" in (getattr(error, "context", None) or ""):
        mark, what = opened, f"a quote opened here is never closed ({what})"
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return problem(name, line, column, "syntax", f"{what} (expected valid YAML)", "yaml-syntax")


def _friendly(message: str, struct: type | None, field_name: str | None) -> tuple[str, str]:
    """msgspec's message for people, and its rule."""
    if m := re.match(r"Object contains unknown field `(.+)`", message):
        known = sorted(getattr(struct, "__struct_fields__", ()))
        hint = _hint(m.group(1), known, "expected one of: " + ", ".join(known))
        return "unknown-field", f"unknown field '{m.group(1)}' ({hint})"
    if m := re.match(r"Object missing required field `(.+)`", message):
        return "missing-field", f"missing required field '{m.group(1)}'"
    if field_name == "due" and message.startswith("Expected `str | null`, got `int`"):
        return "wrong-type", (
            'wrong type: got a whole number (expected a quoted date: due: "2026", "2025-11" or "2025-11-17")'
        )
    if m := re.match(r"Expected `(.+)`, got `(.+)`", message):
        want = " or ".join(_FRIENDLY.get(t.strip(), t.strip()) for t in m.group(1).split("|"))
        return "wrong-type", f"wrong type: got {_FRIENDLY.get(m.group(2), m.group(2))} (expected {want})"
    if message.startswith("Invalid RFC3339 encoded date"):
        return "invalid-date", "invalid date (expected an ISO date YYYY-MM-DD that exists)"
    if m := re.match(r"Invalid enum value (.+)", message):
        return (
            "invalid-value",
            f"invalid value {m.group(1)} (expected one of: {', '.join(_choices(struct, field_name))})",
        )
    if message.startswith("Expected `str` matching regex"):
        formats = {
            "id": "a lower-case slug like korea-canada-2025",
            "start": "HH:MM",
            "end": "HH:MM",
            "due": "a day YYYY-MM-DD, a month YYYY-MM, a quarter YYYY-Qn or a year YYYY",
        }
        expected = formats.get(field_name or "")
        return "invalid-value", f"invalid format (expected {expected or 'see the schema'})"
    return "invalid-value", f"invalid value (expected {_expected(struct, field_name)})"  # msgspec's, not known here


def _expected(struct: type | None, field_name: str | None) -> str:
    """What a field takes, from the model alone: for a message that does not rest on msgspec's wording."""
    import typing

    if struct is None or field_name is None:
        return "a record as `summit schema` describes it"
    if choices := _choices(struct, field_name):
        return "one of: " + ", ".join(choices)
    hint: Any = typing.get_type_hints(struct).get(field_name)
    if hint is None:
        return "a value as `summit schema` describes it"
    union = typing.get_origin(hint) in (typing.Union, types.UnionType)
    names = []
    for arg in typing.get_args(hint) if union else (hint,):
        while typing.get_origin(arg) is typing.Annotated:
            arg = typing.get_args(arg)[0]
        base = typing.get_origin(arg) or arg
        if base is not type(None):
            names.append(_FRIENDLY.get(getattr(base, "__name__", ""), "a mapping"))
    return " or ".join(dict.fromkeys(names)) or "see `summit schema`"


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


BATCH = 5000  # records handed to a sink at a time
Sink = Callable[[list[tuple[str, int, Any]]], None]


@dataclass
class ParsedFile:
    """One file, parsed and checked on its own: its meta block, and its records with where each stands (a record
    the model refused stands as `Refused`, and so does a refused meta block)."""

    source: SourceFile
    meta: model.Meta | Refused | None
    records: list[tuple[str, int, Any]]  # (record list, index in that YAML list, record), in document order


class Refused(msgspec.Struct, frozen=True):
    """A record the model refused (its problems are reported), kept by its id so that the checks across files
    report every other problem in the same run: a reference to it is not reported as unknown, a duplicate of it
    is. Never stored for a query: a dataset with a problem is never queried."""

    id: str = ""


class FileParser:
    """Turns one file's bytes into a `ParsedFile`, collecting every problem it finds.

    Problems inside the document are located (line and column) all at once when the file is done, in one
    more pass over its text: linear in the file, however many problems it has."""

    def __init__(
        self,
        source: SourceFile,
        problems: list[Problem],
        sink: Sink | None = None,
        warnings: list[Problem] | None = None,
    ) -> None:
        self.source = source
        self.problems = problems
        self.warnings = [] if warnings is None else warnings
        # one problem a path, the first found: (rule, message)
        self.pending: dict[tuple[str | int, ...], tuple[str, str]] = {}
        self.pending_warnings: dict[tuple[str | int, ...], tuple[str, str]] = {}
        self.sink = sink
        self.before = len(problems)

    def at(self, path: tuple[str | int, ...], message: str, rule: str) -> None:
        self.pending.setdefault(path, (rule, message))

    def forget(self) -> None:
        """Drop what was found inside a document that YAML then refused: its records are not worth checking."""
        self.pending.clear()
        self.pending_warnings.clear()

    def warn(self, path: tuple[str | int, ...], message: str, rule: str) -> None:
        """Something valid that may not be what was meant: `validate` shows it, the data is still read."""
        self.pending_warnings.setdefault(path, (rule, message))

    def flush(self) -> None:
        """Locate the problems (and warnings) found inside the document and add them to `problems` (`warnings`)."""
        if not self.pending and not self.pending_warnings:
            return
        from summitcli.yamlread import locate_all

        found = locate_all(self.source.text, [*self.pending, *self.pending_warnings])
        name = self.source.name
        for path, (rule, message) in self.pending.items():
            line, column = found.get(path, (1, 1))
            self.problems.append(problem(name, line, column, _format_path(path), message, rule))
        for path, (rule, message) in self.pending_warnings.items():
            line, column = found.get(path, (1, 1))
            self.warnings.append(Problem(name, line, column, _format_path(path), message, rule=rule, level="warning"))
        self.pending.clear()
        self.pending_warnings.clear()

    def parse(self) -> ParsedFile | None:
        """The file parsed and checked on its own (types, country codes, time zones), its problems added to
        `problems`; None if YAML cannot read it as a document of record lists."""
        parsed = self._parse()
        if parsed is not None and isinstance(parsed.meta, model.Meta):
            _check_meta(parsed.meta, self)
        self.flush()
        return parsed

    def _parse(self) -> ParsedFile | None:
        import yaml

        from summitcli.yamlread import YamlProblem

        name = self.source.name
        data = self.source.data
        if not data.strip():
            self.problems.append(
                problem(name, 1, 1, "file", "empty (expected a YAML mapping of record lists)", "not-yaml-text")
            )
            return None
        if b"\0" in data[:8192]:
            self.problems.append(
                problem(name, 1, 1, "file", "binary content (expected UTF-8 YAML text)", "not-yaml-text")
            )
            return None
        try:
            text = self.source.text
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            self.problems.append(
                problem(
                    name,
                    line,
                    column,
                    "file",
                    f"not UTF-8: byte 0x{data[exc.start]:02x} (expected UTF-8 text)",
                    "not-yaml-text",
                )
            )
            return None
        try:
            return self._convert(text)
        except YamlProblem as exc:
            self.forget()
            self.problems.append(problem(name, exc.line, exc.column, _format_path(exc.path), exc.message, exc.rule))
            return None
        except yaml.reader.ReaderError as exc:  # a character YAML forbids: libyaml's reader gives only an offset
            self.forget()
            before = text[: exc.position]
            line, column = before.count("\n") + 1, exc.position - before.rfind("\n")
            char = exc.character if isinstance(exc.character, int) else ord(exc.character)
            self.problems.append(
                problem(
                    name,
                    line,
                    column,
                    "syntax",
                    f"control character U+{char:04X} (expected printable text)",
                    "yaml-syntax",
                )
            )
            return None
        except yaml.YAMLError as exc:
            self.forget()
            self.problems.append(_syntax_problem(name, exc))
            return None

    def _convert(self, text: str) -> ParsedFile | None:
        """Read the document section by section, converting each record as soon as it is read (memory holds
        records, not the plain values they were read from)."""
        from summitcli.yamlread import TOP, read_sections

        fields = model.DataFile.__struct_fields__
        meta: model.Meta | Refused | None = None
        records: list[tuple[str, int, Any]] = []
        zones: dict[str, bool] = {}
        for key, index, value in read_sections(text):
            if key is TOP:
                message = "top level is not a mapping (expected keys such as events:, outcomes:)"
                self.problems.append(problem(self.source.name, 1, 1, "file", message, "wrong-type"))
                return None
            if key not in fields:
                if not index:  # once per section
                    hint = _hint(key, fields, "expected one of: " + ", ".join(fields))
                    self.at((key,), f"unknown section '{key}' ({hint})", "unknown-field")
            elif key == "meta":
                meta = self._record(model.Meta, value, (key,)) or Refused()
            elif index is None:
                if value is not None and value != []:
                    self.at((key,), "wrong type: got a mapping or text (expected a list of records)", "wrong-type")
            elif (item := self._list_item(key, index, value, zones)) is not None:
                records.append(item)
                if self.sink is not None and len(records) >= BATCH:
                    self.sink(records)
                    records = []
        return ParsedFile(self.source, meta, records)

    def _list_item(self, key: str, index: int, value: Any, zones: dict[str, bool]) -> tuple[str, int, Any] | None:
        """One item of a record list: the record, checked on its own; else `Refused` by its id, if it has one;
        else None (left out)."""
        record = self._record(_list_item_types()[key], value, (key, index))
        if record is not None:
            _check_record(key, index, record, self, zones)
            return key, index, record
        if isinstance(value, dict) and isinstance(value.get("id"), str):
            return key, index, Refused(value["id"])
        return None

    def _record(self, kind: type, value: Any, path: tuple[str | int, ...]) -> Any:
        """`value` converted to `kind`; None, with every problem of the record reported, if it does not fit."""
        try:
            return msgspec.convert(value, kind)
        except msgspec.ValidationError as exc:
            field = self._report(exc, kind, path)
        # msgspec stops at a record's first problem: leave out the field at fault and convert again, until
        # the rest fits (a field that is missing only because it was left out is not a problem of the record)
        rest = dict(value) if isinstance(value, dict) else {}
        left_out: set[str] = set()
        while field is not None and field in rest and len(left_out) < 100:
            del rest[field]
            left_out.add(field)
            try:
                msgspec.convert(rest, kind)
                break
            except msgspec.ValidationError as exc:
                missing = re.match(r"Object missing required field `(.+)`(?: - at `\$`)?$", str(exc))
                if missing is not None and missing.group(1) in left_out:
                    break
                field = self._report(exc, kind, path)
        return None

    def _report(self, exc: msgspec.ValidationError, kind: type, path: tuple[str | int, ...]) -> str | None:
        """Report one conversion problem; return the record's own field it lies in, if any."""
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
        rule, said = _friendly(message, struct, field_name)
        self.at(full, said, rule)
        own = full[len(path)] if len(full) > len(path) else None
        return own if isinstance(own, str) else None


@cache
def _list_item_types() -> dict[str, type]:
    """Each section of a data file and the type of its items (`events`: `model.Event`; `meta`: `model.Meta`)."""
    import typing

    hints = typing.get_type_hints(model.DataFile)
    return {name: (typing.get_args(hints[name]) or (hints[name],))[0] for name in model.DataFile.__struct_fields__}


# The namespace of each kind of reference the model marks (`refers`), as the index resolves them.
_SPACES = {
    "sources": "source",
    "topics": "topic",
    "people": "person",
    "events": "event",
    "records": "record",
    "parties": "grouping",  # a party in lower case: a grouping's id (one in capitals is a country code)
}


@cache
def _references(struct: Any) -> tuple[list[tuple[str, str, bool]], list[tuple[str, bool]]]:
    """From the model alone: a struct's reference fields (name, namespace, a list of them) and its fields that
    nest records (name, a list of them)."""
    from summitcli import modelinfo

    if not issubclass(struct, msgspec.Struct):
        return [], []
    fields = modelinfo.fields_of(struct)
    refs = [(f.name, _SPACES[f.refers], f.many) for f in fields if f.refers in _SPACES]
    return refs, [(f.name, f.many) for f in fields if f.nested]


def _iter_refs(record: Any, at: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    """(path inside the record, namespace, id) for every reference a record makes, nested records' included."""
    kind: Any = type(record)
    refs, nested = _references(kind)
    for name, space, many in refs:
        value = getattr(record, name)
        if many:
            for i, ref in enumerate(value):
                if space != "grouping" or is_grouping_id(ref):
                    yield (*at, name, i), space, ref
        elif value:
            yield (*at, name), space, value
    for name, many in nested:
        value = getattr(record, name)
        for i, item in enumerate(value if many else [value] if value is not None else []):
            yield from _iter_refs(item, (*at, name, i) if many else (*at, name))


def _iter_countries(record: Any) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """The country codes a record gives (a party or member in lower case is a grouping's id, checked as a
    reference; a member may be a name, such as `Hong Kong, China`)."""
    for name in ("parties", "countries", "members"):
        for i, code in enumerate(getattr(record, name, None) or []):
            if _is_country(record, name, code):
                yield (name, i), code
    for code in getattr(record, "member_names", None) or {}:
        yield ("member_names", code), code
    for name in ("country", "home"):
        if code := getattr(record, name, None):
            yield (name,), code


def _is_country(record: Any, field: str, value: str) -> bool:
    if isinstance(record, model.Quote):  # a quote's countries are countries
        return True
    if is_grouping_id(value):
        return False
    return field != "members" or is_code(value)


def _check_meta(meta: model.Meta, parser: FileParser) -> None:
    from summitcli.countries import is_country_code

    for sub, code in _iter_countries(meta):
        if not is_country_code(code):
            parser.at(
                ("meta", *sub),
                f"unknown country code '{code}' (expected an ISO 3166-1 alpha-2 code)",
                "unknown-country",
            )


def _names(record: Any) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """The names a reader goes by: a person's name and aliases, a topic's name."""
    if isinstance(record, (model.Person, model.Topic)):
        yield ("name",), record.name
    for i, alias in enumerate(getattr(record, "aliases", None) or []):
        yield ("aliases", i), alias


def _check_record(name: str, index: int, record: Any, parser: FileParser, zones: dict[str, bool]) -> None:
    """The checks a record allows on its own: country codes, invisible characters in names, a source's address,
    time zones (`zones`: those seen), times without one."""
    from summitcli.countries import is_country_code

    for sub, code in _iter_countries(record):
        if not is_country_code(code):
            parser.at(
                (name, index, *sub),
                f"unknown country code '{code}' (expected an ISO 3166-1 alpha-2 code)",
                "unknown-country",
            )
    for sub, text in _names(record):
        if (hidden := invisible_in(text)) is not None:
            parser.at(
                (name, index, *sub),
                f"invisible character U+{hidden:04X} in a name (expected visible text)",
                "invisible-character",
            )
    if isinstance(record, model.Source) and record.url and not record.url.startswith(("https://", "http://")):
        parser.warn(
            (name, index, "url"),
            f"address is not http(s): '{record.url}' is shown as text, never as a link (expected https://...)",
            "address-not-linked",
        )
    _check_dates(name, index, record, parser)
    if isinstance(record, model.Event):
        _check_times(name, index, record, parser, zones)


def _check_times(name: str, index: int, event: model.Event, parser: FileParser, zones: dict[str, bool]) -> None:
    """A time needs its zone, and a zone must be an IANA zone (`zones`: those seen, and whether they are)."""
    if (event.start or event.end) and not event.tz:
        parser.at((name, index, "start"), "time without a zone (expected tz: such as Asia/Seoul)", "time-zone")
    if event.tz:
        if event.tz not in zones:
            from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # 6 ms (sysconfig): only for data with times

            try:
                ZoneInfo(event.tz)
                zones[event.tz] = True
            except (ZoneInfoNotFoundError, ValueError, OSError):
                zones[event.tz] = False
        if not zones[event.tz]:
            parser.at(
                (name, index, "tz"),
                f"unknown time zone '{event.tz}' (expected an IANA zone such as Asia/Seoul)",
                "time-zone",
            )


def _check_dates(name: str, index: int, record: Any, parser: FileParser) -> None:
    """Ranges of days that end where they start or later, and due dates that exist (2025-02-30 does not)."""
    from summitcli.dates import period

    last = getattr(record, "end_date", None)
    if last is not None and (record.date is None or last < record.date):
        parser.at(
            (name, index, "end_date"), "end_date without a date on or before it (expected date: too)", "invalid-date"
        )
    if isinstance(record, model.Followup):
        due = period(record.due) if record.due is not None else None
        if record.due is not None and due is None:
            parser.at((name, index, "due"), f"invalid date '{record.due}' (expected a day that exists)", "invalid-date")
        if record.due_end is not None and (due is None or due.precision != "day" or record.due_end < due.first):
            parser.at(
                (name, index, "due_end"),
                "due_end without a due day on or before it (expected due: YYYY-MM-DD)",
                "invalid-date",
            )


def parse_file(
    source: SourceFile, problems: list[Problem], sink: Sink | None = None, warnings: list[Problem] | None = None
) -> ParsedFile | None:
    """One file parsed and checked on its own, its problems added to `problems` (and its warnings to
    `warnings`); None if YAML cannot read it.

    With a `sink`, records are handed to it in batches as they are read; the returned `ParsedFile` then holds
    the records not yet handed over."""
    return FileParser(source, problems, sink, warnings).parse()
