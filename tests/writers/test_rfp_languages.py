"""The RFP pack in the client's language: a Persian workbook reads right to left with every label, sheet
name and drop-down value in Persian (a Russian one likewise in Russian), its live formulas still score as
the domain does once LibreOffice recalculates them, and `crmwb rfp score` reads the filled workbook back."""

from __future__ import annotations

import re

import openpyxl
import pytest

from tests.conftest import SOFFICE, libreoffice_convert, tool_mark
from tests.writers.rfp_fixtures import context
from workbench.domain.rfp import RESPONSES, response_labels, score_vendor
from workbench.domain.rfp_pack import COLUMNS, VENDOR_NAME, module_names
from workbench.i18n import gettext_in
from workbench.loading.rfp_responses import read_responses
from workbench.writers import rfp_text, rfp_xlsx

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
ALLOWED = {"CRM", "rfp", "xlsx", "Review", "Unprotect", "Sheet"}  # names of files, products and Excel menus


def _write(tmp_path, lang):
    ctx = context(lang=lang)
    [path] = rfp_xlsx.write(ctx, tmp_path)
    return ctx, path


def _fixed_text(book) -> list[str]:
    """Every text cell that is ours (not playbook content, ids or the client's answers)."""
    texts = [ws.title for ws in book.worksheets if ws.sheet_state == "visible"]
    cover = book.worksheets[0]
    context_heading = gettext_in(_lang_of(book), "Client context")
    for row in cover.iter_rows(values_only=True):  # labels down to the client's own answers
        if row[0] == context_heading:
            break
        texts += [v.replace("Acme Retail", "") for v in row[:1] if isinstance(v, str)]
    requirements = book.worksheets[1]
    texts += [c.value for c in requirements[1]]
    texts += [r[5] for r in requirements.iter_rows(min_row=2, values_only=True)]  # priority labels
    scores = book.worksheets[2]
    texts += [c.value for c in scores[1]] + [
        r[0]
        for r in scores.iter_rows(min_row=2, values_only=True)
        if isinstance(r[0], str) and r[0] not in module_names_of(book)
    ]
    return [t for t in texts if isinstance(t, str)]


def _lang_of(book) -> str:
    return "fa" if book.worksheets[0].sheet_view.rightToLeft else "ru"


def module_names_of(book) -> set[str]:
    return {r[1] for r in book.worksheets[1].iter_rows(min_row=2, values_only=True)}


@pytest.mark.parametrize("lang", ["fa", "ru"])
def test_workbook_labels_are_in_the_client_language(tmp_path, lang):
    _ctx, path = _write(tmp_path, lang)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:3] == [
        gettext_in(lang, "Cover"),
        gettext_in(lang, "Requirements"),
        gettext_in(lang, "Scores"),
    ]
    fixed = _fixed_text(book)
    assert len(fixed) > 20
    leaks = sorted({w for t in fixed for w in LATIN_WORD.findall(t)} - ALLOWED)
    assert leaks == []
    assert [c.value for c in book.worksheets[1][1]] == [gettext_in(lang, title) for _, title in COLUMNS]
    [validation] = book.worksheets[1].data_validations.dataValidation
    assert validation.formula1 == '"' + ",".join(response_labels(lang).values()) + '"'
    rtl = [bool(ws.sheet_view.rightToLeft) for ws in book.worksheets]
    assert rtl == [lang == "fa"] * len(book.worksheets)


@pytest.mark.parametrize("lang", ["fa", "ru"])
def test_markdown_and_html_fixed_text_in_the_client_language(tmp_path, lang):
    ctx = context(lang=lang)
    [md] = rfp_text.write_md(ctx, tmp_path)
    [html] = rfp_text.write_html(ctx, tmp_path)
    text = md.read_text(encoding="utf-8")
    assert gettext_in(lang, "How vendors respond") in text and "How vendors respond" not in text
    assert f'lang="{lang}"' in html.read_text(encoding="utf-8")
    if lang == "fa":
        assert 'dir="rtl"' in html.read_text(encoding="utf-8")
        summary = next(line for line in text.splitlines() if "rfp.xlsx" in line)
        assert not re.search(r"[0-9]", summary.replace("rfp.xlsx", ""))  # Persian digits in running text


def _fill(path, lang, responses, vendor):
    book = openpyxl.load_workbook(path)
    ws = book.worksheets[1]
    labels = response_labels(lang)
    for row in range(2, ws.max_row + 1):
        rid = ws.cell(row, 1).value
        if rid in responses:
            ws.cell(row, 8).value = labels[responses[rid]]
    cover = book.worksheets[0]
    label = next(c for c in cover["A"] if c.value == gettext_in(lang, VENDOR_NAME))
    cover.cell(label.row, 2).value = vendor
    target = path.with_name(f"filled-{lang}.xlsx")
    book.save(target)
    return target


RESPONSES_BY_ID = {
    "R1": "Fully supported",
    "R3": "Configuration",
    "R2": "Roadmap",
    "R4": "Customisation",
    "R6": "Not supported",
}


@pytest.mark.parametrize("lang", ["fa", "ru"])
def test_filled_workbook_in_the_client_language_reads_back(tmp_path, lang):
    ctx, path = _write(tmp_path, lang)
    filled = _fill(path, lang, RESPONSES_BY_ID, "Vendor Ltd")
    read = read_responses(filled)
    assert read.vendor == "Vendor Ltd" and read.problems == []
    names = module_names(ctx.playbook, lang)
    reqs = [r.model_copy(update={"module": names[r.module]}) for r in ctx.playbook.requirements]
    got = score_vendor("v", read.requirements, read.responses)
    want = score_vendor(
        "v", reqs, {rid: response_labels(lang)[label] for rid, label in RESPONSES_BY_ID.items()}
    )
    assert got.total == want.total > 0 and sorted(got.musts_missed) == sorted(want.musts_missed) == ["R6"]


@pytest.fixture(scope="module")
def recalculated_by_libreoffice(tmp_path_factory, libreoffice_profile) -> dict[str, tuple]:
    """The filled Persian and Russian workbooks, recalculated in one LibreOffice run (one start, not one
    per language): {lang: (context, recalculated path)}."""
    folder = tmp_path_factory.mktemp("rfp-languages")
    written = {}
    for lang in ("fa", "ru"):
        (folder / lang).mkdir()
        ctx, path = _write(folder / lang, lang)
        written[lang] = (ctx, _fill(path, lang, RESPONSES_BY_ID, "Vendor Ltd"))
    calculated = libreoffice_convert(
        [filled for _ctx, filled in written.values()], folder / "out", "xlsx", libreoffice_profile, "--calc"
    )
    return {lang: (ctx, path) for (lang, (ctx, _filled)), path in zip(written.items(), calculated)}


@tool_mark(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("lang", ["fa", "ru"])
def test_translated_formulas_score_as_the_domain_does(recalculated_by_libreoffice, lang):
    """Quoted translated sheet names and priority labels inside COUNTIFS still compute."""
    ctx, calculated = recalculated_by_libreoffice[lang]
    book = openpyxl.load_workbook(calculated, data_only=True)
    names = module_names(ctx.playbook, lang)
    reqs = [r.model_copy(update={"module": names[r.module]}) for r in ctx.playbook.requirements]
    score = score_vendor("v", reqs, {rid: label for rid, label in RESPONSES_BY_ID.items()})
    assert set(RESPONSES_BY_ID.values()) <= set(RESPONSES)
    rows = {r[0]: r for r in book.worksheets[2].iter_rows(min_row=2, values_only=True) if r[0]}
    total = rows[gettext_in(lang, "Total")]
    assert round(100 * total[3], 1) == score.total
    assert total[5] == len(score.musts_missed) == 1
    assert rows[gettext_in(lang, "Not answered")][1] == 0  # R5 is Won't, every other requirement answered
