"""The project plan: tasks in schedule order with dates, slack and the critical path marked, and a key to
show the critical path alone. The schedule is domain.plan's, the same the xlsx Gantt is drawn from."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static

from workbench.domain.locale import format_number, format_short_date
from workbench.domain.plan import Plan, ScheduledTask
from workbench.i18n import N_, _, current_language
from workbench.tui.widgets.paged_table import PagedTable, clip, theme_style

CRITICAL_MARK = "◆"


class PlanTable(PagedTable):
    COLUMNS: ClassVar[list[tuple[str, str]]] = [
        ("critical", " "), ("phase", N_("Phase")), ("task", N_("Task")), ("start", N_("Start")),
        ("finish", N_("Finish")), ("days", N_("Days")), ("slack", N_("Slack")), ("owner", N_("Owner"))]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "toggle_critical", N_("Critical only"), id="plan.critical_only",
                tooltip=N_("Show only the tasks on the critical path, or every task again")),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(fixed_columns=3, id=id)
        self.plan: Plan | None = None
        self.critical_only = False
        self.phase_names: dict[str, str] = {}
        self.role_names: dict[str, str] = {}

    def load(self, plan: Plan, phase_names: dict[str, str], role_names: dict[str, str]) -> None:
        self.plan, self.phase_names, self.role_names = plan, phase_names, role_names
        self._show()

    def _show(self) -> None:
        if self.plan is None:
            return
        current = self.current_item
        tasks = self.plan.critical_path() if self.critical_only else self.plan.tasks
        self.set_items(tasks, keep=current.id if current else None)

    def item_key(self, item: ScheduledTask) -> str:
        return item.id

    def render_item(self, item: ScheduledTask, position: int) -> Sequence[RenderableType]:
        first = position % self.page_size == 0 or self.items[position - 1].phase != item.phase
        mark = theme_style(self, "error", bold=True)
        name = Text(clip(item.name, 36), style="bold" if item.critical else "")
        if item.milestone:
            name.append(" " + _("(milestone)"), style="italic")
        return (Text(CRITICAL_MARK if item.critical else "", style=mark),
                Text(self.phase_names.get(item.phase, item.phase) if first else "", style="bold"),
                name, Text(format_short_date(item.start, current_language())),
                Text(format_short_date(item.finish, current_language())),
                Text(format_number(item.duration, current_language()), justify="right"),
                Text(format_number(item.slack, current_language()), justify="right",
                     style=mark if item.critical else ""),
                Text(self.role_names.get(item.owner, item.owner)))

    def action_toggle_critical(self) -> None:
        self.critical_only = not self.critical_only
        self._show()
        self.refresh_bindings()


class PlanView(Vertical):
    """The plan table over a one-line summary: finish date, working days, critical tasks."""

    DEFAULT_CSS = """
    PlanView { height: 1fr; }
    PlanView PlanTable { height: 1fr; }
    PlanView #plan-status { height: 1; background: $panel; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        yield PlanTable(id="plan-table")
        yield Static(id="plan-status")

    def load(self, plan: Plan, phase_names: dict[str, str], role_names: dict[str, str]) -> None:
        self.query_one(PlanTable).load(plan, phase_names, role_names)

    def on_paged_table_page_changed(self, event: PagedTable.PageChanged) -> None:
        event.stop()
        table = self.query_one(PlanTable)
        plan = table.plan
        if plan is None:
            return
        info = event.info
        from workbench.tui.bidi import visual

        lang = current_language()

        def n(value: int) -> str:
            return format_number(value, lang)

        shown = _("critical path only") if table.critical_only else _("all tasks")
        self.query_one("#plan-status", Static).update(visual(_(
            "{mark} critical · {critical} of {tasks} tasks critical · {start} → {finish}, {days} working days · "
            "{shown} · page {page}/{pages}").format(
            mark=CRITICAL_MARK, critical=n(len(plan.critical_path())), tasks=n(len(plan.tasks)),
            start=format_short_date(plan.start, lang), finish=format_short_date(plan.finish, lang),
            days=n(plan.working_days), shown=shown, page=n(info.page), pages=n(info.pages))), layout=False)
