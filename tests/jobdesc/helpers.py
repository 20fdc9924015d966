"""Reading job descriptions back (Markdown, HTML, Word) and finding English that leaked into fa/ru text."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import docx

# Latin script a Persian or Russian document may contain, and why. Everything else in Latin script fails.
# 1. Product and service names: printed in Latin script in Persian and Russian job ads as well.
PRODUCT_NAMES = (
    "CRM Workbench",
    "Microsoft Dynamics",
    "Dynamics",
    "Salesforce",
    "Bitrix24",
    "Power BI",
    "Tableau",
    "QlikView",
    "Yandex Metrica",
    "Google Analytics",
    "Google Sheets",
    "Google",
    "Excel",
    "Visio",
    "draw.io",
    "Jira",
    "Trello",
    "Bizagi",
    "Postman",
    "Python",
    "pandas",
    "R",
    "JavaScript",
)
# 2. Acronyms that Persian and Russian professional writing uses untranslated.
ACRONYMS = (
    "CRM",
    "RFP",
    "KPI",
    "SQL",
    "API",
    "REST",
    "JSON",
    "ERP",
    "BI",
    "IP",
    "SSO",
    "IVR",
    "RACI",
    "MBA",
    "B2B",
    "B2C",
    "CSAT",
    "NPS",
    "ROI",
    "FAQ",
    "HR",
    "SMS",
)
# 3. Russian only: borrowings conventionally written in Latin script ("e-mail-рассылка", "push-рассылка").
RU_BORROWINGS = ("e-mail", "push")


def allowed_latin(lang: str, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    names = PRODUCT_NAMES + ACRONYMS + extra + (RU_BORROWINGS if lang == "ru" else ())
    return tuple(sorted(names, key=len, reverse=True))


def latin_leaks(text: str, lang: str, extra: tuple[str, ...] = ()) -> list[str]:
    """Latin-script words left after removing the allowed names; [] means no English leaked."""
    for name in allowed_latin(lang, extra):
        text = re.sub(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", " ", text)
    return re.findall(r"[A-Za-z][A-Za-z'’-]*", text)


class _HtmlText(HTMLParser):
    """Visible text (no <style>, <script> or attributes), plus the h1/h2/h3/li/td texts in order."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.blocks: list[tuple[str, str]] = []
        self.attrs: dict[str, dict[str, str | None]] = {}
        self._skip = 0
        self._open: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag, attrs):
        self.attrs.setdefault(tag, dict(attrs))
        if tag in ("style", "script"):
            self._skip += 1
        if tag in ("title", "h1", "h2", "h3", "li", "td", "th", "dt", "dd", "p"):
            self._open.append((tag, []))

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self._skip -= 1
        if self._open and self._open[-1][0] == tag:
            name, chunks = self._open.pop()
            self.blocks.append((name, re.sub(r"[ \t\r\n]+", " ", "".join(chunks)).strip()))

    def handle_data(self, data):
        if self._skip:
            return
        self.parts.append(data)
        for _, chunks in self._open:
            chunks.append(data)


def read_html(path: Path) -> _HtmlText:
    parser = _HtmlText()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def html_text(path: Path) -> str:
    return " ".join(" ".join(read_html(path).parts).split())


def docx_paragraphs(path: Path) -> list[tuple[str, str]]:
    """(style name, text) of every body paragraph, tables included in document order."""
    document = docx.Document(str(path))
    out: list[tuple[str, str]] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rpartition("}")[2]
        if tag == "p":
            paragraph = docx.text.paragraph.Paragraph(block, document)
            out.append((paragraph.style.name, paragraph.text))
        elif tag == "tbl":
            table = docx.table.Table(block, document)
            for row in table.rows:
                for cell in row.cells:
                    out.extend(("table cell", p.text) for p in cell.paragraphs)
    return out


def docx_text(path: Path) -> str:
    return " ".join(text for _, text in docx_paragraphs(path))


def document_text(path: Path) -> str:
    """What a reader sees, for any of the three formats."""
    if path.suffix == ".docx":
        return docx_text(path)
    if path.suffix == ".html":
        return html_text(path)
    return path.read_text(encoding="utf-8")
