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
    """Every test gets its own $XDG_STATE_HOME and settings folder ($CRMWB_CONFIG_DIR), so nobody's recent
    list or settings file is read or written; no $CRMWB_LANG or $CRMWB_BIDI of the shell leaks in, and the
    bidi layout starts in its default mode."""
    from workbench.tui import bidi

    home = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("XDG_STATE_HOME", str(home))
    monkeypatch.setenv("CRMWB_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv("CRMWB_AUTHOR", AUTHOR)
    monkeypatch.delenv("CRMWB_LANG", raising=False)
    monkeypatch.delenv("CRMWB_BIDI", raising=False)
    bidi.set_mode("app")
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


class _Templates(dict[str, Path]):
    """ "fresh" and "seeded", each made the first time a test asks for it: a worker that only runs seeded
    journeys never pays for the fresh one (an engagement creation is about a second)."""

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root

    def __missing__(self, kind: str) -> Path:
        if kind not in ("fresh", "seeded"):
            raise KeyError(kind)
        self[kind] = _make(self.root / kind, kind == "seeded")
        return self[kind]


@pytest.fixture(scope="session")
def _templates(tmp_path_factory) -> dict[str, Path]:
    return _Templates(tmp_path_factory.mktemp("templates"))


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


@pytest.fixture
def quick_watcher(monkeypatch) -> None:
    """The watcher looks every 0.3 s instead of 1.5 s: for tests that wait for it to notice another
    program's change (each idled ~1.4 s waiting). What it does when it looks is unchanged."""
    from workbench.tui import watcher

    monkeypatch.setattr(watcher, "POLL_SECONDS", 0.3)
