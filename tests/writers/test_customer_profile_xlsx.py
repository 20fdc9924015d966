"""The customer profile read back from the workbooks it produces: the data dictionary (one sheet per object)
and the field-mapping workbook (one sheet per legacy source the intake names), for each bundled example
client, with fields and sources that come and go with the answers and the country."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from workbench.domain.customer_profile import legacy_sources, object_fields, profile, required_field_ids
from workbench.domain.playbook import Playbook
from workbench.domain.resolve import resolve
from workbench.domain.text import LocalText
from workbench.loading.catalog import bundled_dir
from workbench.loading.playbooks import load_playbook
from workbench.writers import data_dictionary_xlsx, field_mapping_xlsx
from workbench.writers.context import ExportContext
from workbench.writers.xlsx_style import role_names

EXAMPLES = sorted((bundled_dir() / "examples").glob("*.answers.yaml"))
HEADER_ROW = 3


def example(path: Path) -> tuple[str, dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data["playbook"], data["answers"]


def bundled(playbook_id: str) -> Playbook:
    loaded = load_playbook(bundled_dir() / f"{playbook_id}.yaml")
    assert loaded.playbook is not None, [str(p) for p in loaded.problems]
    return loaded.playbook


def context(playbook_id: str, answers: dict[str, Any], lang: str = "en") -> ExportContext:
    pb = bundled(playbook_id)
    return ExportContext(resolve(pb, answers), pb, answers, "Acme", date(2026, 1, 5), lang)


def write(module: Any, ctx: ExportContext, folder: Path):
    (path,) = module.write(ctx, folder)
    return load_workbook(path)


def table(ws: Worksheet) -> list[dict[str, Any]]:
    """The rows under the header, as {header: value}."""
    rows = list(ws.iter_rows(min_row=HEADER_ROW, values_only=True))
    titles = rows[0]
    return [dict(zip(titles, row)) for row in rows[1:]]


def b2b(**answers: Any) -> dict[str, Any]:
    return {"business_model": "b2b", "customer_data_state": "spreadsheets", **answers}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.split(".")[0])
def test_dictionary_has_a_sheet_per_object_with_the_clients_fields(tmp_path, path):
    playbook_id, answers = example(path)
    ctx = context(playbook_id, answers)
    wb = write(data_dictionary_xlsx, ctx, tmp_path)

    expected = profile(bundled(playbook_id), answers)
    assert wb.sheetnames == [fields[0].object.name["en"] for fields in expected.values()]
    for ws, fields in zip(wb.worksheets, expected.values()):
        rows = table(ws)
        assert [r["ID"] for r in rows] == [f.id for f in fields]
        assert [r["Required"] for r in rows] == ["yes" if f.required else "no" for f in fields]
        assert [r["Personal data"] for r in rows] == ["yes" if f.field.pii else "no" for f in fields]
        assert all(r["Field"] and r["Type"] and r["Owner"] for r in rows)
    contact = table(wb["Contact"])
    phone = next(r for r in contact if r["ID"] == "mobile_phone")
    assert (phone["Type"], phone["Required"], phone["Personal data"]) == ("phone number", "yes", "yes")


def test_retail_chain_profile_is_the_b2c_one(tmp_path):
    ctx = context(*example(bundled_dir() / "examples" / "retail-chain.answers.yaml"))
    wb = write(data_dictionary_xlsx, ctx, tmp_path)

    contact = {r["ID"]: r for r in table(wb["Contact"])}
    assert {"birthday", "national_code", "purchase_count", "total_spend", "last_purchase_date"} <= set(
        contact
    )
    assert "middle_name" not in contact  # a patronymic is asked in Russia, not in Iran
    assert contact["birthday"]["Required"] == "yes"  # the chain runs a loyalty programme
    loyalty = {r["ID"]: r for r in table(wb["Loyalty account"])}
    assert loyalty["tier"]["Allowed values"].splitlines() == [
        "Basic (basic)",
        "Silver (silver)",
        "Gold (gold)",
    ]
    assert "Point-of-sale software" in loyalty["card_number"]["Legacy sources"]
    assert "Account" in wb.sheetnames and "legal_name" not in {r["ID"] for r in table(wb["Account"])}


@pytest.mark.parametrize(
    ("country", "present", "absent"),
    [
        ("RU", {"inn", "kpp", "ogrn"}, {"national_id", "economic_code", "tax_id"}),
        ("IR", {"national_id", "economic_code"}, {"inn", "kpp", "ogrn", "tax_id"}),
        ("TR", {"tax_id"}, {"inn", "kpp", "ogrn", "national_id", "economic_code"}),
    ],
)
def test_the_country_decides_the_company_identifiers(tmp_path, country, present, absent):
    wb = write(data_dictionary_xlsx, context("b2b-sales", b2b(country=country)), tmp_path)

    account = {r["ID"]: r for r in table(wb["Account"])}
    assert present <= set(account) and not absent & set(account)
    assert {"legal_name", "industry", "size_band", "parent_account"} <= set(account)
    key = "inn" if country == "RU" else "national_id" if country == "IR" else "tax_id"
    assert account[key]["Required"] == "yes"


def test_required_follows_the_answers(tmp_path):
    with_kam = write(data_dictionary_xlsx, context("b2b-sales", b2b(country="RU")), tmp_path / "a")
    without = context("b2b-sales", b2b(country="IR", key_account_management=False))
    without_kam = write(data_dictionary_xlsx, without, tmp_path / "b")

    def required(wb, sheet: str, field: str) -> str:
        return next(r["Required"] for r in table(wb[sheet]) if r["ID"] == field)

    assert required(with_kam, "Contact", "buying_role") == "yes"
    assert required(without_kam, "Contact", "buying_role") == "no"
    assert required(with_kam, "Contact", "consent_date") == "yes"  # 152-FZ: the consent must be provable
    assert required(without_kam, "Contact", "consent_date") == "no"
    assert "key_account" in {r["ID"] for r in table(with_kam["Account"])}
    assert "key_account" not in {r["ID"] for r in table(without_kam["Account"])}


def test_mapping_has_a_sheet_per_legacy_source_the_intake_names(tmp_path):
    playbook_id, answers = example(bundled_dir() / "examples" / "retail-chain.answers.yaml")
    wb = write(field_mapping_xlsx, context(playbook_id, answers), tmp_path / "a")

    assert wb.sheetnames == [
        "Spreadsheets",
        "Accounting software",
        "Website forms",
        "Online shop",
        "Call centre",
        "Point-of-sale software",
    ]
    pos = table(wb["Point-of-sale software"])
    by_field = {(r["Target object"], r["Field ID"]): r for r in pos}
    card = by_field[("Loyalty account", "card_number")]
    assert card["Legacy column"] is None and card["Owner"] == "Loyalty programme manager"
    assert "leading zeros" in card["Transformation notes"] and card["Required"] == "yes"
    phone = by_field[("Contact", "mobile_phone")]
    assert "+98" in phone["Transformation notes"] and phone["Personal data"] == "yes"
    row = HEADER_ROW + 1 + pos.index(card)
    assert wb["Point-of-sale software"].cell(row=row, column=5).style == role_names(["input"])
    assert ("Contact", "email") not in by_field  # the tills do not collect e-mail addresses

    answers = {
        **answers,
        "customer_data_state": "existing_crm",
        "integrations": [],
        "pos_integration": "none",
    }
    only_crm = write(field_mapping_xlsx, context(playbook_id, answers), tmp_path / "b")
    assert only_crm.sheetnames == ["Current CRM"]
    assert len(table(only_crm["Current CRM"])) == sum(
        1
        for fields in profile(bundled(playbook_id), answers).values()
        for f in fields
        if "existing_crm" in f.field.sources
    )


def test_no_legacy_source_gives_one_sheet_that_says_so(tmp_path):
    answers = b2b(country="RU", customer_data_state="none", integrations=[])
    wb = write(field_mapping_xlsx, context("b2b-sales", answers), tmp_path)

    assert wb.sheetnames == ["Field mapping"]
    assert "no legacy source" in wb.worksheets[0]["A1"].value


def test_persian_workbooks_are_right_to_left_with_persian_digits(tmp_path):
    playbook_id, answers = example(bundled_dir() / "examples" / "retail-chain.answers.yaml")
    ctx = context(playbook_id, answers, "fa")
    dictionary = write(data_dictionary_xlsx, ctx, tmp_path)
    mapping = write(field_mapping_xlsx, ctx, tmp_path)

    assert dictionary.sheetnames[:2] == ["سرنخ", "مخاطب"] and "نرم‌افزار صندوق فروشگاه" in mapping.sheetnames
    assert all(ws.sheet_view.rightToLeft for ws in [*dictionary.worksheets, *mapping.worksheets])
    contact = {r["شناسه"]: r for r in table(dictionary["مخاطب"])}
    assert contact["mobile_phone"]["الزامی"] == "بله" and contact["national_code"]["فیلد"] == "کد ملی"
    notes = next(r["نکات تبدیل"] for r in table(mapping["مرکز تماس"]) if r["شناسه فیلد"] == "mobile_phone")
    assert "+۹۸" in notes and "98" not in notes


def test_russian_workbooks_speak_russian(tmp_path):
    ctx = context("b2b-sales", b2b(country="RU"), "ru")
    dictionary = write(data_dictionary_xlsx, ctx, tmp_path)
    mapping = write(field_mapping_xlsx, ctx, tmp_path)

    assert dictionary.sheetnames == ["Лид", "Контакт", "Компания (контрагент)"]
    account = {r["Код"]: r for r in table(dictionary["Компания (контрагент)"])}
    assert account["inn"]["Поле"] == "ИНН" and account["inn"]["Обязательное"] == "да"
    assert not dictionary.worksheets[0].sheet_view.rightToLeft
    assert mapping.sheetnames == ["Таблицы Excel"]
    assert "+7" in next(
        r["Правила преобразования"]
        for r in table(mapping["Таблицы Excel"])
        if r["Код поля"] == "mobile_phone"
    )


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    ctx = context("b2b-sales", b2b(country="RU"))
    contact = next(o for o in ctx.playbook.objects if o.id == "contact")
    contact.fields[0].name = LocalText(en='=HYPERLINK("http://x","x")')
    contact.fields[0].description = LocalText(en="+cmd|' /C calc'!A0")
    dictionary = write(data_dictionary_xlsx, ctx, tmp_path)
    mapping = write(field_mapping_xlsx, ctx, tmp_path)

    ws = dictionary["Contact"]
    name, description = ws.cell(row=HEADER_ROW + 1, column=2), ws.cell(row=HEADER_ROW + 1, column=9)
    assert name.value.startswith("=HYPERLINK") and description.value.startswith("+cmd")
    ws = mapping["Spreadsheets"]
    row = next(
        r for r in range(HEADER_ROW + 1, ws.max_row + 1) if ws.cell(row=r, column=3).value == "first_name"
    )
    target = ws.cell(row=row, column=2)
    assert target.value.startswith("=HYPERLINK")
    for cell in (name, description, target):
        assert cell.data_type == "s" and cell.quotePrefix


def test_the_domain_api_reads_raw_and_resolved_playbooks_alike():
    pb = bundled("b2b-sales")
    answers = b2b(country="IR")
    resolved = resolve(pb, answers)

    assert required_field_ids(pb, "account", answers) == required_field_ids(resolved, "account", answers)
    assert required_field_ids(pb, "account", answers) == [
        "account_name",
        "legal_name",
        "national_id",
        "industry",
        "key_account",
    ]
    assert [f.id for f in object_fields(resolved, "account", {})] == [
        f.id for f in object_fields(pb, "account", answers)
    ]
    assert all(isinstance(f.required, bool) and f.when is None for o in resolved.objects for f in o.fields)
    assert (
        [s.id for s in resolved.legacy_sources]
        == [s.id for s in legacy_sources(pb, answers)]
        == ["spreadsheets"]
    )
    assert object_fields(pb, "no_such_object", answers) == []


def test_export_command_writes_both_workbooks(tmp_path):
    examples = bundled_dir() / "examples"
    out = tmp_path / "out"
    argv = ["export", "b2c-retail-loyalty", "--answers", str(examples / "retail-chain.answers.yaml")]
    argv += ["--out", str(out), "--only", "data-dictionary,field-mapping", "--lang", "ru", "--quiet"]
    done = subprocess.run([sys.executable, "-m", "workbench", *argv], capture_output=True, text=True)

    assert done.returncode == 0, done.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(f["path"] for f in manifest["files"]) == ["data-dictionary.xlsx", "field-mapping.xlsx"]
    assert "Бонусный счёт участника" in load_workbook(out / "data-dictionary.xlsx").sheetnames
    assert "Кассовое ПО" in load_workbook(out / "field-mapping.xlsx").sheetnames
