"""The Tracking sheet of `kpis.xlsx`: per KPI, twelve periods of its cadence to fill in from go-live.

KPIs are grouped by cadence; each group opens with a row naming its periods (2026-08, 2026-09 ... or
2026 Q3 ...). Period cells are yellow, accept only numbers, and feed two formulas: the latest value
entered and whether it meets the target (in the KPI's direction).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl.formatting.rule import CellIsRule
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from workbench.domain.kpi_plan import CADENCE_LABELS, periods
from workbench.domain.locale import format_number, format_short_date
from workbench.i18n import N_, _, current_language
from workbench.writers.spreadsheet import finish_table, header, put, put_date, put_formula, put_number
from workbench.writers.xlsx_style import apply, dxf

if TYPE_CHECKING:
    from workbench.domain.kpi_plan import KpiPlan

PERIODS = 12
CADENCES = ("weekly", "monthly", "quarterly", "yearly")
MET = (N_("met"), "good")
NOT_MET = (N_("not met"), "bad")
"""the status a formula writes, and the role (xlsx_style) conditional formatting paints it with"""
COLUMNS = [
    (N_("ID"), 20),
    (N_("KPI"), 28),
    (N_("Cadence"), 11),
    (N_("Unit"), 8),
    (N_("Direction"), 18),
    (N_("Baseline"), 12),
    (N_("Target"), 9),
    (N_("Target date"), 12),
    (N_("Latest"), 10),
    (N_("Latest vs target"), 11),
]
GROUP_TITLES = {
    "weekly": N_("Weekly KPIs"),
    "monthly": N_("Monthly KPIs"),
    "quarterly": N_("Quarterly KPIs"),
    "yearly": N_("Yearly KPIs"),
}
TARGET, TARGET_DATE, BASELINE, LATEST, STATUS = 7, 8, 6, 9, 10
FIRST_PERIOD = len(COLUMNS) + 1
HEADER_ROW = 3


def period_cells(row: int) -> str:
    return f"{get_column_letter(FIRST_PERIOD)}{row}:{get_column_letter(FIRST_PERIOD + PERIODS - 1)}{row}"


def latest_formula(row: int) -> str:
    """The last number entered in the row's periods ('' while none is), gaps allowed. SUMPRODUCT makes
    Excel and LibreOffice evaluate the array without an array formula."""
    first, cells = f"{get_column_letter(FIRST_PERIOD)}{row}", period_cells(row)
    position = f"SUMPRODUCT(MAX(ISNUMBER({cells})*(COLUMN({cells})-COLUMN({first})+1)))"
    return f'=IF(COUNT({cells})=0,"",INDEX({cells},{position}))'


def status_formula(row: int, direction: str) -> str:
    latest, target = f"{get_column_letter(LATEST)}{row}", f"{get_column_letter(TARGET)}{row}"
    compare = ">=" if direction == "up" else "<="
    return f'=IF({latest}="","",IF({latest}{compare}{target},"{_(MET[0])}","{_(NOT_MET[0])}"))'


def title_rows(ws: Worksheet, title: str, note: str) -> None:
    put(ws, 1, 1, title, style="title")
    put(ws, 2, 1, note, style="note")


def go_live_note(plan: KpiPlan, lang: str) -> str:
    return _(
        "Target dates and tracking periods count from go-live on {date}, the end of the deployment phase "
        "in the project plan."
    ).format(date=format_short_date(plan.go_live, lang))


def write_tracking(ws: Worksheet, plan: KpiPlan, client: str, lang: str) -> None:
    title_rows(
        ws,
        _("KPI tracking: {client}").format(client=client),
        go_live_note(plan, lang)
        + " "
        + _("Enter each period's value in the yellow cells; Latest and Latest vs target update themselves."),
    )
    titles = [_(t) for t, _w in COLUMNS] + [
        _("Period {n}").format(n=format_number(i, current_language())) for i in range(1, PERIODS + 1)
    ]
    header(ws, titles, [w for _t, w in COLUMNS] + [10] * PERIODS, row=HEADER_ROW)
    numbers = DataValidation(
        type="decimal",
        operator="between",
        formula1="-1E+300",
        formula2="1E+300",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=_("A number, please"),
        error=_("Enter the KPI's value for the period as a number (e.g. 87.5)."),
    )
    ws.add_data_validation(numbers)
    lines = plan.lines()
    row = HEADER_ROW
    for cadence in CADENCES:
        group = [line for line in lines if line.kpi.cadence == cadence]
        if not group:
            continue
        row += 1
        _period_row(ws, row, cadence, plan, lang)
        for line in group:
            row += 1
            kpi = line.kpi
            values = [kpi.id, line.name, line.cadence_label, line.unit_label, line.direction_label]
            for column, value in enumerate(values, start=1):
                put(ws, row, column, value, wrap=column == 2)
            if kpi.baseline is not None:
                put_number(ws, row, BASELINE, kpi.baseline, lang, "#,##0.##")
            put_number(ws, row, TARGET, kpi.target, lang, "#,##0.##")
            put_date(ws, row, TARGET_DATE, line.target_date, lang)
            if kpi.baseline is None:
                apply(ws.cell(row=row, column=BASELINE), "input")
            put_formula(ws, row, LATEST, latest_formula(row))
            put_formula(ws, row, STATUS, status_formula(row, kpi.direction), style="centred")
            for column in range(FIRST_PERIOD, FIRST_PERIOD + PERIODS):
                apply(ws.cell(row=row, column=column), "input")
            numbers.add(period_cells(row))
    letter = get_column_letter(STATUS)
    status = f"{letter}{HEADER_ROW + 1}:{letter}{max(row, HEADER_ROW + 1)}"
    for text, role in (MET, NOT_MET):
        look = dxf(role)
        ws.conditional_formatting.add(
            status, CellIsRule(operator="equal", formula=[f'"{_(text)}"'], fill=look.fill, font=look.font)
        )
    finish_table(ws, row - HEADER_ROW, len(titles), header_row=HEADER_ROW)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=3).coordinate


def _period_row(ws: Worksheet, row: int, cadence: str, plan: KpiPlan, lang: str) -> None:
    """The group's band: its cadence, and the calendar period each column stands for (Solar Hijri months,
    seasons and years in Persian)."""
    put(ws, row, 1, _(GROUP_TITLES[cadence]), style="group-title")
    put(ws, row, 3, _(CADENCE_LABELS[cadence]), style="group")
    for column in (2, *range(4, FIRST_PERIOD)):
        apply(ws.cell(row=row, column=column), "group")
    for index, period in enumerate(periods(cadence, plan.go_live, PERIODS, lang)):
        put(ws, row, FIRST_PERIOD + index, period.label, style="group-label")
