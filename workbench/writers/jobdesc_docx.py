"""A job description as a Word document (HR works in Word), built with python-docx from the view model.

Persian needs more than translated text: every paragraph is marked right-to-left (w:bidi), every run
right-to-left (w:rtl) with a complex-script font that has Persian glyphs (w:rFonts w:cs), the section
and the KPI table are laid out right-to-left, and the proofing language is fa-IR.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from workbench.domain.jobdesc import JobDescription, Section
from workbench.writers.atomic import atomic_path
from workbench.writers.docx_styles import add_heading, add_paragraph

FONTS = {"fa": "Tahoma", "ru": "Calibri", "en": "Calibri"}
"""Tahoma ships with Windows and Office and has Persian glyphs; LibreOffice falls back to a font that has."""
LANG_TAGS = {"fa": "fa-IR", "ru": "ru-RU", "en": "en-GB"}
STYLES = ("Normal", "Title", "Heading 1", "Heading 2", "List Bullet", "Table Grid")


# child order that Word insists on (ECMA-376); only the elements we add need to be placed right
_ORDER = {
    "w:pPr": (
        "w:pStyle",
        "w:keepNext",
        "w:keepLines",
        "w:pageBreakBefore",
        "w:framePr",
        "w:widowControl",
        "w:numPr",
        "w:suppressLineNumbers",
        "w:pBdr",
        "w:shd",
        "w:tabs",
        "w:suppressAutoHyphens",
        "w:kinsoku",
        "w:wordWrap",
        "w:overflowPunct",
        "w:topLinePunct",
        "w:autoSpaceDE",
        "w:autoSpaceDN",
        "w:bidi",
        "w:adjustRightInd",
        "w:snapToGrid",
        "w:spacing",
        "w:ind",
        "w:contextualSpacing",
        "w:mirrorIndents",
        "w:suppressOverlap",
        "w:jc",
        "w:textDirection",
        "w:textAlignment",
        "w:textboxTightWrap",
        "w:outlineLvl",
        "w:divId",
        "w:cnfStyle",
        "w:rPr",
        "w:sectPr",
        "w:pPrChange",
    ),
    "w:rPr": (
        "w:rStyle",
        "w:rFonts",
        "w:b",
        "w:bCs",
        "w:i",
        "w:iCs",
        "w:caps",
        "w:smallCaps",
        "w:strike",
        "w:dstrike",
        "w:outline",
        "w:shadow",
        "w:emboss",
        "w:imprint",
        "w:noProof",
        "w:snapToGrid",
        "w:vanish",
        "w:webHidden",
        "w:color",
        "w:spacing",
        "w:w",
        "w:kern",
        "w:position",
        "w:sz",
        "w:szCs",
        "w:highlight",
        "w:u",
        "w:effect",
        "w:bdr",
        "w:shd",
        "w:fitText",
        "w:vertAlign",
        "w:rtl",
        "w:cs",
        "w:em",
        "w:lang",
        "w:eastAsianLayout",
        "w:specVanish",
        "w:oMath",
    ),
    "w:sectPr": (
        "w:headerReference",
        "w:footerReference",
        "w:footnotePr",
        "w:endnotePr",
        "w:type",
        "w:pgSz",
        "w:pgMar",
        "w:paperSrc",
        "w:pgBorders",
        "w:lnNumType",
        "w:pgNumType",
        "w:cols",
        "w:formProt",
        "w:vAlign",
        "w:noEndnote",
        "w:titlePg",
        "w:textDirection",
        "w:bidi",
        "w:rtlGutter",
        "w:docGrid",
        "w:printerSettings",
        "w:sectPrChange",
    ),
    "w:tcPr": (
        "w:cnfStyle",
        "w:tcW",
        "w:gridSpan",
        "w:hMerge",
        "w:vMerge",
        "w:tcBorders",
        "w:shd",
        "w:noWrap",
        "w:tcMar",
        "w:textDirection",
        "w:tcFitText",
        "w:vAlign",
        "w:hideMark",
    ),
}


def _child(parent, tag: str):
    """The existing child `tag`, or a new one put where the schema wants it among the parent's children."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    element = OxmlElement(tag)
    order = _ORDER.get("w:" + parent.tag.rpartition("}")[2], ())
    later = order[order.index(tag) + 1 :] if tag in order else ()
    anchor = next((child for child in parent if child.tag in {qn(t) for t in later}), None)
    if anchor is not None:
        anchor.addprevious(element)
    else:
        parent.append(element)
    return element


def _set_fonts(rpr, lang: str) -> None:
    """Name the fonts outright (no theme fonts), including the complex-script one."""
    fonts = _child(rpr, "w:rFonts")
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONTS[lang])
    language = _child(rpr, "w:lang")
    language.set(qn("w:val"), "en-US" if lang == "fa" else LANG_TAGS[lang])
    language.set(qn("w:bidi"), LANG_TAGS["fa"] if lang == "fa" else "ar-SA")


def _prepare(doc: DocumentObject, lang: str) -> None:
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(defaults, lang)
    for name in STYLES:
        _set_fonts(doc.styles[name].element.get_or_add_rPr(), lang)
    doc.styles["Title"].font.size = Pt(20)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(2)
    if lang == "fa":
        _child(section._sectPr, "w:bidi")
    doc.core_properties.language = LANG_TAGS[lang]
    doc.core_properties.author = "CRM Workbench"
    doc.core_properties.comments = ""


def _direction(paragraph: Paragraph, lang: str) -> None:
    """Right-to-left paragraph and runs for Persian; the runs get the complex-script font and size."""
    if lang != "fa":
        return
    _child(paragraph._p.get_or_add_pPr(), "w:bidi")
    for run in paragraph.runs:
        rpr = run._r.get_or_add_rPr()
        fonts = _child(rpr, "w:rFonts")
        fonts.set(qn("w:cs"), FONTS["fa"])
        if run.bold:
            _child(rpr, "w:bCs")
        if run.font.size is not None:
            _child(rpr, "w:szCs").set(qn("w:val"), str(int(run.font.size.pt * 2)))
        _child(rpr, "w:rtl")


def _para(
    doc,
    text: str,
    lang: str,
    style: str | None = None,
    label: str | None = None,
    bold: bool = False,
    italic: bool = False,
) -> Paragraph:
    paragraph = add_paragraph(doc, style=style)
    if label:
        paragraph.add_run(f"{label}: ").bold = True
    run = paragraph.add_run(text)
    run.bold, run.italic = bold or None, italic or None
    _direction(paragraph, lang)
    return paragraph


def _heading(doc, text: str, level: int, lang: str) -> Paragraph:
    paragraph = add_heading(doc, text, level)
    _direction(paragraph, lang)
    return paragraph


def _kpi_table(doc, section: Section, lang: str) -> None:
    table = doc.add_table(rows=1, cols=len(section.columns))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    if lang == "fa":
        table._tbl.tblPr.get_or_add_bidiVisual()
    header = table.rows[0]
    _child(header._tr.get_or_add_trPr(), "w:tblHeader")  # repeat the header row on every page
    for cell, title in zip(header.cells, section.columns):
        cell.paragraphs[0].add_run(title).bold = True
        shading = _child(cell._tc.get_or_add_tcPr(), "w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:fill"), "DCE6F1")
    for row in section.kpis:
        cells = table.add_row().cells
        for cell, value in zip(cells, (row.name, row.target, row.cadence)):
            cell.paragraphs[0].add_run(value)
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                _direction(paragraph, lang)


def _section(doc, section: Section, lang: str) -> None:
    _heading(doc, section.heading, 1, lang)
    if section.text:
        _para(doc, section.text, lang)
    for label, value in section.facts:
        _para(doc, value, lang, label=label)
    for group in section.groups:
        _heading(doc, group.heading, 2, lang)
        for item in group.items:
            _para(doc, item, lang, style="List Bullet")
    for line in section.lines:
        _para(doc, line, lang, style="List Bullet")
    if section.kpis:
        _kpi_table(doc, section, lang)
    for pay in section.pay:
        _para(doc, pay.amount, lang, bold=True)
        for label, value in pay.details:
            _para(doc, value, lang, label=label)
        if pay.note:
            _para(doc, pay.note, lang, italic=True)


def build_document(jd: JobDescription) -> DocumentObject:
    doc = Document()
    _prepare(doc, jd.lang)
    doc.core_properties.title = jd.heading
    _heading(doc, jd.heading, 0, jd.lang)
    for label, value in jd.meta:
        _para(doc, value, jd.lang, label=label).paragraph_format.space_after = Pt(2)
    for section in jd.sections:
        _section(doc, section, jd.lang)
    return doc


def write_docx(jd: JobDescription, target: Path) -> Path:
    with atomic_path(target) as tmp:
        build_document(jd).save(str(tmp))
    return target
