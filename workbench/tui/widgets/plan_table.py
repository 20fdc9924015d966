"""The project plan: tasks in schedule order with dates, slack and the critical path marked, a key to show
the critical path alone, and each task's baseline and forecast finish with its slip. The schedule is
domain.plan's, the same the xlsx Gantt is drawn from; the forecast is domain.forecast's, the same
`crmwb plan show` prints. A second view of the tab (l) shows the load per role and week (load_table.py).

The forecast needs the task states, actual dates and the active baseline from the store: they are read in a
thread worker under the store lock and the result comes back as a message, so the tab shows at once and
the forecast columns fill a moment later. Freezing a baseline goes through the store queue."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import ContentSwitcher, Static

from workbench.domain.forecast import Forecast, ForecastTask
from workbench.domain.forecast_text import baseline_label, day_text, go_live_line, slip_figure
from workbench.domain.locale import format_number, format_short_date
from workbench.domain.plan import Plan, ScheduledTask
from workbench.domain.plan_timeline import Timeline
from workbench.domain.target_date import TargetCheck
from workbench.i18n import N_, _, current_language, ngettext
from workbench.tui import messages as m
from workbench.tui.widgets.bidi_text import BidiText
from workbench.tui.widgets.load_table import LoadTable, role_loads
from workbench.tui.widgets.paged_table import PagedTable, clip, theme_style
from workbench.tui.widgets.plan_timeline import axis_text, bar_text, plan_timeline, today_of

if TYPE_CHECKING:
    from workbench.app.engagement import OpenEngagement

CRITICAL_MARK = "◆"
TASK_WIDTH, NARROW_TASK_WIDTH = 36, 20
NARROW_PHASE_WIDTH = 10
"""In a narrow terminal the fixed label columns (mark, phase, task) are clipped shorter, so the start,
finish and baseline dates still show at 80 columns; the rest scrolls sideways as before."""


class PlanTable(PagedTable):
    COLUMNS: ClassVar[list[tuple[str, str]]] = [
        ("critical", " "),
        ("phase", N_("Phase")),
        ("task", N_("Task")),
        ("timeline", " "),
        ("start", N_("Start")),
        ("finish", N_("Finish")),
        ("baseline", N_("Baseline")),
        ("forecast", N_("Forecast")),
        ("slip", N_("Slip")),
        ("days", N_("Days")),
        ("slack", N_("Slack")),
        ("owner", N_("Owner")),
    ]
    """after the task, its bar over the engagement (plan_timeline.py; the heading is the time axis, set with
    the plan); after the plan's own dates: the task's finish in the baseline and in the forecast, and the
    slip"""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "c",
            "toggle_critical",
            N_("Critical only"),
            id="plan.critical_only",
            tooltip=N_("Show only the tasks on the critical path, or every task again"),
        ),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(fixed_columns=3, id=id)
        self.column_spec = [(key, _(label) if label.strip() else label) for key, label in self.COLUMNS]
        self.plan: Plan | None = None
        self.critical_only = False
        self.phase_names: dict[str, str] = {}
        self.role_names: dict[str, str] = {}
        self.forecast: dict[str, ForecastTask] = {}
        """task id -> its forecast; empty until the store was read"""
        self.timeline: Timeline | None = None
        """the Gantt column's time axis, set with the columns"""

    def show_forecast(self, forecast: Forecast) -> None:
        self.forecast = forecast.task_map()
        self._show()

    def load(self, plan: Plan, phase_names: dict[str, str], role_names: dict[str, str]) -> None:
        self.plan, self.phase_names, self.role_names = plan, phase_names, role_names
        self.set_columns(self.narrow_columns())
        self._show()

    def narrow_columns(self) -> list[tuple[str, Any]]:
        """The columns with the Gantt's time axis as the timeline's heading: its scale and width follow the
        terminal's width when the columns are set (with the plan, or across NARROW_BELOW), and the bars
        are drawn on that same axis until they are set again."""
        lang = current_language()
        self.timeline = (
            None if self.plan is None else plan_timeline(self.plan, self.app.size.width, self.narrow, lang)
        )
        heading = axis_text(self.timeline, lang) if self.timeline is not None else " "
        return [(key, heading if key == "timeline" else label) for key, label in self.column_spec]

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
        narrow = self.narrow
        name = self._name_cell(item, narrow)
        phase = self.phase_names.get(item.phase, item.phase) if first else ""
        return (
            Text(CRITICAL_MARK if item.critical else "", style=mark),
            Text(clip(phase, NARROW_PHASE_WIDTH) if narrow else phase, style="bold"),
            name,
            self._bar(item),
            Text(format_short_date(item.start, current_language())),
            Text(format_short_date(item.finish, current_language())),
            *self._forecast_cells(item.id),
            Text(format_number(item.duration, current_language()), justify="right"),
            Text(
                format_number(item.slack, current_language()),
                justify="right",
                style=mark if item.critical else "",
            ),
            Text(self.role_names.get(item.owner, item.owner)),
        )

    @staticmethod
    def _name_cell(item: ScheduledTask, narrow: bool) -> Text:
        """The task's name, bold on the critical path, marked when a milestone; in a narrow terminal the
        whole cell, mark included, is clipped to NARROW_TASK_WIDTH (else the mark would widen the column)."""
        suffix = " " + _("(milestone)") if item.milestone else ""
        style = "bold" if item.critical else ""
        if narrow:
            return Text(clip(item.name + suffix, NARROW_TASK_WIDTH), style=style)
        return Text(clip(item.name, TASK_WIDTH), style=style).append(suffix, style="italic")

    def _bar(self, item: ScheduledTask) -> Text:
        """The task's bar: its forecast dates once read (the plan's until then), the slip after its baseline
        finish."""
        line = self.timeline
        if line is None:
            return Text("")
        fc = self.forecast.get(item.id)
        start, finish, baseline = (
            (fc.start, fc.finish, fc.baseline_finish) if fc else (item.start, item.finish, None)
        )
        return bar_text(
            self, line.cells(start, finish, baseline=baseline, today=today_of(self)), item.critical
        )

    def _forecast_cells(self, task_id: str) -> tuple[Text, Text, Text]:
        fc = self.forecast.get(task_id)
        if fc is None:
            return Text(""), Text(""), Text("")
        slip = fc.slip or 0
        style = (
            theme_style(self, "error", bold=True)
            if slip > 0
            else theme_style(self, "success")
            if slip < 0
            else ""
        )
        return (
            Text(day_text(fc.baseline_finish) if fc.baseline_finish else ""),
            Text(day_text(fc.finish), style="italic" if fc.actual else ""),
            Text(slip_figure(fc.slip), justify="right", style=style),
        )

    def action_toggle_critical(self) -> None:
        self.critical_only = not self.critical_only
        self._show()
        self.refresh_bindings()


@dataclass
class ForecastRead(Message):
    """A worker read the store and computed the forecast of `source` (the engagement it was read from)."""

    source: Any
    forecast: Forecast


class PlanView(Vertical):
    """The go-live baseline, forecast and slip over the plan table (or the load chart, l), over a one-line
    summary: finish date, working days, critical tasks; or the over-allocated roles."""

    DEFAULT_CSS = """
    PlanView { height: 1fr; }
    PlanView #plan-header { height: auto; max-height: 3; background: $panel; padding: 0 1; }
    PlanView #plan-header.-late { color: $error; }
    PlanView #plan-switch { height: 1fr; }
    PlanView PlanTable, PlanView LoadTable { height: 1fr; }
    PlanView #plan-status { height: 1; background: $panel; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "l",
            "toggle_load",
            "Load",
            id="plan.load",
            tooltip="Show the load per role and week, or the tasks again",
        ),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source: OpenEngagement | None = None
        self.forecast: Forecast | None = None
        self.target: TargetCheck | None = None

    def compose(self) -> ComposeResult:
        yield BidiText(id="plan-header")
        with ContentSwitcher(initial="plan-table", id="plan-switch"):
            yield PlanTable(id="plan-table")
            yield LoadTable(id="load-table")
        yield Static(id="plan-status")

    def load(
        self,
        opened: OpenEngagement,
        phase_names: dict[str, str],
        role_names: dict[str, str],
        shown: Plan | None = None,
    ) -> None:
        """Show `opened`'s plan and load at once; the forecast follows from a worker (refresh_forecast).
        `shown`: the same plan with its task names in the interface language (the schedule names them
        once)."""
        from workbench.domain.target_date import check_target

        self.source, self.forecast = opened, None
        engagement = opened.engagement
        self.target = check_target(opened.resolved, opened.plan, engagement.answers, engagement.start)
        self.query_one(PlanTable).load(shown or opened.plan, phase_names, role_names)
        self.query_one(LoadTable).load(role_loads(opened.resolved, opened.plan, role_names))
        self._show_header()
        self.refresh_forecast()

    @property
    def showing_load(self) -> bool:
        return self.query_one(ContentSwitcher).current == "load-table"

    def action_toggle_load(self) -> None:
        switcher = self.query_one(ContentSwitcher)
        switcher.current = "plan-table" if self.showing_load else "load-table"
        table = self.query_one(f"#{switcher.current}", PagedTable)
        table.focus()
        self._show_status(table)

    # ---- the forecast, read off the UI thread
    def refresh_forecast(self) -> None:
        opened = self.source
        if opened is None:
            return
        today = getattr(self.app, "today", None) or date.today()
        self.run_worker(
            lambda: self._read_forecast(opened, today),
            thread=True,
            exclusive=True,
            group="plan-forecast",
            exit_on_error=False,
            name="plan forecast",
            description="plan forecast",
        )

    def _read_forecast(self, opened: OpenEngagement, today: date) -> None:
        from contextlib import nullcontext

        from workbench.app.store_access import is_transient
        from workbench.domain.forecast import forecast

        queue = getattr(self.app, "store_queue", None)
        try:
            with queue.lock if queue is not None else nullcontext():
                store = opened.store
                states, actuals, baseline = store.tasks(), store.actuals(), store.active_baseline()
        except Exception as exc:
            if is_transient(exc):
                return  # busy, or the engagement was re-opened: the next refresh reads again
            raise
        self.post_message(
            ForecastRead(opened, forecast(opened.resolved, opened.plan, states, actuals, today, baseline))
        )

    @on(ForecastRead)
    def _forecast_read(self, message: ForecastRead) -> None:
        message.stop()
        if message.source is not self.source:
            return  # read from an engagement replaced since
        self.forecast = message.forecast
        self.query_one(PlanTable).show_forecast(message.forecast)
        self._show_header()

    def _show_header(self) -> None:
        lines: list[str] = []
        fc = self.forecast
        if fc is None:
            lines.append(_("Forecast: reading the task states…"))
        else:
            go_live = go_live_line(fc)
            lines.append(
                " · ".join(filter(None, [go_live, _("Baseline: {label}").format(label=baseline_label(fc))]))
            )
        if self.target is not None and self.target.missed:
            days = self.target.slip_working_days
            lines.append(
                ngettext(
                    "Target go-live {target} missed by {days} working day (go-live {go_live})",
                    "Target go-live {target} missed by {days} working days (go-live {go_live})",
                    days,
                ).format(
                    target=day_text(self.target.target),
                    days=days_number(days),
                    go_live=day_text(self.target.go_live),
                )
            )
        header = self.query_one("#plan-header", BidiText)
        header.set_class(
            bool(fc is not None and fc.slip > 0) or bool(self.target and self.target.missed), "-late"
        )
        header.update("\n".join(lines))

    # ---- the freeze, through the store queue
    def freeze_baseline(self, reason: str, author: str) -> None:
        """Freeze the forecast as it stands as the active baseline (`crmwb plan baseline`), off the UI
        thread."""
        from workbench.domain.forecast import baseline_from, forecast
        from workbench.tui.store_queue import StoreJob

        opened = self.source
        if opened is None:
            return
        today = getattr(self.app, "today", None) or date.today()

        frozen: list[int] = []

        def freeze() -> None:
            store = opened.store
            fc = forecast(
                opened.resolved, opened.plan, store.tasks(), store.actuals(), today, store.active_baseline()
            )
            tasks, go_live, finish = baseline_from(fc)
            frozen.append(store.save_baseline(tasks, go_live, finish, reason, author))

        job = StoreJob(_("Freeze a baseline"), freeze, self, lambda: (frozen[-1], reason))
        self.app.store_queue.submit(job)  # type: ignore[attr-defined]

    @on(m.StoreDone)
    def _frozen(self, message: m.StoreDone) -> None:
        message.stop()
        number, reason = message.result
        self.notify(
            _("Baseline #{id} frozen: {reason}").format(id=days_number(number), reason=reason), timeout=5
        )
        self.refresh_forecast()

    @on(m.StoreWaiting)
    def _freeze_waiting(self, message: m.StoreWaiting) -> None:
        message.stop()
        self.notify(
            _(
                "Another program is writing to the engagement; retrying… ({change} will be saved as "
                "soon as it has finished.)"
            ).format(change=message.label),
            title=_("Store busy"),
            severity="warning",
            timeout=6,
        )

    @on(m.StoreRefused)
    def _freeze_refused(self, message: m.StoreRefused) -> None:
        message.stop()
        self.notify(
            _("Not saved: {change}: {reason}").format(change=message.label, reason=message.message),
            severity="error",
            timeout=6,
        )

    # ---- the status line
    def on_paged_table_page_changed(self, event: PagedTable.PageChanged) -> None:
        event.stop()
        self._show_status(event.table)

    def _show_status(self, table: PagedTable) -> None:
        if (table.id == "load-table") != self.showing_load:
            return  # the other view's page: not on screen
        info = table.info
        page = _("page {page}/{pages}").format(page=days_number(info.page), pages=days_number(info.pages))
        if isinstance(table, LoadTable):
            over = [load for load in table.loads if load.over_weeks]
            text = (
                ngettext(
                    "{count} role over its availability in some week",
                    "{count} roles over their availability in some week",
                    len(over),
                ).format(count=days_number(len(over)))
                if over
                else _("no role over its availability")
            )
            per = (
                _("% of each role's availability per week · {over} · {page}")
                if table.months is None
                else _("weeks of each role's time per month · {over} · {page}")
            )
            status = per.format(over=text, page=page)
        else:
            plan = self.query_one(PlanTable).plan
            if plan is None:
                return
            status = plan_status(self.query_one(PlanTable), plan, page)
        from workbench.tui.bidi import visual

        self.query_one("#plan-status", Static).update(visual(status), layout=False)


def days_number(value: int) -> str:
    from workbench.domain.forecast_text import number_text

    return number_text(value)


def plan_status(table: PlanTable, plan: Plan, page: str) -> str:
    shown = _("critical path only") if table.critical_only else _("all tasks")
    days = ngettext("{count} working day", "{count} working days", plan.working_days).format(
        count=days_number(plan.working_days)
    )
    return _(
        "{mark} critical · {critical} of {total} tasks critical · {start} → {finish}, {days} · "
        "{shown} · {page}"
    ).format(
        mark=CRITICAL_MARK,
        critical=days_number(len(plan.critical_path())),
        total=days_number(len(plan.tasks)),
        start=day_text(plan.start),
        finish=day_text(plan.finish),
        days=days,
        shown=shown,
        page=page,
    )
