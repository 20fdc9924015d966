"""The week's dialogs one by one: the keys of a dialog in F1, the palette's new entries, the date reader
in each language, the KPI value in Persian digits, and a bug in a handler reported without losing input."""

from __future__ import annotations

from datetime import date

from tests.tui.conftest import TODAY
from tests.tui.helpers import settle
from workbench.domain.date_input import DateInputError, named_in, parse_day, picker_weeks
from workbench.domain.work_calendar import country_calendar
from workbench.store.sqlite_store import SQLiteStore
from workbench.tui.app import make_app
from workbench.tui.screens.help import HelpScreen, help_markdown
from workbench.tui.screens.kpi_value_dialog import KpiValueDialog
from workbench.tui.screens.phases import PhasesScreen
from workbench.tui.screens.task_plan_dialog import TaskPlanDialog
from workbench.tui.widgets.kpi_chart import chart_rows


def test_a_date_is_read_as_each_language_writes_it():
    assert parse_day("2026-03-21", "en") == date(2026, 3, 21)
    assert parse_day("21.03.2026", "ru") == date(2026, 3, 21)
    assert parse_day("۱۴۰۵/۰۱/۰۱", "fa") == date(2026, 3, 21)  # Nowruz 1405, Persian digits
    assert parse_day("1404/12/29", "fa") == date(2026, 3, 20)
    for wrong in ("2026-02-30", "32.01.2026", "1405/13/01", "tomorrow", ""):
        try:
            parse_day(wrong, "ru")
        except DateInputError as exc:
            assert "not a date" in str(exc)
        else:
            raise AssertionError(f"{wrong!r} was read as a date")


def test_the_picker_shows_iran_s_week_and_holidays_in_persian():
    iran = country_calendar("IR", date(2026, 1, 1))
    assert iran.names[date(2026, 2, 11)] == "Islamic Revolution Day"  # the plan's calendar: English names
    weeks = picker_weeks(date(2026, 3, 21), named_in(iran, "fa", date(2026, 3, 21)), "fa")
    assert [d.day.weekday() for d in weeks[0]] == [5, 6, 0, 1, 2, 3, 4]  # Saturday first
    nowruz = next(d for row in weeks for d in row if d.day == date(2026, 3, 21))
    assert nowruz.number == 1 and not nowruz.working and nowruz.reason and nowruz.reason.isascii() is False
    friday = next(d for row in weeks for d in row if d.day == date(2026, 3, 27))
    assert not friday.working


def test_the_chart_draws_bars_and_the_target_line():
    rows = chart_rows([10.0, 50.0, 100.0], 80.0, 4, 9)
    assert len(rows) == 4 and all(len(row) == 9 for row in rows)  # three columns a bar
    top, bottom = rows[0], rows[-1]
    assert [c.kind for c in top[:6]] == ["target"] * 6 and top[6].kind == "bar"  # only 100 passes 80
    assert all(c.kind == "bar" for c in bottom)
    assert chart_rows([], 1.0, 4, 9) == []


async def test_f1_on_a_dialog_lists_its_keys_and_the_phases_help_the_new_ones(seeded):
    app = make_app(seeded, today=TODAY, section="phases")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        phases_help = help_markdown(app.screen)
        for words in ("Due date", "Close phase", "Report", "Record value"):
            assert words in phases_help
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(app.screen, TaskPlanDialog)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = help_markdown(app.screen.current)
        assert "Due date and assignee" in text.split("\n")[0]
        for words in ("Day earlier", "Week later", "Cancel", "Save"):
            assert words in text


async def test_the_palette_offers_the_week_s_actions(seeded):
    from workbench.tui.commands import WorkbenchCommands

    app = make_app(seeded, today=TODAY, section="phases")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        provider = WorkbenchCommands(app.screen)
        titles = [title for title, _c, _h in provider.commands()]
        assert "task: set the due date and assignee of the selected task" in titles
        assert "report: weekly status report" in titles
        assert any(t.startswith("phase: close ") for t in titles)
        assert any(t.startswith("kpi: record a value of ") for t in titles)
        command = next(c for t, c, _h in provider.commands() if t == "kpi: record a value of Active users")
        await command()
        await settle(pilot)
        assert isinstance(app.screen, KpiValueDialog) and app.screen.row.line.kpi.id == "active_user_rate"


async def test_a_persian_value_with_persian_digits_is_recorded(seeded):
    app = make_app(seeded, today=TODAY, section="deliverables", lang="fa")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.screen.show_tab("kpis")
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        app.screen.query_one("#kpi-value-input").value = "۸۱٫۵"  # the Persian decimal separator (Pilot has
        await pilot.press("enter")  # no key name for it)
        await settle(pilot)
        assert not isinstance(app.screen, KpiValueDialog), (
            app.screen.query_one("#kpi-value-input").value,
            app.screen.query_one("#form-error").text,
        )
    with SQLiteStore(seeded / "state.db") as store:
        latest = store.measurements("active_user_rate")[-1]
    assert (latest.value, latest.measured_on) == (81.5, TODAY)


async def test_a_bug_in_a_dialog_handler_is_a_notification_and_the_input_stays(seeded, monkeypatch):
    import workbench.tui.screens.task_plan_dialog as dialog_module

    def broken(text, lang):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(dialog_module, "parse_day", broken)
    app = make_app(seeded, today=TODAY, section="phases")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        assert isinstance(app.screen, TaskPlanDialog) and app.screen.query_one("#due-input").value == "1"
        assert any("simulated bug" in note for note in app.notes_seen)
        assert app.is_running and isinstance(app.screen_stack[-2], PhasesScreen)
