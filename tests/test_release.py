"""What a release rests on besides the wheel (tests/test_package.py): a changelog kept by hand and a pre-commit
example whose `rev` is the release tag."""

from __future__ import annotations

import re

from conftest import ROOT

import summitcli

HEADING = re.compile(r"^## \[(?P<version>[^\]]+)\](?: - (?P<date>\d{4}-\d{2}-\d{2}))?$", re.MULTILINE)


def test_the_changelog_keeps_a_changelog() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.startswith("# Changelog\n")
    headings = [(m["version"], m["date"]) for m in HEADING.finditer(text)]
    assert headings and headings[0] == ("Unreleased", None)
    released = [tuple(int(part) for part in version.split(".")) for version, _ in headings[1:]]
    assert all(date for _, date in headings[1:]), "a released version's heading has its date"
    assert released == sorted(released, reverse=True), "newest release first"
    current = tuple(int(part) for part in summitcli.__version__.split("."))
    assert all(version <= current for version in released), "no release newer than the version in the code"
    sections = re.findall(r"^### (.+)$", text, re.MULTILINE)
    assert set(sections) <= {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}
    assert "[Unreleased]" in text.split("\n## ", 2)[1] and "\n- " in text


def test_the_pre_commit_example_names_the_release_tag() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [example] = [block for block in re.findall(r"```yaml\n(.*?)```", readme, re.DOTALL) if "repos:" in block]
    [rev] = re.findall(r"^\s+rev: (\S+)", example, re.MULTILINE)
    assert rev == f"v{summitcli.__version__}"
    assert 'git tag -a vX.Y.Z -m "summit X.Y.Z"' in readme  # the release section makes that tag
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    for hook_id in re.findall(r"^\s+- id: (\S+)", example, re.MULTILINE):
        assert f"- id: {hook_id}\n" in hooks
