"""Safe YAML reading from parser events, never a loader that builds Python objects.

Building values from events, not from PyYAML's composer, lets the reader:
- refuse nesting deeper than MAX_DEPTH before libyaml's recursive composer can crash the interpreter;
- refuse documents whose aliases expand past MAX_ALIASED values or MAX_ALIASED_BYTES of text (alias bombs,
  by count or by size); values written out in full are bounded by the file size limit instead, so a large
  honest file is never taken for a bomb;
- refuse a key written twice in one mapping (PyYAML keeps the last one silently);
- resolve plain scalars with the YAML 1.2 core schema: `no` stays a string (Norway), `14:39` stays a time.
Positions are recorded only when asked for (`locate`), all of a file's in one pass, so the fast path pays
nothing for them and a file with a thousand problems is read twice, not a thousand times.
"""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

# Only the parser's events are used: the constructor half of the loader never runs.
_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_DEPTH = 64
MAX_ALIASED = 5_000_000  # values reached through aliases, each counted as often as it is reached
MAX_ALIASED_BYTES = 64 * 1024 * 1024  # characters of text reached through aliases, counted the same way

_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_KEYWORDS = _NULLS | _TRUE | _FALSE
_TEXT_START = frozenset("abcdeghijklmopqrsuvwxyzABCDEGHIJKLMOPQRSUVWXYZ")  # not n, t, f (null, true, false)

Path = tuple[str | int, ...]
_OUT_OF_RANGE = object()  # a number too large for every output (JSON has no Infinity)
_NOT_LEAF = object()
# a plain scalar that starts with a letter and holds only letters, digits, _ and -: text under the core schema,
# unless it is one of the null and boolean keywords
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
_ScalarEvent, _SequenceEndEvent, _MappingEndEvent = yaml.ScalarEvent, yaml.SequenceEndEvent, yaml.MappingEndEvent
_MAX_INT = 2**63 - 1


@dataclass(frozen=True)
class YamlProblem(Exception):
    line: int
    column: int
    path: Path
    message: str
    rule: str  # its kind (`summitcli.problems.RULES`)


def _scalar(event: Any) -> Any:
    value: str = event.value
    if event.style or event.tag not in (None, "!"):  # quoted, block or tagged: text
        return value
    if value[:1] in _TEXT_START:  # a letter that starts no null, boolean or number: text (most plain scalars)
        return value
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.match(value):
        return int(value) if len(value) <= 20 else _OUT_OF_RANGE  # int() refuses over 4,300 digits
    if _FLOAT.match(value) and any(c.isdigit() for c in value):
        number = float(value)
        return number if math.isfinite(number) else _OUT_OF_RANGE
    return value


class _Reader:
    def __init__(self, text: str, want: set[Path] | None = None, parser: Any = _Parser) -> None:
        self.parser = parser(text)
        self.want = want
        self.found: dict[Path, tuple[int, int]] = {}
        self.nodes = 0  # values so far, aliases expanded: the size an anchor records
        self.chars = 0  # characters of scalars so far, aliases expanded
        self.aliased = 0  # of the values, those reached through aliases
        self.aliased_chars = 0  # of the characters, those reached through aliases
        self.anchors: dict[str, tuple[Any, int, int]] = {}

    def _mark(self, event: Any) -> tuple[int, int]:
        return event.start_mark.line + 1, event.start_mark.column + 1

    def _fail(self, event: Any, path: Path, message: str, rule: str = "invalid-data") -> YamlProblem:
        line, column = self._mark(event)
        return YamlProblem(line, column, path, message, rule)

    def read(self) -> Any:
        p = self.parser
        p.get_event()  # StreamStart
        if p.check_event(yaml.StreamEndEvent):
            return None
        p.get_event()  # DocumentStart
        value = self._node(p.get_event(), (), 0)
        p.get_event()  # DocumentEnd
        if not p.check_event(yaml.StreamEndEvent):
            raise self._fail(
                p.peek_event(), (), "a second YAML document in one file (expected one document)", "yaml-syntax"
            )
        return value

    def sections(self) -> Iterator[tuple[Any, int | None, Any]]:
        p = self.parser
        p.get_event()  # StreamStart
        if p.check_event(yaml.StreamEndEvent):
            yield TOP, None, None
            return
        p.get_event()  # DocumentStart
        event = p.get_event()
        if type(event) is not yaml.MappingStartEvent or event.anchor:
            yield TOP, None, self._node(event, (), 0)
        else:
            self.nodes += 1
            seen: set[str] = set()
            while type(key_event := p.get_event()) is not _MappingEndEvent:
                key = self._node(key_event, ("<key>",), 1)
                if not isinstance(key, str):
                    raise self._fail(key_event, (), f"key {key!r} is not text (expected a field name)")
                if key in seen:
                    raise self._fail(
                        key_event, (key,), "key written twice in one mapping (expected each key once)", "duplicate-key"
                    )
                seen.add(key)
                event = p.get_event()
                if type(event) is not yaml.SequenceStartEvent or event.anchor:
                    yield key, None, self._node(event, (key,), 1)
                    continue
                self.nodes += 1
                index = 0
                while type(child := p.get_event()) is not _SequenceEndEvent:
                    yield key, index, self._node(child, (key, index), 2)
                    index += 1
                if index == 0:
                    yield key, None, []
        p.get_event()  # DocumentEnd
        if not p.check_event(yaml.StreamEndEvent):
            raise self._fail(
                p.peek_event(), (), "a second YAML document in one file (expected one document)", "yaml-syntax"
            )

    def _leaf(self, event: Any, depth: int) -> Any:
        """A plain scalar child read on the fast path (no anchor, not too deep, no positions wanted); else
        _NOT_LEAF, and the caller reads it as a node."""
        if type(event) is not _ScalarEvent or event.anchor is not None or depth > MAX_DEPTH or self.want is not None:
            return _NOT_LEAF
        value = _scalar(event)
        if value is _OUT_OF_RANGE or (type(value) is int and abs(value) > _MAX_INT):
            return _NOT_LEAF  # reported, with its path, by _node
        self.nodes += 1
        self.chars += len(event.value)
        return value

    def _node(self, event: Any, path: Path, depth: int) -> Any:
        if self.want is not None and path in self.want and path not in self.found:
            self.found[path] = self._mark(event)
        if depth > MAX_DEPTH:
            raise self._fail(
                event, path, f"nested deeper than {MAX_DEPTH} levels (expected a flat record layout)", "yaml-limit"
            )
        if isinstance(event, yaml.AliasEvent):
            return self._alias(event, path)
        start, start_chars = self.nodes, self.chars
        self.nodes += 1
        if isinstance(event, yaml.ScalarEvent):
            value = _scalar(event)
            if value is _OUT_OF_RANGE or (type(value) is int and abs(value) > _MAX_INT):
                raise self._fail(
                    event, path, "number out of range (expected a finite number within 64 bits)", "yaml-limit"
                )
            self.chars += len(event.value)
        elif isinstance(event, yaml.SequenceStartEvent):
            value = self._sequence(path, depth)
        elif isinstance(event, yaml.MappingStartEvent):
            value = self._mapping(path, depth)
        else:  # pragma: no cover - the parser yields nothing else here
            raise self._fail(event, path, f"unexpected YAML event {type(event).__name__}")
        anchor = getattr(event, "anchor", None)
        if anchor:
            self.anchors[anchor] = (value, self.nodes - start, self.chars - start_chars)
        return value

    def _alias(self, event: Any, path: Path) -> Any:
        """The anchored value again, counted as often as it is reached (alias bombs, by count or by size)."""
        if event.anchor not in self.anchors:
            raise self._fail(event, path, f"alias *{event.anchor} has no anchor")
        value, size, chars = self.anchors[event.anchor]
        self.nodes += size
        self.aliased += size
        self.chars += chars
        self.aliased_chars += chars
        if self.aliased > MAX_ALIASED:
            raise self._fail(event, path, f"expands to more than {MAX_ALIASED:,} values (an alias bomb?)", "yaml-limit")
        if self.aliased_chars > MAX_ALIASED_BYTES:
            raise self._fail(
                event,
                path,
                f"expands to more than {MAX_ALIASED_BYTES >> 20} MiB of text (an alias bomb?)",
                "yaml-limit",
            )
        return value

    def _sequence(self, path: Path, depth: int) -> list[Any]:
        items: list[Any] = []
        fast = self.want is None and depth < MAX_DEPTH
        get = self.parser.get_event
        while type(child := get()) is not _SequenceEndEvent:
            if fast and type(child) is _ScalarEvent and child.anchor is None and child.style:
                items.append(child.value)  # quoted text, the commonest value: read inline
                self.nodes += 1
                self.chars += len(child.value)
                continue
            item = self._leaf(child, depth + 1)
            items.append(item if item is not _NOT_LEAF else self._node(child, (*path, len(items)), depth + 1))
        return items

    def _mapping(self, path: Path, depth: int) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        fast = self.want is None and depth < MAX_DEPTH
        get = self.parser.get_event
        while type(key_event := get()) is not _MappingEndEvent:
            key = self._key(key_event, path, depth, fast)
            if key in mapping:
                raise self._fail(
                    key_event,
                    (*path, key),
                    "key written twice in one mapping (expected each key once)",
                    "duplicate-key",
                )
            child = get()
            if fast and type(child) is _ScalarEvent and child.anchor is None and child.style:
                mapping[key] = child.value  # quoted text, the commonest value: read inline
                self.nodes += 1
                self.chars += len(child.value)
                continue
            item = self._leaf(child, depth + 1)
            mapping[key] = item if item is not _NOT_LEAF else self._node(child, (*path, key), depth + 1)
        return mapping

    def _key(self, event: Any, path: Path, depth: int, fast: bool) -> str:
        """A mapping's key: a field name read inline on the fast path (quoted, or plain letters that resolve to
        text), else read as a node; refused unless it is text."""
        if (
            fast
            and type(event) is _ScalarEvent
            and event.anchor is None
            and (event.style or (_NAME.match(event.value) and event.value not in _KEYWORDS))
        ):
            self.nodes += 1
            self.chars += len(event.value)
            return str(event.value)
        key = self._leaf(event, depth + 1)
        if key is _NOT_LEAF:
            key = self._node(event, (*path, "<key>"), depth + 1)
        if not isinstance(key, str):
            raise self._fail(event, path, f"key {key!r} is not text (expected a field name)")
        return key


TOP = object()  # the key `read_sections` gives a document whose top level is not a mapping


def _too_deep(text: str, error: yaml.MarkedYAMLError) -> YamlProblem | None:
    """This reader's own refusal of deep nesting where libyaml refused the text first, else None.

    libyaml 0.2.6 (PyYAML 6.0.4 on) refuses more than 1,000 nested flow collections while its scanner looks ahead
    on one line, before this reader has seen the 65th level. Where the text just before libyaml's error opens more
    than MAX_DEPTH brackets than it closes, the text up to the error is read again by PyYAML's pure-Python parser,
    which has no such limit, so that the refusal is this reader's whatever PyYAML's version. An ordinary syntax
    error is not read twice."""
    mark = error.problem_mark
    if mark is None or mark.index is None:
        return None
    window = text[max(0, mark.index - 4096) : mark.index]
    if window.count("[") + window.count("{") - window.count("]") - window.count("}") <= MAX_DEPTH:
        return None
    try:
        _Reader(text[: mark.index], parser=yaml.SafeLoader).read()
    except YamlProblem as problem:
        return problem
    except yaml.YAMLError:
        pass
    return None


def read_sections(text: str) -> Iterator[tuple[Any, int | None, Any]]:
    """A document's top-level mapping one list item at a time, so that a caller can convert each record and let
    its plain values go: (key, index, item) for each item of a list, (key, None, value) for any other value,
    (TOP, None, document) if the top level is not a mapping. Same checks and errors as `read_yaml`."""
    try:
        yield from _Reader(text).sections()
    except yaml.MarkedYAMLError as error:
        raise _too_deep(text, error) or error from None


def read_yaml(text: str) -> Any:
    """Parse one YAML document to plain dicts, lists and scalars; raise YamlProblem or yaml.YAMLError."""
    try:
        return _Reader(text).read()
    except yaml.MarkedYAMLError as error:
        raise _too_deep(text, error) or error from None


def locate(text: str, path: Path) -> tuple[int, int] | None:
    """Line and column (1-based) of the value at `path`, for error messages; None if absent."""
    return locate_all(text, [path]).get(path)


def locate_all(text: str, paths: list[Path]) -> dict[Path, tuple[int, int]]:
    """Line and column (1-based) of the value at each of `paths` found, in one pass over the text."""
    reader = _Reader(text, want=set(paths))
    with contextlib.suppress(YamlProblem, yaml.YAMLError):
        reader.read()
    return reader.found
