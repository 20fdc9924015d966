"""openpyxl helpers every workbook shares: safe text, a styled header, widths, freeze, filters, print setup.

Text from playbooks and answers is user data: a cell that starts with = + - @ (or a tab/CR) would run as
a formula in Excel or LibreOffice. Such text is stored as a string with Excel's quote prefix, so it shows
exactly as typed and never evaluates.
"""

from __future__ import annotations

from typing import Any, Iterable

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
HEADER_FONT = Font(bold=True, color="FFFFFF")
WRAP = Alignment(wrap_text=True, vertical="top")


def is_dangerous(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def put(ws: Worksheet, row: int, column: int, value: Any, *, wrap: bool = False) -> Cell:
    """Write a value; strings are always stored as text (never as a formula)."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"
        if is_dangerous(value):
            cell.quotePrefix = True
    else:
        cell.value = value
    if wrap:
        cell.alignment = WRAP
    return cell


def put_formula(ws: Worksheet, row: int, column: int, formula: str) -> Cell:
    """Write a formula we built ourselves (never one made from user text)."""
    assert formula.startswith("=")
    cell = ws.cell(row=row, column=column)
    cell.value = formula
    return cell


def header(ws: Worksheet, titles: Iterable[str], widths: Iterable[int], row: int = 1) -> None:
    for column, (title, width) in enumerate(zip(titles, widths), start=1):
        cell = put(ws, row, column, title)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(column)].width = width


def finish_table(ws: Worksheet, rows: int, columns: int, header_row: int = 1, landscape: bool = True,
                 title_rows: str | None = None) -> None:
    """Freeze the header, add filters, fit the print to one page wide, repeat the header on each page."""
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    last = f"{get_column_letter(columns)}{max(header_row + rows, header_row + 1)}"
    ws.auto_filter.ref = f"A{header_row}:{last}"
    ws.print_title_rows = title_rows or f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False


def csv_safe(text: str) -> str:
    """CSV has no quote-prefix flag: prefix a dangerous cell with an apostrophe (OWASP's advice)."""
    return "'" + text if isinstance(text, str) and is_dangerous(text) else text


def sheet_ref(title: str) -> str:
    """A sheet name as a formula refers to it: quoted unless it is plain ASCII (a translated name such as
    'الزامات' or 'Требования' must be quoted, with any ' doubled)."""
    if title.isascii() and title.replace("_", "").isalnum() and not title[0].isdigit():
        return title
    return "'" + title.replace("'", "''") + "'"
