"""`rfp.docx`: the request for proposal procurement sends, beside the requirements workbook (`rfp.xlsx`).

Built with python-docx from `domain.rfp_document`, with the job description's Word conventions
(`writers.jobdesc_docx`): named fonts with a complex-script font, and in Persian every paragraph, run,
table and the section itself right to left.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Pt

from workbench.domain.locale import format_number
from workbench.domain.rfp_document import DocSection, RfpDocument, RfpInputs, Table, build
from workbench.writers.atomic import atomic_path
from workbench.writers.context import ExportContext, in_client_language, issued_on
from workbench.writers.jobdesc_docx import _child, _direction, _heading, _para, _prepare
from workbench.writers.xlsx_style import GROUP_BLUE

TABLE_FONT = Pt(9)


@in_client_language
def write(ctx: ExportContext, folder: Path) -> list[Path]:
    document = build(
        RfpInputs(
            ctx.playbook, ctx.answers, ctx.client, ctx.start, issued_on(), ctx.lang, ctx.contact, ctx.calendar
        )
    )
    target = Path(folder) / "rfp.docx"
    with atomic_path(target) as tmp:
        render(document).save(str(tmp))
    return [target]


def render(document: RfpDocument) -> DocumentObject:
    lang = document.lang
    doc = Document()
    _prepare(doc, lang)
    doc.core_properties.title = document.title
    _heading(doc, document.title, 0, lang)
    for label, value in document.facts:
        _para(doc, value, lang, label=label).paragraph_format.space_after = Pt(2)
    for number, section in enumerate(document.sections, start=1):
        _section(doc, section, f"{format_number(number, lang)}. ", lang)
    return doc


def _section(doc: DocumentObject, section: DocSection, prefix: str, lang: str) -> None:
    _heading(doc, prefix + section.heading, 1, lang)
    for text in section.paragraphs:
        _para(doc, text, lang, style="List Bullet" if section.bulleted else None)
    for table in section.tables:
        _table(doc, table, lang)
        doc.add_paragraph()


def _table(doc: DocumentObject, table: Table, lang: str) -> None:
    grid = doc.add_table(rows=1, cols=len(table.columns))
    grid.style = doc.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    if lang == "fa":
        grid._tbl.tblPr.get_or_add_bidiVisual()
    header = grid.rows[0]
    _child(header._tr.get_or_add_trPr(), "w:tblHeader")  # repeat the header row on every page
    for cell, title in zip(header.cells, table.columns):
        run = cell.paragraphs[0].add_run(title)
        run.bold, run.font.size = True, TABLE_FONT
        shading = _child(cell._tc.get_or_add_tcPr(), "w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:fill"), GROUP_BLUE)
    for index, values in enumerate(table.rows, start=1):
        last = table.total and index == len(table.rows)
        for cell, value in zip(grid.add_row().cells, values):
            run = cell.paragraphs[0].add_run(value)
            run.font.size, run.bold = TABLE_FONT, last or None
    for row in grid.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                _direction(paragraph, lang)
