"""Due date and assignee of one task: a date field with the engagement's working calendar under it and
an assignee field. Only collects: the Phases screen writes what it returns through app.task_plan, the
code `crmwb task due` and `crmwb task assign` run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input, Label

from workbench.domain.date_input import DateInputError, date_example, day_off_reason, named_in, parse_day
from workbench.domain.locale import format_short_date
from workbench.domain.work_calendar import WorkCalendar
from workbench.i18n import N_, _, current_language
from workbench.tui.bidi import visual
from workbench.tui.screens.form_dialog import FormDialog
from workbench.tui.widgets.bidi_text import BidiText
from workbench.tui.widgets.date_picker import DatePicker


@dataclass(frozen=True)
class TaskPlan:
    due: date | None
    """None: due on the planned date again"""
    due_changed: bool
    assignee: str | None
    assignee_changed: bool


class TaskPlanDialog(FormDialog[TaskPlan | None]):
    HELP = N_(
        "Set the task's due date (empty: the planned date) and who does it. Up/Down move the date a "
        "day, Page Up/Down a week; days off of the engagement's calendar are dimmed."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        *FormDialog.BINDINGS,  # listed again: the F1 help reads a screen's own BINDINGS
        Binding(
            "up",
            "move_day(-1)",
            N_("Day earlier"),
            show=False,
            id="due.day_earlier",
            tooltip=N_("Move the due date one day earlier"),
        ),
        Binding(
            "down",
            "move_day(1)",
            N_("Day later"),
            show=False,
            id="due.day_later",
            tooltip=N_("Move the due date one day later"),
        ),
        Binding(
            "pageup",
            "move_day(-7)",
            N_("Week earlier"),
            show=False,
            id="due.week_earlier",
            tooltip=N_("Move the due date one week earlier"),
        ),
        Binding(
            "pagedown",
            "move_day(7)",
            N_("Week later"),
            show=False,
            id="due.week_later",
            tooltip=N_("Move the due date one week later"),
        ),
    ]

    def __init__(
        self, name: str, planned: date, due: date | None, assignee: str | None, calendar: WorkCalendar | None
    ) -> None:
        super().__init__(_("Due date and assignee"))
        self.task_name, self.planned, self.due, self.assignee = name, planned, due, assignee or ""
        lang = current_language()
        self.calendar = named_in(calendar, lang, due or planned)
        self.initial_due = format_short_date(due, lang) if due else ""

    def compose_form(self) -> ComposeResult:
        lang = current_language()
        yield BidiText(
            _("{name}\nPlanned: {date}").format(
                name=self.task_name, date=format_short_date(self.planned, lang)
            ),
            classes="dialog-text",
        )
        yield Label(visual(_("Due date (empty: the planned date)")))
        yield Input(
            self.initial_due,
            placeholder=visual(_("e.g. {example}").format(example=date_example(lang))),
            id="due-input",
            compact=True,
        )
        yield DatePicker(self.calendar, self.due or self.planned, id="due-picker")
        yield BidiText(id="due-warning", classes="dialog-error")
        yield Label(visual(_("Assignee (empty: nobody)")))
        yield Input(self.assignee, id="assignee-input", compact=True)

    def on_mount(self) -> None:
        self.query_one("#due-input", Input).focus()
        self._show_warning(self.due)

    def ok_label(self) -> str:
        return _("Save")

    def is_dirty(self) -> bool:
        return (
            self.query_one("#due-input", Input).value.strip() != self.initial_due
            or self.query_one("#assignee-input", Input).value.strip() != self.assignee
        )

    def _typed(self) -> date | None:
        """The typed due date; None when empty; raises DateInputError."""
        text = self.query_one("#due-input", Input).value
        return parse_day(text, current_language()) if text.strip() else None

    def _show_warning(self, day: date | None) -> None:
        reason = day_off_reason(self.calendar, day)
        warning = self.query_one("#due-warning", BidiText)
        if day is None or reason is None or self.calendar is None:
            warning.update("")
            return
        lang = current_language()
        warning.update(
            _(
                "{day} is not a working day in this engagement's calendar ({reason}); the next working "
                "day is {next}"
            ).format(
                day=format_short_date(day, lang),
                reason=reason,
                next=format_short_date(self.calendar.first_working(day), lang),
            )
        )

    @on(Input.Changed, "#due-input")
    def _due_typed(self) -> None:
        try:
            day = self._typed()
        except DateInputError:
            return  # said on submit; the calendar stays on the last day that could be read
        self.query_one(DatePicker).show(day or self.planned)
        self._show_warning(day)
        self.show_error("")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def action_move_day(self, days: int) -> None:
        try:
            day = self._typed() or self.planned
        except DateInputError:
            day = self.query_one(DatePicker).chosen
        day += timedelta(days=days)
        self.query_one("#due-input", Input).value = format_short_date(day, current_language())

    def submit(self) -> None:
        try:
            due = self._typed()
        except DateInputError as exc:
            self.show_error(str(exc))
            self.query_one("#due-input", Input).focus()
            return
        assignee = self.query_one("#assignee-input", Input).value.strip()
        self.dismiss(TaskPlan(due, due != self.due, assignee or None, assignee != self.assignee))
