"""`crmwb recertify` writes protected checklists; `crmwb audit --decisions` reads them back as a change
plan (and, with --from, audits the CRM against the design after the decisions)."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook

from tests.crm.audit_fixtures import MINI, edit_lines, exported_fixture, fake_target_fixture  # noqa: F401

HEADER = ("Role", "Role name", "Object", "Action", "Scope", "Decision", "New scope", "Comment")


def _checklists(run_cli, tmp_path, ref=MINI) -> Path:
    code, _, err = run_cli("recertify", ref, "--out", tmp_path / "rc", "--date", "2025-03-03")
    assert code == 0, err
    return tmp_path / "rc"


def _decide(path: Path, decisions: dict[tuple[str, str, str], tuple]) -> None:
    """Fill in (decision, new scope, comment) for the rows named by (role, object, action)."""
    wb = load_workbook(path)
    ws = wb["Checklist"]
    for row in ws.iter_rows(min_row=2):
        key = (row[0].value, row[2].value, row[3].value)
        if key in decisions:
            for cell, value in zip(row[5:8], decisions[key]):
                cell.value = value
    wb.save(path)


def test_plan_printed_and_checklist_written(run_cli, tmp_path):
    code, out, _ = run_cli("recertify", "core", "--out", tmp_path / "rc", "--date", "2025-03-03")
    assert code == 0
    assert "every 6 months" in out and "next: 2025-09-03, 2026-03-03, 2026-09-03" in out
    assert "due 2025-03-10 (5 working days)" in out
    assert "crm_manager (CRM manager) reviews 14 roles" in out
    assert sorted(p.name for p in (tmp_path / "rc").iterdir()) == [
        "recertification-crm_manager.xlsx",
        "recertification-director.xlsx",
    ]


def test_checklist_rows_protection_and_dropdowns(run_cli, tmp_path):
    folder = _checklists(run_cli, tmp_path)
    out = run_cli("recertify", MINI, "--out", tmp_path / "rc2")[1]
    assert "falls back to crm_manager" in out
    wb = load_workbook(folder / "recertification-crm_manager.xlsx")
    assert wb.sheetnames == ["Checklist", "About"]
    ws = wb["Checklist"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == HEADER
    assert rows[1:] == [
        ("consultant", "Consultant", "settings", "read", "all", None, None, None),
        ("consultant", "Consultant", "settings", "update", "all", None, None, None),
        ("specialist", "Specialist", "lead", "create", "own", None, None, None),
        ("specialist", "Specialist", "lead", "read", "team", None, None, None),
        ("specialist", "Specialist", "lead", "update", "own", None, None, None),
        ("specialist", "Specialist", "settings", "read", "all", None, None, None),
    ]
    assert ws.protection.sheet is True
    for row in ws.iter_rows(min_row=2):
        assert [c.protection.locked for c in row] == [True] * 5 + [False] * 3
    lists = {str(v.sqref): v.formula1 for v in ws.data_validations.dataValidation}
    assert lists == {"F2:F7": '"keep,revoke,change"', "G2:G7": '"none,own,team"'}
    about = {r[0]: r[1] for r in wb["About"].iter_rows(values_only=True) if r[0]}
    assert about["Reviewer"] == "crm_manager" and about["Cadence (months)"] == 6
    assert about["Generated"] == "2025-03-03" and about["Review due by"] == "2025-03-17"
    assert wb["About"].protection.sheet is True


def test_decisions_become_a_change_plan(run_cli, tmp_path):
    checklist = _checklists(run_cli, tmp_path) / "recertification-crm_manager.xlsx"
    _decide(
        checklist,
        {
            ("specialist", "lead", "read"): ("Change", "own", "sees only own leads"),
            ("consultant", "settings", "update"): ("revoke", None, "left the project"),
        },
    )
    code, out, err = run_cli("audit", MINI, "--decisions", checklist, "--format", "json")
    assert code == 1, err
    doc = json.loads(out)
    assert [
        (c["decision"], c["role"], c["object"], c["action"], c["from"], c["to"], c["reviewer"])
        for c in doc["changes"]
    ] == [
        ("revoke", "consultant", "settings", "update", "all", "none", "crm_manager"),
        ("change", "specialist", "lead", "read", "team", "own", "crm_manager"),
    ]
    assert doc["kept"] == 0 and len(doc["undecided"]) == 4
    assert doc["changes"][1]["checklist"] == f"{checklist}:5"
    assert doc["changes"][1]["comment"] == "sees only own leads"


def test_all_kept_exits_0_and_table(run_cli, tmp_path):
    checklist = _checklists(run_cli, tmp_path) / "recertification-crm_manager.xlsx"
    wb = load_workbook(checklist)
    for row in wb["Checklist"].iter_rows(min_row=2):
        row[5].value = "keep"
    wb.save(checklist)
    code, out, _ = run_cli("audit", MINI, "--decisions", checklist)
    assert code == 0
    assert "0 changes, 6 kept, 0 undecided" in out


def test_invalid_decisions_exit_2_located(run_cli, tmp_path):
    checklist = _checklists(run_cli, tmp_path) / "recertification-crm_manager.xlsx"
    _decide(
        checklist,
        {
            ("specialist", "lead", "read"): ("change", "all", None),
            ("specialist", "lead", "create"): ("maybe", None, None),
        },
    )
    code, out, err = run_cli("audit", MINI, "--decisions", checklist)
    assert code == 2 and out == ""
    assert f"{checklist}:4:6: error:" in err and "maybe" in err
    assert f"{checklist}:5:6: error:" in err and "widen" in err


def test_unreadable_checklist_exits_2(run_cli, tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook")
    empty = tmp_path / "empty.xlsx"
    from openpyxl import Workbook

    Workbook().save(empty)
    code, _, err = run_cli("audit", MINI, "--decisions", bad, empty, tmp_path / "missing.xlsx")
    assert code == 2
    assert f"{bad}: error: cannot read the checklist: not an xlsx workbook" in err
    assert f"{empty}: error: no checklist table" in err
    assert f"{tmp_path / 'missing.xlsx'}: error: cannot read the checklist" in err


def test_crm_steps_and_audit_after_decisions(run_cli, exported, tmp_path):
    checklist = _checklists(run_cli, tmp_path) / "recertification-crm_manager.xlsx"
    _decide(checklist, {("consultant", "settings", "update"): ("revoke", None, "done by the admin")})
    code, out, _ = run_cli("audit", MINI, "--decisions", checklist, "--target", "fake")
    assert code == 1
    assert "In fake:" in out
    step = next(line for line in out.splitlines() if line.startswith("CRM_consultant"))
    # the fake's default mapping has settings under its own id
    assert step.split() == ["CRM_consultant", "settings", "update", "all", "none", "consultant", "settings"]
    # the CRM still grants the revoked right: the audit against the decided design finds it
    code, out, _ = run_cli(
        "audit", MINI, "--decisions", checklist, "--from", "fake", exported, "--format", "json"
    )
    assert code == 1
    doc = json.loads(out)
    assert [(d["kind"], d["role"], d["object"], d["action"]) for d in doc["audit"]["drifts"]] == [
        ("extra", "consultant", "settings", "update")
    ]
    assert len(doc["recertification"]["changes"]) == 1
    # once the administrator removes it, the CRM matches the recertified design
    edit_lines(exported / "permissions.csv", {"CRM_consultant,settings,update,all": None})
    code, out, _ = run_cli("audit", MINI, "--decisions", checklist, "--from", "fake", exported)
    assert code == 0 and "clean" in out and "1 change," in out


def test_sarif_needs_from_with_decisions(run_cli, tmp_path):
    checklist = _checklists(run_cli, tmp_path) / "recertification-crm_manager.xlsx"
    code, _, err = run_cli("audit", MINI, "--decisions", checklist, "--format", "sarif")
    assert code == 2 and "add --from" in err


def test_help_documents_modes_and_exit_codes(run_cli, capsys):
    import pytest

    with pytest.raises(SystemExit) as exited:
        run_cli("audit", "--help")
    text = capsys.readouterr().out
    assert exited.value.code == 0
    for words in (
        "--decisions FILE...",
        "exit codes:",
        "2  the design, the live export or a checklist",
        "sarif (SARIF 2.1.0",
    ):
        assert words in text


def test_registered_commands():
    from workbench.cli.main import COMMANDS

    assert COMMANDS["audit"][0] == "workbench.cli.audit_cmd"
    assert COMMANDS["recertify"][0] == "workbench.cli.recertify_cmd"
    assert COMMANDS["crm-export"][0] == "workbench.cli.crm_export_cmd"


def test_the_change_plan_speaks_the_output_language(tmp_path, run_cli):
    """`audit --decisions` as a table in Russian and Persian: headers, decisions, actions and scopes in the
    language; role and object ids (the design's names) stay as they are."""
    checklist = _checklists(run_cli, tmp_path) / "recertification-crm_manager.xlsx"
    _decide(checklist, {("consultant", "settings", "update"): ("revoke", None, "left the project")})
    for lang, words in (
        ("ru", ("решения по пересмотру доступа", "решение", "было", "изменение")),
        ("fa", ("تصمیم", "تغییر")),
    ):
        code, out, err = run_cli("audit", MINI, "--decisions", checklist, "--lang", lang)
        assert code == 1, err
        assert all(w in out for w in words) and "consultant" in out, out
        assert "recertification decisions" not in out and "decision" not in out and "kept" not in out
