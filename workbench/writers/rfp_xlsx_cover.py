"""The RFP workbook's Cover sheet: who asks, how to answer, how answers score, and the client's context."""

from __future__ import annotations

from datetime import date

from openpyxl.worksheet.worksheet import Worksheet

from workbench.domain.locale import format_date, format_number
from workbench.domain.rfp import RESPONSES
from workbench.domain.rfp_pack import (
    PRIORITY_LABELS,
    PRIORITY_MEANINGS,
    RESPONSE_MEANINGS,
    VENDOR_NAME,
    client_context,
    priority_label,
)
from workbench.domain.text import tr
from workbench.i18n import N_, _
from workbench.writers.context import ExportContext
from workbench.writers.spreadsheet import fit_to_page, put

WIDTHS = (34, 12, 80)

INSTRUCTIONS = (
    N_("Type your company's name in the yellow '{vendor_name}' cell above."),
    N_(
        "On the Requirements sheet, choose one response per requirement from the drop-down in the yellow "
        "Vendor response column; the levels and the points they earn are listed below."
    ),
    N_(
        "Explain each answer in the Vendor comment column: which module, add-on or partner delivers it, and "
        "the "
        "release and date for Roadmap answers. Text typed into the response column that is not one of the "
        "responses earns no points and is reported as unreadable."
    ),
    N_(
        "Score = weight x points, summed per module on the Scores sheet. A Must answered Roadmap or Not "
        "supported, or left blank, counts as a missed must-have."
    ),
    N_("Won't items are listed for information only: they carry weight 0 and are not scored."),
    N_(
        "Only the response and comment cells can be edited: the sheets are protected against accidental "
        "changes, without a password (Review > Unprotect Sheet). Please do not change requirements, "
        "priorities or weights."
    ),
)


def write_cover(ws: Worksheet, ctx: ExportContext) -> None:
    ws.title = _("Cover")
    for letter, width in zip("ABC", WIDTHS):
        ws.column_dimensions[letter].width = width
    title = _("Request for proposal: CRM system for {client}").format(client=ctx.client)
    put(ws, 1, 1, title, style="title")
    pb = ctx.playbook
    facts: list[tuple[str, object]] = [
        (_("Client"), ctx.client),
        (_("Playbook"), f"{tr(pb.name, ctx.lang)} ({pb.id} {pb.version})"),
        (_("Date"), date.today() if ctx.lang == "en" else format_date(date.today(), ctx.lang)),
        (_("Response deadline"), None),
        (_(VENDOR_NAME), None),
    ]
    for r, (label, value) in enumerate(facts, start=3):
        put(ws, r, 1, label, style="strong")
        look = ("left",) + ("date",) * isinstance(value, date) + ("input",) * (value is None)
        put(ws, r, 2, value, style=look)
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=3)
    r = len(facts) + 4
    r = _section(ws, r, _("How to respond"))
    for number, text in enumerate(INSTRUCTIONS, start=1):
        put(ws, r, 1, f"{format_number(number, ctx.lang)}.", style="number-top")
        _wide(ws, r, _(text).format(vendor_name=_(VENDOR_NAME)))
        r += 1
    r = _table(
        ws,
        r + 1,
        (_("Vendor response"), _("Points"), _("Meaning")),
        [(_(label), points, _(RESPONSE_MEANINGS[label])) for label, points in RESPONSES.items()],
    )
    r = _table(
        ws,
        r + 1,
        (_("Priority"), _("Meaning")),
        [(priority_label(pid), _(PRIORITY_MEANINGS[pid])) for pid in PRIORITY_LABELS],
    )
    r = _section(ws, r + 1, _("Client context"))
    context = client_context(pb, ctx.answers, ctx.lang)
    if not context:
        _wide(ws, r, _("No intake answers were recorded for this RFP."))
    else:
        _table(ws, r, (_("Question"), _("Answer")), context)
    ws.sheet_view.showGridLines = False
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    fit_to_page(ws, True)


def _section(ws: Worksheet, r: int, title: str) -> int:
    put(ws, r, 1, title, style="section")
    return r + 1


def row_height(texts: list[tuple[str, float]], minimum: int = 1) -> float:
    """Points for a row whose wrapped cells hold these (text, column width) pairs: openpyxl cannot measure
    text and LibreOffice keeps the default height, so long requirements would be cut off."""
    lines = minimum
    for text, width in texts:
        per_line = max(int(width * 1.1), 1)
        lines = max(lines, sum(max(1, -(-len(part) // per_line)) for part in str(text or "").split("\n")))
    return 15.0 * lines


def _wide(ws: Worksheet, r: int, text: str) -> None:
    """Text across columns B:C, wrapped."""
    put(ws, r, 2, text, wrap=True)
    ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=3)
    ws.row_dimensions[r].height = row_height([(text, WIDTHS[1] + WIDTHS[2])])


def _table(ws: Worksheet, r: int, titles: tuple[str, ...], rows: list[tuple]) -> int:
    """A small table in columns A:C; rows of two values span the second over B:C. Returns the next row."""
    for c, title in enumerate(titles, start=1):
        put(ws, r, c, title, style="header")
    if len(titles) == 2:
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=3)
    for offset, values in enumerate(rows, start=1):
        widths = WIDTHS if len(values) == 3 else (WIDTHS[0], WIDTHS[1] + WIDTHS[2])
        for c, value in enumerate(values, start=1):
            number = isinstance(value, (int, float))
            put(ws, r + offset, c, value, style="centred-top" if number else "wrapped")
        if len(values) == 2:
            ws.merge_cells(start_row=r + offset, start_column=2, end_row=r + offset, end_column=3)
        ws.row_dimensions[r + offset].height = row_height(list(zip(map(str, values), widths)))
    return r + len(rows) + 1
