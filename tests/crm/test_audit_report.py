"""The audit report shared by every output: ordering, locations and the xlsx read back."""

from __future__ import annotations

from openpyxl import load_workbook

from tests.crm.audit_fixtures import MINI, edit_lines, exported_fixture, fake_target_fixture  # noqa: F401
from workbench.domain.audit_report import AuditReport
from workbench.domain.drift import Limitation, LiveMatrix, TargetMatrix, compare


def _report(live: LiveMatrix) -> AuditReport:
    design = TargetMatrix(
        "t",
        {("a", "lead", "read"): "team", ("a", "lead", "update"): "own"},
        [Limitation("a", "deal", "read", "own", "none", "no deal object")],
    )
    return AuditReport.build(
        "t", "playbook x", "live.csv", compare(design, live), design.limitations, live, []
    )


def test_errors_first_then_kind_role_object_action():
    live = LiveMatrix("t", {("a", "lead", "read"): "all", ("b", "lead", "read"): "own"}, unknown_roles=["Z"])
    report = _report(live)
    assert [(d.severity, d.kind, d.role) for d in report.drifts] == [
        ("error", "extra", "b"),
        ("error", "unknown-role", "Z"),
        ("error", "wider", "a"),
        ("warning", "missing", "a"),
    ]
    assert report.counts() == {"errors": 3, "warnings": 1}
    assert report.by_kind() == {"extra": 1, "missing": 1, "unknown-role": 1, "wider": 1}


def test_location_falls_back_from_cell_to_role_to_source():
    live = LiveMatrix("t", {("a", "lead", "read"): "all"})
    live.locations = {("a", "lead", "read"): ("sets/a.xml", 12), ("a", None, None): ("sets/a.xml", 2)}
    report = _report(live)
    by_kind = {d.kind: report.location(d) for d in report.drifts}
    assert by_kind == {"wider": ("sets/a.xml", 12), "missing": ("sets/a.xml", 2)}
    plain = _report(LiveMatrix("t", {("a", "lead", "read"): "all"}))
    assert {plain.location(d) for d in plain.drifts} == {("live.csv", None)}


def test_to_dict_is_stable():
    doc = _report(LiveMatrix("t", {("a", "lead", "read"): "team", ("a", "lead", "update"): "own"})).to_dict()
    assert doc["clean"] is True and doc["drifts"] == []
    assert doc["summary"] == {"errors": 0, "warnings": 0, "by_kind": {}, "limitations": 1}
    assert doc["limitations"][0]["message"] == "no deal object"


def test_xlsx_reads_back(run_cli, exported, tmp_path):
    edit_lines(
        exported / "permissions.csv",
        {"CRM_specialist,lead,read,team": "CRM_specialist,lead,read,all"},
        add=["CRM_intruder,lead,read,all"],
    )
    target = tmp_path / "drift.xlsx"
    code, _, err = run_cli("audit", MINI, "--from", "fake", exported, "--format", "xlsx", "--out", target)
    assert code == 1 and f"wrote {target}" in err
    wb = load_workbook(target)
    assert wb.sheetnames == ["Drift", "Cannot express", "About"]
    rows = list(wb["Drift"].iter_rows(values_only=True))
    assert rows[0] == (
        "Severity",
        "Kind",
        "Role",
        "Object",
        "Action",
        "Design",
        "Live",
        "Message",
        "File",
        "Line",
    )
    csv = str(exported / "permissions.csv")
    assert [r[:7] + r[8:] for r in rows[1:]] == [
        ("error", "unknown-role", "CRM_intruder", None, None, None, None, csv, 8),
        ("error", "wider", "specialist", "lead", "read", "team", "all", csv, 5),
    ]
    about = {r[0]: r[1] for r in wb["About"].iter_rows(values_only=True) if r[0]}
    assert about["Result"] == "drift found" and about["Errors"] == 2 and about["Target"] == "fake"
