"""Journey: skip, block, finish and reopen tasks with the keys and pick a theme from the palette (the ANSI
ones used to crash); the app never exits and the history holds it all. Every theme on every screen with
tasks in every status is test_trust_themes' job."""

from __future__ import annotations

import sqlite3

import pytest

from tests.tui.conftest import TODAY
from tests.tui.helpers import settle
from tests.tui.store_support import slow_saves, wait_for
from workbench.tui.app import make_app
from workbench.tui.screens.phases import PhasesScreen
from workbench.tui.widgets.task_table import TaskTable


def statuses(folder, task_id: str) -> list[str]:
    with sqlite3.connect(folder / "state.db") as conn:
        return [
            row[0]
            for row in conn.execute(
                "SELECT new FROM events WHERE task_id = ? AND kind = 'status' ORDER BY seq", (task_id,)
            )
        ]


def shown(table: TaskTable) -> str:
    """What the table shows, for a failure's message: the cursor's task and every task not started."""
    changed = {t: v.status for t, v in table.views.items() if v.status != "not_started"}
    return f"cursor on {table.current_id}; {changed}"


async def test_skip_block_reopen_and_a_palette_theme_without_an_exit(engagement):
    app = make_app(engagement, today=TODAY, section="phases")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(TaskTable)
        first = table.current_id
        await pilot.press("k", *"not needed", "enter")  # skip, with the reason
        await settle(pilot)
        await pilot.press("down")
        second = table.current_id
        await pilot.press("b", *"waiting", "enter")
        await pilot.press("down")
        third = table.current_id
        await pilot.press("d")
        await settle(pilot)
        from workbench.tui.screens.dialogs import PromptDialog

        if isinstance(app.screen, PromptDialog):  # its predecessors are open: done asks for the reason
            await pilot.press(*"agreed with the sponsor", "enter")
            await settle(pilot)
        assert [table.views[t].status for t in (first, second, third)] == ["skipped", "blocked", "done"]

        await pilot.press("ctrl+p")
        await pilot.press(*"theme", "enter")
        await pilot.pause()
        await pilot.press(*"ansi-dark", "enter")
        await settle(pilot)
        assert app.theme == "ansi-dark" and isinstance(app.screen, PhasesScreen)

        await pilot.press("up", "up")  # back on the skipped task: reopen it, then start the done one
        assert table.current_id == first
        await pilot.press("r")
        await settle(pilot)  # typing on while a change lands: test_keys_typed_while_a_change_lands
        await pilot.press("down", "down", "s")
        assert await wait_for(pilot, lambda: table.views[third].status == "in_progress"), shown(table)
        assert table.views[first].status == "not_started"

        await pilot.press("up", "up", "s")  # a last change in the ANSI theme
        assert await wait_for(pilot, lambda: table.views[first].status == "in_progress")
    assert app.return_code in (None, 0)
    assert statuses(engagement, first) == ["skipped", "not_started", "in_progress"]
    assert statuses(engagement, second) == ["blocked"]
    assert statuses(engagement, third) == ["done", "in_progress"]


@pytest.mark.parametrize("save_takes", [0.0, 0.3])
async def test_keys_typed_while_a_change_lands_change_the_task_under_the_cursor(
    engagement, monkeypatch, save_takes
):
    """Reopen, then at once down, down, start: the list is redrawn when the reopen lands (before, between
    or after those keys, as the save takes), and the start still goes to the task the cursor reached."""
    slow_saves(monkeypatch, "set_status", save_takes)
    app = make_app(engagement, today=TODAY, section="phases")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(TaskTable)
        first = table.current_id
        await pilot.press("k", *"not needed", "enter")
        await settle(pilot)
        await pilot.press("down", "down")
        third = table.current_id
        await pilot.press("up", "up", "r", "down", "down", "s")
        assert await wait_for(pilot, lambda: table.views[third].status == "in_progress"), shown(table)
        await settle(pilot)
        assert table.views[first].status == "not_started" and table.current_id == third, shown(table)
    assert statuses(engagement, first) == ["skipped", "not_started"]
    assert statuses(engagement, third) == ["in_progress"]
