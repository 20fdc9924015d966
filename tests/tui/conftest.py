"""Fixtures for the TUI: a private state folder (recent.json), a fixed `today`, and engagements made
once per run and copied per test (loading a playbook takes a moment)."""

from __future__ import annotations

import asyncio
import inspect
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

TODAY = date(2026, 3, 18)
START = date(2026, 2, 2)
AUTHOR = "ana"
CLIENT = "Example Appliance Retail (demo)"


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Run `async def` tests (Pilot journeys) in a fresh event loop: no async plugin needed."""
    if inspect.iscoroutinefunction(pyfuncitem.obj):
        names = pyfuncitem._fixtureinfo.argnames
        asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
        return True
    return None


@pytest.fixture(autouse=True)
def state_home(tmp_path_factory, monkeypatch) -> Path:
    """Every test gets its own $XDG_STATE_HOME, so nobody's recent list is read or written."""
    home = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("XDG_STATE_HOME", str(home))
    monkeypatch.setenv("CRMWB_AUTHOR", AUTHOR)
    return home


def _make(folder: Path, seeded: bool) -> Path:
    from workbench.app.engagements import create_session
    from workbench.cli.demo_cmd import DEMO_ANSWERS, seed
    from workbench.loading.catalog import bundled_dir

    session = create_session(
        str(folder), "b2c-retail-loyalty", CLIENT, str(bundled_dir() / DEMO_ANSWERS), AUTHOR, START
    )
    if seeded:
        seed(session.opened, AUTHOR, TODAY)
    session.close()
    return folder


@pytest.fixture(scope="session")
def _templates(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("templates")
    return {"fresh": _make(root / "fresh", False), "seeded": _make(root / "seeded", True)}


def copy_engagement(template: Path, target: Path, fixed_times: bool = False) -> Path:
    shutil.copytree(template, target)
    if fixed_times:  # history lines show when: fixed, so snapshots do not depend on the clock
        with sqlite3.connect(target / "state.db") as conn:
            conn.execute("UPDATE events SET at = '2026-03-16T09:30:00+00:00'")
            conn.execute("UPDATE measurements SET recorded_at = '2026-03-16T09:30:00+00:00'")
    return target


@pytest.fixture
def engagement(_templates, tmp_path) -> Path:
    """A fresh engagement from the retail example answers (3 questions still open, nothing started)."""
    return copy_engagement(_templates["fresh"], tmp_path / "acme")


@pytest.fixture
def seeded(_templates, tmp_path) -> Path:
    """The demo engagement: some tasks done, in progress and blocked, a few KPI values."""
    return copy_engagement(_templates["seeded"], tmp_path / "demo")


@pytest.fixture
def snapshot_engagement(_templates, tmp_path, monkeypatch) -> Path:
    """The seeded engagement at the relative path `acme` (paths on screen do not depend on tmp_path)."""
    monkeypatch.chdir(tmp_path)
    copy_engagement(_templates["seeded"], tmp_path / "acme", fixed_times=True)
    return Path("acme")
