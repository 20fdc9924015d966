"""The portfolio as a workbook for the steering committee: one sheet, one row per engagement, the same
columns as `crmwb portfolio` prints. Counts and percentages are numbers (so Excel can sort and sum them),
dates real date cells (Solar Hijri text in Persian), problems and slips marked with the named styles;
Persian sheets read right to left."""

from __future__ import annotations

from pathlib import Path

from workbench.i18n import _, current_language
from workbench.writers.spreadsheet import finish_table, header, put, put_date, put_number
from workbench.writers.xlsx_style import apply, first_sheet, right_to_left, workbook

WIDTHS = (28, 16, 22, 8, 7, 8, 8, 14, 14, 9, 10, 30, 14, 50)


def write(rows, titles: list[str], path: Path) -> Path:
    """`rows` are PortfolioRow (app.portfolio), already sorted and filtered; `titles` the 14 column titles in
    the current language (the command owns them, so text, md and xlsx title their columns alike)."""
    lang = current_language()
    wb = workbook(lang)
    ws = first_sheet(wb)
    ws.title = _("Portfolio")
    header(ws, titles, WIDTHS)
    for r, row in enumerate(rows, start=2):
        put(ws, r, 1, row.client)
        put(ws, r, 2, row.playbook or None)
        put(ws, r, 3, row.phase_name or row.phase or None)
        if row.percent is not None:
            put_number(ws, r, 4, row.percent / 100, lang, "0%")
        for c, value in ((5, row.late), (6, row.blocked), (7, row.at_risk)):
            if not (row.problem and row.percent is None):
                put_number(ws, r, c, value, lang, style="bad" if value else ())
        put_date(ws, r, 8, row.forecast_go_live, lang)
        put_date(ws, r, 9, row.target_go_live, lang)
        if row.slip_days is not None:
            put_number(ws, r, 10, row.slip_days, lang, style="bad" if row.slip_days > 0 else "good")
        if not row.problem:
            put_number(ws, r, 11, row.kpis_off_track, lang, style="bad" if row.kpis_off_track else ())
        put(ws, r, 12, row.next_gate_name or row.next_gate or None)
        put_date(ws, r, 13, row.next_gate_due, lang)
        if row.problem:
            apply(put(ws, r, 14, row.problem, wrap=True), "alert", "wrapped")
    finish_table(ws, len(rows), len(WIDTHS))
    right_to_left(wb, lang)
    wb.save(path)
    return Path(path)
