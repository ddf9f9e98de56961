"""The import layers in pyproject.toml hold, and they bite: a copy of the code with one forbidden import fails
``lint-imports`` with a message that names it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT = Path(sys.executable).parent / "lint-imports"
PACKAGES = tuple(
    p
    for p in tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["root_packages"]
    if p != "tests"
)


def lint(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT), "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=300, check=False)


def _python_only(folder: str, names: list[str]) -> set[str]:
    return {n for n in names if not n.endswith(".py") and not Path(folder, n).is_dir() or n == "__pycache__"}


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    """The packages' Python files (not data or tests' gold files) and pyproject.toml, in a fresh folder."""
    root = tmp_path_factory.mktemp("layers")
    for package in (*PACKAGES, "tests"):
        shutil.copytree(ROOT / package, root / package, ignore=_python_only)
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    return root


def test_the_code_keeps_every_contract():
    result = lint(ROOT)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    "module, line, broken",
    [
        ("etl/dump.py", "from layouts import ids", "etl is not allowed to import layouts"),
        ("etl/template.py", "from views.region import region_view", "etl is not allowed to import views"),
        ("export/tables.py", "from callbacks import routes", "export is not allowed to import callbacks"),
        ("auth/policy.py", "from layouts import ids", "auth is not allowed to import layouts"),
        ("analysis/status.py", "from db import queries", "analysis is not allowed to import db"),
        ("db/tree.py", "from db import queries", "No import cycles inside any package BROKEN"),
        ("tests/test_format.py", "import bench.common", "tests is not allowed to import bench"),
        ("harness/servers.py", "import db.queries", "harness is not allowed to import db"),
    ],
)
def test_one_forbidden_import_breaks_the_contracts(copy, module, line, broken):
    path = copy / module
    original = path.read_text(encoding="utf-8")
    path.write_text(original + f"\n{line}  # a forbidden import, added by the test\n", encoding="utf-8")
    try:
        result = lint(copy)
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.returncode != 0, result.stdout[-2000:]
    assert broken in result.stdout, result.stdout[-3000:]
