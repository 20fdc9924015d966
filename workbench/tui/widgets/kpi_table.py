"""The KPI plan beside what has been measured: each KPI's owner, unit, baseline, target and cadence, then
its latest value, whether that meets the target, and a sparkline of the measurements.

The plan is domain.kpi_plan's (it schedules the project to find go-live, seconds on a 100x playbook), so
the view builds its rows in a thread worker and shows a loading indicator meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable
from textual.worker import Worker, WorkerState

from workbench.domain.kpi_plan import CADENCE_LABELS, KpiLine, kpi_plan
from workbench.domain.locale import format_number, format_short_date
from workbench.domain.playbook import Playbook
from workbench.domain.tracking import Measurement, Trend
from workbench.domain.work_calendar import WorkCalendar
from workbench.i18n import N_, _, current_language, ngettext
from workbench.tui.widgets.bidi_text import BidiText
from workbench.tui.widgets.kpi_chart import KpiChart
from workbench.tui.widgets.paged_table import PagedTable, clip, theme_style
from workbench.tui.widgets.throttle import Throttle


@dataclass(frozen=True)
class KpiRow:
    group: str
    line: KpiLine
    trend: Trend


def kpi_rows(
    pb: Playbook,
    start: date,
    measurements: list[Measurement],
    lang: str = "en",
    calendar: WorkCalendar | None = None,
    answers: dict | None = None,
) -> list[KpiRow]:
    """Every KPI of the plan in phase order, with its measurements (oldest first) as a Trend; target dates
    count from go-live on the engagement's calendar (`calendar`, `answers`), as the exported KPI plan does."""
    by_kpi: dict[str, list[Measurement]] = {}
    for m in measurements:
        by_kpi.setdefault(m.kpi_id, []).append(m)
    return [
        KpiRow(
            group.title,
            line,
            Trend(
                line.kpi.id,
                by_kpi.get(line.kpi.id, []),
                line.kpi.baseline,
                line.kpi.target,
                line.kpi.direction,
            ),
        )
        for group in kpi_plan(pb, start, lang, calendar, answers).groups
        for line in group.lines
    ]


def _number(value: float) -> str:
    return format_number(value, current_language())


class KpiTable(PagedTable):
    COLUMNS: ClassVar[list[tuple[str, str]]] = [
        ("group", N_("Phase")),
        ("kpi", N_("KPI")),
        ("latest", N_("Latest")),
        ("track", N_("On track")),
        ("trend", N_("Trend")),
        ("target", N_("Target")),
        ("baseline", N_("Baseline")),
        ("unit", N_("Unit")),
        ("cadence", N_("Cadence")),
        ("owner", N_("Owner")),
    ]
    """What has been measured comes right after the name, so it shows without scrolling sideways."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(fixed_columns=2, id=id)

    def item_key(self, item: KpiRow) -> str:
        return item.line.kpi.id

    def render_item(self, item: KpiRow, position: int) -> Sequence[RenderableType]:
        first = position % self.page_size == 0 or self.items[position - 1].group != item.group
        line, trend = item.line, item.trend
        latest = trend.latest
        on_track = trend.on_track
        track = (
            Text("—", style="dim")
            if on_track is None
            else Text("✓ " + _("yes"), style=theme_style(self, "success"))
            if on_track
            else Text("✗ " + _("no"), style=theme_style(self, "error", bold=True))
        )
        baseline = _("not yet") if line.kpi.baseline is None else _number(line.kpi.baseline)
        cadence = (
            _(CADENCE_LABELS[line.kpi.cadence]) if line.kpi.cadence in CADENCE_LABELS else line.kpi.cadence
        )
        return (
            Text(clip(item.group.split(":")[0], 16) if first else "", style="bold"),
            Text(clip(line.name, 28)),
            Text(_number(latest.value) if latest else "—", justify="right"),
            track,
            Text(trend.sparkline(12), style=theme_style(self, "accent")),
            Text(line.target_label, justify="right"),
            Text(baseline, justify="right"),
            Text(line.unit_label),
            Text(cadence),
            Text(clip(line.owner_name, 20)),
        )


class KpiView(Vertical):
    DEFAULT_CSS = """
    KpiView { height: 1fr; }
    KpiView KpiTable { height: 1fr; }
    KpiView #kpi-bottom { height: 7; border-top: solid $primary-muted; }
    KpiView #kpi-detail { width: 1fr; padding: 0 1; }
    KpiView #kpi-chart { width: 1fr; padding: 0 1; }
    """

    def __init__(self, lang: str = "en", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self._detail = Throttle(self, self._show_detail)
        self.after_load: Callable[[], None] | None = None
        """called once when the rows next arrive (the palette's `kpi: record a value` on a fresh tab)"""

    def compose(self) -> ComposeResult:
        yield KpiTable(id="kpi-table")
        with Horizontal(id="kpi-bottom"):
            with VerticalScroll(id="kpi-detail"):
                yield BidiText(id="kpi-detail-text")
            yield KpiChart(id="kpi-chart")

    def load(
        self,
        pb: Playbook,
        start: date,
        measurements: list[Measurement],
        calendar: WorkCalendar | None = None,
        answers: dict | None = None,
    ) -> None:
        self.query_one(KpiTable).loading = True
        self._build(pb, start, measurements, calendar, answers)

    @work(thread=True, exclusive=True, group="kpi-rows", description="kpi-rows", exit_on_error=False)
    def _build(
        self,
        pb: Playbook,
        start: date,
        measurements: list[Measurement],
        calendar: WorkCalendar | None,
        answers: dict | None,
    ) -> list[KpiRow]:
        return kpi_rows(pb, start, measurements, self.lang, calendar, answers)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The rows arrive here, on the UI thread; a failure is shown, never raised."""
        if event.worker.group != "kpi-rows" or event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        event.stop()
        table = self.query_one(KpiTable)
        table.loading = False
        if event.state == WorkerState.ERROR:
            self.notify(
                _("The KPI plan could not be built: {error}").format(error=event.worker.error),
                title=_("KPIs"),
                severity="error",
            )
            return
        current = table.current_item
        table.set_items(event.worker.result or [], keep=current.line.kpi.id if current else None)
        then, self.after_load = self.after_load, None
        if then is not None:
            then()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._detail(self.query_one(KpiTable).current_item)

    def _show_detail(self, item: KpiRow | None) -> None:
        lines: list[str] = []
        lang = current_language()
        if item is not None:
            line = item.line
            lines += [
                f"{line.name}  ({line.direction_label})",
                line.definition,
                _("Formula: {formula}").format(formula=line.readable_formula),
            ]
            if line.target_date:
                lines.append(_("Target by: {date}").format(date=format_short_date(line.target_date, lang)))
            lines.append(_("Source: {source}").format(source=line.source))
            latest = item.trend.latest
            if latest:
                count = len(item.trend.points)
                lines.append(
                    ngettext(
                        "Latest: {value} on {date} ({count} measurement)",
                        "Latest: {value} on {date} ({count} measurements)",
                        count,
                    ).format(
                        value=_number(latest.value),
                        date=format_short_date(latest.measured_on, lang),
                        count=count,
                    )
                )
        self.query_one(KpiChart).show(item.trend if item is not None else None)
        self.query_one("#kpi-detail-text", BidiText).set_lines(
            [(line, "bold" if index == 0 else "") for index, line in enumerate(lines)]
        )
