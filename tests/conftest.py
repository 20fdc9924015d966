"""Shared fixtures: paths to test data and a CLI runner that captures output and the exit code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REQUIRE_RENDERERS = os.environ.get("CRMWB_REQUIRE_RENDERERS", "") == "1"
"""Set by CI (.ci/run): a test that needs LibreOffice, Graphviz, poppler or Java must run there, so a
missing tool fails the run instead of skipping the test."""


def missing_tool(reason: str) -> None:
    """Skip on a developer's machine without the tool; fail in CI, where the tools are installed."""
    if REQUIRE_RENDERERS:
        pytest.fail(f"{reason} (CRMWB_REQUIRE_RENDERERS=1: CI must have it)")
    pytest.skip(reason)


def tool_mark(missing: bool, reason: str):
    """`skipif` for a missing renderer, except in CI, where the test then runs and fails on its own."""
    return pytest.mark.skipif(missing and not REQUIRE_RENDERERS, reason=reason)
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session", autouse=True)
def _playbook_cache_in_tmp(tmp_path_factory):
    """The resolved-playbook cache of the whole run (and of the commands it starts) lives in tmp, never in
    the user's cache folder."""
    os.environ["CRMWB_CACHE_DIR"] = str(tmp_path_factory.mktemp("crmwb-cache"))
    yield


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def run_cli(capsys, monkeypatch):
    """Run `crmwb` in-process; returns (exit code, stdout, stderr)."""
    from workbench.cli.main import main

    def run(*args: str, cwd: Path | None = None):
        if cwd is not None:
            monkeypatch.chdir(cwd)
        code = main([str(a) for a in args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def run_subprocess(*args: str, cwd: Path | None = None, env: dict | None = None):
    """Run `python -m workbench` in a fresh interpreter (for import-cost and exit-code checks)."""
    return subprocess.run([sys.executable, "-m", "workbench", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, env=env)


@pytest.fixture(autouse=True)
def _interface_language_back_to_english():
    """Commands set the interface language for their process; in-process test runs share one, so each
    test starts in English (a test wanting another language sets it itself)."""
    from workbench import i18n

    i18n.set_language("en")
    yield
    i18n.set_language("en")


def allowed_latin_words() -> frozenset[str]:
    """Latin names Persian and Russian text may keep (tests/data/translation_allowed_latin.txt): each line
    whole and each of its words, for every test that looks for English left in a translation."""
    words: set[str] = set()
    for line in (DATA / "translation_allowed_latin.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(line)
            words.update(line.split())
    return frozenset(words)
