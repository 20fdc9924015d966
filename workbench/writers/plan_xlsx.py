"""`plan.xlsx`: the scheduled project plan, a Gantt chart and the milestones.

Sheets: Plan (one row per task with its CPM figures and dates, critical rows highlighted), Gantt (one
column per working day or per week, bars coloured by criticality, ◆ on milestones, a band per phase),
Milestones (each phase's end and the tasks flagged as milestones).
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from workbench.domain.plan import Plan, ScheduledTask, schedule
from workbench.domain.playbook import Playbook
from workbench.domain.text import RTL_LANGUAGES, tr
from workbench.writers.atomic import atomic_path
from workbench.writers.context import ExportContext
from workbench.writers.plan_xlsx_gantt import write_gantt
from workbench.writers.spreadsheet import finish_table, header, put

CRITICAL_ROW = PatternFill("solid", fgColor="FCE4D6")
DATE_FORMAT = "yyyy-mm-dd"
PLAN_COLUMNS = [("Phase", 16), ("Task ID", 22), ("Task", 44), ("Owner", 20), ("Duration (working days)", 11),
                ("Depends on", 30), ("Early start", 9), ("Early finish", 9), ("Late start", 9),
                ("Late finish", 9), ("Slack", 8), ("Critical", 9), ("Start date", 12), ("Finish date", 12),
                ("Milestone", 10)]


class PlanView:
    """The plan with the names a reader sees: tasks, owners and phases in the export's language."""

    def __init__(self, pb: Playbook, plan: Plan, lang: str):
        self.plan, self.lang = plan, lang
        self.source = pb.task_map()
        self.roles = {r.id: tr(r.name, lang) for r in pb.roles}
        self.phases = {p.id: tr(p.name, lang) for p in pb.phases}

    def name(self, task: ScheduledTask) -> str:
        return tr(self.source[task.id].name, self.lang) if task.id in self.source else task.name

    def owner(self, task: ScheduledTask) -> str:
        return self.roles.get(task.owner, task.owner)

    def phase(self, phase: str) -> str:
        return self.phases.get(phase, phase)

    def depends_on(self, task: ScheduledTask) -> str:
        """Explicit dependencies; a later phase's first tasks wait for the phase before (the gate)."""
        deps = self.source[task.id].depends_on if task.id in self.source else []
        if deps:
            return ", ".join(deps)
        order = list(self.plan.phase_milestones())
        index = order.index(task.phase)
        return f"end of {self.phase(order[index - 1])}" if index else ""

    def by_phase(self) -> list[tuple[str, list[ScheduledTask]]]:
        """Tasks grouped by phase in phase order; within a phase in schedule order."""
        phases = self.plan.phase_milestones()
        return [(phase, [t for t in self.plan.tasks if t.phase == phase]) for phase in phases]


def write(ctx: ExportContext, folder: Path) -> list[Path]:
    plan = schedule(ctx.playbook, ctx.start)
    view = PlanView(ctx.playbook, plan, ctx.lang)
    wb = Workbook()
    _plan_sheet(wb.active, view)
    write_gantt(wb.create_sheet("Gantt"), view)
    _milestones(wb.create_sheet("Milestones"), view)
    if ctx.lang in RTL_LANGUAGES:
        for ws in wb.worksheets:
            ws.sheet_view.rightToLeft = True
    target = Path(folder) / "plan.xlsx"
    with atomic_path(target) as tmp:
        wb.save(tmp)
    return [target]


def _plan_sheet(ws: Worksheet, view: PlanView) -> None:
    ws.title = "Plan"
    header(ws, [title for title, _ in PLAN_COLUMNS], [width for _, width in PLAN_COLUMNS])
    row = 1
    for phase, tasks in view.by_phase():
        for task in tasks:
            row += 1
            values = [view.phase(phase), task.id, view.name(task), view.owner(task), task.duration,
                      view.depends_on(task), task.early_start, task.early_finish, task.late_start,
                      task.late_finish, task.slack, "yes" if task.critical else "no", task.start, task.finish,
                      "yes" if task.milestone else ""]
            for column, value in enumerate(values, start=1):
                cell = put(ws, row, column, value, wrap=column in (3, 6))
                if column in (13, 14):
                    cell.number_format = DATE_FORMAT
                if task.critical:
                    cell.fill = CRITICAL_ROW
            if task.critical:
                ws.cell(row=row, column=12).font = Font(bold=True, color="C00000")
    _summary_below(ws, row + 2, view.plan)
    finish_table(ws, row - 1, len(PLAN_COLUMNS))


def _summary_below(ws: Worksheet, row: int, plan: Plan) -> None:
    """Start, finish and length under the table, where a printout shows them."""
    facts = [("Start", plan.start), ("Finish", plan.finish), ("Working days", plan.working_days),
             ("Tasks", len(plan.tasks)), ("Critical tasks", len(plan.critical_path()))]
    for offset, (label, value) in enumerate(facts):
        put(ws, row + offset, 2, label).font = Font(bold=True)
        cell = put(ws, row + offset, 3, value)
        if label in ("Start", "Finish"):
            cell.number_format = DATE_FORMAT


def _milestones(ws: Worksheet, view: PlanView) -> None:
    header(ws, ["Phase", "Milestone", "Kind", "Task ID", "Date", "Critical"], [18, 48, 12, 24, 12, 9])
    row = 1
    for phase, tasks in view.by_phase():
        flagged = sorted((t for t in tasks if t.milestone), key=lambda t: t.finish)
        for task in flagged:
            row += 1
            for column, value in enumerate([view.phase(phase), view.name(task), "task", task.id, task.finish,
                                            "yes" if task.critical else "no"], start=1):
                put(ws, row, column, value, wrap=column == 2)
            ws.cell(row=row, column=5).number_format = DATE_FORMAT
        row += 1
        for column, value in enumerate([view.phase(phase), f"End of {view.phase(phase)}", "phase end", "",
                                        view.plan.phase_milestones()[phase], ""], start=1):
            put(ws, row, column, value).font = Font(bold=True)
        ws.cell(row=row, column=5).number_format = DATE_FORMAT
    finish_table(ws, row - 1, 6, landscape=False)
