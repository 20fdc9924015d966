"""Journey: the week's work in the TUI — a due date on the calendar and an assignee, a phase closed at its
gate without and with an override, two KPI values, the weekly report — each compared with what the CLI
leaves for the same actions on a twin engagement (the stores read back, the report files side by side)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.tui.conftest import AUTHOR, TODAY, copy_engagement
from tests.tui.helpers import settle
from workbench.store.sqlite_store import SQLiteStore
from workbench.tui.app import make_app
from workbench.tui.screens.deliverables import DeliverablesScreen
from workbench.tui.screens.form_dialog import ConfirmDialog
from workbench.tui.screens.kpi_value_dialog import KpiValueDialog
from workbench.tui.screens.phase_close_dialog import PhaseCloseDialog
from workbench.tui.screens.phases import PhasesScreen
from workbench.tui.screens.report_dialog import ReportDialog
from workbench.tui.screens.task_plan_dialog import TaskPlanDialog
from workbench.tui.widgets.kpi_chart import KpiChart
from workbench.tui.widgets.kpi_table import KpiTable

TASK = "pre-01-kickoff"
GATE = "post-11-implementation-review"
KPI = "active_user_rate"
SKIP_REASON = "review folded into the steering committee"
OVERRIDE = "signed off by the sponsor by mail"


def task_record(folder, task_id: str):
    with SQLiteStore(folder / "state.db") as store:
        state = store.tasks()[task_id]
        events = [(e.kind, e.old, e.new, e.note, e.author) for e in store.history(task_id)]
    return state.due, state.assignee, events


def gates(folder) -> dict:
    with SQLiteStore(folder / "state.db") as store:
        return {
            phase: {k: v for k, v in record.items() if k != "closed_at"}
            for phase, record in store.closed_phases().items()
        }


def measurements(folder) -> list[tuple]:
    with SQLiteStore(folder / "state.db") as store:
        return [(m.kpi_id, m.value, m.measured_on, m.source, m.note) for m in store.measurements(KPI)]


async def type_into(pilot, text: str) -> None:
    for char in text:
        await pilot.press(char)


@pytest.mark.slow
async def test_the_week_in_the_tui_leaves_what_the_cli_leaves(_templates, tmp_path, run_cli):
    tui = copy_engagement(_templates["seeded"], tmp_path / "tui")
    cli = copy_engagement(_templates["seeded"], tmp_path / "cli")
    app = make_app(tui, today=TODAY, section="phases")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PhasesScreen)

        # 1. due date on the calendar (typed, then one day later with Down: a Friday in Tehran) and assignee
        screen.select_task(TASK)
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, TaskPlanDialog)
        await type_into(pilot, "2026-03-26x")
        await pilot.press("ctrl+s")  # not a date: said in the dialog, which stays
        await settle(pilot)
        assert app.screen is dialog and "is not a date" in dialog.query_one("#form-error").text
        await pilot.press("backspace", "down")
        await settle(pilot)
        assert dialog.query_one("#due-input").value == "2026-03-27"
        assert "not a working day" in dialog.query_one("#due-warning").text
        await pilot.press("tab")
        await type_into(pilot, "Sara")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen

        # 2. a phase whose gate passes closes without a reason; one whose gate fails needs the override
        screen.select_task(GATE)
        await settle(pilot)
        await pilot.press("k")
        await type_into(pilot, SKIP_REASON)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, PhaseCloseDialog) and app.screen.check.passed
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen.show_phase("pre_deployment")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        close = app.screen
        assert isinstance(close, PhaseCloseDialog) and not close.check.passed
        assert [t.id for t in close.check.open_tasks] == [
            "pre-17-requirements-signoff",
            "pre-16-deployment-plan",
        ]
        await pilot.press("ctrl+s")  # no reason: refused
        await settle(pilot)
        assert app.screen is close and "give the reason" in close.query_one("#form-error").text
        await type_into(pilot, OVERRIDE)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen

        # 3. two KPI values: a decimal comma on a past day, then a point today; an impossible one refused
        await pilot.press("f5")
        await settle(pilot)
        deliverables = app.screen
        assert isinstance(deliverables, DeliverablesScreen)
        deliverables.show_tab("kpis")
        await settle(pilot)
        assert deliverables.query_one(KpiTable).go_to(KPI)
        before = len(deliverables.query_one(KpiChart).trend.points)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, KpiValueDialog)
        await type_into(pilot, "150")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert (
            isinstance(app.screen, KpiValueDialog)
            and "outside the valid range" in app.screen.query_one("#form-error").text
        )
        await pilot.press("backspace", "backspace", "backspace")
        await type_into(pilot, "81,5")
        await pilot.press("tab", "end", *["backspace"] * 10)
        await type_into(pilot, "2026-03-16")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is deliverables, app.screen.query_one("#form-error").text
        await pilot.press("v")
        await settle(pilot)
        await type_into(pilot, "84.25")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is deliverables
        chart = deliverables.query_one(KpiChart)
        shown = [(p.measured_on, p.value) for p in chart.trend.points]
        assert (date(2026, 3, 16), 81.5) in shown and shown[-1] == (TODAY, 84.25)  # in date order
        assert len(chart.trend.points) == before + 2

        # 4. the weekly report: previewed, then written as md and html
        await pilot.press("f4")
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        report = app.screen
        assert isinstance(report, ReportDialog)
        assert "Weekly status" in report.preview_text
        report.query_one("#report-folder").value = str(tmp_path / "tui-reports")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        notes = list(app.notes_seen)

    # the same actions through the CLI on the twin
    code, _out, err = run_cli("task", cli, "due", TASK, "2026-03-27", "--as", AUTHOR)
    assert code == 0 and "not a working day" in err
    assert run_cli("task", cli, "assign", TASK, "Sara", "--as", AUTHOR)[0] == 0
    assert run_cli("task", cli, "skip", GATE, "--note", SKIP_REASON, "--as", AUTHOR)[0] == 0
    assert run_cli("phase", cli, "close", "post_deployment", "--as", AUTHOR)[0] == 0
    assert run_cli("phase", cli, "close", "pre_deployment", "--as", AUTHOR)[0] == 1  # the gate fails
    assert run_cli("phase", cli, "close", "pre_deployment", "--override", OVERRIDE, "--as", AUTHOR)[0] == 0
    assert run_cli("kpi", cli, "record", KPI, "150", "--as", AUTHOR)[0] == 2
    assert run_cli("kpi", cli, "record", KPI, "81,5", "--date", "2026-03-16", "--as", AUTHOR)[0] == 0
    assert run_cli("kpi", cli, "record", KPI, "84.25", "--date", TODAY.isoformat(), "--as", AUTHOR)[0] == 0
    assert run_cli("report", cli, "--today", TODAY.isoformat(), "--out", tmp_path / "cli-reports")[0] == 0

    assert task_record(tui, TASK) == task_record(cli, TASK)
    assert task_record(tui, TASK)[:2] == (date(2026, 3, 27), "Sara")
    assert task_record(tui, GATE) == task_record(cli, GATE)
    assert (
        gates(tui)
        == gates(cli)
        == {
            "post_deployment": {"author": AUTHOR, "override_reason": None, "missing": []},
            "pre_deployment": {
                "author": AUTHOR,
                "override_reason": OVERRIDE,
                "missing": ["pre-17-requirements-signoff", "pre-16-deployment-plan"],
            },
        }
    )
    assert measurements(tui) == measurements(cli)
    assert {(KPI, 81.5, date(2026, 3, 16), None, None), (KPI, 84.25, TODAY, None, None)} <= set(
        measurements(tui)
    )
    for fmt in ("md", "html"):
        name = f"status-{TODAY.isoformat()}.{fmt}"
        assert (tmp_path / "tui-reports" / name).read_text(encoding="utf-8") == (
            tmp_path / "cli-reports" / name
        ).read_text(encoding="utf-8")
    assert any("not a working day" in n for n in notes)
    assert any(OVERRIDE in n for n in notes) and any("every gate task is done" in n for n in notes)
    assert any(str(tmp_path / "tui-reports" / f"status-{TODAY.isoformat()}.html") in n for n in notes)


async def test_escape_asks_before_a_typed_form_is_discarded(seeded):
    app = make_app(seeded, today=TODAY, section="phases")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        await pilot.press("escape")  # nothing typed: closed at once
        await settle(pilot)
        assert isinstance(app.screen, PhasesScreen)
        await pilot.press("u")
        await type_into(pilot, "2026-04-01")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # keep editing
        await settle(pilot)
        assert (
            isinstance(app.screen, TaskPlanDialog)
            and app.screen.query_one("#due-input").value == "2026-04-01"
        )
        await pilot.press("escape", "y")
        await settle(pilot)
        assert isinstance(app.screen, PhasesScreen)
    _due, _assignee, events = task_record(seeded, "pre-01-kickoff")
    assert not [e for e in events if e[0] == "due"]  # nothing was written
