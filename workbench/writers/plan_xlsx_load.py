"""The Load sheet of `plan.xlsx`: each role's share of one person's time, week by week.

A row per role that works on tasks, a column per week; a part-time role (the specialist at 30 %) shows its
availability beside its name and never goes above it once the plan is levelled; any cell above a person's
full time, or above a part-time role's share, is red. Values are real numbers formatted as percentages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl.formatting.rule import CellIsRule
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from workbench.domain.levelling import role_load
from workbench.domain.locale import format_jalali_short
from workbench.domain.playbook import Playbook
from workbench.i18n import _
from workbench.writers.spreadsheet import finish_table, header, put, put_number
from workbench.writers.xlsx_style import dxf

if TYPE_CHECKING:
    from workbench.writers.plan_xlsx import PlanView

FIRST = 4


def write_load(ws: Worksheet, pb: Playbook, view: PlanView) -> None:
    loads = role_load(pb, view.plan)
    header(ws, [_("Role id"), _("Role"), _("Availability")], [20, 30, 12])
    weeks = next(iter(loads.values()), [])
    for index, week in enumerate(weeks):
        column = FIRST + index
        if view.lang == "fa":
            put(ws, 1, column, format_jalali_short(week.week), style="header-rotated")
        else:
            cell = put(ws, 1, column, week.week, style="header-rotated")
            cell.number_format = "[$-419]dd mmm" if view.lang == "ru" else "dd mmm"
        ws.column_dimensions[get_column_letter(column)].width = 6
    over = dxf("bad")
    row = 1
    for role, weekly in sorted(
        loads.items(), key=lambda item: (item[0] not in view.plan.availability, item[0])
    ):
        row += 1
        share = view.plan.availability.get(role, 1.0)
        put(ws, row, 1, role)
        put(ws, row, 2, view.roles.get(role, role))
        put_number(ws, row, 3, share, view.lang, "0%")
        for index, week in enumerate(weekly):
            put_number(ws, row, FIRST + index, week.load, view.lang, "0%")
        if weekly:
            span = f"{get_column_letter(FIRST)}{row}:{get_column_letter(FIRST + len(weekly) - 1)}{row}"
            ws.conditional_formatting.add(
                span,
                CellIsRule(
                    operator="greaterThan", formula=[f"$C${row}+0.0001"], fill=over.fill, font=over.font
                ),
            )
    put(
        ws,
        row + 2,
        2,
        _(
            "Share of one person's working time the role's tasks take each week; a part-time "
            "role's work is levelled to run one task at a time."
        ),
    )
    finish_table(ws, row - 1, FIRST - 1 + len(weeks))
    ws.freeze_panes = ws.cell(row=2, column=FIRST).coordinate
