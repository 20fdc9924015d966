"""System rights (modify all data, export, manage users ...) through design, export, audit and governance.

The reproduction ("Trust" item 7): ModifyAllData and ExportReport added to a Salesforce permission set
audited clean with exit 0, and Dynamics prvExportToExcel at Global was only an info. Here every target's
live export gets a system right the design does not give (an error, exit 1, SARIF level error) or loses
one it does give (a warning), starting from a faithful `crm-export` of core.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.crm.audit_fixtures import drift_rows
from tests.crm.bitrix24_workbook import set_level
from workbench.crm_adapters.registry import adapter, mapping_for, names
from workbench.domain.system_rights import SYSTEM

PLAYBOOKS = ("core", "b2b-sales", "b2c-retail-loyalty", "financial-services")


def _replace(path: Path, old: str, new: str, count: int = 1) -> None:
    """Edit a live export as an admin would; the text must be there (a test that edits nothing fails)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, (path, old)
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _salesforce_grant(folder: Path) -> None:
    """The exact reproduction: ModifyAllData and ExportReport added to the sales manager's permission set."""
    extra = "".join(
        f"    <userPermissions>\n        <enabled>true</enabled>\n        <name>{name}</name>\n"
        "    </userPermissions>\n"
        for name in ("ExportReport", "ModifyAllData")
    )
    _replace(
        folder / "permissionsets" / "CRM_sales_manager.permissionset-meta.xml",
        "</PermissionSet>",
        extra + "</PermissionSet>",
    )


def _dynamics_grant(folder: Path) -> None:
    _replace(
        folder / "Roles" / "CRM_sales_manager.xml",
        "  </RolePrivileges>",
        '    <RolePrivilege name="prvExportToExcel" level="Global" />\n  </RolePrivileges>',
    )


def _odoo_grant(folder: Path) -> None:
    record = '<record id="group_crm_sales_manager" model="res.groups">'
    _replace(
        folder / "record_rules.xml",
        record,
        record + '\n      <field name="implied_ids" eval="[(4, ref(\'base.group_erp_manager\'))]" />',
    )


def _espocrm_grant(folder: Path) -> None:
    path = folder / "roles.json"
    roles = json.loads(path.read_text(encoding="utf-8"))
    role = next(r for r in roles if r["name"] == "CRM_sales_manager")
    assert role["assignmentPermission"] == "no"
    role["assignmentPermission"] = "all"
    path.write_text(json.dumps(roles, indent=2), encoding="utf-8")


def _suitecrm_grant(folder: Path) -> None:
    _replace(
        folder / "suitecrm_acl.csv", "CRM_sales_manager,Users,admin,1", "CRM_sales_manager,Users,admin,99"
    )


def _bitrix24_grant(folder: Path) -> None:
    set_level(folder, "CRM_sales_manager", "CONFIG", "WRITE", "All")


def _kommo_admin(folder: Path, name: str, held: bool) -> None:
    """Set a role's is_admin (Kommo's administrator flag) in the exported roles."""
    path = folder / "kommo-roles.json"
    roles = json.loads(path.read_text(encoding="utf-8"))
    role = next(r for r in roles if r["name"] == name)
    assert role["rights"]["is_admin"] is not held
    role["rights"]["is_admin"] = held
    path.write_text(json.dumps(roles, indent=2), encoding="utf-8")


GRANTS = {  # target -> (edit, the system rights the sales manager then holds beyond the design)
    "salesforce": (_salesforce_grant, {"modify_all_data", "export_data"}),
    "dynamics": (_dynamics_grant, {"export_data"}),
    "odoo": (_odoo_grant, {"manage_users"}),
    "espocrm": (_espocrm_grant, {"assign_records"}),
    "suitecrm": (_suitecrm_grant, {"manage_users"}),
    "bitrix24": (_bitrix24_grant, {"customize_system"}),
    "kommo": (lambda f: _kommo_admin(f, "CRM_sales_manager", True), {"manage_users", "customize_system"}),
}


def _salesforce_drop(folder: Path) -> None:
    _replace(
        folder / "permissionsets" / "CRM_administrator.permissionset-meta.xml",
        "<enabled>true</enabled>\n        <name>ManageUsers</name>",
        "<enabled>false</enabled>\n        <name>ManageUsers</name>",
    )


def _dynamics_drop(folder: Path) -> None:
    _replace(
        folder / "Roles" / "CRM_director.xml",
        '<RolePrivilege name="prvExportToExcel" level="Global" />',
        '<RolePrivilege name="prvExportToExcel" level="None" />',
    )


def _odoo_drop(folder: Path) -> None:
    _replace(folder / "record_rules.xml", "(4, ref('base.group_erp_manager')), ", "")


def _espocrm_drop(folder: Path) -> None:
    path = folder / "roles.json"
    roles = json.loads(path.read_text(encoding="utf-8"))
    role = next(r for r in roles if r["name"] == "CRM_crm_manager")
    assert role["assignmentPermission"] == "all"
    role["assignmentPermission"] = "no"
    path.write_text(json.dumps(roles, indent=2), encoding="utf-8")


def _suitecrm_drop(folder: Path) -> None:
    _replace(
        folder / "suitecrm_acl.csv", "CRM_administrator,Users,admin,99", "CRM_administrator,Users,admin,1"
    )


def _bitrix24_drop(folder: Path) -> None:
    set_level(folder, "CRM_administrator", "CONFIG", "WRITE", "No access")


DROPS = {  # target -> (edit, (role, system right) pairs the design gives and the CRM then lacks)
    "salesforce": (_salesforce_drop, {("administrator", "manage_users")}),
    "dynamics": (_dynamics_drop, {("director", "export_data")}),
    "odoo": (_odoo_drop, {("administrator", "manage_users")}),
    "espocrm": (_espocrm_drop, {("crm_manager", "assign_records")}),
    "suitecrm": (_suitecrm_drop, {("administrator", "manage_users")}),
    "bitrix24": (_bitrix24_drop, {("administrator", "customize_system")}),
    "kommo": (
        lambda f: _kommo_admin(f, "CRM_administrator", False),
        {("administrator", "manage_users"), ("administrator", "customize_system")},
    ),
}


@pytest.fixture(scope="module")
def core_export(tmp_path_factory) -> Path:
    from workbench.cli.main import main

    folder = tmp_path_factory.mktemp("core")
    assert main(["crm-export", "core", "--to", "all", "--out", str(folder), "--quiet"]) == 0
    return folder


def _copy(core_export: Path, target: str, tmp_path: Path) -> Path:
    import shutil

    return Path(shutil.copytree(core_export / target, tmp_path / target))


def _system_rows(stdout: str) -> set[tuple]:
    return {(r[0], r[1], r[2], r[4]) for r in drift_rows(stdout) if r[3] == SYSTEM}


@pytest.mark.parametrize("target", names())
def test_a_system_right_beyond_the_design_is_an_error(run_cli, core_export, tmp_path, target):
    edit, rights = GRANTS[target]
    folder = _copy(core_export, target, tmp_path)
    assert run_cli("audit", "core", "--from", target, folder, "--format", "json")[0] == 0  # faithful first
    edit(folder)
    code, out, err = run_cli("audit", "core", "--from", target, folder, "--format", "json")
    assert code == 1, err
    assert _system_rows(out) == {("error", "extra", "sales_manager", right) for right in rights}
    assert [r for r in drift_rows(out) if r[3] != SYSTEM] == []  # nothing else moved
    code, out, _ = run_cli("audit", "core", "--from", target, folder, "--format", "sarif")
    results = json.loads(out)["runs"][0]["results"]
    assert code == 1 and len(results) == len(rights)
    assert {r["level"] for r in results} == {"error"}
    assert all(re.match(r"sales_manager holds the system right ", r["message"]["text"]) for r in results)


def test_salesforce_finding_points_at_the_user_permission(run_cli, core_export, tmp_path):
    folder = _copy(core_export, "salesforce", tmp_path)
    _salesforce_grant(folder)
    code, out, _ = run_cli("audit", "core", "--from", "salesforce", folder, "--format", "json")
    path = folder / "permissionsets" / "CRM_sales_manager.permissionset-meta.xml"
    lines = path.read_text(encoding="utf-8").splitlines()
    drifts = json.loads(out)["drifts"]
    assert sorted(drift["action"] for drift in drifts) == ["export_data", "modify_all_data"]
    for drift in drifts:
        assert drift["file"] == str(path)
        name = {"modify_all_data": "ModifyAllData", "export_data": "ExportReport"}[drift["action"]]
        assert lines[drift["line"] - 1].strip() == "<userPermissions>"
        assert lines[drift["line"] + 1].strip() == f"<name>{name}</name>"


def test_dynamics_unmapped_miscellaneous_privilege_is_still_only_an_info(run_cli, core_export, tmp_path):
    folder = _copy(core_export, "dynamics", tmp_path)
    _replace(
        folder / "Roles" / "CRM_sales_manager.xml",
        "  </RolePrivileges>",
        '    <RolePrivilege name="prvGoOffline" level="Global" />\n  </RolePrivileges>',
    )
    code, out, err = run_cli("audit", "core", "--from", "dynamics", folder, "--format", "json")
    assert code == 0 and json.loads(out)["drifts"] == []
    assert re.search(r"1 miscellaneous privilege\(s\) such as prvGoOffline are not per entity", err)


@pytest.mark.parametrize("target", names())
def test_a_designed_system_right_missing_is_a_warning(run_cli, core_export, tmp_path, target):
    edit, missing = DROPS[target]
    folder = _copy(core_export, target, tmp_path)
    edit(folder)
    code, out, err = run_cli("audit", "core", "--from", target, folder, "--format", "json")
    assert code == 1, err
    assert _system_rows(out) == {("warning", "missing", role, right) for role, right in missing}


@pytest.mark.parametrize("ref", PLAYBOOKS)
@pytest.mark.parametrize("target", names())
def test_bundled_designs_carry_system_rights_to_every_target(ref, target):
    """The round trip in test_audit_targets is clean; this makes sure it is not clean by carrying none."""
    from workbench.loading.playbooks import load_playbook

    pb = load_playbook(ref).playbook
    assert {r.id for r in pb.roles if r.system_rights} >= {"administrator", "director", "crm_manager"}
    assert not next(r for r in pb.roles if r.id == "sales_manager").system_rights
    projected = adapter(target).project(pb, mapping_for(pb, target))
    carried = {(role, right) for (role, obj, right) in projected.grants if obj == SYSTEM}
    assert carried, target
    designed = {(r.id, right) for r in pb.roles for right in r.system_rights}
    uncarried = {
        (x.role, x.action) for x in projected.limitations if x.object == SYSTEM and x.expressed == "none"
    }
    assert designed <= carried | uncarried  # each designed right is carried or said to be not


def test_rights_a_crm_cannot_express_are_in_the_limitations_report(core_export):
    limits = json.loads((core_export / "limitations.json").read_text(encoding="utf-8"))["targets"]
    rows = {
        (t, x["role"], x["action"], x["wanted"], x["expressed"])
        for t, items in limits.items()
        for x in items
        if x["object"] == SYSTEM
    }
    assert ("dynamics", "director", "view_all_data", "all", "none") in rows
    assert ("suitecrm", "director", "export_data", "all", "none") in rows
    assert ("espocrm", "administrator", "manage_users", "all", "none") in rows
    # Odoo's base.group_system carries both rights: the consultant's customize_system widens to author_code
    assert ("odoo", "crm_consultant", "author_code", "none", "all") in rows
    report = (core_export / "limitations.md").read_text(encoding="utf-8")
    assert "| (system) | director | view_all_data | all | none |" in report


LEAKY = """\
id: leaky
version: "1.0"
name: Leaky rights
extends: core
roles:
  - id: sales_manager
    system_rights: [modify_all_data, export_data]
"""


def test_governance_rule_violation_is_reported_by_check(run_cli, tmp_path):
    assert run_cli("check", "core", "--format", "json")[0] == 0
    path = tmp_path / "leaky.yaml"
    path.write_text(LEAKY, encoding="utf-8")
    code, out, _ = run_cli("check", path, "--format", "json")
    assert code == 1
    found = {
        (f["severity"], f["rule"], f["role"], f["action"])
        for f in json.loads(out)["findings"]
        if f["rule"].startswith("sys:")
    }
    assert found == {
        ("error", "sys:sys_admin_only", "sales_manager", "modify_all_data"),
        ("warning", "sys:sys_view_and_export_all", "sales_manager", "export_data"),
    }
    code, out, _ = run_cli("check", path)
    assert "sales_manager/modify_all_data: sales_manager holds the system right modify_all_data" in out


def test_the_leaky_design_audits_clean_against_its_own_export(run_cli, tmp_path):
    """Governance and drift are separate questions: a design that grants a right gets it exported."""
    path = tmp_path / "leaky.yaml"
    path.write_text(LEAKY, encoding="utf-8")
    assert run_cli("crm-export", path, "--to", "salesforce", "--out", tmp_path / "out", "--quiet")[0] == 0
    sets = tmp_path / "out" / "salesforce" / "permissionsets"
    names = re.findall(r"<name>(\w+)</name>", (sets / "CRM_sales_manager.permissionset-meta.xml").read_text())
    # Modify All Data does not deploy without View All Data, Transfer Record and Import Leads
    assert names == ["ExportReport", "ImportLeads", "ModifyAllData", "TransferAnyEntity", "ViewAllData"]
    limits = json.loads((tmp_path / "out" / "limitations.json").read_text(encoding="utf-8"))["targets"]
    cell = ("sales_manager", SYSTEM, "none", "all")
    widened = {
        x["action"]
        for x in limits["salesforce"]
        if (x["role"], x["object"], x["wanted"], x["expressed"]) == cell
    }
    assert widened == {"view_all_data", "assign_records", "import_data"}
    assert run_cli("audit", path, "--from", "salesforce", tmp_path / "out" / "salesforce")[0] == 0


BROKEN = """\
id: broken
version: "1.0"
name: Broken rights
extends: core
roles:
  - id: sales_manager
    system_rights: [export_data, view_everything]
governance:
  system_rights:
    - {id: sys_x, description: x, severity: error, rights: [manage_userz]}
crm_mappings:
  salesforce:
    system_rights: {super_powers: [X]}
"""


def test_unknown_system_rights_are_located_errors(run_cli, tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    code, out, err = run_cli("validate", path)
    assert code == 2
    located = re.findall(rf"^{re.escape(str(path))}:(\d+):(\d+): error: (.*)$", err, re.M)
    fields = [(int(line), re.sub(r"\[\d+\]", "[]", field.split(":")[0])) for line, _, field in located]
    assert fields == [
        (7, "roles[].system_rights[]"),
        (10, "governance.system_rights[].rights[]"),
        (13, "crm_mappings.salesforce.system_rights.super_powers"),
    ]  # indexes: after the merge
    assert all("expected 'modify_all_data'" in message for _, _, message in located)


def test_cross_references_of_system_rights_are_checked(run_cli, tmp_path):
    path = tmp_path / "refs.yaml"
    path.write_text(
        """\
id: refs
version: "1.0"
name: Refs
extends: core
roles:
  - id: sales_manager
    system_rights: [export_data, export_data]
governance:
  system_rights:
    - {id: sys_x, description: x, severity: error, rights: [manage_users], except_roles: [ghost]}
""",
        encoding="utf-8",
    )
    code, _, err = run_cli("validate", path)
    assert code == 2
    assert f"{path}:7:" in err and "'export_data' is listed twice" in err
    assert f"{path}:10:" in err and "unknown role 'ghost'" in err


@pytest.mark.parametrize("ref", PLAYBOOKS)
def test_bundled_designs_follow_their_own_system_right_rules(run_cli, ref):
    code, out, _ = run_cli("check", ref, "--format", "json")
    assert code == 0
    assert [f for f in json.loads(out)["findings"] if f["rule"].startswith("sys:")] == []
    from workbench.loading.playbooks import load_playbook

    rules = {rule.id: rule for rule in load_playbook(ref).playbook.governance.system_rights}
    assert rules["sys_admin_only"].except_roles == ["administrator"]
    assert {"manage_users", "modify_all_data"} <= set(rules["sys_admin_only"].rights)


def _suitecrm_rogue(folder: Path) -> None:
    with (folder / "suitecrm_acl.csv").open("a", encoding="utf-8") as handle:
        handle.write("Night shift,Users,admin,100\n")


def _odoo_rogue(folder: Path) -> None:
    _replace(
        folder / "record_rules.xml",
        "  </data>",
        '    <record id="group_night_shift" model="res.groups">\n'
        '      <field name="name">Night shift</field>\n'
        '      <field name="implied_ids" eval="[(4, ref(\'base.group_system\'))]" />\n'
        "    </record>\n  </data>",
    )


@pytest.mark.parametrize(
    ("target", "edit", "name"),
    [("suitecrm", _suitecrm_rogue, "Night shift"), ("odoo", _odoo_rogue, "group_night_shift")],
)
def test_a_role_outside_the_design_holding_only_a_system_right_is_an_unknown_role(
    run_cli, core_export, tmp_path, target, edit, name
):
    folder = _copy(core_export, target, tmp_path)
    edit(folder)
    code, out, err = run_cli("audit", "core", "--from", target, folder, "--format", "json")
    assert code == 1, err
    assert drift_rows(out) == [("error", "unknown-role", name, None, None, None, None)]


def _line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_a_user_permission_neither_true_nor_false_is_a_located_error(run_cli, core_export, tmp_path):
    folder = _copy(core_export, "salesforce", tmp_path)
    path = folder / "permissionsets" / "CRM_administrator.permissionset-meta.xml"
    _replace(
        path,
        "<enabled>true</enabled>\n        <name>ManageUsers</name>",
        "<enabled>maybe</enabled>\n        <name>ManageUsers</name>",
    )
    line = _line_of(path, "maybe")
    code, out, err = run_cli("audit", "core", "--from", "salesforce", folder)
    assert code == 2 and out == ""
    assert (
        f"{path}:{line}:9: error: userPermissions 'ManageUsers': <enabled> is 'maybe'; expected true or false"
    ) in err


def test_a_system_privilege_with_an_unknown_depth_is_a_located_error(run_cli, core_export, tmp_path):
    folder = _copy(core_export, "dynamics", tmp_path)
    path = folder / "Roles" / "CRM_director.xml"
    _replace(
        path,
        '<RolePrivilege name="prvExportToExcel" level="Global" />',
        '<RolePrivilege name="prvExportToExcel" level="Everywhere" />',
    )
    line = _line_of(path, "Everywhere")
    code, out, err = run_cli("audit", "core", "--from", "dynamics", folder)
    assert code == 2 and out == ""
    assert f"{path}:{line}:5: error: prvExportToExcel has level 'Everywhere'; expected Basic" in err


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="named pipes are POSIX-only")
@pytest.mark.parametrize("target", ["salesforce", "dynamics", "espocrm"])
def test_a_named_pipe_given_as_the_export_is_refused_not_waited_on(tmp_path, target):
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    pipe = tmp_path / "export.xml"
    os.mkfifo(pipe)
    done = subprocess.run(
        [sys.executable, "-m", "workbench", "audit", "core", "--from", target, str(pipe)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert f"{pipe}: error: a permission file is not a regular file (a pipe, device or socket)" in (
        done.stderr
    )


def test_separation_of_duties_pairs_system_rights(run_cli, tmp_path):
    path = tmp_path / "admin-reads-all.yaml"
    path.write_text(
        """\
id: admin-reads-all
version: "1.0"
name: Administrator reads everything
extends: core
roles:
  - id: administrator
    system_rights: [manage_users, customize_system, author_code, import_data, view_all_data]
""",
        encoding="utf-8",
    )
    code, out, _ = run_cli("check", path, "--format", "json")
    assert code == 1
    found = [
        (f["severity"], f["rule"], f["role"], f["object"], f["action"], f["cell"])
        for f in json.loads(out)["findings"]
        if f["role"] == "administrator"
    ]
    assert found == [
        ("error", "sod:sod_user_admin_vs_view_all_data", "administrator", None, "view_all_data", None),
        ("warning", "sys:sys_view_and_export_all", "administrator", None, "view_all_data", None),
    ]
    message = next(f["message"] for f in json.loads(out)["findings"] if f["rule"].startswith("sod:"))
    assert message.startswith(
        "administrator holds both the system right manage_users and the system right "
        "view_all_data: Whoever manages user accounts"
    )


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("{object: user, action: update, system_right: manage_users}", "not both"),
        ("{min_scope: own}", "a right needs object and action, or system_right"),
    ],
)
def test_a_rule_right_is_an_object_permission_or_a_system_right(run_cli, tmp_path, ref, expected):
    path = tmp_path / "sod.yaml"
    path.write_text(
        f"""\
id: sod
version: "1.0"
name: SoD
extends: core
governance:
  separation_of_duties:
    - id: sod_x
      description: x
      severity: error
      first: {ref}
      second: {{system_right: export_data}}
""",
        encoding="utf-8",
    )
    code, _, err = run_cli("validate", path)
    assert code == 2
    assert re.search(rf"^{re.escape(str(path))}:10:\d+: error: .*first.*{expected}", err, re.M), err
