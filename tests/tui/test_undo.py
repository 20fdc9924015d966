"""Ctrl+Z: the last task change (status, assignee, due date) and the last RFP edit made in the TUI are
taken back by a new event (or a new edit), never by deleting one; an undo the task's later history
forbids is refused and says who changed it."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import yaml

from tests.tui.conftest import AUTHOR, TODAY
from tests.tui.helpers import open_phases, settle
from tests.tui.store_support import notifications
from tests.tui.test_deliverables import overrides_on_disk
from tests.tui.test_journey_concurrent import saved
from tests.tui.test_journey_phases import history
from workbench.tui.app import make_app
from workbench.tui.screens.deliverables import DeliverablesScreen
from workbench.tui.screens.help import help_markdown
from workbench.tui.screens.task_plan_dialog import TaskPlan
from workbench.tui.widgets.rfp_table import RfpTable

ROOT = Path(__file__).resolve().parents[2]


def crmwb(folder, *args: str) -> None:
    """Another writer: the CLI in its own process."""
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "task", str(folder), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


async def test_undo_takes_back_done_block_and_assign_with_new_events(engagement):
    app = make_app(engagement, today=TODAY, section="phases")
    async with app.run_test(size=(80, 24)) as pilot:
        screen, table = await open_phases(pilot)
        first = table.current_id
        assert screen.check_action("undo", ()) is None  # nothing to undo yet: greyed out
        await pilot.press("d")  # the kickoff: done at once, no confirmation
        await settle(pilot)
        assert table.views[first].status == "done"
        assert any(n.startswith("Done '") and n.endswith("(ctrl+z to undo)") for n in notifications(app))
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert table.views[first].status == "not_started"
        assert any(n.startswith("Undone: Done '") for n in notifications(app))
        await pilot.press("b", *"waiting for IT", "enter")
        await settle(pilot)
        await pilot.press("ctrl+z")
        await settle(pilot)
        await pilot.press("a", *"Sara", "enter")
        await settle(pilot)
        assert table.views[first].assignee == "Sara"
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert table.views[first].status == "not_started" and table.views[first].assignee is None
        assert screen.check_action("undo", ()) is None  # every change taken back; an undo is not undone
        await pilot.press("ctrl+z")
        await settle(pilot)

    assert [e[:4] for e in history(engagement, first)] == [
        ("create", None, "not_started", None),
        ("status", "not_started", "done", None),
        ("status", "done", "not_started", "undo"),
        ("status", "not_started", "blocked", "waiting for IT"),
        ("status", "blocked", "not_started", "undo"),
        ("assign", None, "Sara", None),
        ("assign", "Sara", None, "undo"),
    ]
    assert {e[4] for e in history(engagement, first)[1:]} == {AUTHOR}


async def test_ctrl_z_again_takes_back_the_earlier_changes_newest_first(engagement):
    app = make_app(engagement, today=TODAY, section="phases")
    async with app.run_test(size=(80, 24)) as pilot:
        screen, table = await open_phases(pilot)
        first = table.current_id
        await pilot.press("s")  # start it
        await settle(pilot)
        await pilot.press("a", *"Sara", "enter")
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert (table.views[first].status, table.views[first].assignee) == ("done", "Sara")
        assert len(screen.undo_stack) == 3
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert (table.views[first].status, table.views[first].assignee) == ("in_progress", "Sara")
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert (table.views[first].status, table.views[first].assignee) == ("in_progress", None)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert table.views[first].status == "not_started" and screen.check_action("undo", ()) is None

    assert [e[:4] for e in history(engagement, first)[-3:]] == [
        ("status", "done", "in_progress", "undo"),
        ("assign", "Sara", None, "undo"),
        ("status", "in_progress", "not_started", "undo"),
    ]


async def test_undo_takes_back_a_due_date_and_assignee_together(engagement):
    app = make_app(engagement, today=TODAY, section="phases")
    async with app.run_test(size=(120, 40)) as pilot:
        screen, table = await open_phases(pilot)
        view = screen.selected
        planned = view.due
        screen._plan_chosen(view, TaskPlan(date(2026, 4, 1), True, "Ivan Petrov", True))
        await settle(pilot)
        assert (table.views[view.id].due, table.views[view.id].assignee) == (date(2026, 4, 1), "Ivan Petrov")
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert (table.views[view.id].due, table.views[view.id].assignee) == (planned, None)

    assert [e[:3] for e in history(engagement, view.id)[1:]] == [
        ("due", None, "2026-04-01"),
        ("assign", None, "Ivan Petrov"),
        ("assign", "Ivan Petrov", None),
        ("due", "2026-04-01", None),
    ]
    assert {e[3] for e in history(engagement, view.id)[3:]} == {"undo"}


async def test_undo_is_refused_after_a_concurrent_cli_change_but_not_after_a_note(engagement):
    app = make_app(engagement, today=TODAY, section="phases")
    async with app.run_test(size=(120, 40)) as pilot:
        screen, table = await open_phases(pilot)
        first = table.current_id
        await pilot.press("s")
        await settle(pilot)
        crmwb(engagement, "note", first, "called the director", "--as", "ivan")  # a note: no conflict
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert app.session.states()[first].status == "not_started"

        await pilot.press("s")
        await settle(pilot)
        crmwb(engagement, "assign", first, "Maryam", "--as", "ivan")  # the same task, another writer
        await pilot.press("ctrl+z")
        await settle(pilot)
        refused = [n for n in notifications(app) if "was changed since by ivan" in n]
        assert refused and refused[-1].startswith("Not saved: Undo Start '")
        assert app.session.states()[first].status == "in_progress"

    events = history(engagement, first)
    assert events[-1][:3] == ("assign", None, "Maryam") and events[-1][4] == "ivan"
    assert [e[3] for e in events].count("undo") == 1  # only the first undo was recorded


async def test_undo_of_an_rfp_edit_saves_the_values_it_replaced(engagement):
    app = make_app(engagement, today=TODAY, section="deliverables")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DeliverablesScreen) and screen.active_tab == "rfp"
        table = screen.query_one(RfpTable)
        table.focus()
        row = table.current_item
        before = (row.priority, row.weight)
        new_priority = "could" if row.priority != "could" else "should"
        await pilot.press(new_priority[0])
        await settle(pilot)
        assert requirement_edits(engagement) == {row.id: {"priority": new_priority, "weight": before[1]}}
        assert any(n.endswith("(ctrl+z to undo)") for n in notifications(app))
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert requirement_edits(engagement) == {} and (row.priority, row.weight) == before
        revision = saved(engagement)["revision"]
        assert revision >= 2  # the edit and its undo are two writes

        await pilot.press(new_priority[0])  # again, and then someone edits the same requirement by hand
        await settle(pilot)
        data = saved(engagement)
        data["overrides"]["requirements"][row.id]["priority"] = "wont"
        (engagement / "engagement.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert requirement_edits(engagement)[row.id]["priority"] == "wont"  # the hand edit stays
        assert any("priority" in n for n in notifications(app)[-2:])


async def test_f1_lists_the_undo_keys(engagement):
    app = make_app(engagement, today=TODAY, section="phases")
    async with app.run_test(size=(120, 40)) as pilot:
        screen, _table = await open_phases(pilot)
        text = help_markdown(screen)
        assert "- `Ctrl+Z` **Undo**: Undo the last status, assignee or due-date change" in text
        assert "- `Ctrl+Z` **Undo**: RFP: undo the last priority or weight edit" in text


def requirement_edits(folder) -> dict:
    return overrides_on_disk(folder).get("requirements") or {}
