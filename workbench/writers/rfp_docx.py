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
from docx.shared import Cm, Length, Pt

from workbench.domain.locale import format_number
from workbench.domain.rfp_document import DocSection, RfpDocument, RfpInputs, Table, build
from workbench.writers.atomic import atomic_path
from workbench.writers.context import ExportContext, in_client_language, issued_on
from workbench.writers.jobdesc_docx import _child, _direction, _heading, _para, _prepare
from workbench.writers.xlsx_style import GROUP_BLUE

TABLE_FONT = Pt(9)
TEXT_WIDTH_CM = 17.0
"""A4 less the 2 cm margins `jobdesc_docx._prepare` sets"""
MAX_CHARS, FILL_CHARS = 60, 12
CM_PER_CHAR, HEADER_CM_PER_CHAR, CELL_PADDING_CM = 0.18, 0.23, 0.5
"""about what a character of the 9 pt table font takes (bold in the header), and a cell's margins"""
SHORT_CHARS = 14
"""columns needing at most this many characters keep their natural width; longer ones share the rest"""


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
    widths = column_widths(table)
    grid.autofit = False
    for column, width in zip(grid.columns, widths):
        column.width = width  # the grid LibreOffice lays out by; Word reads the cells' widths
    for row in grid.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width
            for paragraph in cell.paragraphs:
                _direction(paragraph, lang)


def column_widths(table: Table) -> list[Length]:
    """Share the text width by how much each column holds: a short column (numbers, a date, a header
    word) keeps what it needs, never breaking a header word; long text columns share the rest and wrap."""
    natural, wraps, floors = [], [], []
    for c, title in enumerate(table.columns):
        cells = [row[c] for row in table.rows if c < len(row)]
        longest = min(max(map(len, cells), default=0), MAX_CHARS)
        if not any(cells):  # a column the vendor fills in
            longest = FILL_CHARS
        word = max((len(part) for part in title.split()), default=0)
        natural.append(max(HEADER_CM_PER_CHAR * word, CM_PER_CHAR * longest) + CELL_PADDING_CM)
        wraps.append(longest > SHORT_CHARS)
        words = max((len(part) for cell in cells for part in cell.split()), default=0)
        floors.append(CM_PER_CHAR * max(words, word) + CELL_PADDING_CM)
    short = sum(w for w, wrap in zip(natural, wraps) if not wrap)
    long = sum(w for w, wrap in zip(natural, wraps) if wrap)
    if short + long <= TEXT_WIDTH_CM or not long or short >= TEXT_WIDTH_CM:
        scale = TEXT_WIDTH_CM / (short + long)
        return [Cm(w * scale) for w in natural]
    squeeze = (TEXT_WIDTH_CM - short) / long  # short columns keep their width, long text wraps
    return [Cm(max(w * squeeze, floor) if wrap else w) for w, wrap, floor in zip(natural, wraps, floors)]
