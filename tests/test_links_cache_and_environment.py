"""Links from the data, the cache as a trust boundary, and values from the environment.

- Links: only a web address of visible characters becomes a link, in Markdown, HTML and the terminal alike;
  `validate` warns (text, GitHub annotations, SARIF) about an address that will never be one.
- Cache trust: cache folders are 0700 and index files 0600 whatever the umask; an index or index folder others
  may write is not used (one note, the answer from the files).
- Environment and paths: an empty --data is refused; COLUMNS and SOURCE_DATE_EPOCH are read one way (a bad value
  is noted and ignored, a huge one clamped); one file reached through a link is read once.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import zlib
from pathlib import Path

import pytest
from conftest import FIXTURE, ROOT, run, subprocess_env, summit_cmd
from markdown_it import MarkdownIt

from summitcli.environment import env_number


def cache_of(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "summit"


def test_cache_folders_are_private_whatever_the_umask(tmp_path: Path) -> None:
    cache = tmp_path / "fresh-cache"
    done = subprocess.run(
        summit_cmd("--data", str(FIXTURE), "countries"),
        capture_output=True,
        env=subprocess_env(XDG_CACHE_HOME=str(cache)),
        cwd=ROOT,
        timeout=60,
        preexec_fn=lambda: os.umask(0),
    )
    assert done.returncode == 0, done.stderr
    assert {oct(p.stat().st_mode & 0o777) for p in (cache, cache / "summit")} == {"0o700"}
    assert {oct(p.stat().st_mode & 0o777) for p in (cache / "summit").iterdir()} == {"0o600"}


def plant(index: Path, old: str, new: str) -> None:
    """Rewrite the stored records as an attacker would, checksums included."""
    with sqlite3.connect(index) as conn:
        rows = conn.execute("SELECT seq, json FROM records WHERE instr(json, ?)", (old.encode(),)).fetchall()
        assert rows
        for seq, text in rows:
            changed = bytes(text).replace(old.encode(), new.encode())
            conn.execute("UPDATE records SET json = ?, crc = ? WHERE seq = ?", (changed, zlib.crc32(changed), seq))


def test_an_index_others_may_write_is_not_used(tmp_path: Path) -> None:
    assert ",announced," in run("--data", str(FIXTURE), "agreements", "-f", "csv").stdout
    (index,) = cache_of(tmp_path).glob("*.sqlite")
    plant(index, '"announced"', '"stalled"')
    planted = run("--data", str(FIXTURE), "agreements", "-f", "csv")
    assert "stalled" in planted.stdout, "a private index is trusted as it is (the test plants for real)"
    index.chmod(0o666)
    refused = run("--data", str(FIXTURE), "agreements", "-f", "csv")
    assert refused.exit_code == 0
    assert "stalled" not in refused.stdout and ",announced," in refused.stdout
    assert refused.stderr == f"summit: note: not using the index: others may write {index}\n"


def test_an_index_folder_others_may_write_is_not_used(tmp_path: Path) -> None:
    run("--data", str(FIXTURE), "countries")
    cache_of(tmp_path).chmod(0o777)
    result = run("--data", str(FIXTURE), "countries")
    assert result.exit_code == 0 and "CA" in result.stdout
    assert "not using the index" in result.stderr


@pytest.mark.parametrize("args", [("--data", ""), ("--data", str(FIXTURE), "--data", "")])
def test_an_empty_data_path_is_refused(args: tuple[str, ...]) -> None:
    result = run(*args, "countries")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("summit: error: --data '': an empty path")


def test_a_huge_columns_is_clamped() -> None:
    result = run("--data", str(FIXTURE), "brief", "canada", env={"COLUMNS": "99999999999", "TTY_COMPATIBLE": "1"})
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 1000 + 40  # escape codes aside


@pytest.mark.parametrize("value", ["²", "-3", "80x", "٣"])
def test_a_columns_that_is_no_number_is_noted_and_ignored(value: str) -> None:
    result = run("--data", str(FIXTURE), "brief", "canada", env={"COLUMNS": value, "TTY_COMPATIBLE": "1"})
    assert result.exit_code == 0 and "Canada" in result.stdout
    assert f"summit: note: COLUMNS={value} ignored" in result.stderr


def test_numbers_from_the_environment_are_read_one_way(monkeypatch: pytest.MonkeyPatch) -> None:
    for text, expected in (("42", 42), ("", None), ("²", None), ("0", None), ("9" * 40, 100), (" 7 ", 7)):
        monkeypatch.setenv("SUMMIT_TEST_NUMBER", text)
        assert env_number("SUMMIT_TEST_NUMBER", 1, 100) == expected, text


def test_a_file_reached_through_a_link_is_read_once(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for file in FIXTURE.iterdir():
        (data / file.name).write_bytes(file.read_bytes())
    (tmp_path / "current").symlink_to(data)
    (data / "latest.yaml").symlink_to(data / "data.yaml")
    result = run("--data", str(data), "--data", str(tmp_path / "current"), "countries")
    assert result.exit_code == 0, result.stderr
    assert "duplicate id" not in result.stderr
    assert f"summit: note: {data / 'latest.yaml'} is the same file as {data / 'data.yaml'}: read once" in result.stderr


HOSTILE_ADDRESSES = [
    "https://ok.example/ <img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "https://ok.example/\x1b]8;;https://evil.example\x1b\\\x07x",
    "https://ok.example/\u202egnp.exe",
    "https://ok.example/\u200bx",
]


def sourced(folder: Path, address: str) -> Path:
    """A dataset whose one source has this address (written as a JSON string: YAML reads its escapes)."""
    path = folder / "data.yaml"
    path.write_text(
        f"""meta: {{title: T, home: KR}}
sources: [{{id: s, publication: P, url: {json.dumps(address)}, confidence: H}}]
events:
  - {{id: e, kind: bilateral, title: Summit, date: "2025-10-30", parties: [KR, CA], sources: [s], confidence: H}}
""",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("address", HOSTILE_ADDRESSES)
def test_an_address_that_is_no_plain_web_address_is_never_a_link(tmp_path: Path, address: str) -> None:
    data = str(sourced(tmp_path, address))
    markdown = run("--data", data, "brief", "canada", "-f", "markdown").stdout
    tokens = [t for block in MarkdownIt("commonmark").parse(markdown) for t in (block.children or [block])]
    assert not [t for t in tokens if t.type in ("link_open", "html_inline", "html_block")], markdown
    page = run("--data", data, "brief", "canada", "-f", "html").stdout
    assert 'href="http' not in page.replace('href="#', "")
    for char in "\x1b\x07\u202e\u200b":
        assert char not in page and char not in markdown
    terminal = run("--data", data, "brief", "canada", env={"TTY_COMPATIBLE": "1", "FORCE_COLOR": "1"}).stdout
    assert "\x1b]8;;" not in terminal


def test_a_plain_web_address_is_still_a_link(tmp_path: Path) -> None:
    data = str(sourced(tmp_path, "https://ok.example/a?b=1&c=2"))
    markdown = run("--data", data, "brief", "canada", "-f", "markdown").stdout
    assert "<https://ok.example/a?b=1&c=2>" in markdown
    page = run("--data", data, "brief", "canada", "-f", "html").stdout
    assert 'href="https://ok.example/a?b=1&amp;c=2"' in page


@pytest.mark.parametrize("address", ["javascript:alert(1)", "file:///etc/passwd", "HTTPS://ok.example/", "ok.example"])
def test_validate_warns_about_an_address_that_is_not_http(tmp_path: Path, address: str) -> None:
    """Valid data (exit 0), but the address will never be a link: said where the source is, in every format that
    has a warning level (text on stderr, GitHub annotations, SARIF), and on stderr for the others."""
    path = sourced(tmp_path, address)
    where = f"{path}:2:"
    text = run("validate", str(path))
    assert text.exit_code == 0 and text.stdout.startswith("valid: T")
    (line,) = text.stderr.splitlines()
    assert line.startswith(where) and ": sources[0].url: warning: address is not http(s):" in line
    github = run("validate", str(path), "--format", "github")
    assert github.exit_code == 0 and github.stdout.startswith(f"::warning file={path},line=2,col=")
    sarif = run("validate", str(path), "--format", "sarif")
    (result,) = json.loads(sarif.stdout)["runs"][0]["results"]
    assert sarif.exit_code == 0
    assert (result["ruleId"], result["level"], result["locations"][0]["physicalLocation"]["region"]["startLine"]) == (
        "address-not-linked",
        "warning",
        2,
    )
    machine = run("validate", str(path), "--format", "json")
    assert machine.exit_code == 0 and machine.stdout == "[]\n" and "warning: address is not http(s)" in machine.stderr


def test_validate_is_quiet_about_a_web_address(tmp_path: Path) -> None:
    path = sourced(tmp_path, "http://ok.example/a")
    for fmt in ("text", "github"):
        checked = run("validate", str(path), "--format", fmt)
        assert checked.exit_code == 0 and checked.stderr == "" and "warning" not in checked.stdout


@pytest.mark.parametrize("value", ["²", "-1", "99999999999999"])
@pytest.mark.parametrize("command", [("export", "html"), ("export", "markdown"), ("export", "ics")])
def test_a_source_date_epoch_that_is_no_time_is_noted_and_ignored(value: str, command: tuple[str, ...]) -> None:
    result = run("--data", str(FIXTURE), *command, env={"SOURCE_DATE_EPOCH": value})
    assert result.exit_code == 0 and result.stdout
    assert result.stderr.startswith(f"summit: note: SOURCE_DATE_EPOCH={value} ignored")
