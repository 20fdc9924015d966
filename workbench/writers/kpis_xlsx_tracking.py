"""The Tracking sheet of `kpis.xlsx`: per KPI, twelve periods of its cadence to fill in from go-live.

KPIs are grouped by cadence; each group opens with a row naming its periods (2026-08, 2026-09 ... or
2026 Q3 ...). Period cells are yellow, accept only numbers, and feed two formulas: the latest value
entered and whether it meets the target (in the KPI's direction).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from workbench.domain.kpi_plan import periods
from workbench.writers.spreadsheet import finish_table, header, put, put_formula

if TYPE_CHECKING:
    from workbench.domain.kpi_plan import KpiPlan

PERIODS = 12
CADENCES = ("weekly", "monthly", "quarterly", "yearly")
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
GROUP_FILL = PatternFill("solid", fgColor="DDEBF7")
MET = ("met", PatternFill("solid", fgColor="C6EFCE"), Font(color="006100"))
NOT_MET = ("not met", PatternFill("solid", fgColor="FFC7CE"), Font(color="9C0006"))
COLUMNS = [("ID", 20), ("KPI", 28), ("Cadence", 11), ("Unit", 8), ("Direction", 18), ("Baseline", 12),
           ("Target", 9), ("Target date", 12), ("Latest", 10), ("Latest vs target", 11)]
TARGET, TARGET_DATE, BASELINE, LATEST, STATUS = 7, 8, 6, 9, 10
FIRST_PERIOD = len(COLUMNS) + 1
HEADER_ROW = 3
CENTRE = Alignment(horizontal="center")


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
    return f'=IF({latest}="","",IF({latest}{compare}{target},"{MET[0]}","{NOT_MET[0]}"))'


def title_rows(ws: Worksheet, title: str, note: str) -> None:
    put(ws, 1, 1, title).font = Font(bold=True, size=14)
    put(ws, 2, 1, note).font = Font(italic=True, color="595959")


def go_live_note(plan: KpiPlan) -> str:
    return (f"Target dates and tracking periods count from go-live on {plan.go_live.isoformat()}, the end of "
            "the deployment phase in the project plan.")


def write_tracking(ws: Worksheet, plan: KpiPlan, client: str) -> None:
    title_rows(ws, f"KPI tracking: {client}", go_live_note(plan) + " Enter each period's value in the "
               "yellow cells; Latest and Latest vs target update themselves.")
    titles = [t for t, _ in COLUMNS] + [f"Period {i}" for i in range(1, PERIODS + 1)]
    header(ws, titles, [w for _, w in COLUMNS] + [10] * PERIODS, row=HEADER_ROW)
    numbers = DataValidation(type="decimal", operator="between", formula1="-1E+300", formula2="1E+300",
                             allow_blank=True, showErrorMessage=True, errorTitle="A number, please",
                             error="Enter the KPI's value for the period as a number (e.g. 87.5).")
    ws.add_data_validation(numbers)
    lines = plan.lines()
    row = HEADER_ROW
    for cadence in CADENCES:
        group = [line for line in lines if line.kpi.cadence == cadence]
        if not group:
            continue
        row += 1
        _period_row(ws, row, cadence, plan)
        for line in group:
            row += 1
            kpi = line.kpi
            values = [kpi.id, line.name, cadence, line.unit_label, line.direction_label, kpi.baseline,
                      kpi.target, line.target_date]
            for column, value in enumerate(values, start=1):
                put(ws, row, column, value, wrap=column == 2)
            ws.cell(row=row, column=TARGET_DATE).number_format = "yyyy-mm-dd"
            if kpi.baseline is None:
                ws.cell(row=row, column=BASELINE).fill = INPUT_FILL
            put_formula(ws, row, LATEST, latest_formula(row))
            put_formula(ws, row, STATUS, status_formula(row, kpi.direction)).alignment = CENTRE
            for column in range(FIRST_PERIOD, FIRST_PERIOD + PERIODS):
                ws.cell(row=row, column=column).fill = INPUT_FILL
            numbers.add(period_cells(row))
    letter = get_column_letter(STATUS)
    status = f"{letter}{HEADER_ROW + 1}:{letter}{max(row, HEADER_ROW + 1)}"
    for text, fill, font in (MET, NOT_MET):
        ws.conditional_formatting.add(status, CellIsRule(operator="equal", formula=[f'"{text}"'], fill=fill,
                                                         font=font))
    finish_table(ws, row - HEADER_ROW, len(titles), header_row=HEADER_ROW)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=3)


def _period_row(ws: Worksheet, row: int, cadence: str, plan: KpiPlan) -> None:
    """The group's band: its cadence, and the calendar period each column stands for."""
    put(ws, row, 1, f"{cadence.capitalize()} KPIs").font = Font(bold=True, color="1F4E78")
    put(ws, row, 3, cadence)
    for column in range(1, FIRST_PERIOD + PERIODS):
        ws.cell(row=row, column=column).fill = GROUP_FILL
    for index, period in enumerate(periods(cadence, plan.go_live, PERIODS)):
        cell = put(ws, row, FIRST_PERIOD + index, period.label)
        cell.font, cell.alignment = Font(bold=True, color="1F4E78"), CENTRE
