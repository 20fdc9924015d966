"""The plan tab shows what `crmwb plan show` and the Load sheet say: each task's baseline and forecast finish
and slip, the go-live baseline, forecast and slip in working days, a missed target, the load per role and
week against each role's availability (over-allocations in the theme's error colour), and a baseline can be
frozen from the palette with a reason."""

from __future__ import annotations

import sqlite3

import yaml

from tests.tui.conftest import AUTHOR, TODAY
from tests.tui.helpers import settle, text_of
from tests.tui.store_support import notifications, wait_for
from tests.tui.test_trust_themes import crmwb
from workbench.cli.plan_cmd import current_forecast
from workbench.domain.forecast_text import day_text, go_live_line, slip_figure
from workbench.domain.levelling import role_load
from workbench.domain.locale import format_percent
from workbench.tui.app import make_app
from workbench.tui.colours import theme_colour
from workbench.tui.widgets.load_table import LoadTable
from workbench.tui.widgets.plan_table import PlanTable, PlanView


async def open_plan(pilot) -> PlanView:
    await settle(pilot)
    pilot.app.screen.show_tab("plan")
    await settle(pilot)
    return pilot.app.screen.query_one(PlanView)


async def test_each_task_and_the_go_live_show_baseline_forecast_and_slip_as_the_cli_says(seeded):
    app = make_app(seeded, today=TODAY, section="deliverables")
    async with app.run_test(size=(160, 40)) as pilot:
        view = await open_plan(pilot)
        fc = current_forecast(app.session.opened, TODAY)
        header = text_of(view.query_one("#plan-header"))
        assert go_live_line(fc) in header and "working days" in header
        table = view.query_one(PlanTable)
        moved = [t for t in fc.tasks if t.slip]
        assert moved, "the seeded engagement has tasks off their baseline"
        for task in moved[:5]:
            assert table.go_to(task.id)
            assert str(table.get_cell(task.id, "baseline")) == day_text(task.baseline_finish)
            assert str(table.get_cell(task.id, "forecast")) == day_text(task.finish)
            assert str(table.get_cell(task.id, "slip")) == slip_figure(task.slip)


async def test_a_cli_change_moves_the_forecast_shown(seeded):
    app = make_app(seeded, today=TODAY, section="deliverables")
    async with app.run_test(size=(160, 40)) as pilot:
        view = await open_plan(pilot)
        table = view.query_one(PlanTable)
        fc = current_forecast(app.session.opened, TODAY)
        task = next(t for t in fc.tasks if t.status == "not_started")
        done = crmwb("task", seeded, "due", task.id, "2027-06-30")
        assert done.returncode == 0, done.stderr
        await pilot.press("ctrl+r")
        moved = current_forecast(app.session.opened, TODAY).task_map()[task.id]
        assert moved.finish != task.finish
        assert await wait_for(
            pilot,
            lambda: table.go_to(task.id)
            and str(table.get_cell(task.id, "forecast")) == day_text(moved.finish),
        )


async def test_a_missed_target_shows_with_the_slip_in_the_header(engagement):
    path = engagement / "engagement.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["answers"]["target_go_live_months"] = 2
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    app = make_app(engagement, today=TODAY, section="deliverables")
    async with app.run_test(size=(160, 40)) as pilot:
        view = await open_plan(pilot)
        assert view.target is not None and view.target.missed
        header = text_of(view.query_one("#plan-header"))
        assert f"missed by {view.target.slip_working_days} working days" in header
        assert day_text(view.target.target) in header
        assert view.query_one("#plan-header").has_class("-late")
        assert any("misses the target go-live date" in n for n in notifications(app))  # as before


async def test_the_load_view_shows_each_roles_share_of_its_availability_per_week(seeded):
    app = make_app(seeded, today=TODAY, section="deliverables")
    async with app.run_test(size=(160, 40)) as pilot:
        view = await open_plan(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert view.showing_load
        table = view.query_one(LoadTable)
        assert app.screen.focused is table
        opened = app.session.opened
        loads = role_load(opened.resolved, opened.plan)
        plan = opened.plan
        assert plan.availability, "the retail answers give the specialist a time share"
        assert [item.role for item in table.items][: len(plan.availability)] == sorted(plan.availability)
        assert {item.role for item in table.items} == set(loads)
        part_time = next(iter(sorted(plan.availability)))
        share = plan.availability[part_time]
        assert str(table.get_cell(part_time, "availability")) == format_percent(round(share * 100), "en")
        busy = next(i for i, week in enumerate(loads[part_time]) if week.load)
        expected = format_percent(round(loads[part_time][busy].load / share * 100), "en")
        assert str(table.get_cell(part_time, f"w{busy}")) == expected
        # levelled: the part-time role never goes above its availability
        assert all(week.load <= share + 1e-9 for week in loads[part_time])
        # a team role with two tasks at once is over one person's time: shown in the theme's error colour
        over = next(
            (role, i)
            for role, weeks in loads.items()
            if role not in plan.availability
            for i, week in enumerate(weeks)
            if week.load > 1
        )
        table.go_to(over[0])
        cell = table.get_cell(over[0], f"w{over[1]}")
        assert cell.style.color == theme_colour(app, "error")
        assert "over their availability" in text_of(view.query_one("#plan-status"))
        await pilot.press("l")
        assert not view.showing_load and app.screen.focused is view.query_one(PlanTable)


async def test_a_baseline_frozen_from_the_palette_is_stored_with_its_reason(seeded):
    app = make_app(seeded, today=TODAY, section="deliverables")
    async with app.run_test(size=(160, 40)) as pilot:
        view = await open_plan(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"freeze baseline")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(*"steering committee moved go-live", "enter")
        await settle(pilot)
        assert await wait_for(pilot, lambda: view.forecast is not None and view.forecast.baseline is not None)
        assert view.forecast.slip == 0  # the frozen forecast is the baseline now
        assert "#1 of" in text_of(view.query_one("#plan-header"))
        assert any("Baseline #1 frozen" in n for n in notifications(app))
    with sqlite3.connect(seeded / "state.db") as conn:
        rows = conn.execute("SELECT author, reason, active FROM baselines").fetchall()
    assert rows == [(AUTHOR, "steering committee moved go-live", 1)]
