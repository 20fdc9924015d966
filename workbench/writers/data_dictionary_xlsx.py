"""`data-dictionary.xlsx`: the customer profile as the client's CRM will hold it, one sheet per object.

Each row is one field that applies to the client (the playbook resolved against the intake answers): what
it is, its type, whether it is required for this client, its allowed values, whether it is personal data,
where legacy data for it usually comes from and the role accountable for it.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl.worksheet.worksheet import Worksheet

from workbench.domain.customer_profile import ClientField, profile
from workbench.domain.playbook import Playbook
from workbench.domain.text import local_text
from workbench.i18n import N_, _
from workbench.writers.atomic import atomic_path
from workbench.writers.context import ExportContext, in_client_language
from workbench.writers.profile_cells import (
    allowed_values,
    owner_name,
    sheet_title,
    source_names,
    type_label,
    yes_no,
)
from workbench.writers.spreadsheet import finish_table, header, put
from workbench.writers.xlsx_style import first_sheet, right_to_left, workbook

FILE_NAME = "data-dictionary.xlsx"
HEADER_ROW = 3
"""Rows 1-2 hold the object's name and what it is."""
COLUMNS = [
    (N_("ID"), 18),
    (N_("Field"), 28),
    (N_("Type"), 18),
    (N_("Required"), 11),
    (N_("Allowed values"), 32),
    (N_("Personal data"), 11),
    (N_("Legacy sources"), 30),
    (N_("Owner"), 22),
    (N_("Description"), 60),
]
WRAPPED = frozenset({2, 5, 7, 9})


@in_client_language
def write(ctx: ExportContext, folder: Path) -> list[Path]:
    pb, lang = ctx.playbook, ctx.lang
    wb = workbook(lang)
    fields = profile(pb, ctx.answers)
    taken: set[str] = set()
    ws = first_sheet(wb)
    if not fields:
        ws.title = sheet_title(_("Data dictionary"), taken)
        put(ws, 1, 1, _("The playbook defines no fields for this client's objects."), style="muted")
    for index, rows in enumerate(fields.values()):
        sheet = ws if index == 0 else wb.create_sheet()
        _object_sheet(sheet, rows, pb, lang, taken)
    right_to_left(wb, lang)
    target = Path(folder) / FILE_NAME
    with atomic_path(target) as tmp:
        wb.save(tmp)
    return [target]


def _object_sheet(ws: Worksheet, rows: list[ClientField], pb: Playbook, lang: str, taken: set[str]) -> None:
    obj = rows[0].object
    name = local_text(obj.name, lang)
    ws.title = sheet_title(name, taken)
    put(ws, 1, 1, _("Data dictionary: {object}").format(object=name), style="title")
    put(ws, 2, 1, local_text(obj.description, lang), style="note")
    header(ws, [_(t) for t, _w in COLUMNS], [w for _t, w in COLUMNS], row=HEADER_ROW)
    for row, field in enumerate(rows, start=HEADER_ROW + 1):
        cells = [
            field.id,
            local_text(field.field.name, lang),
            type_label(field),
            yes_no(field.required),
            allowed_values(field, lang),
            yes_no(field.field.pii),
            source_names(field, pb, lang),
            owner_name(field, pb, lang),
            local_text(field.field.description, lang),
        ]
        for column, value in enumerate(cells, start=1):
            style = "strong" if (column == 4 and field.required) or (column == 6 and field.field.pii) else ()
            put(ws, row, column, value, wrap=column in WRAPPED, style=style)
    finish_table(ws, len(rows), len(COLUMNS), header_row=HEADER_ROW)
