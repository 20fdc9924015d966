"""Recording a measured KPI value, the use case `crmwb kpi record` and `crmwb data-audit --engagement`
share: the value checked against the KPI's valid range, then stored with its date, source and author."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.app.engagement import OpenEngagement
    from workbench.domain.kpis import Kpi
    from workbench.domain.tracking import Measurement


def record_value(
    opened: OpenEngagement,
    kpi: Kpi,
    value: float,
    when: date,
    source: str | None,
    note: str | None,
    author: str | None,
) -> Measurement:
    """Store one value; raises KpiValueError for a value out of the KPI's range and sqlite3.Error (or
    StoreBusy) when the store refuses the write: nothing is recorded then."""
    from workbench.domain.kpi_values import check_value
    from workbench.domain.tracking import Measurement
    from workbench.store.author import current_author

    check_value(kpi, value)
    measurement = Measurement(kpi.id, value, when, source, note)
    opened.store.record_measurements([measurement], current_author(author))
    return measurement
