"""The TUI on a team engagement (PostgreSQL, issue 16): a teammate's change shows by itself through
LISTEN/NOTIFY, on the same refresh path as SQLite's change detection; a viewer (the steering committee's
database role) opens it read-only, says so, and every change is refused by the database, not only by us."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest

from tests.tui.conftest import TODAY
from tests.tui.helpers import settle
from tests.tui.store_support import notifications, wait_for
from workbench.store.postgres import grant_roles
from workbench.tui.app import make_app
from workbench.tui.widgets.task_table import TaskTable

pytestmark = pytest.mark.usefixtures("quick_watcher")  # they wait for it to see changes

ROOT = Path(__file__).resolve().parents[2]


def crmwb(*args: object) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CRMWB_STORE": ""}
    return subprocess.run(
        [sys.executable, "-m", "workbench", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture
def team_database(pg_server) -> str:
    """A database of its own on the session's server (roles are granted per database)."""
    name = f"db_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg_server.address(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return pg_server.address(database=name)


@pytest.fixture
def team_engagement(team_database, tmp_path) -> Path:
    folder = tmp_path / "acme"
    made = crmwb(
        "new",
        folder,
        "--playbook",
        "core",
        "--client",
        "Acme Team",
        "--start",
        "2026-01-05",
        "--store",
        team_database,
    )
    assert made.returncode == 0, made.stderr
    assert "store: host=" in (folder / "engagement.yaml").read_text(encoding="utf-8")
    return folder


async def test_a_teammates_change_shows_by_itself(team_engagement):
    app = make_app(team_engagement, today=TODAY, section="phases")
    assert app.session is not None and not app.session.read_only
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(TaskTable)
        target = next(iter(table.views))
        assert table.views[target].status == "not_started"
        done = crmwb("task", team_engagement, "block", target, "--note", "waiting for IT", "--as", "boris")
        assert done.returncode == 0, done.stderr
        assert await wait_for(pilot, lambda: table.views[target].status == "blocked", steps=300, delay=0.1)
    assert app.return_code in (None, 0)


async def test_a_viewer_opens_read_only_and_the_database_refuses_a_change(team_engagement, team_database):
    grant_roles(team_database)
    from workbench.store.postgres import VIEWER

    steering = f"steering_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(team_database, autocommit=True) as conn:
        conn.execute(f'CREATE ROLE "{steering}" LOGIN IN ROLE "{VIEWER}"')
    path = team_engagement / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("user=postgres", f"user={steering}"), encoding="utf-8")

    app = make_app(team_engagement, today=TODAY, section="phases")
    assert app.session is not None and app.session.read_only
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "read-only" in app.sub_title
        assert any("Read-only" in n for n in notifications(app))
        table = app.screen.query_one(TaskTable)
        first = table.current_id
        await pilot.press("s")  # start the task: the database refuses, the app says so and goes on
        assert await wait_for(pilot, lambda: any("may only read" in n for n in notifications(app)))
        assert app.is_running and table.views[first].status == "not_started"
    shown = crmwb("task", team_engagement, "show", first)
    assert shown.returncode == 0 and "in_progress" not in shown.stdout
