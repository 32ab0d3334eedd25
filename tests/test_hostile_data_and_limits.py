"""Hostile data and memory limits.

- Data never drives the terminal: no control, bidi or separator character from the data reaches the output raw,
  for every command in every format, every export and every error message; JSON keeps such text exact (escaped).
- The model refuses what would mislead a reader or break an export: a name with an invisible character, a
  patterned field (id, time, country code) with a final newline.
- Huge and malicious files (a 50 MB string, alias bombs, binary, non-UTF-8, deep nesting) are handled or refused
  in one line in a real process capped at 1 GiB of memory.
- Ctrl-C while the data is parsed exits 130 quietly; a usage error is never a traceback.
- Fuzzed YAML, bytes and renderer input give a model or one clean line per problem, never an exception.

The loader's exact messages for each bad file: test_loader_errors.py; alias-bomb limits, FIFOs and unreadable
folders: test_data_hardening.py.
"""

from __future__ import annotations

import html
import io
import json
import os
import re
import resource
import signal
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path

import pytest
import yaml
from conftest import BAD, FIXTURE, ROOT, default_sigint, run, subprocess_env, summit_cmd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt  # Rich's own Markdown parser

from summitcli.datafiles import SourceFile
from summitcli.dataset import parse_and_validate
from summitcli.errors import DataError
from summitcli.output import Column, Display, Format, View, emit_listing
from summitcli.views import Listing

# What must never reach stdout raw: C0 controls other than newline and tab, DEL, C1 controls (CSI, NEL),
# bidi overrides and isolates, line and paragraph separators.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
SGR = re.compile("\x1b\\[[0-9;]*m")  # Rich's own colour codes, the only escapes a colour table may hold
HOSTILE = (
    "Evil\x1b]0;pwned\x07\x1b]52;c;cHduZWQ=\x07\x1b[2J\x9b31m\x85\u202egnp.exe\u2066\u061c"
    " [link=https://evil.example]click[/link] [bold]x"
)
GIB = 1 << 30


def hostile_dataset(folder: Path) -> Path:
    text = json.dumps(HOSTILE)  # a JSON string is a valid YAML double-quoted scalar, escapes included
    path = folder / "hostile.yaml"
    path.write_text(
        f"""meta: {{title: {text}, home: KR}}
topics: [{{id: t, name: {text}}}]
sources: [{{id: s, publication: {text}, title: {text}, note: {text}, confidence: H}}]
people: [{{id: p, name: {text}, title: {text}, country: CA, sources: [s], confidence: H}}]
events:
  - {{id: e, kind: bilateral, title: {text}, date: 2025-10-30, venue: {text}, city: {text}, parties: [KR, CA],
      participants: [p], atmosphere: {text}, topics: [t], summary: {text}, sources: [s], confidence: H}}
outcomes:
  - {{id: o, kind: mou, title: {text}, status: signed, parties: [KR, CA], topics: [t], summary: {text},
      figures: [{{label: {text}, value: {text}}}], sources: [s], confidence: H}}
quotes: [{{id: q, speaker: p, text: {text}, event: e, countries: [CA], topics: [t], sources: [s], confidence: H}}]
facts: [{{id: f, text: {text}, countries: [CA], topics: [t], sources: [s], confidence: H}}]
followups:
  - {{id: u, title: {text}, origin: o, parties: [KR, CA], status: pending, due_note: {text}, topics: [t],
      sources: [s], confidence: H}}
plans: [{{id: l, parties: [KR, CA], planned: {text}, actual: {text}, actual_event: e, actual_sources: [s],
          sources: [s], confidence: H}}]
""",
        encoding="utf-8",
    )
    return path


def strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    return [text for item in value for text in strings(item)] if isinstance(value, list) else []


COMMANDS = [
    ["brief", "canada"],
    ["brief", "canada", "--sources"],
    ["timeline"],
    ["agreements"],
    ["countries"],
    ["topics"],
    ["topics", "t"],
    ["followups"],
    ["quotes"],
    ["people"],
    ["search", "evil"],
    ["sources"],
    ["sources", "s"],
    ["matrix"],
]


@pytest.mark.parametrize("fmt", [f.value for f in Format if f is not Format.auto])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_control_characters_in_data_never_reach_the_output_raw(tmp_path: Path, args: list[str], fmt: str) -> None:
    data = hostile_dataset(tmp_path)
    result = run("--data", str(data), "--color", "always", *args, "--format", fmt, env={"COLUMNS": "90"})
    assert result.exit_code == 0, result.stderr
    shown = SGR.sub("", result.stdout) if fmt == "table" else result.stdout
    assert not RAW.findall(shown), f"raw control characters: {sorted(set(RAW.findall(shown)))!r}"
    assert "\x1b" not in shown
    if fmt == "table":
        assert "[link=https://evil.example]click[/link]" in shown.replace("\n", "") or "[link=" in shown
    if fmt in ("json", "jsonl") and args[0] != "matrix":  # the matrix holds names and counts only
        values = (
            [json.loads(line) for line in result.stdout.splitlines()] if fmt == "jsonl" else [json.loads(result.stdout)]
        )
        assert any(HOSTILE in text for text in strings(values)), "JSON keeps the data exact (escaped, not altered)"


def _limited(max_bytes: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))


def run_limited(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """summit in a real process whose address space is capped at 1 GiB (a hang guard, not a timing test)."""
    return subprocess.run(
        summit_cmd("--no-cache", *args),
        capture_output=True,
        text=True,
        env=subprocess_env(),
        cwd=cwd,
        timeout=120,
        preexec_fn=lambda: _limited(GIB),
    )


def test_a_50_mb_string_is_handled_under_1_gib(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text(
        'meta: {title: Big, home: KR}\nsources:\n  - {id: s, publication: P, confidence: H, note: "'
        + "x" * 50_000_000
        + '"}\n',
        encoding="utf-8",
    )
    done = run_limited("--data", str(big), "validate")
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.startswith("valid: Big")
    assert done.stderr == ""


@pytest.mark.parametrize("name", ["alias_bomb.yaml", "binary.yaml", "not_utf8.yaml", "deep_nesting.yaml"])
def test_hostile_corpus_files_are_refused_under_1_gib(name: str) -> None:
    done = run_limited("validate", name, cwd=BAD)
    assert done.returncode == 1
    assert len(done.stderr.splitlines()) == 1 and done.stderr.startswith(f"{name}:")


HELD_WHILE_PARSING = """
import sys, time
import summitcli.yamlread as reader
real = reader.read_sections
def held(text):
    print("parsing", file=sys.stderr, flush=True)
    time.sleep(60)
    yield from real(text)
reader.read_sections = held
sys.argv = ["summit", *sys.argv[1:]]
from summitcli.entry import main
main()
"""


@pytest.mark.signals
def test_ctrl_c_while_the_data_is_parsed_exits_130_quietly() -> None:
    """SIGINT once the process says it is parsing (a line on stderr from a parser held there), never after a
    fixed sleep: exit 130, nothing more on stderr, nothing on stdout."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HELD_WHILE_PARSING, "--no-cache", "--data", str(FIXTURE), "validate"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=subprocess_env(),
        preexec_fn=default_sigint,
    )
    assert proc.stderr is not None
    assert proc.stderr.readline() == "parsing\n"
    proc.send_signal(signal.SIGINT)
    out, rest = proc.communicate(timeout=60)
    assert (proc.returncode, out, rest) == (130, "", "")


# Property-based tests. -------------------------------------------------------------------------------------------

KEYS = st.sampled_from(
    [
        "meta",
        "events",
        "outcomes",
        "sources",
        "people",
        "topics",
        "quotes",
        "facts",
        "followups",
        "plans",
        "id",
        "kind",
        "title",
        "date",
        "parties",
        "sources",
        "confidence",
        "home",
        "start",
        "tz",
        "figures",
        "x",
    ]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.dates().map(str),
    st.sampled_from(["KR", "CA", "XX", "H", "bilateral", "mou", "10:00", "Asia/Seoul"]),
)
TREES = st.recursive(
    SCALARS,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(KEYS, children, max_size=5)),
    max_leaves=30,
)


def _load(data: bytes) -> None:
    try:
        parse_and_validate([SourceFile(Path("fuzz.yaml"), data)])
    except DataError as exc:
        assert exc.problems and all(p.startswith("fuzz.yaml:") and "\n" not in p for p in exc.problems)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(KEYS, TREES, max_size=6))
def test_random_yaml_documents_give_a_model_or_a_clean_error(tree: dict[str, object]) -> None:
    _load(yaml.safe_dump(tree, allow_unicode=True).encode("utf-8"))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=200), st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_random_bytes_and_text_give_a_clean_error(data: bytes) -> None:
    _load(data)


HOSTILE_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list("\x1b\x07\x9b\x85\u202e\u2066\u2028\t\n\r한국어😀é\u0301[]/")),
    ),
    max_size=40,
)
VALUES = st.one_of(st.none(), HOSTILE_TEXT, st.lists(HOSTILE_TEXT, max_size=3), st.integers(0, 99))
FUZZ_COLUMNS = [Column("group", "Group"), Column("a", "A", 3), Column("b", "B", no_wrap=True), Column("sources", "Src")]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(
        st.fixed_dictionaries({"group": VALUES, "a": VALUES, "b": VALUES, "sources": st.lists(HOSTILE_TEXT)})
    ),
    title=HOSTILE_TEXT,
    width=st.integers(10, 200),
    fmt=st.sampled_from([f for f in Format if f is not Format.auto]),
    heat=st.booleans(),
)
def test_every_renderer_survives_random_text_and_widths(
    rows: list[dict[str, object]], title: str, width: int, fmt: Format, heat: bool
) -> None:
    view = View(title=title, group_by="group", sources={"s": title}, highlight=(title[:3],) if title else (), heat=heat)
    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(width)
    try:
        out = io.StringIO()
        with redirect_stdout(out):
            emit_listing(Listing(rows, [c.key for c in FUZZ_COLUMNS], rows, FUZZ_COLUMNS, view), fmt, Display())
    finally:
        if old is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = old
    text = out.getvalue()
    assert "\x1b" not in text  # StringIO is no terminal: no colour codes, and none from the data
    assert not RAW.findall(text)
    if fmt is Format.json:
        assert len(json.loads(text)) == len(rows)


def test_python_never_prints_a_traceback_for_a_usage_error() -> None:
    done = subprocess.run(
        summit_cmd("brief"), capture_output=True, text=True, env=subprocess_env(), timeout=60, cwd=ROOT
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_error_messages_never_print_raw_control_characters(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text('meta: {title: T, home: KR}\nevents:\n  - {"\\e[2Jkey": 1}\n', encoding="utf-8")
    data_error = run("validate", str(bad))
    assert data_error.exit_code == 1
    assert "\x1b" not in data_error.stderr and "\\x1b[2Jkey" in data_error.stderr
    usage_error = run("brief", "\x1b[2J\u202e")
    assert usage_error.exit_code == 2
    assert not RAW.findall(usage_error.stderr) and "\\x1b[2J\\u202e" in usage_error.stderr


@pytest.mark.parametrize("kind", ["markdown", "html", "ics", "json"])
def test_exports_never_carry_raw_control_characters(tmp_path: Path, kind: str) -> None:
    result = run("--data", str(hostile_dataset(tmp_path)), "export", kind)
    assert result.exit_code == 0, result.stderr
    assert not RAW.findall(result.stdout.replace("\r\n", "\n")) and "\x1b" not in result.stdout
    if kind == "markdown":  # brackets are escaped for Markdown, so a reader of the rendered page sees them as written
        assert "[link=https://evil.example]click[/link]" in html.unescape(MarkdownIt().render(result.stdout))
    elif kind == "json":  # escaped the JSON way, so the data is exact
        assert json.loads(result.stdout)["events"][0]["title"] == HOSTILE
    else:
        assert "[link=https://evil.example]click[/link]" in result.stdout.replace("\r\n ", "").replace("\\,", ",")


@pytest.mark.parametrize("char", ["\u200b", "\u200d", "\u2060", "\ufeff"])
def test_a_name_with_an_invisible_character_is_refused(tmp_path: Path, char: str) -> None:
    """`Mark Car\u200bney` prints as Mark Carney: a lookalike speaker whose quotes read as the real one's."""
    path = tmp_path / "data.yaml"
    people = f"people:\n  - {{id: mc, name: {json.dumps('Mark Car' + char + 'ney')}, sources: [s], confidence: H}}\n"
    path.write_text("meta: {title: T, home: KR}\nsources: [{id: s, confidence: H}]\n" + people, encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert f"people[0].name: invisible character U+{ord(char):04X} in a name" in result.stderr


def patterned_types() -> dict[str, tuple[type, str]]:
    """Every type of the model whose values must match a pattern, with one value that does."""
    import typing

    import msgspec

    from summitcli import model

    examples = {"CountryCode": "CA", "ClockTime": "10:00", "DueDate": "2025-11"}  # else an id
    found = {}
    for name, value in vars(model).items():
        if typing.get_origin(value) is typing.Annotated:
            metas = [m for m in typing.get_args(value)[1:] if isinstance(m, msgspec.Meta) and m.pattern]
            if metas:
                found[name] = (value, examples.get(name, "s1"))
    return found


def test_every_patterned_field_refuses_a_final_newline() -> None:
    """`$` in Python also matches before a final newline: `id: "s1\\n"` passed, reached the exports and made
    `export ics` fail. Every pattern of the model ends at the end of the text."""
    import msgspec

    types = patterned_types()
    assert {"Slug", "CountryCode", "ClockTime", "EventRef"} <= set(types)
    for kind, good in types.values():
        assert msgspec.convert(good, kind) == good
        for bad in (good + "\n", good + "\r\n", "\n" + good):
            with pytest.raises(msgspec.ValidationError):
                msgspec.convert(bad, kind)


@pytest.mark.parametrize(("field", "value"), [("id", "s1\\n"), ("start", "10:00\\n")])
def test_validate_refuses_a_final_newline_in_a_patterned_field(tmp_path: Path, field: str, value: str) -> None:
    path = tmp_path / "data.yaml"
    event = {"id": "e", "kind": "summit", "title": "T", "tz": "Asia/Seoul", "sources": ["s"], "confidence": "H"}
    event[field] = json.loads(f'"{value}"')
    path.write_text(
        f"meta: {{title: T, home: KR}}\nsources: [{{id: s, confidence: H}}]\nevents: [{json.dumps(event)}]\n",
        encoding="utf-8",
    )
    result = run("validate", str(path))
    assert result.exit_code == 1 and f"events[0].{field}: invalid format" in result.stderr
