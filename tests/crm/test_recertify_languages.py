"""A checklist written in Persian or Russian reads back with `audit --decisions`, whatever language the
reader runs in: its headers, actions, scopes and the reviewer's decisions picked from the drop-downs are
in the client's language; the change plan speaks in ids."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.crm.audit_fixtures import MINI

WORDS = {  # (sheet, decision column header, change, revoke, own scope, read action)
    "fa": ("فهرست بازبینی", "تصمیم", "محدود کردن", "لغو", "سوابق خود", "مشاهده"),
    "ru": ("Контрольный список", "Решение", "сузить", "отозвать", "свои", "чтение"),
}


def _checklist(run_cli, tmp_path: Path, lang: str) -> Path:
    code, _, err = run_cli(
        "recertify", MINI, "--out", tmp_path / "rc", "--date", "2025-03-03", "--lang", lang
    )
    assert code == 0, err
    return tmp_path / "rc" / "recertification-crm_manager.xlsx"


@pytest.mark.parametrize("lang", ["fa", "ru"])
def test_checklist_is_written_in_the_clients_language(run_cli, tmp_path, lang):
    sheet, decision, change, revoke, own, read = WORDS[lang]
    wb = load_workbook(_checklist(run_cli, tmp_path, lang))
    ws = wb[sheet]
    header = [c.value for c in ws[1]]
    assert decision in header and "Decision" not in header
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert ("specialist", "lead", read) in {(r[0], r[2], r[3]) for r in rows}
    assert own in {r[4] for r in rows} and not {r[3] for r in rows} & {"read", "create", "update"}
    lists = [v.formula1 for v in ws.data_validations.dataValidation]
    assert any(change in f and revoke in f for f in lists), lists
    assert [bool(s.sheet_view.rightToLeft) for s in wb.worksheets] == [lang == "fa"] * 2


@pytest.mark.parametrize("reader", ["en", "fa", "ru"])
@pytest.mark.parametrize("lang", ["fa", "ru"])
def test_decisions_in_the_clients_language_read_back(run_cli, tmp_path, monkeypatch, lang, reader):
    sheet, _decision, change, revoke, own, read = WORDS[lang]
    path = _checklist(run_cli, tmp_path, lang)
    wb = load_workbook(path)
    for row in wb[sheet].iter_rows(min_row=2):
        key = (row[0].value, row[2].value, row[3].value)
        if key == ("specialist", "lead", read):
            row[5].value, row[6].value, row[7].value = change, own, "فقط سرنخ‌های خود"
        elif row[0].value == "consultant" and row[3].value != read:
            row[5].value = revoke
    wb.save(path)
    monkeypatch.setenv("CRMWB_LANG", reader)
    code, out, err = run_cli("audit", MINI, "--decisions", path, "--format", "json")
    assert code == 1, err
    doc = json.loads(out)
    assert [
        (c["decision"], c["role"], c["object"], c["action"], c["from"], c["to"]) for c in doc["changes"]
    ] == [
        ("revoke", "consultant", "settings", "update", "all", "none"),
        ("change", "specialist", "lead", "read", "team", "own"),
    ]
    assert doc["changes"][0]["reviewer"] == "crm_manager"
