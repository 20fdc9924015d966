"""`evaluation.xlsx`: the vendor evaluation for the selection committee. The first sheet has the headline,
the ranking and a bar chart of the weighted totals; then one sheet per table (weights, each criterion, the
evaluators far from the others, the sensitivity of first place to the weights). In the client's language,
right to left in Persian; vendor and evaluator names go through `put`, so none runs as a formula."""

from __future__ import annotations

from io import BytesIO

from openpyxl.chart import BarChart, Reference

from workbench.domain.evaluation_summary import EvaluationSummary
from workbench.i18n import _, current_language
from workbench.writers.evaluation_tables import EvalTable, headline, tables
from workbench.writers.spreadsheet import header, localise_numbers, put, put_number
from workbench.writers.xlsx_style import first_sheet, right_to_left, workbook

WIDTH = 18


def workbook_bytes(summary: EvaluationSummary) -> bytes:
    lang = current_language()
    wb = workbook(lang)
    every = tables(summary)
    ranking = every[0]
    ws = first_sheet(wb)
    ws.title = ranking.title
    put(ws, 1, 1, _("Vendor evaluation"), style="title")
    for r, line in enumerate(headline(summary), start=2):
        put(ws, r, 1, line)
    top = 5
    _table(ws, ranking, top, lang)
    _chart(ws, ranking, top)
    for table in every[1:]:
        _table(wb.create_sheet(table.title[:31]), table, 1, lang)
    right_to_left(wb, lang)
    localise_numbers(wb, lang)
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _table(ws, table: EvalTable, top: int, lang: str) -> None:
    header(ws, table.columns, [WIDTH] * len(table.columns), row=top)
    for index, row in enumerate(table.rows):
        look = ("bad",) if index in table.flagged else ()
        for c, value in enumerate(row, start=1):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                put_number(ws, top + 1 + index, c, value, lang, "#,##0.##", style=look)
            else:
                put(ws, top + 1 + index, c, value, style=look)


def _chart(ws, ranking: EvalTable, top: int) -> None:
    """Bars of the weighted total per vendor (the ranking's second-to-last column)."""
    total_column = len(ranking.columns) - 1
    last = top + len(ranking.rows)
    chart = BarChart()
    chart.type = "bar"
    chart.title = _("Weighted total")
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 100
    chart.add_data(Reference(ws, min_col=total_column, min_row=top, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=2, min_row=top + 1, max_row=last))
    chart.legend = None
    chart.height, chart.width = 7.5, 16
    ws.add_chart(chart, f"A{last + 3}")
