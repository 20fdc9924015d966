"""KPI entry from the KPIs tab: the value dialog for the selected KPI, then the write through the store
queue with app.kpi_record (the code `crmwb kpi record` runs). The written value comes back to the screen
as a KpiRecorded message, which says whether it meets the target and shows it in the chart."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from workbench.domain.locale import format_number, format_short_date
from workbench.domain.tracking import Measurement, Trend
from workbench.i18n import _, current_language

if TYPE_CHECKING:
    from workbench.tui.screens.base import WorkbenchScreen
    from workbench.tui.widgets.kpi_table import KpiRow, KpiView


@dataclass
class KpiRecorded(Message):
    name: str
    target: str
    measurement: Measurement
    trend: Trend


def recorded_text(message: KpiRecorded) -> str:
    lang = current_language()
    on_track = message.trend.on_track
    status = _("on track") if on_track else _("not on track") if on_track is not None else _("no target")
    return _("Recorded {kpi} = {value} on {date} (target {target}: {status})").format(
        kpi=message.name,
        value=format_number(message.measurement.value, lang),
        date=format_short_date(message.measurement.measured_on, lang),
        target=message.target,
        status=status,
    )


def ask_kpi_value(screen: WorkbenchScreen, view: KpiView) -> None:
    """The value dialog for the KPI under the cursor; its answer is queued for the store."""
    from workbench.tui.screens.kpi_value_dialog import KpiValueDialog
    from workbench.tui.widgets.kpi_table import KpiTable

    row = view.query_one(KpiTable).current_item
    if row is None:
        screen.notify(_("Choose a KPI first (the KPIs tab)."), severity="warning")
        return
    screen.app.push_screen(KpiValueDialog(row, screen.wb.today), lambda m: _chosen(screen, row, m))


def _chosen(screen: WorkbenchScreen, row: KpiRow, measurement: Measurement | None) -> None:
    from workbench.app.kpi_record import record_measurement
    from workbench.tui.store_queue import StoreJob

    if measurement is None:
        return
    session = screen.wb.session
    if session is None:
        return
    opened, author, line = session.opened, session.author, row.line

    def change() -> None:
        trend = record_measurement(opened, line.kpi, measurement, author)
        screen.post_message(KpiRecorded(line.name, line.target_label, measurement, trend))

    label = _("Record a value of {kpi}").format(kpi=line.name)
    screen.wb.store_queue.submit(StoreJob(label, change, screen))
