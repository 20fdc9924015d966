"""The data audit's workbook and summary speak the client's language: in Persian and Russian no English
word is left besides the legacy data itself (names, e-mails, headers, the file name) and the names the
project allows (tests/data/translation_allowed_latin.txt); Persian numbers show Persian digits."""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook

from tests.conftest import allowed_latin_words
from tests.data_audit.planted import HEADERS, generate, write_csv
from workbench.cli.exit_codes import ExitCode
from workbench.writers.xlsx_style import NUMBER_LOCALE

LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")


def _words(text: str) -> set[str]:
    return set(LATIN_WORD.findall(text))


def _leaks(texts: list[str], data: set[str]) -> set[str]:
    allowed = data | allowed_latin_words() | {"CSV", "xlsx", "A", "B"}
    return {w for t in texts for w in _words(t)} - allowed


def _xlsx_texts(path) -> tuple[list[str], list]:
    wb = load_workbook(path)
    texts, numbers = list(wb.sheetnames), []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    texts.append(cell.value)
                elif isinstance(cell.value, (int, float)):
                    numbers.append(cell)
    return texts, numbers


@pytest.mark.parametrize("lang", ["fa", "ru"])
def test_audit_outputs_have_no_english(run_cli, tmp_path, lang):
    table, _truth = generate(600, seed=23)
    table.append(["Bad Row", "12345", "broken@", "", "1990-02-30", "", ""])  # every invalid kind
    source = write_csv(tmp_path / "contacts.csv", table, headers=lang)
    data = {w for row in table for cell in row for w in _words(cell)} | _words(source.name)
    code, md, err = run_cli(
        "data-audit",
        source,
        "--region",
        "IR",
        "--lang",
        lang,
        "--format",
        "md",
        "--out",
        tmp_path / "audit.xlsx",
    )
    assert code == ExitCode.FINDINGS, err
    texts, numbers = _xlsx_texts(tmp_path / "audit.xlsx")
    assert _leaks(texts, data) == set()
    assert _leaks(md.splitlines(), data) == set()
    assert numbers and all(c.number_format.startswith(NUMBER_LOCALE[lang]) for c in numbers)
    first_line = md.splitlines()[2]
    assert re.search("[۰-۹]" if lang == "fa" else "[0-9]", first_line), first_line
    if lang == "fa":
        assert not re.search("[0-9]", "\n".join(md.splitlines()[:8]))
        proposals = [
            r[5]
            for r in load_workbook(tmp_path / "audit.xlsx")
            .worksheets[3]
            .iter_rows(min_row=2, values_only=True)
        ]
        assert any(re.search("[۰-۹]", p) for p in proposals) and not any(
            re.search("[0-9]", p) for p in proposals
        )


@pytest.mark.parametrize("lang", ["fa", "ru"])
def test_reconciliation_outputs_have_no_english(run_cli, tmp_path, lang):
    table, _truth = generate(200, seed=29)
    source = write_csv(tmp_path / "legacy.csv", table, headers=lang)
    target = write_csv(
        tmp_path / "crm.csv", table[5:] + [["Extra Person", "", "x@example.ir", "", "", "", ""]], headers=lang
    )
    data = {w for row in table for cell in row for w in _words(cell)} | {
        "Extra",
        "Person",
        "x",
        "example",
        "ir",
    }
    key = HEADERS[lang][2]
    code, text, err = run_cli(
        "data-audit",
        "--reconcile",
        source,
        target,
        "--key",
        key,
        "--lang",
        lang,
        "--out",
        tmp_path / "reconcile.xlsx",
    )
    assert code == ExitCode.FINDINGS, err
    texts, _numbers = _xlsx_texts(tmp_path / "reconcile.xlsx")
    assert _leaks(texts, data) == set()
    assert _leaks(text.splitlines(), data) == set()
