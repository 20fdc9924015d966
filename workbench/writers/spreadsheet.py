"""openpyxl helpers every workbook shares: safe text, a styled header, widths, freeze, filters, print setup.
Looks (colours, fonts, number formats) come from `xlsx_style`'s named styles, by role.

Text from playbooks and answers is user data: a cell that starts with = + - @ (or a tab/CR) would run as
a formula in Excel or LibreOffice. Such text is stored as a string with Excel's quote prefix, so it shows
exactly as typed and never evaluates.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from workbench.domain.locale import format_jalali
from workbench.writers.xlsx_style import DATE_FORMATS, NUMBER_LOCALE, apply, local_format

__all__ = [
    "DATE_FORMATS",
    "NUMBER_LOCALE",
    "local_format",
    "put",
    "put_date",
    "put_number",
    "put_formula",
    "header",
    "finish_table",
    "csv_safe",
    "sheet_ref",
    "localise_numbers",
    "is_dangerous",
]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
Style = str | tuple[str, ...]
"""one role of `xlsx_style.ROLES`, or several composed"""


def is_dangerous(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def _roles(style: Style, wrap: bool) -> tuple[str, ...]:
    roles = (style,) if isinstance(style, str) else tuple(style)
    return roles + ("wrapped",) if wrap else roles


def cell_at(ws: Worksheet, row: int, column: int) -> Cell:
    """The cell to write at (row, column); the writers never write inside a merged range."""
    cell = ws.cell(row=row, column=column)
    assert isinstance(cell, Cell)
    return cell


def fit_to_page(ws: Worksheet, fit: bool) -> None:
    """Whether printing scales the sheet to the page setup's width and height."""
    setup = ws.sheet_properties.pageSetUpPr
    assert setup is not None  # openpyxl gives every new sheet one
    setup.fitToPage = fit


def put(ws: Worksheet, row: int, column: int, value: Any, *, wrap: bool = False, style: Style = ()) -> Cell:
    """Write a value in the named style for `style` (plus "wrapped" if `wrap`); strings are always stored
    as text (never as a formula)."""
    cell = cell_at(ws, row, column)
    roles = _roles(style, wrap)
    if roles:
        apply(cell, *roles)  # first: a named style replaces the quote prefix too
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"
        if is_dangerous(value):
            cell.quotePrefix = True
    else:
        cell.value = value
    return cell


def put_formula(ws: Worksheet, row: int, column: int, formula: str, *, style: Style = ()) -> Cell:
    """Write a formula we built ourselves (never one made from user text)."""
    assert formula.startswith("=")
    cell = cell_at(ws, row, column)
    cell.value = formula
    roles = _roles(style, False)
    if roles:
        apply(cell, *roles)
    return cell


def header(ws: Worksheet, titles: Iterable[str], widths: Iterable[int], row: int = 1) -> None:
    for column, (title, width) in enumerate(zip(titles, widths), start=1):
        put(ws, row, column, title, style="header")
        ws.column_dimensions[get_column_letter(column)].width = width


def finish_table(
    ws: Worksheet,
    rows: int,
    columns: int,
    header_row: int = 1,
    landscape: bool = True,
    title_rows: str | None = None,
) -> None:
    """Freeze the header, add filters, fit the print to one page wide, repeat the header on each page."""
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1).coordinate
    last = f"{get_column_letter(columns)}{max(header_row + rows, header_row + 1)}"
    ws.auto_filter.ref = f"A{header_row}:{last}"
    ws.print_title_rows = title_rows or f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    fit_to_page(ws, True)
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


# NUMBER_LOCALE holds the locale prefixes both Excel and LibreOffice honour in a number format: Persian
# (0x0429) with Extended Arabic-Indic digits (03) shows ۱٬۲۳۴٫۵ while the cell stays a number; Russian
# (0x0419) shows 1 234,5 and Russian month names. Neither application reads a Solar Hijri *calendar* from an
# xlsx number format (Excel 365's [$-fa-IR,16] is unknown to LibreOffice, which prints a Gregorian day under
# a Persian month name), so Persian dates are written as Solar Hijri text by `put_date`.
NUMBER_ROLES = {"#,##0.##": "number", "0%": "percent", "0.0": "decimal", "0.0%": "percent-decimal"}
"""number formats that have a named style (in the workbook's language)"""


def put_number(
    ws: Worksheet,
    row: int,
    column: int,
    value: float | int,
    lang: str,
    fmt: str = "General",
    *,
    style: Style = (),
) -> Cell:
    role = NUMBER_ROLES.get(fmt)
    if role is not None:
        cell = put(ws, row, column, value, style=_roles(style, False) + (role,))
        if cell.number_format != (wanted := local_format(fmt, lang)):  # a workbook made in another language
            cell.number_format = wanted
        return cell
    cell = put(ws, row, column, value, style=style)
    if lang in NUMBER_LOCALE:
        cell.number_format = local_format("0" if fmt == "General" and isinstance(value, int) else fmt, lang)
    elif fmt != "General":
        cell.number_format = fmt
    return cell


def put_date(ws: Worksheet, row: int, column: int, day: date | None, lang: str, *, style: Style = ()) -> Cell:
    """A date as the client reads it: a real date cell (dd.mm.yyyy in Russian, ISO in English), or for
    Persian the Solar Hijri date as text in Persian digits (see NUMBER_LOCALE for why not a format)."""
    if day is None:
        return put(ws, row, column, day, style=style)
    if lang != "fa":
        cell = put(ws, row, column, day, style=_roles(style, False) + ("date",))
        fmt = DATE_FORMATS.get(lang, DATE_FORMATS["en"])
        if cell.number_format != fmt:  # a workbook made in another language than the date's
            cell.number_format = fmt
        return cell
    return put(ws, row, column, format_jalali(day, numeric=True), style=style)


def localise_numbers(workbook: Any, lang: str) -> None:
    """Every number and formula result of the visible sheets shown in `lang`'s digits and separators (their
    formats keep their meaning; the values stay numbers). Dates are left alone: `put_date` handles them."""
    prefix = NUMBER_LOCALE.get(lang)
    if prefix is None:
        return
    for ws in workbook.worksheets:
        if ws.sheet_state != "visible":
            continue
        for row in ws.iter_rows():
            for cell in row:
                if (
                    cell.data_type in ("n", "f")
                    and not getattr(cell, "is_date", True)
                    and not cell.number_format.startswith("[$")
                ):
                    cell.number_format = prefix + cell.number_format
