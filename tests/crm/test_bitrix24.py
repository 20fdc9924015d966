"""Bitrix24's own adapter: the configuration workbook in the settings screen's words (en, ru, fa), read
back in any of them; a widened level, an extra role and a bad word in a filled-back workbook; the
projection's levels and limitations; the people audit from the Users sheet. The shared round trips and
seeded drift of every adapter are in test_audit_targets and test_system_rights."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.crm.audit_fixtures import drift_rows
from tests.crm.bitrix24_workbook import PERMISSIONS, add_row, set_level, workbook_in
from workbench.crm_adapters.bitrix24.model import LEVEL_OF, default_mapping, project
from workbench.crm_adapters.bitrix24.users import read as read_users
from workbench.crm_adapters.registry import adapter

LEVEL_WORDS = {
    "en": ["No access", "Personal", "Personal and department", "Personal, department and sub-departments"]
    + ["All open", "All"],
    "ru": ["Нет доступа", "Свои", "Свои + своего отдела", "Свои + своего отдела + подотделов"]
    + ["Все открытые", "Все"],
    "fa": ["بدون دسترسی", "موارد خود", "موارد خود + واحد خود", "موارد خود + واحد خود + زیرواحدها"]
    + ["همه موارد باز", "همه"],
}
"""the drop-down's words in each language, narrowest first (Bitrix24's own in English and Russian)"""
RIGHTS = {
    "en": ["Read", "Add", "Edit", "Delete", "Export", "Import"],
    "ru": ["Чтение", "Добавление", "Изменение", "Удаление", "Экспорт", "Импорт"],
    "fa": ["خواندن", "افزودن", "ویرایش", "حذف", "خروجی گرفتن", "ورود داده"],
}


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, Path]:
    """core exported to Bitrix24 once per language; language -> the adapter's folder."""
    from workbench.cli.main import main

    out = {}
    for lang in ("en", "ru", "fa"):
        folder = tmp_path_factory.mktemp(f"b24-{lang}")
        assert (
            main(["crm-export", "core", "--to", "bitrix24", "--out", str(folder), "--quiet", "--lang", lang])
            == 0
        )
        out[lang] = folder / "bitrix24"
    return out


def _copy(exported: dict[str, Path], lang: str, tmp_path: Path) -> Path:
    import shutil

    return Path(shutil.copytree(exported[lang], tmp_path / lang))


@pytest.mark.parametrize("lang", ["en", "ru", "fa"])
def test_workbook_speaks_the_settings_screen_and_reads_back_clean(run_cli, exported, lang):
    wb = load_workbook(workbook_in(exported[lang]))
    ws = wb.worksheets[PERMISSIONS - 1]
    assert [c.value for c in ws[1]][3:] == RIGHTS[lang]
    cells = {c.value for row in ws.iter_rows(min_row=2, min_col=4) for c in row}
    assert cells and cells <= set(LEVEL_WORDS[lang])
    assert {c.value for c in wb.worksheets[-1]["A"]} == set(LEVEL_WORDS[lang])
    assert wb.worksheets[-1].sheet_state == "hidden"
    assert all(sheet.sheet_view.rightToLeft is (lang == "fa") for sheet in wb.worksheets)
    validation = ws.data_validations.dataValidation[0]
    assert validation.formula1.endswith("!$A$1:$A$6") and str(validation.sqref).startswith("D2:I")
    code, out, err = run_cli("audit", "core", "--from", "bitrix24", exported[lang], "--format", "json")
    assert code == 0, err
    assert json.loads(out)["drifts"] == []


def test_a_widened_level_is_found_at_its_cell(run_cli, exported, tmp_path):
    folder = _copy(exported, "ru", tmp_path)
    wb = load_workbook(workbook_in(folder))
    ws = wb.worksheets[PERMISSIONS - 1]
    own = [
        (r, c)
        for r in range(2, ws.max_row + 1)
        for c in range(4, 10)
        if ws.cell(r, 1).value == "CRM_sales_manager" and ws.cell(r, c).value == "Свои"
    ]
    assert own  # the sales manager has personal rights to widen
    row, column = own[0]
    code = ws.cell(row, 3).value
    ws.cell(row, column).value = "Все"
    wb.save(workbook_in(folder))
    result, out, err = run_cli("audit", "core", "--from", "bitrix24", folder, "--format", "json")
    assert result == 1, err
    rows = drift_rows(out)
    assert [r[:2] + r[5:] for r in rows] == [("error", "wider", "own", "all")]
    drift = json.loads(out)["drifts"][0]
    assert drift["role"] == "sales_manager" and drift["line"] == row
    mapped = {v: k for k, v in default_mapping().objects.items()}
    assert drift["object"] == mapped[code]


def test_sub_departments_is_audited_as_all_with_a_warning(run_cli, exported, tmp_path):
    folder = _copy(exported, "en", tmp_path)
    row, column = set_level(folder, "CRM_sales_manager", "LEAD", "READ", LEVEL_WORDS["en"][3])
    code, out, err = run_cli("audit", "core", "--from", "bitrix24", folder, "--format", "json")
    assert code == 1
    assert drift_rows(out) == [("error", "wider", "sales_manager", "lead", "read", "team", "all")]
    assert f":{row}:{column}: warning:" in err and "has no scope in the design; audited as all" in err


def test_an_extra_role_in_the_portal_is_an_unknown_role(run_cli, exported, tmp_path):
    folder = _copy(exported, "fa", tmp_path)
    add_row(folder, PERMISSIONS, ["Night shift", "", "DEAL", "همه", "", "", "", "", ""])
    code, out, err = run_cli("audit", "core", "--from", "bitrix24", folder, "--format", "json")
    assert code == 1, err
    assert drift_rows(out) == [("error", "unknown-role", "Night shift", None, None, None, None)]


def test_a_word_that_is_no_level_is_a_located_error(run_cli, exported, tmp_path):
    folder = _copy(exported, "ru", tmp_path)
    row, column = set_level(folder, "CRM_marketer", "LEAD", "DELETE", "Почти все")
    code, out, err = run_cli("audit", "core", "--from", "bitrix24", folder)
    assert code == 2 and out == ""
    path = workbook_in(folder)
    assert f"{path}:{row}:{column}: error:" in err
    assert f"'Права доступа', cell G{row}" in err and "'Почти все' is not a Bitrix24 access level" in err


def test_a_workbook_with_no_permissions_table_is_bad_input(run_cli, tmp_path):
    from openpyxl import Workbook

    path = tmp_path / "empty.xlsx"
    Workbook().save(path)
    code, out, err = run_cli("audit", "core", "--from", "bitrix24", path)
    assert code == 2 and out == ""
    assert f"{path}: error: no access permissions table" in err


def test_projection_levels_and_limitations():
    from workbench.loading.playbooks import load_playbook

    pb = load_playbook("core").playbook
    mapping = default_mapping()
    matrix = project(pb, mapping)
    assert LEVEL_OF == {"none": "", "own": "A", "team": "D", "all": "X"}
    assert {obj for (_r, obj, _a) in matrix.grants} == {
        "lead",
        "deal",
        "contact",
        "account",
        "quote",
        "(system)",
    }
    assign = [x for x in matrix.limitations if x.action == "assign" and x.object == "lead"]
    assert assign and all(x.expressed == "none" and "no assign right" in x.message for x in assign)
    unmapped = {
        x.object for x in matrix.limitations if "mapped to null (no Bitrix24 CRM entity)" in x.message
    }
    assert {"product", "campaign", "case", "activity"} <= unmapped


def test_role_names_are_kept_inert_in_the_workbook(tmp_path):
    from workbench.loading.playbooks import load_playbook

    pb = load_playbook("core").playbook
    mapping = default_mapping().model_copy(update={"roles": {"sales_manager": '=HYPERLINK("x")'}})
    (path,) = adapter("bitrix24").write(pb, mapping, tmp_path)
    cells = [
        c
        for row in load_workbook(path).worksheets[1].iter_rows()
        for c in row
        if c.value == mapping.roles["sales_manager"]
    ]
    assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)


def test_users_sheet_read_in_persian_with_roles_and_flags(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["نام کاربری", "نام و نام خانوادگی", "فعال", "مدیر پورتال", "نقش‌های CRM"])
    ws.append(["a.rezaei", "علی رضایی", "بله", "خیر", "CRM_sales_manager, CRM_marketer"])
    ws.append(["m.karimi", "مریم کریمی", "خیر", "بله", ""])
    ws.append(["x", "", "شاید", "خیر", ""])
    path = tmp_path / "users.xlsx"
    wb.save(path)
    accounts, problems = read_users([path])
    assert [(a.login, a.active, a.admin, a.held, a.line) for a in accounts] == [
        ("a.rezaei", True, False, ("CRM_sales_manager", "CRM_marketer"), 2),
        ("m.karimi", False, True, (), 3),
    ]
    assert [(p.line, p.column, p.severity) for p in problems] == [(4, 3, "error")]
    assert "'شاید'" in problems[0].message


def test_people_audit_finds_an_extra_role_from_the_users_sheet(run_cli, tmp_path):
    from tests.people.people_gen import population, roster_csv, write_export
    from workbench.loading.playbooks import load_playbook

    pb = load_playbook("core").playbook
    pop = population(pb, 40)
    folder = tmp_path / "eng"
    assert run_cli("new", folder, "--playbook", "core", "--client", "Client")[0] == 0
    assert run_cli("roster", folder, "import", roster_csv(pop.people, tmp_path / "hr.csv"))[0] == 0
    files = write_export("bitrix24", pop.accounts, pb, tmp_path / "users")
    code, out, err = run_cli(
        "people-audit", folder, "--crm", "bitrix24", "--users", *files, "--format", "json"
    )
    assert code == 1, err
    kinds = {(f["kind"], f["account"]) for f in json.loads(out)["findings"]}
    assert ("beyond-role", next(a for k, a in pop.planted if k == "beyond-role")) in kinds


def test_rest_user_get_joins_the_users_sheet(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Login", "Full name", "E-mail", "Active", "Portal administrator", "CRM roles"])
    ws.append(["ivanov", "Ivanov", "Ivanov@client.ru", "Yes", "No", "CRM_sales_manager"])
    ws.append(["petrov", "Petrov", "petrov@client.ru", "Yes", "No", "CRM_marketer"])
    sheet = tmp_path / "roles.xlsx"
    wb.save(sheet)
    users = {
        "result": [
            {"ID": "1", "ACTIVE": False, "EMAIL": "ivanov@client.ru", "NAME": "Ivan", "LAST_NAME": "Ivanov"}
            | {"LAST_LOGIN": "2026-10-01T09:00:00+03:00", "UF_DEPARTMENT": [5]},
            {"ID": "7", "ACTIVE": True, "EMAIL": "night@client.ru", "NAME": "Night", "UF_DEPARTMENT": [9]},
        ],
        "total": 2,
    }
    departments = {"result": [{"ID": "5", "NAME": "Sales", "PARENT": "1"}]}
    (tmp_path / "user.get.json").write_text(json.dumps(users), encoding="utf-8")
    (tmp_path / "department.get.json").write_text(json.dumps(departments), encoding="utf-8")
    accounts, problems = read_users([sheet, tmp_path / "user.get.json", tmp_path / "department.get.json"])
    assert problems == []
    got = [(a.login, a.name, a.active, a.last_login, a.held, a.business_unit) for a in accounts]
    assert got == [
        ("ivanov", "Ivan Ivanov", False, "2026-10-01T09:00:00+03:00", ("CRM_sales_manager",), "Sales"),
        ("petrov", "Petrov", True, None, ("CRM_marketer",), ""),
        ("night@client.ru", "Night", True, None, (), "9"),
    ]
