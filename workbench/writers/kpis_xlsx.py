"""`kpis.xlsx`: the KPI plan grouped by phase, the measures KPIs are computed from, and a tracking sheet.

Sheets: KPI plan (a band row per phase, then one row per KPI with its formula in words and a dated
target), Measures (each raw number with the KPIs that use it), Tracking (periods to fill in per KPI,
with formulas for the latest value and whether it meets the target).
"""

from __future__ import annotations

from pathlib import Path

from openpyxl.worksheet.worksheet import Worksheet

from workbench.domain.kpi_plan import UNIT_LABELS, KpiPlan, kpi_plan
from workbench.i18n import N_, _
from workbench.writers.atomic import atomic_path
from workbench.writers.context import ExportContext, in_client_language
from workbench.writers.kpis_xlsx_tracking import go_live_note, title_rows, write_tracking
from workbench.writers.spreadsheet import finish_table, header, put, put_date, put_number
from workbench.writers.xlsx_style import apply, first_sheet, right_to_left, workbook

HEADER_ROW = 3
"""Rows 1-2 hold the title and the note on what target dates count from."""
PLAN_COLUMNS = [
    (N_("ID"), 20),
    (N_("KPI"), 26),
    (N_("Kind"), 10),
    (N_("Definition"), 50),
    (N_("Formula"), 30),
    (N_("Formula in words"), 44),
    (N_("Unit"), 8),
    (N_("Direction"), 18),
    (N_("Owner"), 20),
    (N_("Source"), 24),
    (N_("Cadence"), 11),
    (N_("Baseline"), 14),
    (N_("Target"), 9),
    (N_("Target date"), 12),
]
MEASURE_COLUMNS = [
    (N_("ID"), 24),
    (N_("Measure"), 50),
    (N_("Source"), 30),
    (N_("Unit"), 10),
    (N_("Used by KPIs"), 50),
]
KINDS = {
    "leading": N_("leading"),
    "lagging": N_("lagging"),
    "adoption": N_("adoption"),
    "business": N_("business"),
}


@in_client_language
def write(ctx: ExportContext, folder: Path) -> list[Path]:
    plan = kpi_plan(ctx.playbook, ctx.start, ctx.lang, ctx.calendar, ctx.answers)
    wb = workbook(ctx.lang)
    _plan_sheet(first_sheet(wb), plan, ctx.client, ctx.lang)
    _measures(wb.create_sheet(_("Measures")), plan)
    write_tracking(wb.create_sheet(_("Tracking")), plan, ctx.client, ctx.lang)
    right_to_left(wb, ctx.lang)
    target = Path(folder) / "kpis.xlsx"
    with atomic_path(target) as tmp:
        wb.save(tmp)
    return [target]


def _plan_sheet(ws: Worksheet, plan: KpiPlan, client: str, lang: str) -> None:
    ws.title = _("KPI plan")
    title_rows(ws, _("KPI plan: {client}").format(client=client), go_live_note(plan, lang))
    header(ws, [_(t) for t, _w in PLAN_COLUMNS], [w for _t, w in PLAN_COLUMNS], row=HEADER_ROW)
    row = HEADER_ROW
    for group in plan.groups:
        row += 1
        put(ws, row, 1, group.title, style="group-title")
        for column in range(2, len(PLAN_COLUMNS) + 1):
            apply(ws.cell(row=row, column=column), "group")
        for line in group.lines:
            row += 1
            kpi = line.kpi
            values = [
                kpi.id,
                line.name,
                _(KINDS.get(kpi.kind, kpi.kind)),
                line.definition,
                kpi.formula,
                line.readable_formula,
                line.unit_label,
                line.direction_label,
                line.owner_name,
                line.source,
                line.cadence_label,
            ]
            for column, value in enumerate(values, start=1):
                put(ws, row, column, value, wrap=column in (2, 4, 5, 6, 10))
            if kpi.baseline is None:
                put(ws, row, 12, line.baseline_label, style="muted")
            else:
                put_number(ws, row, 12, kpi.baseline, lang, "#,##0.##")
            put_number(ws, row, 13, kpi.target, lang, "#,##0.##")
            put_date(ws, row, 14, line.target_date, lang)
    finish_table(ws, row - HEADER_ROW, len(PLAN_COLUMNS), header_row=HEADER_ROW)


def _measures(ws: Worksheet, plan: KpiPlan) -> None:
    header(ws, [_(t) for t, _w in MEASURE_COLUMNS], [w for _t, w in MEASURE_COLUMNS])
    names = {line.kpi.id: line.name for line in plan.lines()}
    for row, line in enumerate(plan.measures, start=2):
        used = "; ".join(f"{names[k]} ({k})" for k in line.used_by) or _("not used by any KPI in this plan")
        unit = _(UNIT_LABELS.get(line.measure.unit, line.measure.unit))
        cells = [line.measure.id, line.name, line.source, unit, used]
        for column, value in enumerate(cells, start=1):
            put(
                ws,
                row,
                column,
                value,
                wrap=column in (2, 3, 5),
                style="muted" if column == 5 and not line.used_by else (),
            )
    finish_table(ws, len(plan.measures), len(MEASURE_COLUMNS), landscape=False)
