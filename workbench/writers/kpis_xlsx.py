"""`kpis.xlsx`: the KPI plan grouped by phase, the measures KPIs are computed from, and a tracking sheet.

Sheets: KPI plan (a band row per phase, then one row per KPI with its formula in words and a dated
target), Measures (each raw number with the KPIs that use it), Tracking (periods to fill in per KPI,
with formulas for the latest value and whether it meets the target).
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from workbench.domain.kpi_plan import KpiPlan, kpi_plan
from workbench.domain.text import RTL_LANGUAGES
from workbench.writers.atomic import atomic_path
from workbench.writers.context import ExportContext
from workbench.writers.kpis_xlsx_tracking import go_live_note, title_rows, write_tracking
from workbench.writers.spreadsheet import finish_table, header, put

GROUP_FILL = PatternFill("solid", fgColor="DDEBF7")
GROUP_FONT = Font(bold=True, color="1F4E78", size=12)
DATE_FORMAT = "yyyy-mm-dd"
HEADER_ROW = 3
"""Rows 1-2 hold the title and the note on what target dates count from."""
PLAN_COLUMNS = [("ID", 20), ("KPI", 26), ("Kind", 10), ("Definition", 50), ("Formula", 30),
                ("Formula in words", 44), ("Unit", 8), ("Direction", 18), ("Owner", 20), ("Source", 24),
                ("Cadence", 11), ("Baseline", 14), ("Target", 9), ("Target date", 12)]
MEASURE_COLUMNS = [("ID", 24), ("Measure", 50), ("Source", 30), ("Unit", 10), ("Used by KPIs", 50)]


def write(ctx: ExportContext, folder: Path) -> list[Path]:
    plan = kpi_plan(ctx.playbook, ctx.start, ctx.lang)
    wb = Workbook()
    _plan_sheet(wb.active, plan, ctx.client)
    _measures(wb.create_sheet("Measures"), plan)
    write_tracking(wb.create_sheet("Tracking"), plan, ctx.client)
    if ctx.lang in RTL_LANGUAGES:
        for ws in wb.worksheets:
            ws.sheet_view.rightToLeft = True
    target = Path(folder) / "kpis.xlsx"
    with atomic_path(target) as tmp:
        wb.save(tmp)
    return [target]


def _plan_sheet(ws: Worksheet, plan: KpiPlan, client: str) -> None:
    ws.title = "KPI plan"
    title_rows(ws, f"KPI plan: {client}", go_live_note(plan))
    header(ws, [t for t, _ in PLAN_COLUMNS], [w for _, w in PLAN_COLUMNS], row=HEADER_ROW)
    row = HEADER_ROW
    for group in plan.groups:
        row += 1
        put(ws, row, 1, group.title).font = GROUP_FONT
        for column in range(1, len(PLAN_COLUMNS) + 1):
            ws.cell(row=row, column=column).fill = GROUP_FILL
        for line in group.lines:
            row += 1
            kpi = line.kpi
            baseline = line.baseline_label if kpi.baseline is None else kpi.baseline
            values = [kpi.id, line.name, kpi.kind, line.definition, kpi.formula, line.readable_formula,
                      line.unit_label, line.direction_label, line.owner_name, line.source, kpi.cadence,
                      baseline, kpi.target, line.target_date]
            for column, value in enumerate(values, start=1):
                put(ws, row, column, value, wrap=column in (2, 4, 5, 6, 10))
            ws.cell(row=row, column=14).number_format = DATE_FORMAT
            if kpi.baseline is None:
                ws.cell(row=row, column=12).font = Font(italic=True, color="808080")
    finish_table(ws, row - HEADER_ROW, len(PLAN_COLUMNS), header_row=HEADER_ROW)


def _measures(ws: Worksheet, plan: KpiPlan) -> None:
    header(ws, [t for t, _ in MEASURE_COLUMNS], [w for _, w in MEASURE_COLUMNS])
    names = {line.kpi.id: line.name for line in plan.lines()}
    for row, line in enumerate(plan.measures, start=2):
        used = "; ".join(f"{names[k]} ({k})" for k in line.used_by) or "not used by any KPI in this plan"
        cells = [line.measure.id, line.name, line.source, line.measure.unit, used]
        for column, value in enumerate(cells, start=1):
            put(ws, row, column, value, wrap=column in (2, 3, 5))
        if not line.used_by:
            ws.cell(row=row, column=5).font = Font(italic=True, color="808080")
    finish_table(ws, len(plan.measures), len(MEASURE_COLUMNS), landscape=False)
