"""The Gantt sheet of `plan.xlsx`: task columns frozen on the left, one column per working day or week.

Cells are filled where a task runs (critical tasks red, others blue), ◆ marks a milestone on its finish
date, and a grey band row opens each phase across the phase's span. A legend sits under the chart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from workbench.domain.locale import format_jalali_short
from workbench.domain.plan_gantt import Bar, Gantt, gantt, phase_spans
from workbench.i18n import _, pgettext, use_language
from workbench.writers.spreadsheet import finish_table, header, put, put_date
from workbench.writers.xlsx_style import apply

if TYPE_CHECKING:
    from workbench.writers.plan_xlsx import PlanView

TASK, CRITICAL, PHASE = "bar", "bar-critical", "bar-phase"
"""the named styles of the bars (xlsx_style): blue, red, grey"""
MILESTONE = "◆"
FIRST = 6
"""The first timeline column; ID, task, owner, start and finish sit left of it and stay frozen."""


def write_gantt(ws: Worksheet, view: PlanView) -> Gantt:
    chart = gantt(view.plan)
    header(ws, [_("Task ID"), _("Task"), _("Owner"), _("Start"), _("Finish")], [20, 40, 18, 11, 11])
    _axis(ws, chart, view.lang)
    spans = phase_spans(view.plan)
    row = 1
    for phase, tasks in view.by_phase():
        row += 1
        first, last = spans[phase]
        put(ws, row, 2, view.phase(phase), style="strong")
        for column, day in ((4, first), (5, last)):
            put_date(ws, row, column, day, view.lang, style="strong")
        _paint(ws, row, chart.bar(first, last), PHASE)
        for task in tasks:
            row += 1
            for column, value in enumerate([task.id, view.name(task), view.owner(task)], start=1):
                put(ws, row, column, value)
            put_date(ws, row, 4, task.start, view.lang)
            put_date(ws, row, 5, task.finish, view.lang)
            bar = chart.task_bar(task)
            fill = CRITICAL if task.critical else TASK
            if task.duration:
                _paint(ws, row, bar, fill)
            if task.milestone or not task.duration:
                put(
                    ws,
                    row,
                    FIRST + bar.last,
                    MILESTONE,
                    style=(fill, "milestone-on-bar") if task.duration else "milestone",
                )
    _legend(ws, row + 2, chart)
    finish_table(ws, row - 1, FIRST - 1)
    ws.freeze_panes = ws.cell(row=2, column=FIRST).coordinate
    ws.print_title_cols = f"A:{get_column_letter(FIRST - 1)}"
    return chart


AXIS_FORMATS = {"en": "dd mmm", "ru": "[$-419]dd mmm"}
"""the day columns' number format; a week column's format holds a word, so it is in the catalogue"""


def _axis_format(lang: str, scale: str) -> str:
    if scale == "week":
        with use_language(lang):
            return pgettext("Excel number format of a Gantt week column (the word in quotes)", '"wk" dd mmm')
    return AXIS_FORMATS[lang if lang == "ru" else "en"]


def _axis(ws: Worksheet, chart: Gantt, lang: str) -> None:
    """Column headers: the date each column starts, rotated so narrow columns stay readable; in Persian the
    Solar Hijri day and month as text (no spreadsheet reads a Hijri date format from xlsx)."""
    ws.row_dimensions[1].height = 48
    for index, day in enumerate(chart.columns):
        column = FIRST + index
        if lang == "fa":
            label = format_jalali_short(day)
            cell = put(ws, 1, column, label if chart.scale == "day" else _("wk {day}").format(day=label))
        else:
            cell = put(ws, 1, column, day)
        apply(cell, "header-rotated")
        if lang != "fa":  # the axis format, not the header's
            cell.number_format = _axis_format(lang, chart.scale)
        ws.column_dimensions[get_column_letter(column)].width = 3.5


def _paint(ws: Worksheet, row: int, bar: Bar, style: str) -> None:
    for index in range(bar.first, bar.last + 1):
        apply(ws.cell(row=row, column=FIRST + index), style)


def _legend(ws: Worksheet, row: int, chart: Gantt) -> None:
    scale = _("one column per working day") if chart.scale == "day" else _("one column per week")
    entries = [
        ((CRITICAL, "centred"), "", _("critical task (no slack)")),
        ((TASK, "centred"), "", _("task with slack")),
        ((PHASE, "centred"), "", _("phase")),
        (("milestone",), MILESTONE, _("milestone")),
        (("centred",), "", scale),
    ]
    for offset, (style, mark, text) in enumerate(entries):
        put(ws, row + offset, 1, mark, style=style)
        put(ws, row + offset, 2, text)
