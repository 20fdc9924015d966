"""Recertification of people end to end: `people-audit --recertify` writes a checklist per manager, the
managers decide (filled in here as a manager would, in Persian for one of them), `--decisions` turns the
files into the CRM change plan, and the re-audit passes only once the CRM carries the plan out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.people.people_gen import Account, write_export
from workbench.domain.vocabulary import decision_label
from workbench.i18n import use_language

ROSTER = (
    "Person ID,Full name,Department,Designed role,Manager,Active,E-mail\n"
    "M1,Olga Manager,Sales,crm_manager,,yes,olga@x.example\n"
    "M2,مریم مدیر,Finance,finance_manager,,yes,maryam@x.example\n"
    "P1,Ali Rep,Sales,sales_manager,M1,yes,ali@x.example\n"
    "P2,Anna Rep,Sales,sales_manager,M1,yes,anna@x.example\n"
    "P3,سارا کریمی,Finance,finance_manager,M2,yes,sara@x.example\n"
)


def accounts() -> list[Account]:
    return [
        Account("olga@x.example", "Olga Manager", "olga@x.example", True, ["crm_manager"]),
        Account("maryam@x.example", "مریم مدیر", "maryam@x.example", True, ["finance_manager"]),
        Account("ali@x.example", "Ali Rep", "ali@x.example", True, ["sales_manager", "crm_manager"]),
        Account("anna@x.example", "Anna Rep", "anna@x.example", True, ["sales_manager", "finance_manager"]),
        Account("sara@x.example", "سارا کریمی", "sara@x.example", True, ["finance_manager", "marketer"]),
    ]


@pytest.fixture
def setup(run_cli, tmp_path):
    from workbench.app.design import load_design

    folder = tmp_path / "eng"
    assert run_cli("new", folder, "--playbook", "core", "--client", "C")[0] == 0
    (tmp_path / "hr.csv").write_text(ROSTER, encoding="utf-8")
    assert run_cli("roster", folder, "import", tmp_path / "hr.csv")[0] == 0
    pb = load_design("core", None)[0].playbook
    return folder, pb


def decide(path: Path, choices: dict[tuple[str, str], tuple[str, str]], lang: str) -> None:
    """Fill in a checklist as its manager would: the decision word in the checklist's language."""
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    head = [c.value for c in ws[1]]
    with use_language(lang):
        cols = {
            key: head.index(title) + 1
            for key, title in (
                ("account", "Account"),
                ("role", "Role"),
                ("decision", "Decision"),
                ("new", "New role"),
            )
            for title in [__import__("workbench.i18n", fromlist=["_"])._(title)]
        }
        for row in range(2, ws.max_row + 1):
            key = (ws.cell(row, cols["account"]).value, ws.cell(row, cols["role"]).value)
            decision, new = choices.get(key, ("keep", ""))
            ws.cell(row, cols["decision"]).value = decision_label(decision)
            ws.cell(row, cols["new"]).value = new or None
    wb.save(path)


def test_review_decide_plan_and_reaudit(run_cli, setup, tmp_path):
    folder, pb = setup
    before = write_export("dynamics", accounts(), pb, tmp_path / "before")
    code, out, err = run_cli(
        "people-audit", folder, "--crm", "dynamics", "--users", *before, "--format", "json"
    )
    assert code == 1, err
    assert {(f["kind"], f["account"]) for f in json.loads(out)["findings"]} == {
        ("beyond-role", "ali@x.example"),
        ("toxic-combination", "anna@x.example"),
        ("beyond-role", "sara@x.example"),
    }

    reviews = tmp_path / "reviews"
    code, out, err = run_cli(
        "people-audit", folder, "--crm", "dynamics", "--users", *before, "--recertify", reviews
    )
    assert code == 0, err
    files = sorted(p.name for p in reviews.iterdir())
    assert files == ["people-review-M1.xlsx", "people-review-M2.xlsx", "people-review-no-manager.xlsx"]
    rows = list(load_workbook(reviews / "people-review-M1.xlsx").worksheets[0].iter_rows(values_only=True))
    assert [(r[0], r[4], r[6]) for r in rows[1:]] == [
        ("P1", "sales_manager", "yes"),
        ("P1", "crm_manager", "no"),
        ("P2", "sales_manager", "yes"),
        ("P2", "finance_manager", "no"),
    ]

    decide(
        reviews / "people-review-M1.xlsx",
        {
            ("ali@x.example", "crm_manager"): ("revoke", ""),
            ("anna@x.example", "finance_manager"): ("change", "marketer"),
        },
        "en",
    )
    decide(reviews / "people-review-M2.xlsx", {}, "en")  # Sara keeps marketer: approved from now on
    decide(reviews / "people-review-no-manager.xlsx", {}, "en")
    checklists = sorted(reviews.iterdir())
    code, out, err = run_cli(
        "people-audit", folder, "--crm", "dynamics", "--format", "json", "--decisions", *checklists
    )
    assert code == 1, err
    plan = json.loads(out)
    assert [(c["action"], c["account"], c["crm_role"]) for c in plan["changes"]] == [
        ("remove", "ali@x.example", "CRM_crm_manager"),
        ("remove", "anna@x.example", "CRM_finance_manager"),
        ("add", "anna@x.example", "CRM_marketer"),
    ]
    assert plan["undecided"] == [] and plan["kept"] == 6

    # the CRM not changed yet: the re-audit still finds the revoked role
    code, out, _err = run_cli(
        "people-audit", folder, "--crm", "dynamics", "--users", *before, "--decisions", *checklists
    )
    assert code == 1 and "ali@x.example" in out
    # the CRM carries the plan out: the re-audit passes
    done = accounts()
    done[2].roles = ["sales_manager"]
    done[3].roles = ["sales_manager", "marketer"]
    after = write_export("dynamics", done, pb, tmp_path / "after")
    code, out, err = run_cli(
        "people-audit", folder, "--crm", "dynamics", "--users", *after, "--decisions", *checklists
    )
    assert code == 0, out + err
    assert "clean" in out


def test_persian_checklist_reads_back_and_bad_decision_is_located(run_cli, setup, tmp_path):
    folder, pb = setup
    export = write_export("espocrm", accounts(), pb, tmp_path / "espo")
    reviews = tmp_path / "reviews"
    assert (
        run_cli(
            "people-audit",
            folder,
            "--crm",
            "espocrm",
            "--users",
            *export,
            "--recertify",
            reviews,
            "--lang",
            "fa",
        )[0]
        == 0
    )
    path = reviews / "people-review-M2.xlsx"
    wb = load_workbook(path)
    assert wb.sheetnames[0] != "Review" and wb.worksheets[0].sheet_view.rightToLeft
    decide(path, {("sara@x.example", "marketer"): ("revoke", "")}, "fa")
    code, out, err = run_cli(
        "people-audit", folder, "--crm", "espocrm", "--format", "json", "--decisions", path
    )
    assert code == 1, err
    assert [(c["action"], c["account"], c["role"]) for c in json.loads(out)["changes"]] == [
        ("remove", "sara@x.example", "marketer")
    ]
    ws = wb.worksheets[0]
    ws.cell(2, 8).value = "maybe"
    wb.save(path)
    code, _out, err = run_cli("people-audit", folder, "--crm", "espocrm", "--decisions", path)
    assert code == 2 and f"{path}:2:8" in err


def test_recertify_needs_users_and_a_folder(run_cli, setup, tmp_path):
    folder, _pb = setup
    code, _out, err = run_cli(
        "people-audit",
        folder,
        "--crm",
        "odoo",
        "--recertify",
        tmp_path / "r",
        "--decisions",
        tmp_path / "x.xlsx",
    )
    assert code == 2 and "--users" in err
    code, _out, err = run_cli("people-audit", folder, "--crm", "odoo")
    assert code == 2 and "nothing to audit" in err
