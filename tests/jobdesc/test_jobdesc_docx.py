"""Word documents read back with python-docx: headings and paragraphs in order, right-to-left for Persian
(paragraphs, runs, section, table), explicit fonts with a complex-script font, elements in schema order."""

from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn

from tests.jobdesc.conftest import ON
from tests.jobdesc.helpers import docx_paragraphs
from workbench.domain.resolve import resolve
from workbench.writers.jobdesc import describe, write_one
from workbench.writers.jobdesc_docx import _ORDER, FONTS


@pytest.fixture(scope="module", params=["en", "fa", "ru"])
def written(request, test_playbook, tmp_path_factory):
    jd = describe(resolve(test_playbook, {"company_size": "small"}), "lead", request.param, ON)
    path = write_one(jd, "docx", tmp_path_factory.mktemp(f"docx-{request.param}"))
    return jd, path


def all_paragraph_elements(document):
    return list(document.element.body.iter(qn("w:p")))


def test_headings_and_paragraphs_follow_the_view_model(written):
    jd, path = written
    paragraphs = docx_paragraphs(path)
    assert paragraphs[0] == ("Title", jd.heading)
    assert paragraphs[1:3] == [("Normal", f"{label}: {value}") for label, value in jd.meta]
    assert [t for s, t in paragraphs if s == "Heading 1"] == [s.heading for s in jd.sections]
    assert [t for s, t in paragraphs if s == "Heading 2"] == [g.heading for g in jd.section("duties").groups]
    bullets = [t for s, t in paragraphs if s == "List Bullet"]
    duties = [item for g in jd.section("duties").groups for item in g.items]
    assert bullets[: len(duties)] == duties
    assert bullets[len(duties) :] == [
        line
        for key in (
            "education",
            "experience",
            "skills",
            "competencies",
            "qualities",
            "tools",
            "working_conditions",
        )
        for line in jd.section(key).lines
    ]
    cells = [t for s, t in paragraphs if s == "table cell"]
    kpis = jd.section("kpis")
    assert cells == [*kpis.columns, *[v for k in kpis.kpis for v in (k.name, k.target, k.cadence)]]
    texts = [t for _, t in paragraphs]
    pay = jd.section("pay").pay[0]
    start = texts.index(pay.amount)
    assert texts[start + 1 : start + 5] == [f"{label}: {value}" for label, value in pay.details]
    assert texts[start + 5] == pay.note
    assert texts.index(jd.section("purpose").text) < texts.index(jd.section("position").heading) < start


def test_direction_is_right_to_left_only_for_persian(written):
    jd, path = written
    document = docx.Document(str(path))
    paragraphs = all_paragraph_elements(document)
    runs = list(document.element.body.iter(qn("w:r")))
    assert len(paragraphs) > 30 and runs
    sect_bidi = document.sections[0]._sectPr.find(qn("w:bidi"))
    table_bidi = document.tables[0]._tbl.tblPr.find(qn("w:bidiVisual"))
    if jd.lang == "fa":
        assert all(p.pPr is not None and p.pPr.find(qn("w:bidi")) is not None for p in paragraphs)
        assert all(r.rPr is not None and r.rPr.find(qn("w:rtl")) is not None for r in runs)
        assert all(r.rPr.find(qn("w:rFonts")).get(qn("w:cs")) == "Tahoma" for r in runs)
        assert sect_bidi is not None and table_bidi is not None
        bold_runs = [r for r in runs if r.rPr.find(qn("w:b")) is not None]
        assert bold_runs and all(r.rPr.find(qn("w:bCs")) is not None for r in bold_runs)
    else:
        assert not any(p.pPr is not None and p.pPr.find(qn("w:bidi")) is not None for p in paragraphs)
        assert not any(r.rPr is not None and r.rPr.find(qn("w:rtl")) is not None for r in runs)
        assert sect_bidi is None and table_bidi is None


def test_styles_name_their_fonts_and_language(written):
    jd, path = written
    document = docx.Document(str(path))
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "List Bullet"):
        rpr = document.styles[name].element.rPr
        fonts = rpr.find(qn("w:rFonts"))
        assert {fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "cs")} == {FONTS[jd.lang]}, name
        assert fonts.get(qn("w:asciiTheme")) is None and fonts.get(qn("w:cstheme")) is None, name
        language = rpr.find(qn("w:lang"))
        if jd.lang == "fa":
            assert language.get(qn("w:bidi")) == "fa-IR"
        else:
            assert language.get(qn("w:val")) == {"en": "en-GB", "ru": "ru-RU"}[jd.lang]
    assert document.core_properties.language == {"en": "en-GB", "fa": "fa-IR", "ru": "ru-RU"}[jd.lang]
    assert document.core_properties.title == jd.heading


def test_added_elements_sit_where_the_schema_puts_them(written):
    """Word refuses files whose property elements are out of order; check every pPr, rPr, sectPr, tcPr."""
    _, path = written
    document = docx.Document(str(path))
    roots = [document.element.body, document.styles.element]
    checked = 0
    for root in roots:
        for tag, order in _ORDER.items():
            rank = {qn(t): i for i, t in enumerate(order)}
            for element in root.iter(qn(tag)):
                positions = [rank[child.tag] for child in element if child.tag in rank]
                assert positions == sorted(positions), (tag, [c.tag.rpartition("}")[2] for c in element])
                checked += 1
    assert checked > 50
