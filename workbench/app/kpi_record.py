"""KPI entry, the use case: read a typed value the way the consultant wrote it (6,1 / ۶٫۱ / 1 234,5),
check it against the KPI's valid range and the date, and record it. `crmwb kpi record` and the TUI's
value dialog both go through `read_measurement` and `record_measurement`."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from workbench.domain.kpi_values import KpiValueError, check_value
from workbench.domain.numbers import NumberError, parse_number
from workbench.domain.tracking import Measurement, Trend

if TYPE_CHECKING:
    from workbench.app.engagement import OpenEngagement
    from workbench.domain.kpis import Kpi


class KpiRecordError(ValueError):
    """A value that cannot be recorded; `field` says which input is wrong ("value" or "date")."""

    def __init__(self, field: str, message: str, value: float | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.value = value
        """the number read when it is outside the KPI's valid range (None: not a number at all)"""


def read_measurement(
    kpi: Kpi,
    value_text: str,
    when: date | None,
    today: date,
    source: str | None = None,
    note: str | None = None,
) -> Measurement:
    """The measurement the inputs stand for (the value read as domain.kpi_values.read_value reads it);
    raises KpiRecordError naming the wrong input."""
    try:
        value = parse_number(value_text)
    except NumberError as exc:
        raise KpiRecordError("value", str(exc)) from None
    try:
        check_value(kpi, value)
    except KpiValueError as exc:
        raise KpiRecordError("value", str(exc), value) from None
    day = when or today
    if day > today:
        raise KpiRecordError("date", day.isoformat())
    return Measurement(kpi.id, value, day, source or None, note or None)


def record_measurement(opened: OpenEngagement, kpi: Kpi, measurement: Measurement, author: str) -> Trend:
    """Store the measurement (sqlite3.Error when the store refuses: nothing written); the returned trend
    of the new value alone says whether it meets the target."""
    opened.store.record_measurements([measurement], author)
    return Trend(kpi.id, [measurement], None, float(kpi.target), kpi.direction)


def record_value(
    opened: OpenEngagement,
    kpi: Kpi,
    value: float,
    when: date,
    source: str | None,
    note: str | None,
    author: str | None,
) -> Measurement:
    """Store one value already read as a number (`crmwb data-audit --engagement` records the duplicate
    rate and completeness it measured); raises KpiValueError for a value out of the KPI's range and
    sqlite3.Error (or StoreBusy) when the store refuses the write: nothing is recorded then."""
    from workbench.store.author import current_author

    check_value(kpi, value)
    measurement = Measurement(kpi.id, value, when, source, note)
    opened.store.record_measurements([measurement], current_author(author))
    return measurement
