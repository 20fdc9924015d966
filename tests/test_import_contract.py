"""The import contract of pyproject.toml ([tool.importlinter]): interfaces -> app -> adapters -> domain.

The suite fails when a module imports across it; the contract is proven to catch a violation on a copy
of the package, and to name every top-level module, so a new package cannot slip under no layer."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(cwd: Path) -> subprocess.CompletedProcess:
    command = [str(LINT_IMPORTS), "--config", str(cwd / "pyproject.toml"), "--no-cache"]
    return subprocess.run(
        command,
        cwd=cwd,
        env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
    )


def _contract() -> dict:
    with (ROOT / "pyproject.toml").open("rb") as f:
        (contract,) = tomllib.load(f)["tool"]["importlinter"]["contracts"]
    return contract


def test_the_code_keeps_the_import_contract():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_the_contract_names_every_top_level_module():
    named = {name.strip() for layer in _contract()["layers"] for name in layer.replace(":", "|").split("|")}
    package = ROOT / "workbench"
    modules = {f"workbench.{p.stem}" for p in package.glob("*.py") if p.stem != "__init__"}
    packages = {f"workbench.{p.parent.name}" for p in package.glob("*/__init__.py")}
    assert modules | packages, "no modules found: the test would prove nothing"
    assert named == modules | packages


def test_a_domain_module_importing_the_tui_breaks_the_contract(tmp_path):
    shutil.copytree(
        ROOT / "workbench",
        tmp_path / "workbench",
        ignore=shutil.ignore_patterns("__pycache__", "locale", "_bundled"),
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    assert _lint(tmp_path).returncode == 0  # the copy keeps it, as the real tree does
    (tmp_path / "workbench" / "domain" / "leak.py").write_text("from workbench.tui import app  # noqa\n")
    result = _lint(tmp_path)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout and "workbench.domain.leak -> workbench.tui.app" in result.stdout
