"""Journey: work tasks in the phase navigator with the keys; every change is in the store's history."""

from __future__ import annotations

import pytest
from textual.widgets import Select

from tests.tui.conftest import AUTHOR, TODAY
from tests.tui.helpers import settle
from tests.tui.store_support import slow_saves
from workbench.store.sqlite_store import SQLiteStore
from workbench.tui.app import make_app
from workbench.tui.screens.dialogs import PromptDialog
from workbench.tui.screens.phases import PhasesScreen
from workbench.tui.widgets.task_table import TaskTable


def history(folder, task_id: str) -> list[tuple[str, str | None, str | None, str | None, str]]:
    with SQLiteStore(folder / "state.db") as store:
        return [(e.kind, e.old, e.new, e.note, e.author) for e in store.history(task_id)]


async def test_tick_tasks_in_the_phase_navigator(engagement):
    app = make_app(engagement, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PhasesScreen)
        table = screen.query_one(TaskTable)
        first = table.current_id
        assert first is not None and screen.selected.phase == "pre_deployment"

        await pilot.press("s")
        await pilot.press("d")  # the kickoff is no gate review and nothing comes before it: done at once
        assert not isinstance(app.screen, PromptDialog)
        await pilot.press("a")
        await pilot.press(*"Sara", "enter")
        await pilot.press("n")
        await pilot.press(*"signed", "enter")
        await pilot.press("i")  # 80 columns: the details replace the list; the checklist has the keys
        await pilot.press("space", "down", "space", "space")  # tick 1, tick 2, untick 2
        await pilot.press("i")
        await pilot.press("down")
        second = table.current_id
        await pilot.press("b")
        assert isinstance(app.screen, PromptDialog)
        await pilot.press("enter")  # a block needs a reason: refused while empty
        assert isinstance(app.screen, PromptDialog)
        await pilot.press(*"waiting for IT", "enter")
        await pilot.press("k")
        await pilot.press("escape")  # cancelled: nothing happens
        await settle(pilot)
        assert table.views[first].status == "done" and table.views[first].assignee == "Sara"
        assert table.views[second].status == "blocked"
        assert screen.check_action("move", ("block",)) is None  # already blocked: greyed out

    events = history(engagement, first)
    assert [e[:3] for e in events] == [
        ("create", None, "not_started"),
        ("status", "not_started", "in_progress"),
        ("status", "in_progress", "done"),
        ("assign", None, "Sara"),
        ("note", None, None),
        ("check", "1", "done"),
        ("check", "2", "done"),
        ("check", "2", "open"),
    ]
    assert events[2][3] is None
    assert events[4][3] == "signed" and all(e[4] == AUTHOR for e in events[1:])
    assert history(engagement, second)[-1] == ("status", "not_started", "blocked", "waiting for IT", AUTHOR)
    with SQLiteStore(engagement / "state.db") as store:
        assert store.tasks()[first].checklist[:2] == [True, False]


async def test_filter_by_role_and_status(seeded):
    app = make_app(seeded, today=TODAY, section="phases")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PhasesScreen)
        table = screen.query_one(TaskTable)
        everything = len(table.views)
        screen.query_one("#status-filter", Select).value = "done"
        await pilot.pause()
        assert {v.status for v in table.views.values()} == {"done"} and len(table.views) == 3
        screen.query_one("#status-filter", Select).value = "open"
        screen.query_one("#role-filter", Select).value = "crm_consultant"
        await pilot.pause()
        assert table.views and all(
            v.owner == "crm_consultant" and v.status not in ("done", "skipped") for v in table.views.values()
        )
        await pilot.press("right_square_bracket")  # next phase keeps the filters
        await pilot.pause()
        assert all(v.phase == "deployment" for v in table.views.values())
        screen.query_one("#role-filter", Select).clear()
        screen.query_one("#status-filter", Select).clear()
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert len(table.views) == everything


async def test_a_task_from_the_palette_opens_in_its_phase(seeded):
    app = make_app(seeded, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        target = app.session.opened.resolved.phases[2].tasks[1].id
        await app.show_task(target)
        await pilot.pause()
        assert app.screen.phase == "post_deployment"
        assert app.screen.query_one(TaskTable).current_id == target


async def test_done_with_open_predecessors_asks_why_and_reopen_goes_back(engagement):
    app = make_app(engagement, today=TODAY, section="phases")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PhasesScreen)
        table = screen.query_one(TaskTable)
        await pilot.press("down")  # the second task waits for the first
        second = table.current_id
        assert screen.selected.depends_on
        await pilot.press("d")
        assert isinstance(app.screen, PromptDialog)
        assert "predecessor(s) not done or skipped" in str(app.screen.prompt)
        await pilot.press("escape")  # cancelled: nothing changes
        await settle(pilot)
        assert table.views[second].status == "not_started"
        await pilot.press("d")
        await pilot.press(*"director decided", "enter")
        await settle(pilot)
        assert table.views[second].status == "done"
        await pilot.press("r")
        await settle(pilot)
        assert table.views[second].status == "in_progress"

    events = history(engagement, second)
    assert [e[:3] for e in events[1:]] == [
        ("status", "not_started", "done"),
        ("status", "done", "in_progress"),
    ]
    assert events[1][3].startswith("forced: director decided [1 predecessor(s) not done or skipped: ")
    assert events[2][3] == "reopened" and events[2][4] == AUTHOR


@pytest.mark.parametrize("save_takes", [0.0, 0.15])
async def test_ticks_typed_while_earlier_ticks_land_go_to_the_item_under_the_cursor(
    engagement, monkeypatch, save_takes
):
    """Space, down, space, space typed at once on a checklist: tick 1, tick 2, untick 2, whatever each
    save takes. A tick that landed used to rebuild the list from the store's state of that moment: the
    cursor went back to item 1 and the ticks typed since vanished, so the next space changed item 1 (seen
    once in a CI run)."""
    from textual.widgets import SelectionList

    slow_saves(monkeypatch, "check_item", save_takes)
    app = make_app(engagement, today=TODAY, section="phases")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        first = app.screen.query_one(TaskTable).current_id
        await pilot.press("i")
        await settle(pilot)
        checklist = app.screen.query_one("#checklist", SelectionList)
        await pilot.press("space", "down", "space", "space")
        await settle(pilot)
        assert checklist.highlighted == 1 and list(checklist.selected) == [0]
    ticks = [e[1:3] for e in history(engagement, first) if e[0] == "check"]
    assert ticks == [("1", "done"), ("2", "done"), ("2", "open")]


async def test_a_checklist_wrapped_again_for_a_new_width_keeps_its_cursor_and_ticks(engagement):
    """The details pane wraps the checklist again when its width changes (shown at 80 columns, resized, a
    scrollbar come or gone). That rebuilt it from item 1, so a space typed next ticked item 1 (seen in a
    test run: the width settled between a tick's down and space)."""
    from textual.widgets import SelectionList

    app = make_app(engagement, today=TODAY, section="phases")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        checklist = app.screen.query_one("#checklist", SelectionList)
        await pilot.press("space", "down")
        await settle(pilot)
        await pilot.resize_terminal(60, 24)  # the pane narrower: its items wrapped again
        await settle(pilot)
        assert checklist.highlighted == 1 and list(checklist.selected) == [0]
        await pilot.press("space")
        await settle(pilot)
        assert sorted(checklist.selected) == [0, 1]
