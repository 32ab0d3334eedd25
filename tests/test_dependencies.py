"""What the project asks of its dependencies: public APIs only, and bounds that say why.

A private module (`typer._click`, CPython's `_blake2`) can change or vanish in any release, so nothing in the
package imports one; an upper bound in pyproject.toml without its reason cannot be reviewed when the
dependency moves on.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGE = ROOT / "summitcli"


def imported_modules(path: Path) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


def test_no_private_module_of_a_dependency_or_of_python_is_imported() -> None:
    private = [
        f"{path.relative_to(ROOT)}:{line}: {name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line, name in imported_modules(path)
        if not name.startswith("summitcli")
        and name != "__future__"
        and any(part.startswith("_") for part in name.split("."))
    ]
    assert private == []


def test_the_check_sees_a_private_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from typer._click.exceptions import ClickException\nimport _blake2\n", encoding="utf-8")
    assert [name for _, name in imported_modules(sample)] == ["typer._click.exceptions", "_blake2"]


def test_every_upper_bound_has_its_reason_beside_it() -> None:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11 on
    lines = (ROOT / "pyproject.toml").read_text(encoding="utf-8").splitlines()
    dependencies = tomllib.loads("\n".join(lines))["project"]["dependencies"]
    for spec in dependencies:
        if "<" not in spec:
            continue
        at = next(i for i, line in enumerate(lines) if f'"{spec}"' in line)
        comment = lines[at - 1].strip()
        assert comment.startswith("#") and len(comment) > 20, f"{spec}: no reason on the line above it"
