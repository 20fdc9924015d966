"""`field-mapping.xlsx`: the workbook the client's data owners fill in before the migration, one sheet per
legacy source the intake names (1C, Excel lists, website forms, the POS, the call centre...).

Each sheet lists the target fields whose data usually comes from that source, with a blank (yellow) column
for the legacy column's name, the transformation the type and the playbook ask for, the role that owns
the field's data, and whether it is required and personal data. With no legacy source named, one sheet
says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

from workbench.domain.customer_profile import ClientField, fields_from, legacy_sources, profile
from workbench.domain.playbook import Playbook
from workbench.domain.profile_fields import LegacySource
from workbench.domain.text import local_text
from workbench.i18n import N_, _
from workbench.writers.atomic import atomic_path
from workbench.writers.context import ExportContext, in_client_language
from workbench.writers.profile_cells import mapping_note, owner_name, sheet_title, type_label, yes_no
from workbench.writers.spreadsheet import finish_table, header, put
from workbench.writers.xlsx_style import first_sheet, right_to_left, workbook

FILE_NAME = "field-mapping.xlsx"
HEADER_ROW = 3
"""Rows 1-2 hold the source's name and what it is."""
COLUMNS = [
    (N_("Target object"), 20),
    (N_("Target field"), 26),
    (N_("Field ID"), 18),
    (N_("Type"), 16),
    (N_("Legacy column"), 24),
    (N_("Transformation notes"), 60),
    (N_("Owner"), 22),
    (N_("Required"), 11),
    (N_("Personal data"), 11),
]
LEGACY_COLUMN = 5
WRAPPED = frozenset({2, 6})


@in_client_language
def write(ctx: ExportContext, folder: Path) -> list[Path]:
    pb, lang = ctx.playbook, ctx.lang
    wb = workbook(lang)
    fields = profile(pb, ctx.answers)
    sources = legacy_sources(pb, ctx.answers)
    taken: set[str] = set()
    ws = first_sheet(wb)
    if not sources:
        ws.title = sheet_title(_("Field mapping"), taken)
        put(
            ws,
            1,
            1,
            _("The intake names no legacy source: there is no customer data to move."),
            style="muted",
        )
    country = ctx.answers.get("country")
    for index, source in enumerate(sources):
        sheet = ws if index == 0 else wb.create_sheet()
        _source_sheet(sheet, source, fields_from(source.id, fields), pb, lang, country, taken)
    right_to_left(wb, lang)
    target = Path(folder) / FILE_NAME
    with atomic_path(target) as tmp:
        wb.save(tmp)
    return [target]


def _source_sheet(
    ws: Worksheet,
    source: LegacySource,
    rows: list[ClientField],
    pb: Playbook,
    lang: str,
    country: Any,
    taken: set[str],
) -> None:
    name = local_text(source.name, lang)
    ws.title = sheet_title(name, taken)
    put(ws, 1, 1, _("Field mapping: {source}").format(source=name), style="title")
    put(ws, 2, 1, local_text(source.description, lang), style="note")
    header(ws, [_(t) for t, _w in COLUMNS], [w for _t, w in COLUMNS], row=HEADER_ROW)
    if not rows:
        put(
            ws, HEADER_ROW + 1, 1, _("No field of the profile usually comes from this source."), style="muted"
        )
    for row, field in enumerate(rows, start=HEADER_ROW + 1):
        cells = [
            local_text(field.object.name, lang),
            local_text(field.field.name, lang),
            field.id,
            type_label(field),
            None,
            mapping_note(field, country if isinstance(country, str) else None, lang),
            owner_name(field, pb, lang),
            yes_no(field.required),
            yes_no(field.field.pii),
        ]
        for column, value in enumerate(cells, start=1):
            style = "input" if column == LEGACY_COLUMN else ()
            put(ws, row, column, value, wrap=column in WRAPPED, style=style)
    finish_table(ws, max(len(rows), 1), len(COLUMNS), header_row=HEADER_ROW)
