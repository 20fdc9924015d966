"""`crmwb roster DIR import|list`: HR lists with English, Persian or Russian headers (csv and xlsx), the
located problems of a bad list (nothing written), a hand edit kept across an import, and matching people
to accounts however their names are typed."""

from __future__ import annotations

import json

import pytest
import yaml

from workbench.domain.people import Person, UserAccount, match_accounts


@pytest.fixture
def folder(run_cli, tmp_path):
    folder = tmp_path / "eng"
    assert run_cli("new", folder, "--playbook", "core", "--client", "C")[0] == 0
    return folder


HEADERS = {
    "en": "Person ID,Full name,Department,Designed role,Manager,Active,E-mail",
    "fa": "کد پرسنلی,نام و نام خانوادگی,واحد,نقش,مدیر,فعال,ایمیل",
    "ru": "Табельный номер,ФИО,Подразделение,Роль,Руководитель,Активен,Почта",
}
ACTIVE = {"en": ("yes", "no"), "fa": ("بله", "خیر"), "ru": ("да", "нет")}


@pytest.mark.parametrize("lang", ["en", "fa", "ru"])
def test_import_csv_headers_in_each_language(run_cli, folder, tmp_path, lang):
    yes, no = ACTIVE[lang]
    hr = tmp_path / "hr.csv"
    hr.write_text(
        f"{HEADERS[lang]}\nP1,علی رضایی,فروش,sales_manager,P2,{yes},ali@x.example\n"
        f"P2,Ольга Иванова,Продажи,crm_manager,,{yes},olga@x.example\n"
        f"P3,Gone Person,Sales,sales_manager,P2,{no},\n",
        encoding="utf-8",
    )
    code, out, err = run_cli("roster", folder, "import", hr)
    assert code == 0, err
    code, out, _err = run_cli("roster", folder, "list", "--format", "json")
    people = json.loads(out)["people"]
    assert [(p["id"], p["roles"], p["manager"], p["active"]) for p in people] == [
        ("P1", ["sales_manager"], "P2", True),
        ("P2", ["crm_manager"], "", True),
        ("P3", ["sales_manager"], "P2", False),
    ]
    assert people[0]["name"] == "علی رضایی" and people[0]["email"] == "ali@x.example"


def test_import_xlsx(run_cli, folder, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["ФИО", "Табельный номер", "Роль"])
    ws.append(["Иван Петров", 1001, "marketer"])
    wb.save(tmp_path / "hr.xlsx")
    assert run_cli("roster", folder, "import", tmp_path / "hr.xlsx")[0] == 0
    doc = yaml.safe_load((folder / "roster.yaml").read_text(encoding="utf-8"))
    assert doc["people"][0]["id"] == "1001" and doc["people"][0]["roles"] == ["marketer"]
    code, out, _err = run_cli("roster", folder, "list", "--lang", "ru")
    assert code == 0 and "Иван Петров" in out and "да" in out


def test_bad_list_is_located_and_nothing_written(run_cli, folder, tmp_path):
    hr = tmp_path / "hr.csv"
    hr.write_text("Person ID,Full name,Active\nP1,A B,yes\nP1,C D,yes\nP2,,maybe\n", encoding="utf-8")
    code, _out, err = run_cli("roster", folder, "import", hr)
    assert code == 2
    assert f"{hr}:3:1" in err and "P1" in err  # the duplicate id
    assert f"{hr}:4:" in err  # missing name
    assert not (folder / "roster.yaml").exists()
    no_id = tmp_path / "no-id.csv"
    no_id.write_text("Name,Role\nA,sales_manager\n", encoding="utf-8")
    code, _out, err = run_cli("roster", folder, "import", no_id)
    assert code == 2 and "Person ID / کد پرسنلی / Табельный номер" in err


def test_hand_edit_kept_and_replace_removes(run_cli, folder, tmp_path):
    first = tmp_path / "a.csv"
    first.write_text("Person ID,Full name\nP1,A One\nP2,B Two\n", encoding="utf-8")
    assert run_cli("roster", folder, "import", first)[0] == 0
    path = folder / "roster.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["people"].append({"id": "P9", "name": "Hand Added", "roles": ["marketer"], "active": True})
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    second = tmp_path / "b.csv"
    second.write_text("Person ID,Full name,Department\nP2,B Two,Sales\nP3,C Three,\n", encoding="utf-8")
    code, out, _err = run_cli("roster", folder, "import", second)
    assert code == 0 and "1 added, 1 updated, 0 removed" in out
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert [p["id"] for p in doc["people"]] == ["P1", "P2", "P9", "P3"] and doc["revision"] == 2
    code, out, _err = run_cli("roster", folder, "import", second, "--replace")
    assert code == 0 and "2 removed" in out
    assert [p["id"] for p in yaml.safe_load(path.read_text(encoding="utf-8"))["people"]] == ["P2", "P3"]


def test_unknown_designed_role_is_a_warning(run_cli, folder, tmp_path):
    hr = tmp_path / "hr.csv"
    hr.write_text("Person ID,Full name,Role\nP1,A B,salesman\n", encoding="utf-8")
    code, _out, err = run_cli("roster", folder, "import", hr)
    assert code == 0 and "salesman" in err and "warning" in err


def test_matching_by_email_login_then_spelling_of_the_name():
    people = [
        Person("1", "علی کریمی", email="ali@x.example"),
        Person("2", "Алёна Сергеевна Фёдорова"),
        Person("3", "Same Name"),
        Person("4", "Same Name"),
        Person("5", "Kim", login="kim"),
    ]
    accounts = [
        UserAccount("ALI@x.example"),
        UserAccount("a2", name="علي كريمي"),
        UserAccount("f", name="Федорова Алена Сергеевна"),
        UserAccount("s", name="Same Name"),
        UserAccount("KIM"),
        UserAccount("nobody", name="Nobody"),
    ]
    match = match_accounts(people, accounts)
    assert {i: (p.id, how) for i, (p, how) in match.people.items()} == {
        0: ("1", "email"),
        1: ("1", "name"),
        2: ("2", "name"),
        4: ("5", "login"),
    }
    assert match.unmatched == [3, 5]  # a name two people share identifies nobody


def test_semicolon_csv_as_russian_excel_saves_it_and_json_summary(run_cli, folder, tmp_path):
    hr = tmp_path / "hr.csv"
    hr.write_text("Табельный номер;ФИО;Роль;Активен\n7;Анна Смирнова;marketer;нет\n", encoding="utf-8")
    code, out, err = run_cli("roster", folder, "import", hr, "--format", "json")
    assert code == 0, err
    assert json.loads(out) == {"people": 1, "added": ["7"], "updated": [], "removed": []}
    people = json.loads(run_cli("roster", folder, "list", "--format", "json")[1])["people"]
    assert people[0]["name"] == "Анна Смирнова" and people[0]["active"] is False
