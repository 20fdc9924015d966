"""The week's actions of the Phases screen beside the task moves: a task's due date and assignee, closing
the phase shown at its gate, and the weekly report. Each calls the use case its CLI command calls
(app.task_plan, app.phase_gate, app.report); store writes go through the screen's store queue, the
report is written in a worker, and what came of it is said in a notification, never a traceback."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from workbench.i18n import _, current_language, ngettext
from workbench.tui.screens.week_tools import WeekTools, write_files

if TYPE_CHECKING:
    from workbench.app.phase_gate import PhaseClosed
    from workbench.app.session import Session
    from workbench.domain.tracking import TaskState, TaskView
    from workbench.tui.screens.report_dialog import ReportRequest
    from workbench.tui.screens.task_plan_dialog import TaskPlan


@dataclass
class PhaseCloseLanded(Message):
    """The close was carried out (or refused by the use case: `error`); posted from the store worker."""

    outcome: PhaseClosed | None
    error: str | None = None


class WeekActions(WeekTools):
    """The base of PhasesScreen: uses its session, `selected`, `phase`, `labels`, `states` and `_apply`."""

    session: Session
    phase: str
    labels: dict[str, str]
    states: dict[str, TaskState]

    @property
    def selected(self) -> TaskView | None:
        raise NotImplementedError

    # ---- due date and assignee
    def action_due(self) -> None:
        from workbench.tui.screens.task_plan_dialog import TaskPlanDialog

        view = self.selected
        if view is None:
            return
        opened = self.session.opened
        scheduled = next((t for t in opened.plan.tasks if t.id == view.id), None)
        state = self.states.get(view.id)
        planned = scheduled.finish if scheduled else view.due
        dialog = TaskPlanDialog(
            view.name, planned, state.due if state else None, view.assignee, opened.plan.calendar
        )
        self.app.push_screen(dialog, lambda plan: self._plan_chosen(view, plan))

    def _plan_chosen(self, view: TaskView, plan: TaskPlan | None) -> None:
        from workbench.app.task_plan import plan_task
        from workbench.domain.date_input import day_off_reason
        from workbench.domain.locale import format_short_date

        if plan is None or not (plan.due_changed or plan.assignee_changed):
            return
        opened, author = self.session.opened, self.session.author

        def change() -> None:
            plan_task(
                opened,
                view.id,
                author,
                due=plan.due,
                due_changed=plan.due_changed,
                assignee=plan.assignee,
                assignee_changed=plan.assignee_changed,
            )

        label = _("Due date and assignee of '{task}'").format(task=view.name)
        self._apply(change, label, view.id, undoable=True)
        reason = day_off_reason(opened.plan.calendar, plan.due) if plan.due_changed else None
        calendar = opened.plan.calendar
        if reason and plan.due is not None and calendar is not None:
            self.notify(
                _(
                    "{day} is not a working day in this engagement's calendar ({reason}); the next working "
                    "day is {next}"
                ).format(
                    day=format_short_date(plan.due, current_language()),
                    reason=reason,
                    next=format_short_date(calendar.first_working(plan.due), current_language()),
                ),
                severity="warning",
                timeout=8,
            )

    # ---- phase close
    def action_close_phase(self) -> None:
        from workbench.app.phase_gate import check_phase
        from workbench.tui.screens.phase_close_dialog import PhaseCloseDialog

        phase = self.phase
        with self.wb.store_queue.lock:
            check = check_phase(self.session.opened, phase, current_language(), self.session.states())
        if check.closed:
            self.notify(
                _("{phase} is already closed ({when} by {author}).").format(
                    phase=check.name, when=_when(check.closed["closed_at"]), author=check.closed["author"]
                ),
                timeout=6,
            )
            return
        self.app.push_screen(PhaseCloseDialog(check), lambda reason: self._close_chosen(phase, reason))

    def _close_chosen(self, phase: str, reason: str | None) -> None:
        from workbench.app.phase_gate import PhaseCloseError, close_phase

        if reason is None:
            return
        opened, author, lang = self.session.opened, self.session.author, current_language()
        screen = self

        def change() -> None:
            try:
                outcome = close_phase(opened, phase, author, reason or None, lang)
            except PhaseCloseError as exc:
                screen.post_message(PhaseCloseLanded(None, str(exc)))
                return
            screen.post_message(PhaseCloseLanded(outcome))

        label = _("Close the phase {phase}").format(phase=self.labels.get(phase, phase))
        self._apply(change, label, self.selected.id if self.selected else "")

    def on_phase_close_landed(self, message: PhaseCloseLanded) -> None:
        message.stop()
        outcome = message.outcome
        if outcome is None:
            self.notify(message.error or "", severity="error", timeout=8)
            return
        name, author = outcome.check.name, self.session.author
        if outcome.check.closed:
            self.notify(
                _("{phase} is already closed ({when} by {author}).").format(
                    phase=name,
                    when=_when(outcome.check.closed["closed_at"]),
                    author=outcome.check.closed["author"],
                )
            )
        elif not outcome.closed:
            n = len(outcome.missing)
            self.notify(
                ngettext(
                    "Not closed: {n} gate task was reopened meanwhile; close it again.",
                    "Not closed: {n} gate tasks were reopened meanwhile; close it again.",
                    n,
                ).format(n=n),
                severity="warning",
                timeout=8,
            )
        elif outcome.reason:
            self.notify(
                _("{phase} closed by {author} with an override: {reason}").format(
                    phase=name, author=author, reason=outcome.reason
                ),
                timeout=8,
            )
        else:
            self.notify(
                _("{phase} closed by {author}: every gate task is done or skipped.").format(
                    phase=name, author=author
                ),
                timeout=8,
            )

    # ---- weekly report
    def action_report(self) -> None:
        from workbench.tui.screens.report_dialog import ReportDialog

        app = self.wb
        self.app.push_screen(ReportDialog(self.session, app.today, app.store_queue.lock), self._report_chosen)

    def _report_chosen(self, request: ReportRequest | None) -> None:
        if request is not None:
            self.run_worker(
                lambda: self._write_report(request),
                thread=True,
                group="report-write",
                exit_on_error=False,
                description="report-write",
            )

    def _write_report(self, request: ReportRequest) -> None:
        from workbench.app.report import weekly_report

        def write() -> list[Path]:
            with self.wb.store_queue.lock:
                return weekly_report(
                    self.session.opened, request.formats, self.wb.today, request.folder
                ).paths

        write_files(self, write, request.folder, _("Weekly status report"))


def _when(closed_at: str) -> str:
    from datetime import datetime

    from workbench.domain.locale import format_short_date, localize_digits

    try:
        stamp = datetime.fromisoformat(closed_at).astimezone()
    except ValueError:
        return closed_at
    lang = current_language()
    return f"{format_short_date(stamp.date(), lang)} {localize_digits(stamp.strftime('%H:%M'), lang)}"
