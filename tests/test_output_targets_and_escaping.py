"""What summit writes and where (issue 14): output targets and escaping.

- Escaping: every printed line shows a control or invisible character as a visible escape (`\\x1b`, `\\u200b`),
  and a literal backslash in the data differently from one; HTML breaks lines only at real newlines.
- Encodings: an ASCII stdout or the C locale gets visible escapes and the whole output; help is printed whole.
- Closed streams: a closed stdout is one line and exit 1; a closed stderr never sends errors into stdout.
- Ctrl-C while the installed command imports exits 130 quietly.
- Spreadsheets: a csv/tsv text cell never starts a formula; numbers stay numbers; json and plain are unchanged.
- Markdown: tables, the book and any text render as literal text, never as links, HTML or emphasis.
- `-o PATH`: written atomically with the usual mode, or the replaced file's mode; through a symlink, into a
  device, in place for hard links and files we may write but do not own; refused for read-only files, other
  users' files and links in shared folders, files of the dataset being read and the index; every error one line;
  a signal during the write leaves no temporary file and the old file untouched.

Every command in every format against hostile data: test_hostile_data_and_limits.py. Pipes whose reader closes,
full disks: test_terminal_and_pipes.py.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURE, ROOT, default_sigint, run, run_mini, sh, subprocess_env, summit_cmd
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from summitcli.text import visible

ESCAPES = "\x1b]52;c;cHduZWQ=\x07\x1b]0;pwned\x07\x1b[2J\u202e\u061c"


def dataset(folder: Path, title: str, *, event_title: str = "Summit", venue: str = "Hall") -> Path:
    """A one-file dataset whose meta title, event title and venue are the given text (written as JSON strings,
    which YAML reads as double-quoted scalars, escapes included)."""
    path = folder / "data.yaml"
    path.write_text(
        f"""meta: {{title: {json.dumps(title)}, home: KR}}
sources: [{{id: s, publication: {json.dumps(title)}, confidence: H}}]
events:
  - {{id: e, kind: bilateral, title: {json.dumps(event_title)}, date: "2025-10-30", venue: {json.dumps(venue)},
      parties: [KR, CA], sources: [s], confidence: H}}
outcomes:
  - {{id: o, kind: mou, title: {json.dumps(event_title)}, status: signed, parties: [KR, CA], sources: [s],
      confidence: H}}
""",
        encoding="utf-8",
    )
    return path


# Escaping: every line the tool prints goes through the same escaping. ---------------------------------------------


def test_validate_prints_the_title_escaped(tmp_path: Path) -> None:
    result = run("validate", str(dataset(tmp_path, f"Week{ESCAPES}")))
    assert result.exit_code == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first == "valid: Week\\x1b]52;c;cHduZWQ=\\x07\\x1b]0;pwned\\x07\\x1b[2J\\u202e\\u061c"
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout and "\u061c" not in result.stdout


def test_invisible_characters_in_text_are_shown_where_printed(tmp_path: Path) -> None:
    data = str(dataset(tmp_path, "T", event_title="Sum\u200bmit"))
    for fmt in ("plain", "table", "markdown", "html", "csv"):
        shown = run("--data", data, "timeline", "-f", fmt).stdout
        assert "\u200b" not in shown and "u200bmit" in shown, fmt


# Unambiguous escapes. ----------------------------------------------------------------------------------------------


def test_a_literal_backslash_escape_in_data_prints_differently_from_an_escaped_control(tmp_path: Path) -> None:
    data = dataset(tmp_path, "T", event_title="\\x1b[2J", venue="\x1b[2J")
    rows = run("--data", str(data), "timeline", "--format", "tsv").stdout.splitlines()
    header, row = rows[0].split("\t"), rows[1].split("\t")
    title, venue = row[header.index("title")], row[header.index("venue")]
    assert venue == "\\x1b[2J"  # the control character, shown
    assert title == "\\\\x1b[2J"  # the four characters backslash, x, 1, b: the backslash doubled
    assert title != venue
    assert visible("\u061c") == "\\u061c"


def test_html_keeps_a_backslash_n_in_text_and_breaks_lines_only_at_newlines(tmp_path: Path) -> None:
    data = dataset(tmp_path, "T", event_title="C:\\new", venue="line one\nline two")
    page = run("--data", str(data), "timeline", "--format", "html").stdout
    assert "C:\\\\new" in page and "C:<br>" not in page and "C:\\<br>" not in page
    assert "line one<br>line two" in page


# An output encoding that cannot hold the data. ----------------------------------------------------------------------


def test_an_ascii_stdout_gets_visible_escapes_not_an_exception() -> None:
    env = subprocess_env(PYTHONIOENCODING="ascii", XDG_CACHE_HOME=os.environ["XDG_CACHE_HOME"])
    done = subprocess.run(summit_cmd("brief", "canada"), capture_output=True, env=env, timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr.decode()[-500:]
    assert done.stderr == b""
    text = done.stdout.decode("ascii")  # every byte is ASCII
    utf8 = subprocess.run(
        summit_cmd("brief", "canada"), capture_output=True, env={**env, "PYTHONIOENCODING": "utf-8"}, timeout=60
    )
    assert len(text.splitlines()) == len(utf8.stdout.decode().splitlines())  # the whole output, not a part
    assert "\\u" in text and "\\u" not in utf8.stdout.decode()  # what ASCII cannot hold is escaped, visibly
    as_json = subprocess.run(summit_cmd("brief", "canada", "-f", "json"), capture_output=True, env=env, timeout=60)
    utf8_json = subprocess.run(
        summit_cmd("brief", "canada", "-f", "json"), capture_output=True, env={**env, "PYTHONIOENCODING": "utf-8"}
    )
    assert json.loads(as_json.stdout) == json.loads(utf8_json.stdout)  # JSON's own \\uXXXX: the same data


def test_the_c_locale_without_utf_8_mode_gets_visible_escapes() -> None:
    """Under LC_ALL=C with UTF-8 mode off, Python's stdout is ASCII with errors=surrogateescape, which raises too."""
    env = subprocess_env(LC_ALL="C", PYTHONUTF8="0", XDG_CACHE_HOME=os.environ["XDG_CACHE_HOME"])
    env.pop("PYTHONIOENCODING", None)
    done = subprocess.run(summit_cmd("countries"), capture_output=True, env=env, timeout=60, cwd=ROOT)
    assert done.returncode == 0 and done.stderr == b"", done.stderr.decode()[-300:]
    assert "\\uce90\\ub098\\ub2e4" in done.stdout.decode("ascii")  # 캐나다


def test_help_on_an_ascii_stdout_is_printed_whole() -> None:
    """Help is Click's: it writes UTF-8 where the encoding is ASCII (it holds ASCII "misconfigured")."""
    env = subprocess_env(PYTHONIOENCODING="ascii")
    done = subprocess.run(summit_cmd("brief", "--help"), capture_output=True, env=env, timeout=60, cwd=ROOT)
    assert done.returncode == 0 and done.stderr == b""
    assert "캐나다" in done.stdout.decode("utf-8") and "--format" in done.stdout.decode("utf-8")


# Closed stdout and stderr. --------------------------------------------------------------------------------------------


def test_a_closed_stdout_is_one_line_and_exit_1() -> None:
    done = sh(f"{sys.executable} -m summitcli --data {FIXTURE} brief canada >&-")
    assert done.returncode == 1
    assert done.stderr == "summit: error: cannot write output: standard output is closed\n"


def test_a_closed_stderr_never_sends_errors_into_stdout() -> None:
    done = sh(f"{sys.executable} -m summitcli --data {FIXTURE} brief nowhere 2>&-")
    assert done.returncode == 2
    assert done.stdout == "" and done.stderr == ""


def test_a_closed_stdout_does_not_stop_a_write_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    done = sh(f"{sys.executable} -m summitcli --data {FIXTURE} export json -o {out} >&-")
    assert done.returncode == 0, done.stderr
    assert json.loads(out.read_text())["meta"]["title"] == "Mini week"


# Ctrl-C while the installed command starts. -------------------------------------------------------------------------


def installed_summit() -> str:
    """The `summit` command the project installed beside this Python (CI installs the package with pip)."""
    beside = Path(sys.executable).with_name("summit")
    found = str(beside) if beside.exists() else shutil.which("summit")
    assert found, "summit is not installed: python -m pip install ."
    return found


HELD_IMPORTING_TYPER = """
import importlib.abc, sys, time


class HoldTyper(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "typer":
            print("importing typer", file=sys.stderr, flush=True)
            time.sleep(60)
        return None


sys.meta_path.insert(0, HoldTyper())
"""


@pytest.mark.signals
def test_ctrl_c_while_the_installed_command_imports_exits_130_quietly(tmp_path: Path) -> None:
    """The installed `summit`, interrupted while it imports Typer (held there by a sitecustomize that says so on
    stderr, so the signal lands in summit's own code, never after a fixed sleep): exit 130, nothing more on stderr.
    What runs before `summitcli.entry.main` (CPython's start-up, pip's generated wrapper and its imports) is
    outside summit's guarantee: the README says so."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(HELD_IMPORTING_TYPER, encoding="utf-8")
    proc = subprocess.Popen(
        [installed_summit(), "--data", str(FIXTURE), "brief", "canada"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=subprocess_env(PYTHONPATH=str(hook)),
        cwd=tmp_path,
        preexec_fn=default_sigint,
    )
    assert proc.stderr is not None
    assert proc.stderr.readline() == "importing typer\n"
    proc.send_signal(signal.SIGINT)
    out, rest = proc.communicate(timeout=60)
    assert (proc.returncode, out, rest) == (130, "", "")


# Spreadsheet formulas. ---------------------------------------------------------------------------------------------

FORMULAS = ['=HYPERLINK("https://evil.example","x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)"]


@pytest.mark.parametrize("formula", FORMULAS)
def test_csv_and_tsv_never_start_a_text_cell_with_a_formula(tmp_path: Path, formula: str) -> None:
    data = dataset(tmp_path, "T", event_title=formula)
    as_csv = list(csv.DictReader(io.StringIO(run("--data", str(data), "agreements", "-f", "csv").stdout)))
    assert as_csv[0]["title"] == "'" + visible(formula)
    tsv = run("--data", str(data), "agreements", "-f", "tsv").stdout.splitlines()
    assert tsv[1].split("\t")[tsv[0].split("\t").index("title")] == "'" + visible(formula)
    as_json = json.loads(run("--data", str(data), "agreements", "-f", "json").stdout)
    assert as_json[0]["title"] == formula  # JSON is data, not a spreadsheet: unchanged
    plain = run("--data", str(data), "agreements", "-f", "plain").stdout
    assert "\t" + visible(formula) + "\t" in plain  # plain text is for shells: unchanged


def test_numbers_stay_numbers_in_csv_and_tsv() -> None:
    from summitcli.output.writers import write_records

    rows = [{"n": -3.5, "i": -2, "t": "-3.5", "f": "-3.5+1", "tab": "\tx", "ok": "a=b"}]
    fields = list(rows[0])
    out = io.StringIO()
    write_records(out, "csv", rows, fields)
    # A leading tab is written as the two characters `\t` (as every control is): no longer a formula start.
    assert out.getvalue().splitlines()[1] == "-3.5,-2,-3.5,'-3.5+1,\\tx,a=b"
    out = io.StringIO()
    write_records(out, "tsv", rows, fields)
    assert out.getvalue().splitlines()[1] == "-3.5\t-2\t-3.5\t'-3.5+1\t\\tx\ta=b"
    from summitcli.output.escape import spreadsheet_cell

    assert spreadsheet_cell("\tx", "\tx") == "'\tx" and spreadsheet_cell("\rx", "\rx") == "'\rx"


def test_matrix_counts_stay_numbers_in_csv() -> None:
    rows = list(csv.reader(io.StringIO(run_mini("matrix", "-f", "csv").stdout)))
    assert rows[1] == ["CA", "Canada", "0", "2", "0", "2"]


# Markdown injection. ------------------------------------------------------------------------------------------------

HOSTILE_MARKDOWN = [
    "<script>alert(1)</script>",
    "![t](https://evil.example/pixel.png)",
    "[a](https://evil.example)",
    "<https://evil.example>",
    "a \\| b | c",
    "*bold* _em_ __strong__ ~~gone~~ `code` $x^2$",
    "# not a heading #",
    "> not a quote",
    "- not a list",
    "+ not a list",
    "1. not a list",
    "2) not a list",
    "=== not an underline",
    "    not code",
    "&amp; &#65; &copy;",
    "snake_case_name and C:\\new",
]
RENDERER = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def rendered_texts(markdown: str) -> tuple[list[str], set[str]]:
    """The text a reader sees, one string per paragraph, heading, cell or list item; and the token types."""
    texts, types = [], set()
    for token in RENDERER.parse(markdown):
        types.add(token.type)
        for child in token.children or []:
            types.add(child.type)
        if token.type == "inline":
            texts.append("".join(c.content for c in token.children or [] if c.type in ("text", "code_inline")))
    return texts, types


UNSAFE = {"html_inline", "html_block", "link_open", "image", "em_open", "strong_open", "s_open", "code_inline"}


@pytest.mark.parametrize("text", HOSTILE_MARKDOWN)
def test_markdown_tables_render_hostile_data_as_literal_text(tmp_path: Path, text: str) -> None:
    data = dataset(tmp_path, "T", event_title=text)
    markdown = run("--data", str(data), "agreements", "-f", "markdown").stdout
    texts, types = rendered_texts(markdown)
    assert not types & UNSAFE, types & UNSAFE
    assert "table_open" in types
    assert visible(text) in texts  # a cell shows exactly the data (as every text format shows it)


def structure(markdown: str) -> list[tuple[str, str, str]]:
    """Every token but text: what the document is made of (headings, tables, lists, links and their targets)."""
    out = []
    for token in RENDERER.parse(markdown):
        for t in [token, *(token.children or [])]:
            if t.type not in ("text", "inline"):
                out.append((t.type, t.tag, str(t.attrs.get("href", ""))))
    return out


@pytest.mark.parametrize("text", HOSTILE_MARKDOWN)
def test_the_markdown_book_renders_hostile_data_as_literal_text(tmp_path: Path, text: str) -> None:
    """The book built from hostile data has exactly the structure of the book built from plain words (its own
    headings, contents links, tables and lists, nothing more), and shows the data as it is."""
    (tmp_path / "plain").mkdir()
    (tmp_path / "hostile").mkdir()
    words = dataset(tmp_path / "plain", "Words", event_title="Words", venue="Words")
    plain = run("--data", str(words), "export", "markdown")
    data = dataset(tmp_path / "hostile", text, event_title=text, venue=text)
    markdown = run("--data", str(data), "export", "markdown").stdout
    assert structure(markdown) == structure(plain.stdout)
    texts, types = rendered_texts(markdown)
    assert not types & {"html_inline", "html_block", "image"}
    assert texts[0] == visible(text)  # the title, as the book's heading
    assert sum(visible(text) in t for t in texts) >= 3  # title, event title and venue, each literal


# `-o` targets. ----------------------------------------------------------------------------------------------------


def export_to(target: Path | str, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        summit_cmd("--data", str(FIXTURE), "export", "json", "-o", str(target), *extra),
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=60,
    )


def no_leftovers(folder: Path) -> None:
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []


def test_o_writes_a_new_file_atomically_with_the_usual_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    done = export_to(target)
    assert done.returncode == 0 and done.stderr == ""
    assert json.loads(target.read_text())["meta"]["title"] == "Mini week"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    no_leftovers(tmp_path)


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664])
def test_o_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")
    target.chmod(mode)
    assert export_to(target).returncode == 0
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert target.read_text().startswith("{")


def test_o_refuses_a_read_only_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")
    target.chmod(0o444)
    done = export_to(target)
    assert done.returncode == 1
    assert done.stderr.startswith(f"summit: error: {target}: cannot write: permission denied")
    assert len(done.stderr.splitlines()) == 1
    assert target.read_text() == "old" and stat.S_IMODE(target.stat().st_mode) == 0o444
    no_leftovers(tmp_path)


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give a file to another user")
def test_o_refuses_a_file_of_another_user_even_for_root(tmp_path: Path) -> None:
    """The issue's case, seen from the other side: whoever may rename in the directory could replace a file
    they cannot write. As root, a 0644 file of another user is theirs to change, not ours."""
    target = tmp_path / "theirs.json"
    target.write_text("theirs")
    os.chown(target, 65534, 65534)
    target.chmod(0o644)
    done = export_to(target)
    assert done.returncode == 1 and "cannot write: permission denied" in done.stderr
    assert target.read_text() == "theirs" and target.stat().st_uid == 65534


def test_o_refuses_a_root_owned_file_in_a_users_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As a user: the directory is theirs, the 0644 file is another user's (root's). The rule is the permission
    bits, not what rename() allows, so it holds for any effective user (here one that owns neither)."""
    from summitcli.output import target as target_module

    target = tmp_path / "rootfile.json"
    target.write_text("root's")
    target.chmod(0o644)
    owner = target.stat().st_uid
    monkeypatch.setattr(target_module.os, "geteuid", lambda: owner + 1000)
    monkeypatch.setattr(target_module.os, "getegid", lambda: 54321)
    monkeypatch.setattr(target_module.os, "getgroups", lambda: [54321])
    result = run("--data", str(FIXTURE), "export", "json", "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"summit: error: {target}: cannot write: permission denied")
    assert target.read_text() == "root's"


def test_o_writes_through_a_symlink_and_keeps_it(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    real.chmod(0o600)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert export_to(link).returncode == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert json.loads(real.read_text())["meta"]["title"] == "Mini week"
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    no_leftovers(tmp_path)


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to make a link owned by another user")
def test_o_refuses_another_users_link_in_a_shared_directory(tmp_path: Path) -> None:
    """The /tmp attack: someone else's link in a sticky world-writable directory, pointing at a file of yours."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    mine = tmp_path / "mine.txt"
    mine.write_text("mine")
    link = shared / "out.json"
    link.symlink_to(mine)
    os.lchown(link, 65534, 65534)
    done = export_to(link)
    assert done.returncode == 1 and "symbolic link in a shared directory" in done.stderr
    assert mine.read_text() == "mine" and link.is_symlink()


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give a file to another user")
def test_o_rewrites_in_place_a_file_it_may_write_but_does_not_own(tmp_path: Path) -> None:
    target = tmp_path / "shared.json"
    target.write_text("old")
    os.chown(target, 65534, 65534)
    target.chmod(0o666)
    inode = target.stat().st_ino
    assert export_to(target).returncode == 0
    assert target.stat().st_uid == 65534 and target.stat().st_ino == inode  # same file, same owner
    assert json.loads(target.read_text())["meta"]["title"] == "Mini week"


def test_o_rewrites_a_hard_linked_file_in_place_so_every_name_sees_it(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")
    other = tmp_path / "other-name.json"
    os.link(target, other)
    assert export_to(target).returncode == 0
    assert other.read_text() == target.read_text() and target.read_text().startswith("{")
    no_leftovers(tmp_path)


def test_o_to_a_device_writes_to_it_and_never_replaces_it(tmp_path: Path) -> None:
    """/dev/null itself when not root; as root a private copy of it (mknod), so a regression cannot break the
    machine's /dev/null."""
    if os.geteuid() == 0:
        device = tmp_path / "null"
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    else:
        device = Path("/dev/null")
    done = export_to(device)
    assert done.returncode == 0, done.stderr
    assert stat.S_ISCHR(device.stat().st_mode)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_o_dev_stdout_writes_to_stdout_in_a_pipe_and_in_a_file(tmp_path: Path) -> None:
    """`-o /dev/stdout`, through a private link made the same way (to /proc/self/fd/1): as root, a regression
    would replace the link it writes through, and that must never be the machine's /dev/stdout."""
    stdout = tmp_path / "stdout"
    stdout.symlink_to("/proc/self/fd/1")
    done = export_to(stdout)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["meta"]["title"] == "Mini week"
    assert stdout.is_symlink() and os.readlink(stdout) == "/proc/self/fd/1"
    out = tmp_path / "redirected.json"
    redirected = sh(f"{sys.executable} -m summitcli --data {FIXTURE} export json -o {stdout} > {out}")
    assert redirected.returncode == 0, redirected.stderr
    assert json.loads(out.read_text())["meta"]["title"] == "Mini week"
    assert stdout.is_symlink() and os.readlink(stdout) == "/proc/self/fd/1"
    no_leftovers(tmp_path)
    gone = sh(f"{sys.executable} -m summitcli --data {FIXTURE} export json -o {stdout} | head -c1; echo")
    assert gone.stdout == "{\n" and gone.stderr == ""


def test_o_errors_are_one_line_with_the_prefix(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "dir" / "out.json"
    done = export_to(missing)
    assert done.returncode == 1
    assert done.stderr.startswith(f"summit: error: {missing}: cannot write:")
    assert len(done.stderr.splitlines()) == 1
    folder = export_to(tmp_path)
    assert folder.returncode == 1 and folder.stderr == f"summit: error: {tmp_path}: cannot write: is a directory\n"


def test_deliver_bytes_writes_binary_files_by_the_same_rules(tmp_path: Path) -> None:
    from summitcli.errors import SummitError
    from summitcli.output.target import deliver_bytes

    target = tmp_path / "db.sqlite"
    deliver_bytes(b"SQLite format 3\x00\xff", target)
    assert target.read_bytes() == b"SQLite format 3\x00\xff"
    target.chmod(0o444)
    with pytest.raises(SummitError, match="permission denied"):
        deliver_bytes(b"new", target)
    assert target.read_bytes() == b"SQLite format 3\x00\xff"


def copied_fixture(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    for file in FIXTURE.iterdir():
        (data / file.name).write_bytes(file.read_bytes())
    return data


@pytest.mark.parametrize("command", [("export", "json"), ("export", "ics"), ("export", "markdown"), ("export", "html")])
def test_o_onto_a_file_of_the_dataset_is_refused(tmp_path: Path, command: tuple[str, ...]) -> None:
    data = copied_fixture(tmp_path)
    before = (data / "data.yaml").read_bytes()
    (tmp_path / "link.yaml").symlink_to(data / "data.yaml")
    for target in (data / "data.yaml", tmp_path / "link.yaml"):
        result = run("--data", str(data), *command, "-o", str(target))
        assert (result.exit_code, result.stdout) == (1, ""), result.stderr
        assert (
            result.stderr.startswith(f"summit: error: {target}:")
            and "a file of the dataset being read" in result.stderr
        )
        assert (data / "data.yaml").read_bytes() == before


def test_o_onto_the_index_is_refused(tmp_path: Path) -> None:
    run("--data", str(FIXTURE), "countries")
    (index,) = (tmp_path / "cache" / "summit").glob("*.sqlite")
    before = index.read_bytes()
    result = run("--data", str(FIXTURE), "export", "sqlite", "-o", str(index))
    assert result.exit_code == 1 and "a file of the dataset being read" in result.stderr
    assert index.read_bytes() == before


def test_a_sqlite_export_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    import resource

    scratch = tmp_path / "tmp"
    scratch.mkdir()

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (16_384, 16_384))

    done = subprocess.run(
        summit_cmd("--no-cache", "--data", str(FIXTURE), "export", "sqlite", "-o", str(tmp_path / "out.db")),
        capture_output=True,
        text=True,
        env=subprocess_env(TMPDIR=str(scratch)),
        cwd=ROOT,
        timeout=60,
        preexec_fn=small_files,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("summit: error: cannot build the database") and done.stderr.count("\n") == 1
    assert list(scratch.iterdir()) == [] and not (tmp_path / "out.db").exists()


SLOW_FSYNC = """
import os, sys, time
real = os.fsync
def slow(fd):
    print("writing", flush=True, file=sys.stderr)
    time.sleep(30)
    real(fd)
os.fsync = slow
sys.argv = ["summit", *sys.argv[1:]]
from summitcli.entry import main
main()
"""


@pytest.mark.signals
@pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130), (signal.SIGHUP, 129)])
def test_a_signal_during_an_o_write_leaves_no_temporary_file(tmp_path: Path, signum: int, status: int) -> None:
    """A real process, stopped by SIGTERM (or Ctrl-C, or a closed terminal) while its temporary file is open
    (fsync made slow to hold it there): the temporary file is removed, the old target is untouched, exit 143
    (130, 129)."""
    target = tmp_path / "book.html"
    target.write_text("old book")
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_FSYNC, "--data", str(FIXTURE), "export", "html", "-o", str(target)],
        stderr=subprocess.PIPE,
        text=True,
        env=subprocess_env(),
        preexec_fn=default_sigint,
    )
    assert proc.stderr is not None
    assert proc.stderr.readline() == "writing\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".book.html.")]  # the write is under way
    proc.send_signal(signum)
    rest = proc.stderr.read()
    assert proc.wait(timeout=60) == status
    assert rest == ""
    no_leftovers(tmp_path)
    assert target.read_text() == "old book"


MARKDOWN_TEXT = st.lists(
    st.one_of(
        st.sampled_from(list("\\`*_[]()<>!#+-.=|~$&;:/ \t\n1aé한")),
        st.sampled_from(["https://", "&amp;", "&#65;", "<b>", "![x](y)", "1.", "2)", "    ", "---", "***", "```"]),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(text=MARKDOWN_TEXT)
def test_any_text_renders_in_markdown_as_itself(text: str) -> None:
    """Whatever the text, Markdown shows exactly what every other text format shows (visible(text)), as a
    paragraph, a heading and a table cell, with no element of its own."""
    from summitcli.output.escape import markdown_text

    escaped = markdown_text(visible(text))
    for markdown, container in (
        (escaped, "paragraph_open"),
        (f"# {escaped}", "heading_open"),
        (f"| h |\n| --- |\n| {escaped} |\n", "table_open"),
    ):
        tokens = RENDERER.parse(markdown)
        texts, types = rendered_texts(markdown)
        if visible(text).strip(" ") or container != "paragraph_open":
            assert tokens[0].type == container, (markdown, [t.type for t in tokens])
        assert not types & UNSAFE, (markdown, types & UNSAFE)
        assert "softbreak" not in types and "hardbreak" not in types
        shown = texts[-1] if texts else ""
        assert shown == visible(text), (markdown, shown)
