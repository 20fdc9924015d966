"""The Word files open and render: LibreOffice converts them to PDF, and the PDF holds the text.

Skipped with a reason where LibreOffice is not installed (CI installs it); the text check also needs
pdftotext (poppler-utils)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tests.conftest import SOFFICE, libreoffice_convert, tool_mark
from tests.jobdesc.conftest import ON
from workbench.domain.resolve import resolve
from workbench.writers.jobdesc import describe, write_one

PDFTOTEXT = shutil.which("pdftotext")
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")

pytestmark = tool_mark(
    SOFFICE is None,
    reason="LibreOffice (soffice) is not installed; install it to check that the Word files render",
)


@pytest.fixture(scope="module")
def pdfs(core, tmp_path_factory, libreoffice_profile):
    """crm_manager in the three languages, converted in one LibreOffice run with the worker's own profile
    folder (so a LibreOffice already running elsewhere cannot take the job over)."""
    folder = tmp_path_factory.mktemp("render")
    resolved = resolve(core, {"company_size": "small", "industry": "software"})
    docs = {lang: describe(resolved, "crm_manager", lang, ON, "RU") for lang in ("en", "fa", "ru")}
    paths = [write_one(jd, "docx", folder) for jd in docs.values()]
    pdfs = libreoffice_convert(paths, folder / "pdf", "pdf", libreoffice_profile, timeout=300)
    return docs, dict(zip(docs, pdfs))


def pdf_text(path) -> str:
    out = subprocess.run(
        [PDFTOTEXT, "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    return " ".join(BIDI_CONTROLS.sub("", out).split())


@pytest.mark.parametrize("lang", ["en", "fa", "ru"])
def test_libreoffice_renders_the_word_file(pdfs, lang):
    _, paths = pdfs
    pdf = paths[lang]
    assert pdf.is_file()
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20_000
    assert len(re.findall(rb"/Type\s*/Page(?!s)", data)) >= 2  # several pages of content


@tool_mark(PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not installed")
@pytest.mark.parametrize(
    "lang, expected",
    [
        ("fa", ["شرح شغل", "مدیر ارتباط با مشتری", "آذر ۱۴۰۵", "هدف شغل", "محدوده حقوق", "روبل در ماه"]),
        ("ru", ["Описание должности: CRM-менеджер", "23.11.2026", "Назначение должности", "Уровень оплаты"]),
        ("en", ["Job description: CRM Manager", "23 November 2026", "Purpose of the role", "Pay band"]),
    ],
)
def test_rendered_text_holds_the_title_and_sections(pdfs, lang, expected):
    docs, paths = pdfs
    text = pdf_text(paths[lang])
    for fragment in expected:
        assert fragment in text, fragment
    assert docs[lang].section("duties").groups[0].heading in text
