"""`plan.xlsx`: the scheduled project plan, a Gantt chart and the milestones.

Sheets: Plan (one row per task with its CPM figures and dates, critical rows highlighted), Gantt (one
column per working day or per week, bars coloured by criticality, ◆ on milestones, a band per phase),
Milestones (each phase's end and the tasks flagged as milestones).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

from workbench.domain.locale import format_number
from workbench.domain.plan import Plan, ScheduledTask, plan_for
from workbench.domain.playbook import Playbook
from workbench.domain.text import tr
from workbench.i18n import N_, _
from workbench.writers.atomic import atomic_path
from workbench.writers.context import ExportContext, in_client_language
from workbench.writers.plan_xlsx_gantt import write_gantt
from workbench.writers.plan_xlsx_load import write_load
from workbench.writers.spreadsheet import finish_table, header, put, put_date, put_number
from workbench.writers.xlsx_style import first_sheet, right_to_left, workbook

PLAN_COLUMNS = [
    (N_("Phase"), 16),
    (N_("Task ID"), 22),
    (N_("Task"), 44),
    (N_("Owner"), 20),
    (N_("Duration (working days)"), 11),
    (N_("Depends on"), 30),
    (N_("Early start"), 9),
    (N_("Early finish"), 9),
    (N_("Late start"), 9),
    (N_("Late finish"), 9),
    (N_("Slack"), 8),
    (N_("Critical"), 9),
    (N_("Start date"), 12),
    (N_("Finish date"), 12),
    (N_("Milestone"), 10),
    (N_("Sized by"), 30),
]
NUMBER_COLUMNS = range(5, 12)
"""Duration, early/late start and finish, slack: numbers shown in the client's digits."""
DATE_COLUMNS = (13, 14)


class PlanView:
    """The plan with the names a reader sees: tasks, owners and phases in the export's language."""

    def __init__(self, pb: Playbook, plan: Plan, lang: str):
        self.plan, self.lang = plan, lang
        self.source = pb.task_map()
        self.roles = {r.id: tr(r.name, lang) for r in pb.roles}
        self.phases: dict[str, str] = {p.id: tr(p.name, lang) for p in pb.phases}

    def name(self, task: ScheduledTask) -> str:
        return tr(self.source[task.id].name, self.lang) if task.id in self.source else task.name

    def owner(self, task: ScheduledTask) -> str:
        return self.roles.get(task.owner, task.owner)

    def phase(self, phase: str) -> str:
        return self.phases.get(phase, phase)

    def sizing(self, task: ScheduledTask) -> str:
        """Why the task is longer than the playbook's base: each size driver with the client's figure."""
        return "; ".join(
            _("{driver} {value}: +{days} d").format(
                driver=tr(note.label, self.lang) if note.label else note.driver,
                value=format_number(note.value, self.lang),
                days=format_number(note.added, self.lang),
            )
            for note in self.plan.sizing.get(task.id, [])
        )

    def depends_on(self, task: ScheduledTask) -> str:
        """Explicit dependencies; a later phase's first tasks wait for the phase before (the gate)."""
        deps = self.source[task.id].depends_on if task.id in self.source else []
        if deps:
            return ", ".join(deps)
        order = list(self.plan.phase_milestones())
        index = order.index(task.phase)
        return _("end of {phase}").format(phase=self.phase(order[index - 1])) if index else ""

    def by_phase(self) -> list[tuple[str, list[ScheduledTask]]]:
        """Tasks grouped by phase in phase order; within a phase in schedule order."""
        phases = self.plan.phase_milestones()
        return [(phase, [t for t in self.plan.tasks if t.phase == phase]) for phase in phases]


@in_client_language
def write(ctx: ExportContext, folder: Path) -> list[Path]:
    plan = plan_for(ctx.playbook, ctx.answers, ctx.start, ctx.calendar)
    view = PlanView(ctx.playbook, plan, ctx.lang)
    wb = workbook(ctx.lang)
    _plan_sheet(first_sheet(wb), view)
    write_gantt(wb.create_sheet(_("Gantt")), view)
    _milestones(wb.create_sheet(_("Milestones")), view)
    write_load(wb.create_sheet(_("Load")), ctx.playbook, view)
    right_to_left(wb, ctx.lang)
    target = Path(folder) / "plan.xlsx"
    with atomic_path(target) as tmp:
        wb.save(tmp)
    return [target]


def _plan_sheet(ws: Worksheet, view: PlanView) -> None:
    ws.title = _("Plan")
    header(ws, [_(title) for title, _width in PLAN_COLUMNS], [width for _title, width in PLAN_COLUMNS])
    yes, no = _("yes"), _("no")
    row = 1
    for phase, tasks in view.by_phase():
        for task in tasks:
            row += 1
            values: list[Any] = [  # one row of mixed cells (the dependencies column is text)
                view.phase(phase),
                task.id,
                view.name(task),
                view.owner(task),
                task.duration,
                view.depends_on(task),
                task.early_start,
                task.early_finish,
                task.late_start,
                task.late_finish,
                task.slack,
                yes if task.critical else no,
                task.start,
                task.finish,
                yes if task.milestone else "",
                view.sizing(task),
            ]
            look = ("critical",) if task.critical else ()
            for column, value in enumerate(values, start=1):
                if column in DATE_COLUMNS:
                    put_date(ws, row, column, value, view.lang, style=look)
                elif column in NUMBER_COLUMNS:
                    put_number(ws, row, column, value, view.lang, style=look)
                else:
                    put(
                        ws,
                        row,
                        column,
                        value,
                        wrap=column in (3, 6, 16),
                        style=look + ("alert",) if task.critical and column == 12 else look,
                    )
    _summary_below(ws, row + 2, view.plan, view.lang)
    finish_table(ws, row - 1, len(PLAN_COLUMNS))


def _summary_below(ws: Worksheet, row: int, plan: Plan, lang: str) -> None:
    """Start, finish and length under the table, where a printout shows them."""
    dates = [(_("Start"), plan.start), (_("Finish"), plan.finish)]
    counts = [
        (_("Working days"), plan.working_days),
        (_("Tasks"), len(plan.tasks)),
        (_("Critical tasks"), len(plan.critical_path())),
    ]
    for offset, (label, day) in enumerate(dates):
        put(ws, row + offset, 2, label, style="strong")
        put_date(ws, row + offset, 3, day, lang)
    for offset, (label, count) in enumerate(counts, start=len(dates)):
        put(ws, row + offset, 2, label, style="strong")
        put_number(ws, row + offset, 3, count, lang)


def _milestones(ws: Worksheet, view: PlanView) -> None:
    header(
        ws,
        [_("Phase"), _("Milestone"), _("Kind"), _("Task ID"), _("Date"), _("Critical")],
        [18, 48, 12, 24, 12, 9],
    )
    row = 1
    for phase, tasks in view.by_phase():
        flagged = sorted((t for t in tasks if t.milestone), key=lambda t: t.finish)
        for task in flagged:
            row += 1
            for column, value in enumerate(
                [
                    view.phase(phase),
                    view.name(task),
                    _("task"),
                    task.id,
                    None,
                    _("yes") if task.critical else _("no"),
                ],
                start=1,
            ):
                put(ws, row, column, value, wrap=column == 2)
            put_date(ws, row, 5, task.finish, view.lang)
        row += 1
        end = _("End of {phase}").format(phase=view.phase(phase))
        for column, value in enumerate([view.phase(phase), end, _("phase end"), "", None, ""], start=1):
            put(ws, row, column, value, style="strong")
        put_date(ws, row, 5, view.plan.phase_milestones()[phase], view.lang, style="strong")
    finish_table(ws, row - 1, 6, landscape=False)
