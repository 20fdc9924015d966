"""`rfp.docx`, the request for proposal: read back with python-docx (sections, dates from the plan,
right-to-left in Persian), rendered by LibreOffice in fa and ru, and the whole vendor pack checked for
answers the client did not mark as vendor-visible."""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from tests.conftest import SOFFICE, libreoffice_convert, tool_mark
from tests.writers.rfp_document_fixtures import (
    CLIENT,
    START,
    bank_context,
    docx_table,
    docx_units,
    rich_answers,
    xlsx_units,
)
from workbench.app.export import export
from workbench.domain.locale import format_date, format_number
from workbench.domain.plan import plan_for
from workbench.domain.rfp_document import HEADINGS
from workbench.domain.rfp_pack import render_answer
from workbench.domain.text import local_text
from workbench.i18n import gettext_in
from workbench.loading.playbooks import load_playbook

PDFTOTEXT = shutil.which("pdftotext")
BIDI_CONTROLS = re.compile("[\u200c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
LANGS = ("en", "fa", "ru")
LAM_ALEF, ALEF_LAM = "\u0644\u0627", "\u0627\u0644"


@pytest.fixture(scope="module")
def packs(tmp_path_factory) -> dict[str, Path]:
    """The whole RFP deliverable (xlsx, docx, md, html) of the rich bank engagement, per language."""
    out = {}
    for lang in LANGS:
        folder = tmp_path_factory.mktemp(f"rfp-{lang}")
        export(bank_context(lang), folder, only=["rfp"])
        out[lang] = folder
    return out


def vendor_units(folder: Path) -> list[str]:
    """What a vendor can read in each file of the pack: cells, paragraphs, the text of md and html."""
    units = xlsx_units(folder / "rfp.xlsx") + docx_units(folder / "rfp.docx")
    units += (folder / "rfp.md").read_text(encoding="utf-8").splitlines()
    html = re.sub(r"<[^>]+>", "\n", (folder / "rfp.html").read_text(encoding="utf-8"))
    units += [unescape(line) for line in html.splitlines()]
    return [" ".join(u.split()) for u in units if u.strip()]


@pytest.mark.parametrize("lang", LANGS)
def test_no_internal_answer_reaches_any_vendor_file(packs, lang):
    """Each answered question that is not vendor-visible: neither its question nor its rendered answer
    appears anywhere in the pack; each vendor-visible one does (so the reading cannot miss them all)."""
    full = load_playbook("financial-services").playbook
    answers = rich_answers(full)
    units = vendor_units(packs[lang])
    text = "\n".join(units)
    resolved_ids = {q.id for q in bank_context(lang).playbook.questions}
    internal = [q for q in full.questions if not q.vendor_visible and q.id in answers]
    visible = [q for q in full.questions if q.vendor_visible and q.id in resolved_ids]
    assert len(internal) >= 20 and len(visible) >= 10
    shown = {render_answer(q, answers[q.id], lang) for q in visible}
    for question in internal:
        asked = " ".join(local_text(question.text, lang).split())
        assert asked not in text, f"{question.id}: its question reached a vendor file"
        value = render_answer(question, answers[question.id], lang)
        if question.type == "number":
            assert not re.search(rf"(?<![\d٫,.]){re.escape(value)}(?![\d٫,.])", text), question.id
        elif value not in shown:
            assert value not in units, f"{question.id}: its answer {value!r} reached a vendor file"
    for question in visible:
        assert " ".join(local_text(question.text, lang).split()) in text, question.id
    assert format_number(37.5, lang) not in text and format_number(4219, lang) not in text


@pytest.mark.parametrize("lang", LANGS)
def test_every_section_in_order_with_the_playbooks_passages(packs, lang):
    path = packs[lang] / "rfp.docx"
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    expected = [
        f"{format_number(n, lang)}. {gettext_in(lang, h)}" for n, h in enumerate(HEADINGS.values(), 1)
    ]
    assert headings == expected
    paragraphs = [p.text for p in document.paragraphs]
    assert any(CLIENT[lang] in p for p in paragraphs[:3])  # the title names the client
    ctx = bank_context(lang)
    for passage in ctx.playbook.rfp_document:
        start = local_text(passage.text, lang).split("{")[0].strip()
        assert any(p.startswith(start) for p in paragraphs), passage.id
    # a passage conditioned on the answers: the bank operates in Russia, so the Russian data rule is there
    dropped = {p.id for p in ctx.full.rfp_document} - {p.id for p in ctx.playbook.rfp_document}
    assert "confidentiality-iran" in dropped and "confidentiality-russia" not in dropped


@pytest.mark.parametrize("lang", LANGS)
def test_timeline_dates_are_the_plans(packs, lang):
    ctx = bank_context(lang)
    plan = {t.id: t for t in plan_for(ctx.playbook, ctx.answers, START, ctx.calendar).tasks}
    rows = dict(docx_table(packs[lang] / "rfp.docx", (gettext_in(lang, "Stage"), gettext_in(lang, "Date"))))
    assert rows[gettext_in(lang, "Go-live")] == format_date(plan["dep-18-go-live"].finish, lang)
    assert rows[gettext_in(lang, "Request for proposal issued")] == format_date(
        plan["pre-17-requirements-signoff"].finish, lang
    )
    assert rows[gettext_in(lang, "Vendor selected")] == format_date(plan["pre-15-select-crm"].finish, lang)
    shortlist = plan["pre-14-vendor-shortlist"]
    due = rows[gettext_in(lang, "Proposals due")]
    assert due in {format_date(d, lang) for d in _days(shortlist.start, shortlist.finish)}, due
    facts = {
        p.text.partition(": ")[0]: p.text.partition(": ")[2]
        for p in docx.Document(str(packs[lang] / "rfp.docx")).paragraphs[1:5]
    }
    assert facts[gettext_in(lang, "Proposals due")] == due


def _days(first, last):
    from datetime import timedelta

    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


@pytest.mark.parametrize("lang", LANGS)
def test_persian_reads_right_to_left_and_others_do_not(packs, lang):
    document = docx.Document(str(packs[lang] / "rfp.docx"))
    paragraphs = [p for p in document.element.body.iter(qn("w:p")) if "".join(p.itertext()).strip()]
    assert len(paragraphs) > 200
    marked = [p for p in paragraphs if p.pPr is not None and p.pPr.find(qn("w:bidi")) is not None]
    runs = list(document.element.body.iter(qn("w:r")))
    rtl_runs = [r for r in runs if r.rPr is not None and r.rPr.find(qn("w:rtl")) is not None]
    tables = [t._tbl.tblPr.find(qn("w:bidiVisual")) is not None for t in document.tables]
    section = document.sections[0]._sectPr.find(qn("w:bidi")) is not None
    if lang == "fa":
        assert len(marked) == len(paragraphs) and len(rtl_runs) == len(runs)
        assert all(tables) and section
    else:
        assert not marked and not rtl_runs and not any(tables) and not section


def test_scripted_demo_is_the_musts_acceptance_tests(packs):
    from workbench.domain.rfp_pack import groups

    ctx = bank_context("en")
    musts = [
        row for g in groups(ctx.playbook, "en") for row in g.rows if row.priority == "must" and row.acceptance
    ]
    rows = docx_table(
        packs["en"] / "rfp.docx", ("#", "Module", "Scenario", "What the evaluators check", "Score (0-5)")
    )
    assert [row[1:4] for row in rows] == [[r.module, r.text, r.acceptance] for r in musts]
    assert [row[0] for row in rows] == [str(n) for n in range(1, len(musts) + 1)]
    assert len(rows) > 10 and all(row[4] == "" for row in rows)  # the evaluators fill the score in


def test_evaluation_weights_are_the_scoring_weights(packs):
    from workbench.domain.rfp_pack import groups

    ctx = bank_context("en")
    rows = docx_table(packs["en"] / "rfp.docx", ("Module", "Weight", "Share of the score"))
    module_groups = groups(ctx.playbook, "en")
    assert [(r[0], r[1]) for r in rows[:-1]] == [(g.name, str(g.weight)) for g in module_groups]
    total = sum(g.weight for g in module_groups)
    assert rows[-1][:2] == ["Total", str(total)]
    shares = [float(r[2].rstrip("%")) for r in rows[:-1]]
    assert abs(sum(shares) - 100) < 0.6


def test_evaluation_criteria_are_the_playbooks_weights(packs):
    """What `crmwb rfp evaluate` will weigh, told to the vendors: the core playbook's 50/25/15/10."""
    rows = docx_table(packs["en"] / "rfp.docx", ("Criterion", "Weight (points)"))
    assert rows == [
        ["Functional fit", "50"],
        ["Price (TCO)", "25"],
        ["Demo", "15"],
        ["References", "10"],
        ["Total", "100"],
    ]


def test_a_passage_naming_an_unknown_placeholder_is_refused_at_load(tmp_path):
    shutil.copyfile(Path(__file__).parent.parent / "data" / "mini.yaml", tmp_path / "mini.yaml")
    playbook = tmp_path / "bad.yaml"
    playbook.write_text(
        "id: bad\nversion: '0.1'\nname: Bad\nextends: mini.yaml\nrfp_document:\n"
        "  - id: leak\n    section: background\n    text: {en: 'Budget {budget}', ru: 'Бюджет {budget}'}\n",
        encoding="utf-8",
    )
    loaded = load_playbook(playbook)
    assert not loaded.ok
    message = " ".join(str(p) for p in loaded.problems)
    assert "unknown placeholder {budget}" in message and "bad.yaml:" in message, message


@tool_mark(
    SOFFICE is None or PDFTOTEXT is None,
    reason="LibreOffice (soffice) and pdftotext are needed to render the RFP document",
)
def test_libreoffice_renders_every_section_in_persian_and_russian(packs, tmp_path, libreoffice_profile):
    docs = {}
    for lang in ("fa", "ru"):
        copy = tmp_path / f"rfp-{lang}.docx"
        shutil.copyfile(packs[lang] / "rfp.docx", copy)
        docs[lang] = copy
    pdfs = libreoffice_convert(list(docs.values()), tmp_path / "pdf", "pdf", libreoffice_profile, timeout=300)
    for lang, pdf in zip(docs, pdfs):
        text = _pdf_text(pdf)
        for heading in HEADINGS.values():
            assert _plain(gettext_in(lang, heading)) in text, (lang, heading)
        ctx = bank_context(lang)
        live = {t.id: t for t in plan_for(ctx.playbook, ctx.answers, START, ctx.calendar).tasks}[
            "dep-18-go-live"
        ]
        assert _plain(format_date(live.finish, lang)) in text
    assert re.search("[۰-۹]{4}", _pdf_text(pdfs[0])) and not re.search(
        r"(?<![0-9])20[0-9]{2}(?![0-9])", _pdf_text(pdfs[0])
    )


def _plain(text: str) -> str:
    """Text as compared with a PDF's: no direction marks, joiners or spaces (pdftotext moves the space
    around a number embedded in Persian), and the lam-alef ligature in one letter order (pdftotext gives
    its two letters back in visual order)."""
    return "".join(BIDI_CONTROLS.sub("", text).replace(LAM_ALEF, ALEF_LAM).split())


def _pdf_text(path: Path) -> str:
    out = subprocess.run(
        [PDFTOTEXT, "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    return _plain(out)


def test_rfp_pack_command_writes_the_vendor_pack(run_cli, tmp_path):
    answers = Path(__file__).parent.parent.parent / "playbooks" / "examples" / "bank.answers.yaml"
    code, out, err = run_cli(
        "rfp",
        "pack",
        "financial-services",
        "--answers",
        answers,
        "--out",
        tmp_path / "pack",
        "--lang",
        "ru",
        "--start",
        "2026-01-05",
    )
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "pack").iterdir()) == [
        "commercial-form.xlsx",
        "demo-scorecard.xlsx",
        "manifest.json",
        "reference-check.xlsx",
        "rfp.docx",
        "rfp.html",
        "rfp.md",
        "rfp.xlsx",
    ]
    headings = [
        p.text
        for p in docx.Document(str(tmp_path / "pack" / "rfp.docx")).paragraphs
        if p.style.name == "Heading 1"
    ]
    assert headings[0] == "1. " + gettext_in("ru", "Company background")
    with pytest.raises(SystemExit) as refused:  # the pack is the RFP, nothing else: argparse's usage error
        run_cli("rfp", "pack", "financial-services", "--only", "roles", "--out", tmp_path / "x")
    assert refused.value.code == 2 and not (tmp_path / "x").exists()
