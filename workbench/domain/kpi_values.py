"""A KPI value as the user typed it, read in their notation and checked against what the KPI can be.

`kpi record csat 150` used to be stored "on track", and a negative response time became the baseline;
now a value outside the KPI's valid range (declared `range:` or its unit's default) is refused with the
range it must lie in. Pure: no I/O.
"""

from __future__ import annotations

from workbench.domain.kpis import Kpi
from workbench.domain.numbers import NumberError, parse_number
from workbench.i18n import _

_UNIT_WORDS = {"percent": " %", "hours": " h", "minutes": " min", "days": " d"}


class KpiValueError(ValueError):
    """A typed KPI value that cannot be stored: not a number, or not a value this KPI can take."""


def _bound(value: float, unit: str) -> str:
    return f"{value:g}{_UNIT_WORDS.get(unit, '')}"


def range_text(kpi: Kpi) -> str:
    """'0 to 100 %', '0 or more', '-100 or more', 'any number'."""
    low, high = kpi.bounds()
    if low is not None and high is not None:
        return _("{low} to {high}").format(low=f"{low:g}", high=_bound(high, kpi.unit))
    if low is not None:
        return _("{low} or more").format(low=_bound(low, kpi.unit))
    if high is not None:
        return _("{high} or less").format(high=_bound(high, kpi.unit))
    return _("any number")


def check_value(kpi: Kpi, value: float) -> None:
    """Raise KpiValueError when `value` is outside the KPI's valid range."""
    if kpi.out_of_range(value):
        message = _("{value} is outside the valid range of {kpi} ({unit}); expected {range}")
        raise KpiValueError(
            message.format(value=f"{value:g}", kpi=kpi.id, unit=kpi.unit, range=range_text(kpi))
        )


def read_value(kpi: Kpi, text: str) -> float:
    """The value `text` stands for (6,1 / 6.1 / ۶٫۱ / 1 234,5), checked against the KPI's range."""
    try:
        value = parse_number(text)
    except NumberError as exc:
        raise KpiValueError(str(exc)) from None
    check_value(kpi, value)
    return value
