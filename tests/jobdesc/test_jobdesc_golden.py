"""Every core role x language x format, read back and compared with what the document must say; plus
fixed expectations (dates, pay band, attributes) and the variants the intake answers produce."""

from __future__ import annotations

import re

import pytest

from tests.jobdesc.conftest import FORMATS, LANGS, LARGE_RETAIL, ON, SMALL_SOFTWARE
from tests.jobdesc.helpers import docx_paragraphs, read_html
from workbench.domain.locale import NBSP
from workbench.domain.resolve import resolve
from workbench.writers.jobdesc import describe, render_md, roles_with_profiles, write_many

LIST_KEYS = ("education", "experience", "skills", "competencies", "qualities", "tools", "working_conditions")


def expected_items(jd) -> list[str]:
    """Bulleted lines in document order: duties by phase, then the list sections."""
    return [i for g in jd.section("duties").groups for i in g.items] + [
        line for key in LIST_KEYS if jd.section(key) for line in jd.section(key).lines
    ]


def md_unescape(text: str) -> str:
    return re.sub(r"\\([\\`*_<>\[\]|])", r"\1", text)


def check_md(jd, path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == f"# {md_unescape(jd.heading)}" or md_unescape(lines[0]) == f"# {jd.heading}"
    assert [md_unescape(x[3:]) for x in lines if x.startswith("## ")] == [s.heading for s in jd.sections]
    assert [md_unescape(x[4:]) for x in lines if x.startswith("### ")] == [
        g.heading for g in jd.section("duties").groups
    ]
    bullets = [md_unescape(x[2:]) for x in lines if x.startswith("- ") and not x.startswith("- **")]
    facts = [f"{label}: {value}" for s in jd.sections for p in s.pay for label, value in p.details]
    assert bullets == expected_items(jd) + facts
    for label, value in jd.section("position").facts:
        assert f"- **{label}:** {value}" in map(md_unescape, lines)
    if jd.section("kpis"):
        rows = [x for x in lines if x.startswith("| ")]
        assert len(rows) == 1 + len(jd.section("kpis").kpis)
        first = jd.section("kpis").kpis[0]
        assert [md_unescape(c.strip()) for c in rows[1].strip("|").split(" | ")] == [
            first.name,
            first.target,
            first.cadence,
        ]


def check_html(jd, path) -> None:
    page = read_html(path)
    assert page.attrs["html"] == {"lang": jd.lang, "dir": jd.direction}
    blocks = page.blocks
    assert [t for tag, t in blocks if tag == "h1"] == [jd.heading]
    assert [t for tag, t in blocks if tag == "title"] == [jd.heading]
    assert [t for tag, t in blocks if tag == "h2"] == [s.heading for s in jd.sections]
    assert [t for tag, t in blocks if tag == "h3"] == [g.heading for g in jd.section("duties").groups]
    assert [t for tag, t in blocks if tag == "li"] == expected_items(jd)
    kpis = jd.section("kpis")
    assert [t for tag, t in blocks if tag == "th"] == (list(kpis.columns) if kpis else [])
    assert [t for tag, t in blocks if tag == "td"] == (
        [v for k in kpis.kpis for v in (k.name, k.target, k.cadence)] if kpis else []
    )
    facts = list(jd.section("position").facts) + [d for s in jd.sections for p in s.pay for d in p.details]
    terms = [t for tag, t in blocks if tag == "dt"]
    assert list(zip(terms, [t for tag, t in blocks if tag == "dd"])) == facts
    font = re.search(r"font-family: ([^;]+);", path.read_text(encoding="utf-8")).group(1)
    assert font.startswith("Vazirmatn, Tahoma") if jd.lang == "fa" else "Vazirmatn" not in font


def check_docx(jd, path) -> None:
    paragraphs = docx_paragraphs(path)
    assert paragraphs[0] == ("Title", jd.heading)
    assert [t for s, t in paragraphs if s == "Heading 1"] == [s.heading for s in jd.sections]
    assert [t for s, t in paragraphs if s == "List Bullet"] == expected_items(jd)
    texts = [t for _, t in paragraphs]
    for label, value in jd.section("position").facts:
        assert f"{label}: {value}" in texts


CHECKS = {"md": check_md, "html": check_html, "docx": check_docx}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", LANGS)
def test_every_role_reads_back_as_described(core_written, lang, fmt):
    resolved, folder = core_written
    roles = roles_with_profiles(resolved)
    for role in roles:
        jd = describe(resolved, role, lang, ON, "RU")
        assert jd.section("purpose") and jd.section("position") and jd.section("duties")
        CHECKS[fmt](jd, folder / f"{role}.{lang}.{fmt}")
    written = sorted(p.name for p in folder.glob(f"*.{lang}.{fmt}"))
    assert written == sorted(f"{r}.{lang}.{fmt}" for r in roles)


@pytest.mark.parametrize(
    "lang, date_text, pay, source, heading",
    [
        ("en", "23 November 2026", "40,000–100,000 RUB a month", "Source", "Pay band"),
        ("fa", "۲ آذر ۱۴۰۵", "۴۰٬۰۰۰ تا ۱۰۰٬۰۰۰ روبل در ماه", "منبع", "محدوده حقوق"),
        ("ru", "23.11.2026", f"40{NBSP}000–100{NBSP}000 руб. в месяц", "Источник", "Уровень оплаты"),
    ],
)
def test_crm_manager_fixed_facts_in_every_format(core_written, lang, date_text, pay, source, heading):
    _, folder = core_written
    md = (folder / f"crm_manager.{lang}.md").read_text(encoding="utf-8")
    html = (folder / f"crm_manager.{lang}.html").read_text(encoding="utf-8")
    docx_text = "\n".join(t for _, t in docx_paragraphs(folder / f"crm_manager.{lang}.docx"))
    for text in (md, html, docx_text):
        assert date_text in text and pay in text and source in text and heading in text
    assert ("۲۰۲۵ میلادی" if lang == "fa" else "2025") in md
    # no role but the CRM manager has a pay band in the core playbook: nothing is invented for the others
    for fmt in FORMATS:
        for path in folder.glob(f"*.{lang}.{fmt}"):
            if not path.name.startswith("crm_manager."):
                text = (
                    path.read_text(encoding="utf-8")
                    if fmt != "docx"
                    else "\n".join(t for _, t in docx_paragraphs(path))
                )
                assert heading not in text and pay not in text, path.name


def test_answers_produce_different_documents_for_the_same_role(core, tmp_path):
    folders = {}
    for name, answers in (("small-software", SMALL_SOFTWARE), ("large-retail", LARGE_RETAIL)):
        folders[name] = tmp_path / name
        resolved = resolve(core, answers)
        write_many(resolved, roles_with_profiles(resolved), ["en", "fa"], ["md"], folders[name], ON)

    def read(name, role, lang="en"):
        return (folders[name] / f"{role}.{lang}.md").read_text(encoding="utf-8")

    for role in ("crm_manager", "crm_specialist"):
        for lang in ("en", "fa"):
            assert read("small-software", role, lang) != read("large-retail", role, lang)
    # small company: no separate analyst (tailoring to size); the manager's description carries the
    # analyst's duties, and the large company's analyst reports to the CRM manager
    assert not (folders["small-software"] / "crm_analyst.en.md").exists()
    assert "Analyse the sales funnel" in read("small-software", "crm_manager")
    assert "Analyse the sales funnel" not in read("large-retail", "crm_manager")
    assert "**Reports to:** CRM manager" in read("large-retail", "crm_analyst")
    # industry: software puts the specialist in IT and prefers an IT degree; retail: industrial engineering
    assert "**Reports to:** IT manager" in read("small-software", "crm_specialist")
    assert "**Reports to:** CRM manager" in read("large-retail", "crm_specialist")

    def education(name):
        return read(name, "crm_manager").split("## Education")[1][:400]

    assert "IT or computer engineering" in education("small-software")
    assert "industrial engineering is preferred" in education("large-retail")


def test_markdown_keeps_special_characters_literal(test_playbook):
    jd = describe(resolve(test_playbook, {}), "lead", "en", ON)
    text = render_md(jd)
    assert r"uses \*stars\*, \_underscores\_, \<b\>tags\</b\> & \[brackets\] literally." in text
    assert "\n\n\n" not in text and text.endswith("\n") and not text.endswith("\n\n")
