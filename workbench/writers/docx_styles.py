"""Paragraph styles set by their id, looked up once per document.

python-docx's `paragraph.style = "List Bullet"` (and `add_heading`) finds the style by its name and then
walks every style of the document to learn whether it is the default one, for each paragraph: writing a
job description spent 60 % of its time there (about 50 styled paragraphs, some 160 styles). The id is
asked of python-docx once per style name and document, with the same answer (None for the default
style), and written into the paragraph's properties as python-docx itself would."""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.text.paragraph import Paragraph

_IDS = "_crmwb_style_ids"


def style_id(doc, name: str) -> str | None:
    """The id of paragraph style `name` in `doc` (None for the default style), python-docx's own answer."""
    known: dict[str, str | None] = doc.__dict__.setdefault(_IDS, {})
    if name not in known:
        known[name] = doc.part.get_style_id(name, WD_STYLE_TYPE.PARAGRAPH)
    return known[name]


def add_paragraph(doc, text: str = "", style: str | None = None) -> Paragraph:
    """`doc.add_paragraph(text, style)`, the style set by its remembered id."""
    paragraph = doc.add_paragraph(text)
    if style is not None:
        paragraph._p.style = style_id(doc, style)
    return paragraph


def add_heading(doc, text: str, level: int) -> Paragraph:
    """`doc.add_heading(text, level)`: Title for level 0, else Heading N."""
    return add_paragraph(doc, text, "Title" if level == 0 else f"Heading {level}")
