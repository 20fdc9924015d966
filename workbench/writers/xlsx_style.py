"""Every look of every workbook in one place: the palette, the named styles and right-to-left for Persian.

Writers never build a Font, Fill, Border or Alignment themselves: they name a *role* ("header", "input",
"band", "scope-all"...) and `apply` gives the cell the workbook's openpyxl NamedStyle for it. Why named
styles: openpyxl interns a style object per cell assignment by hashing it, which made styling cost more than
writing the cells; a named style is built once per workbook and assigned by name, and the user sees the
same names in Excel's and LibreOffice's style list, so the deliverables can be restyled in one place.

A cell that needs two looks (a banded row that is also wrapped) gets the roles composed into one named style
("crmwb band wrapped"), built the first time a workbook asks for it. Dates and numbers are roles too: their
formats carry the language's digits and separators (see `spreadsheet.local_format`), so a workbook is made
for one language (`workbook(lang)`). In Persian every style reads right to left (`readingOrder`) and
`right_to_left` turns every sheet around.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from typing import Any, Literal, TypeVar

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.worksheet.worksheet import Worksheet

from workbench.domain.text import RTL_LANGUAGES

# The palette: every colour a deliverable uses, named for what it means.
NAVY = "1F4E78"
"""headers, section titles, the rule between permission objects"""
WHITE = "FFFFFF"
BLACK = "000000"
INPUT_YELLOW = "FFF2CC"
"""cells the reader fills in"""
BAND_BLUE = "EEF3F8"
"""every other group of rows"""
GROUP_BLUE = "DDEBF7"
"""a group's title row; informational severity"""
GREY_TEXT = "808080"
NOTE_TEXT = "595959"
ALERT_RED = "C00000"
"""critical path, missed must-haves, a governance finding's frame"""
CRITICAL_ROW = "FCE4D6"
TASK_BLUE = "5B9BD5"
PHASE_GREY = "A6A6A6"
LINK_BLUE = "0563C1"
GOOD_FILL, GOOD_TEXT = "C6EFCE", "006100"
BAD_FILL, BAD_TEXT = "FFC7CE", "9C0006"
NEUTRAL_FILL, NEUTRAL_TEXT = "FFEB9C", "9C5700"
NONE_FILL = "EDEDED"
SALMON = "F8CBAD"
GOLD = "FFE699"
SKY = "BDD7EE"

PREFIX = "crmwb "
"""named styles are called `crmwb <role> [<role>...]`, so they stand apart from the built-in ones"""


def _fill(colour: str) -> PatternFill:
    return PatternFill("solid", fgColor=colour)


def _frame(style: Literal["thin", "medium"], colour: str) -> Border:
    side = Side(style=style, color=colour)
    return Border(left=side, right=side, top=side, bottom=side)


TOP = {"vertical": "top"}
CENTRE = {"horizontal": "center", "vertical": "center"}
WRAP = {"wrap_text": True, "vertical": "top"}

ROLES: dict[str, dict[str, Any]] = {
    # headers and titles
    "header": {
        "fill": NAVY,
        "font": {"bold": True, "color": WHITE},
        "alignment": {"wrap_text": True, "vertical": "center"},
    },
    "header-centred": {
        "fill": NAVY,
        "font": {"bold": True, "color": WHITE},
        "alignment": {"wrap_text": True, **CENTRE},
    },
    "header-rotated": {
        "fill": NAVY,
        "font": {"bold": True, "color": WHITE},
        "alignment": {"text_rotation": 90, "horizontal": "center"},
    },
    "title": {"font": {"bold": True, "size": 14}},
    "section": {"font": {"bold": True, "size": 12, "color": NAVY}},
    "strong": {"font": {"bold": True}},
    "note": {"font": {"italic": True, "color": NOTE_TEXT}},
    "muted": {"font": {"italic": True, "color": GREY_TEXT}},
    "alert": {"font": {"bold": True, "color": ALERT_RED}},
    "link": {"font": {"color": LINK_BLUE, "underline": "single"}},
    # layout
    "wrapped": {"alignment": WRAP},
    "top": {"alignment": TOP},
    "centred": {"alignment": CENTRE},
    "centred-top": {"alignment": {"horizontal": "center", "vertical": "top"}},
    "left": {"alignment": {"horizontal": "left"}},
    "number-top": {"alignment": {"horizontal": "right", "vertical": "top"}},
    # rows and inputs
    "input": {"fill": INPUT_YELLOW, "protection": {"locked": False}},
    "band": {"fill": BAND_BLUE},
    "group": {"fill": GROUP_BLUE},
    "group-title": {"fill": GROUP_BLUE, "font": {"bold": True, "size": 12, "color": NAVY}},
    "group-label": {
        "fill": GROUP_BLUE,
        "font": {"bold": True, "color": NAVY},
        "alignment": {"horizontal": "center"},
    },
    "critical": {"fill": CRITICAL_ROW},
    # values
    "date": {"number_format": "date"},
    "number": {"number_format": "#,##0.##"},
    "decimal": {"number_format": "0.0"},
    "percent": {"number_format": "0%"},
    "percent-decimal": {"number_format": "0.0%"},
    # states: good / bad / warning, the permission scopes, RACI letters, severities
    "good": {"fill": GOOD_FILL, "font": {"color": GOOD_TEXT}},
    "bad": {"fill": BAD_FILL, "font": {"color": BAD_TEXT}},
    "warning": {"fill": NEUTRAL_FILL, "font": {"color": NEUTRAL_TEXT}},
    "scope-none": {"fill": NONE_FILL, "font": {"color": GREY_TEXT}, "alignment": CENTRE},
    "scope-own": {"fill": GOOD_FILL, "font": {"color": GOOD_TEXT}, "alignment": CENTRE},
    "scope-team": {"fill": NEUTRAL_FILL, "font": {"color": NEUTRAL_TEXT}, "alignment": CENTRE},
    "scope-all": {"fill": BAD_FILL, "font": {"color": BAD_TEXT}, "alignment": CENTRE},
    "object-start": {"border": ("thin-left", NAVY)},
    "finding": {"border": ("medium", ALERT_RED)},
    "raci-R": {"fill": SKY, "alignment": CENTRE},
    "raci-A": {"fill": SALMON, "alignment": CENTRE, "font": {"bold": True}},
    "raci-C": {"fill": GOLD, "alignment": CENTRE},
    "raci-I": {"fill": NONE_FILL, "alignment": CENTRE},
    "severity-error": {"fill": BAD_FILL},
    "severity-warning": {"fill": NEUTRAL_FILL},
    "severity-info": {"fill": GROUP_BLUE},
    "drift-error": {"fill": SALMON},
    "drift-warning": {"fill": GOLD},
    # the Gantt chart
    "bar": {"fill": TASK_BLUE},
    "bar-critical": {"fill": ALERT_RED},
    "bar-phase": {"fill": PHASE_GREY},
    "milestone": {"font": {"bold": True, "color": BLACK}, "alignment": CENTRE},
    "milestone-on-bar": {"font": {"bold": True, "color": WHITE}, "alignment": CENTRE},
}
"""role -> the parts of a look it sets; composing roles lets later ones win part by part (fill, font...)"""

NUMBER_LOCALE = {"fa": "[$-03000429]", "ru": "[$-419]"}
"""Locale prefixes Excel and LibreOffice honour in a number format (see `spreadsheet`): Persian digits,
Russian separators; the value stays a number."""
DATE_FORMATS = {"en": "yyyy-mm-dd", "ru": "[$-419]dd.mm.yyyy"}


def local_format(fmt: str, lang: str) -> str:
    """A number format shown the local way (digits, separators) in `lang`; the value stays a number."""
    return NUMBER_LOCALE.get(lang, "") + fmt


def dxf(role: str) -> DifferentialStyle:
    """The look of a role as conditional formatting needs it (a rule cannot point at a named style)."""
    parts = ROLES[role]
    return DifferentialStyle(
        font=Font(**parts["font"]) if "font" in parts else None,
        fill=PatternFill(bgColor=parts["fill"], fgColor=parts["fill"], fill_type="solid")
        if "fill" in parts
        else None,
    )


class WorkbookStyles:
    """The named styles one workbook has registered, built on first use, in the workbook's language."""

    def __init__(self, wb: Workbook, lang: str):
        self.wb, self.lang = wb, lang
        self.styles: dict[tuple[str, ...], NamedStyle] = {}

    def style(self, roles: tuple[str, ...]) -> NamedStyle:
        style = self.styles.get(roles)
        if style is None:
            style = self.styles[roles] = self._register(roles)
        return style

    def _register(self, roles: tuple[str, ...]) -> NamedStyle:
        merged: dict[str, Any] = {}
        for role in roles:
            for part, value in ROLES[role].items():
                merged[part] = (
                    {**merged[part], **value} if isinstance(value, dict) and part in merged else value
                )
        style = NamedStyle(name=PREFIX + " ".join(roles))
        if "font" in merged:
            style.font = Font(**merged["font"])
        if "fill" in merged:
            style.fill = _fill(merged["fill"])
        if "border" in merged:
            kind, colour = merged["border"]
            style.border = (
                Border(left=Side(style="thin", color=colour)) if kind == "thin-left" else _frame(kind, colour)
            )
        alignment = dict(merged.get("alignment", {}))
        if self.lang in RTL_LANGUAGES:
            alignment["readingOrder"] = 2  # right to left, whatever the cell's first letter is
        if alignment:
            style.alignment = Alignment(**alignment)
        if "protection" in merged:
            style.protection = Protection(**merged["protection"])
        if "number_format" in merged:
            style.number_format = self._number_format(merged["number_format"])
        self.wb.add_named_style(style)
        return style

    def _number_format(self, fmt: str) -> str:
        if fmt == "date":  # Persian dates are Solar Hijri text (spreadsheet.put_date): no date format
            return "General" if self.lang == "fa" else DATE_FORMATS.get(self.lang, DATE_FORMATS["en"])
        return local_format(fmt, self.lang)


_STYLES: weakref.WeakKeyDictionary[Workbook, WorkbookStyles] = weakref.WeakKeyDictionary()


def workbook(lang: str) -> Workbook:
    """A new workbook whose named styles speak `lang` (date and number formats, reading order)."""
    wb = Workbook()
    _STYLES[wb] = WorkbookStyles(wb, lang)
    return wb


def styles_of(wb: Workbook) -> WorkbookStyles:
    """The workbook's styles; a workbook not made by `workbook()` gets them in the current language."""
    styles = _STYLES.get(wb)
    if styles is None:
        from workbench.i18n import current_language

        styles = _STYLES[wb] = WorkbookStyles(wb, current_language())
    return styles


AnyCell = TypeVar("AnyCell", bound=Cell | MergedCell)


def first_sheet(wb: Workbook) -> Worksheet:
    """The sheet a new workbook starts with (a worksheet, never a chart sheet)."""
    ws = wb.active
    assert isinstance(ws, Worksheet)
    return ws


def apply(cell: AnyCell, *roles: str) -> AnyCell:
    """Give the cell the named style for these roles (in order; later roles win part by part). A named
    style replaces the cell's whole look, so text kept inert by Excel's quote prefix keeps it."""
    if roles:
        wb = cell.parent.parent
        assert wb is not None  # the cell of a sheet in a workbook
        look = StyleArray(styles_of(wb).style(roles).as_tuple())
        if cell.quotePrefix:
            look.quotePrefix = 1
        # what `cell.style = name` does, without openpyxl rebuilding its list of style names for every cell
        # (a third of the writers' time when it did); `_style` is openpyxl's own slot, not in its stubs
        cell._style = look  # type: ignore[union-attr]
    return cell


def role_names(roles: Iterable[str]) -> str:
    """The named style's name for these roles, as a reader (or a test) sees it."""
    return PREFIX + " ".join(roles)


def right_to_left(wb: Workbook, lang: str) -> None:
    """Every sheet laid out right to left in a right-to-left language (column A on the right)."""
    rtl = lang in RTL_LANGUAGES
    for ws in wb.worksheets:
        ws.sheet_view.rightToLeft = rtl
