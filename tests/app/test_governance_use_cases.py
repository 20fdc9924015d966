"""Audit, recertify and report called as use cases give what `crmwb audit`, `crmwb recertify` and
`crmwb report` give: the commands only parse arguments and render."""

from __future__ import annotations

import json
from datetime import date

from openpyxl import load_workbook

from tests.crm.audit_fixtures import MINI, edit_lines, exported_fixture, fake_target_fixture  # noqa: F401
from workbench.app.audit import drift_audit
from workbench.app.design import load_design
from workbench.app.engagement import create, open_engagement
from workbench.app.recertify import recertify
from workbench.app.report import weekly_report


def _design():
    design, problems = load_design(str(MINI), None)
    assert design is not None, problems
    return design


def test_drift_audit_finds_what_crmwb_audit_prints(run_cli, exported):
    edit_lines(
        exported / "permissions.csv", {"CRM_specialist,lead,read,team": "CRM_specialist,lead,read,all"}
    )
    code, out, err = run_cli("audit", MINI, "--from", "fake", exported, "--format", "json")
    assert code == 1, err
    design = _design()
    result = drift_audit(design.playbook, design.label, "fake", exported)
    assert result.readable and not result.report.clean
    assert result.report.to_dict() == json.loads(out)
    assert [(d["kind"], d["role"]) for d in json.loads(out)["drifts"]] == [("wider", "specialist")]


def test_drift_audit_of_a_missing_export_compares_nothing(fake_target, tmp_path):
    design = _design()
    result = drift_audit(design.playbook, design.label, fake_target, tmp_path / "nowhere")
    assert result.report is None and [p.code for p in result.problems] == ["missing"]


def _sheets(path):
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in load_workbook(path).worksheets}


def test_recertify_writes_the_checklists_crmwb_recertify_writes(run_cli, tmp_path):
    code, out, err = run_cli("recertify", MINI, "--out", tmp_path / "cli", "--date", "2025-03-03")
    assert code == 0, err
    done = recertify(_design(), tmp_path / "app", "en", date(2025, 3, 3))
    cli = sorted(p.name for p in (tmp_path / "cli").iterdir())
    assert cli == sorted(p.name for p in done.paths) == ["recertification-crm_manager.xlsx"]
    for name in cli:
        assert _sheets(tmp_path / "cli" / name) == _sheets(tmp_path / "app" / name)
    assert done.due == date(2025, 3, 17) and "due 2025-03-17" in out


def test_weekly_report_writes_what_crmwb_report_writes(run_cli, tmp_path):
    folder = tmp_path / "client"
    create(folder, str(MINI), {"business_model": "b2b"}, "Acme", date(2026, 1, 5), "test")
    code, out, err = run_cli("report", folder, "--out", tmp_path / "cli", "--today", "2026-02-02")
    assert code == 0, err
    with open_engagement(folder, "test") as opened:
        done = weekly_report(opened, ["md", "html"], date(2026, 2, 2), tmp_path / "app")
    names = sorted(p.name for p in done.paths)
    assert len(names) == 2 and names == sorted(p.name for p in (tmp_path / "cli").iterdir())
    for name in names:
        assert (tmp_path / "cli" / name).read_bytes() == (tmp_path / "app" / name).read_bytes()
    assert done.report.client == "Acme" and "Acme" in out
