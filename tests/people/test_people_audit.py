"""`crmwb people-audit` end to end: a 300-person roster imported with `crmwb roster`, each CRM's user export
with twelve planted problems (tests/people/people_gen.py), and every one found with nothing else flagged;
SARIF checked structurally, the xlsx read back, Persian and Russian output without English."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import allowed_latin_words
from tests.people.people_gen import Account, population, roster_csv, write_export
from workbench.crm_adapters.registry import user_targets
from workbench.domain.people_audit import KINDS


@pytest.fixture(scope="module")
def design():
    from workbench.app.design import load_design

    found, problems = load_design("core", None)
    assert found is not None, problems
    return found.playbook


@pytest.fixture(scope="module")
def pop(design):
    return population(design, 300)


@pytest.fixture
def engagement(run_cli, tmp_path, pop):
    def make(lang: str = "en") -> Path:
        folder = tmp_path / f"eng-{lang}"
        client = {"en": "Client", "fa": "مشتری نمونه", "ru": "Клиент"}[lang]
        code, _out, err = run_cli("new", folder, "--playbook", "core", "--client", client, "--lang", lang)
        assert code == 0, err
        code, out, err = run_cli(
            "roster", folder, "import", roster_csv(pop.people, tmp_path / f"hr-{lang}.csv", lang)
        )
        assert code == 0, err
        return folder

    return make


def found(out: str) -> set[tuple[str, str]]:
    return {(f["kind"], f["account"] or "") for f in json.loads(out)["findings"]}


def test_roster_has_300_people_and_12_plants(pop):
    assert len(pop.people) == 300 and len(pop.planted) == 12
    kinds = [k for k, _a in pop.planted]
    assert kinds.count("toxic-combination") == 4
    assert kinds.count("left-enabled") + kinds.count("no-person") == 5
    assert {"shared-login", "too-many-admins", "beyond-role"} <= set(kinds)


def one_role_each(planted: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """What a CRM whose users hold one role each (Kommo) shows of the planted problems: an account given a
    second role holds only that one, a role beyond the design rather than a combination."""
    return {("beyond-role" if kind == "toxic-combination" else kind, login) for kind, login in planted}


@pytest.mark.parametrize("target", user_targets())
def test_all_twelve_planted_problems_found_and_nothing_else(
    run_cli, engagement, pop, design, tmp_path, target
):
    folder = engagement()
    files = write_export(target, pop.accounts, design, tmp_path / target)
    code, out, err = run_cli("people-audit", folder, "--crm", target, "--users", *files, "--format", "json")
    assert code == 1, err
    assert found(out) == (pop.planted if target != "kommo" else one_role_each(pop.planted))
    doc = json.loads(out)
    assert doc["people"] == 300 and doc["accounts"] == len(pop.accounts)
    assert len(doc["administrators"]) == 3 and doc["max_administrators"] == 2


def test_findings_name_person_account_evidence_fix_and_line(run_cli, engagement, pop, design, tmp_path):
    folder = engagement()
    files = write_export("salesforce", pop.accounts, design, tmp_path / "sf")
    out = run_cli("people-audit", folder, "--crm", "salesforce", "--users", *files, "--format", "json")[1]
    findings = {f["kind"]: f for f in json.loads(out)["findings"]}
    rep = findings["beyond-role"]
    assert rep["roles"] == ["crm_manager"] and rep["person"].startswith("P")
    assert "crm_manager" in rep["evidence"] and "sales_manager" in rep["evidence"]
    assert rep["file"].endswith("User.csv") and rep["line"] > 1
    lines = (tmp_path / "sf" / "User.csv").read_text(encoding="utf-8").splitlines()
    assert rep["account"] in lines[rep["line"] - 1]
    toxic = [f for f in json.loads(out)["findings"] if f["kind"] == "toxic-combination"]
    assert {tuple(f["roles"]) for f in toxic} >= {("sales_manager", "finance_manager")}
    assert all(f["rule"].startswith("sod_") for f in toxic)


def test_clean_roster_and_export_exit_0(run_cli, tmp_path, design):
    people = [
        Account("ali@x.example", "علی رضایی", "ali@x.example", True, ["sales_manager"]),
        Account("olga@x.example", "Ольга Иванова", "olga@x.example", True, ["crm_manager"]),
    ]
    folder = tmp_path / "eng"
    assert run_cli("new", folder, "--playbook", "core", "--client", "C")[0] == 0
    hr = tmp_path / "hr.csv"
    hr.write_text(
        "Person ID,Full name,Designed role\nP1,علی رضایی,sales_manager\nP2,Ольга Иванова,crm_manager\n",
        encoding="utf-8",
    )
    assert run_cli("roster", folder, "import", hr)[0] == 0
    files = write_export("dynamics", people, design, tmp_path / "d365")
    code, out, err = run_cli("people-audit", folder, "--crm", "dynamics", "--users", *files)
    assert code == 0, err
    assert "clean" in out and "2 accounts, 2 enabled, 2 matched to 2 people" in out


def test_unreadable_export_exit_2_located(run_cli, engagement, tmp_path):
    folder = engagement()
    bad = tmp_path / "User.csv"
    bad.write_text("ID,USERNAME,ISACTIVE\n005A,a@x.example,maybe\n", encoding="utf-8")
    code, out, err = run_cli("people-audit", folder, "--crm", "salesforce", "--users", bad)
    assert code == 2 and out == ""
    assert f"{bad}:2:1" in err and "IsActive" in err
    broken = tmp_path / "users.json"
    broken.write_text('{"value": [{"domainname": "a"}', encoding="utf-8")
    code, _out, err = run_cli("people-audit", folder, "--crm", "dynamics", "--users", broken)
    assert code == 2 and f"{broken}:1:" in err


def test_no_roster_exit_2(run_cli, tmp_path, design):
    folder = tmp_path / "eng"
    assert run_cli("new", folder, "--playbook", "core", "--client", "C")[0] == 0
    files = write_export("espocrm", [Account("a", "A", "a@x", True, [])], design, tmp_path / "espo")
    code, _out, err = run_cli("people-audit", folder, "--crm", "espocrm", "--users", *files)
    assert code == 2 and "roster" in err


def test_sarif_structure(run_cli, engagement, pop, design, tmp_path):
    folder = engagement()
    files = write_export("odoo", pop.accounts, design, tmp_path / "odoo")
    code, out, _err = run_cli("people-audit", folder, "--crm", "odoo", "--users", *files, "--format", "sarif")
    assert code == 1
    log = json.loads(out)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-schema-2.1.0.json")
    assert len(log["runs"]) == 1
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(KINDS)
    assert run["tool"]["driver"]["name"] == "crmwb people-audit"
    assert len(run["results"]) == 12
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note") and result["message"]["text"]
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uri"].startswith("file://")
        assert isinstance(physical["region"]["startLine"], int) and physical["region"]["startLine"] >= 1
        assert result["partialFingerprints"]["personFinding/v1"].startswith("odoo:")
    fingerprints = [r["partialFingerprints"]["personFinding/v1"] for r in run["results"]]
    assert len(set(fingerprints)) == 12


def test_xlsx_read_back(run_cli, engagement, pop, design, tmp_path):
    from openpyxl import load_workbook

    folder = engagement()
    files = write_export("suitecrm", pop.accounts, design, tmp_path / "suite")
    out_file = tmp_path / "people.xlsx"
    code, _out, err = run_cli(
        "people-audit", folder, "--crm", "suitecrm", "--users", *files, "--format", "xlsx", "-o", out_file
    )
    assert code == 1, err
    wb = load_workbook(out_file, read_only=True)
    rows = list(wb["Findings"].iter_rows(values_only=True))
    assert rows[0][:4] == ("Severity", "Kind", "Person", "Account")
    assert {(r[1], r[3] or "") for r in rows[1:]} == pop.planted
    about = {r[0]: r[1] for r in wb["About"].iter_rows(values_only=True)}
    assert about["People"] == 300 and about["Errors"] + about["Warnings"] == 12 and about["Warnings"] == 1


def test_xlsx_needs_out(run_cli, engagement, tmp_path):
    code, _out, err = run_cli(
        "people-audit", engagement(), "--crm", "odoo", "--users", tmp_path, "--format", "xlsx"
    )
    assert code == 2 and "--out" in err


LATIN = re.compile(r"[A-Za-z][A-Za-z'’]+")


def _english_left(text: str, allowed: set[str]) -> list[str]:
    text = re.sub(r"\S+@\S+|\S*/\S+|\bP\d{4}\b", " ", text)  # e-mails, logins, paths, person ids
    return sorted({w for w in LATIN.findall(text) if w not in allowed})


@pytest.mark.parametrize("lang", ["fa", "ru"])
def test_persian_and_russian_output_has_no_english(run_cli, engagement, pop, design, tmp_path, lang):
    folder = engagement(lang)
    files = write_export("salesforce", pop.accounts, design, tmp_path / f"sf-{lang}")
    code, out, err = run_cli("people-audit", folder, "--crm", "salesforce", "--users", *files)
    assert code == 1, err
    allowed = set(allowed_latin_words()) | {r.id for r in design.roles} | {"salesforce", "CRM"}
    allowed |= {part for r in design.roles for part in r.id.split("_")}
    allowed |= {rule.id for rule in design.governance.separation_of_duties} | {"max_administrators"}
    allowed |= {part for rule in design.governance.separation_of_duties for part in rule.id.split("_")}
    allowed |= {"governance", "max", "administrators", "core", "csv", "User", "PermissionSetAssignment"}
    assert _english_left(out, allowed) == []
    assert len(out.splitlines()) > 12
    if lang == "fa":
        assert "۱۲" in out  # twelve findings, in Persian digits
    xlsx = tmp_path / f"people-{lang}.xlsx"
    assert (
        run_cli(
            "people-audit", folder, "--crm", "salesforce", "--users", *files, "--format", "xlsx", "-o", xlsx
        )[0]
        == 1
    )
    from openpyxl import load_workbook

    wb = load_workbook(xlsx, read_only=True)
    cells = (
        " ".join(
            str(c)
            for ws in wb.worksheets
            for row in ws.iter_rows(values_only=True)
            for c in row
            if isinstance(c, str)
        )
        + " "
        + " ".join(wb.sheetnames)
    )
    allowed |= set(KINDS) | {p for k in KINDS for p in k.split("-")}
    assert _english_left(cells, allowed) == []


def test_hostile_or_empty_exports_are_bad_input_not_a_crash(run_cli, engagement, tmp_path):
    folder = engagement()
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code, _out, err = run_cli("people-audit", folder, "--crm", "espocrm", "--users", deep)
    assert code == 2 and f"{deep}:1:1" in err and "nested too deep" in err
    only_assignments = tmp_path / "psa.csv"
    only_assignments.write_text("ASSIGNEEID,PERMISSIONSET.NAME\n005A,CRM_sales_manager\n", encoding="utf-8")
    code, _out, err = run_cli("people-audit", folder, "--crm", "salesforce", "--users", only_assignments)
    assert code == 2 and "no user accounts" in err
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _out, err = run_cli("people-audit", folder, "--crm", "odoo", "--users", empty)
    assert code == 2 and "no user accounts" in err
