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

from workbench.domain.plan import Plan, ScheduledTask
from workbench.tui.widgets.paged_table import PagedTable, clip, theme_style

CRITICAL_MARK = "◆"


class PlanTable(PagedTable):
    COLUMNS: ClassVar[list[tuple[str, str]]] = [
        ("critical", " "), ("phase", "Phase"), ("task", "Task"), ("start", "Start"), ("finish", "Finish"),
        ("days", "Days"), ("slack", "Slack"), ("owner", "Owner")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "toggle_critical", "Critical only", id="plan.critical_only",
                tooltip="Show only the tasks on the critical path, or every task again"),
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
            name.append(" (milestone)", style="italic")
        return (Text(CRITICAL_MARK if item.critical else "", style=mark),
                Text(self.phase_names.get(item.phase, item.phase) if first else "", style="bold"),
                name, Text(item.start.isoformat()), Text(item.finish.isoformat()),
                Text(str(item.duration), justify="right"),
                Text(str(item.slack), justify="right", style=mark if item.critical else ""),
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
        shown = "critical path only" if table.critical_only else "all tasks"
        self.query_one("#plan-status", Static).update(
            f"{CRITICAL_MARK} critical · {len(plan.critical_path()):,} of {len(plan.tasks):,} tasks critical · "
            f"{plan.start.isoformat()} → {plan.finish.isoformat()}, {plan.working_days} working days · "
            f"{shown} · page {info.page}/{info.pages}", layout=False)
