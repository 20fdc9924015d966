"""Nothing an ordinary user does ends the app: every theme the palette offers on every screen, with tasks
in every status (a skipped task once killed every launch: `$text-muted` is `auto 60%`, which Rich cannot
parse; the ANSI themes' `ansi_green` neither)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest
from rich.style import Style

from tests.conftest import ROOT
from tests.tui.conftest import TODAY
from tests.tui.helpers import settle
from workbench.tui.app import make_app
from workbench.tui.colours import theme_colour
from workbench.tui.screens.deliverables import TABS, DeliverablesScreen
from workbench.tui.widgets.task_table import STATUS_LABELS, TaskTable

EVERY_STATUS = ("not_started", "in_progress", "blocked", "done", "skipped")
SCREENS = ("start", "intake", "phases", "deliverables", "export", "jobdesc")


def crmwb(*args: object) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "workbench", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )


def every_status(folder) -> dict[str, str]:
    """One task of the first phase in each status, and one archived task (dropped by an answer)."""
    with sqlite3.connect(folder / "state.db") as conn:
        ids = [
            row[0]
            for row in conn.execute(
                "SELECT id FROM tasks WHERE phase = 'pre_deployment' AND archived = 0 ORDER BY id"
            )
        ]
        chosen = dict(zip(ids, EVERY_STATUS))
        for task_id, status in chosen.items():
            conn.execute("UPDATE tasks SET status = ? WHERE id = ?", (status, task_id))
        conn.execute(
            "INSERT INTO tasks (id, phase, status, archived) VALUES ('old-task', 'deployment', 'done', 1)"
        )
    return chosen


def test_every_theme_variable_the_cells_use_resolves_to_a_rich_colour_in_every_theme():
    app = make_app(today=TODAY)
    names = sorted(app.available_themes)
    assert {"ansi-dark", "ansi-light", "textual-dark", "crmwb-dark", "crmwb-light"} <= set(names)
    for name in names:
        app.theme = name
        for variable in ("text-muted", "accent", "success", "warning", "error"):
            colour = theme_colour(app, variable)
            assert colour is not None, (name, variable)
            Style(color=colour)  # what a DataTable cell does with it


async def test_a_skipped_task_then_open(engagement):
    """The reproduction: skip with the real CLI, then open the engagement on its phases."""
    done = crmwb("task", engagement, "skip", "pre-08-segmentation", "--note", "x")
    assert done.returncode == 0, done.stderr
    app = make_app(engagement, today=TODAY, section="phases")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.show_task("pre-08-segmentation")
        await settle(pilot)
        table = app.screen.query_one(TaskTable)
        assert table.views["pre-08-segmentation"].status == "skipped"
        assert str(table.get_cell("pre-08-segmentation", "status")) == STATUS_LABELS["skipped"]
    assert app.return_code in (None, 0)


@pytest.mark.slow
@pytest.mark.parametrize("section", [*SCREENS, "help"])
async def test_every_theme_on_every_screen_with_tasks_in_every_status(engagement, section):
    """One app per screen, opened on that screen (a theme change restyles every screen built so far, so
    one app for all, or the phases under each, would be slow): the screen in every registered theme; the
    deliverables tabs take turns. Help opens over the phases, so the phases' table is checked there and
    on its own screen."""
    chosen = every_status(engagement)
    app = make_app(engagement, today=TODAY, section="phases" if section == "help" else section)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        tables = list(app.screen.query(TaskTable))
        for table in tables:
            assert {table.views[t].status for t in chosen} == set(EVERY_STATUS)
        if section == "help":
            await pilot.press("f1")
            await settle(pilot)
        screen = app.screen
        themes = sorted(app.available_themes)
        for index, theme in enumerate(themes):
            app.theme = theme
            if isinstance(screen, DeliverablesScreen):
                screen.show_tab(TABS[index % len(TABS)][0])
            await pilot.pause()
            assert app.screen is screen
        assert app.theme == themes[-1] and len(themes) >= 20
        assert section not in ("phases", "help") or len(tables) == 1
        skipped = next(t for t, s in chosen.items() if s == "skipped")
        for table in tables:
            assert table.get_cell(skipped, "status").style.color == theme_colour(app, "text-muted")
    assert app.return_code in (None, 0)
