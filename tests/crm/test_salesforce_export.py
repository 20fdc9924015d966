"""Salesforce export: the flag rules (dependencies, Modify All, own vs team), the limitations the projection
reports, and the permission-set XML read back with defusedxml as Salesforce's own structure."""

from __future__ import annotations

from defusedxml import ElementTree

from tests.conftest import DATA
from workbench.crm_adapters.salesforce.model import (
    FLAGS,
    NAMESPACE,
    NO_OBJECT_PERMISSION,
    api_name,
    flags_for,
    project,
    set_names,
    to_scopes,
)
from workbench.crm_adapters.salesforce.writer import write
from workbench.domain.crm_targets import CrmMapping
from workbench.loading.playbooks import load_playbook

NS = {"sf": NAMESPACE}
MINI_MAP = CrmMapping(objects={"lead": "Lead", "settings": "Setting__c"})


def mini():
    return load_playbook(DATA / "mini.yaml").playbook


def on(flags: dict[str, bool]) -> set[str]:
    return {f for f, v in flags.items() if v}


def test_read_levels_and_view_all():
    assert on(flags_for({"read": "own"})[0]) == {"allowRead"}
    assert on(flags_for({"read": "team"})[0]) == {"allowRead"}
    assert on(flags_for({"read": "all"})[0]) == {"allowRead", "viewAllRecords"}
    assert to_scopes({"allowRead": True}) == {"read": "team"}  # own and team are one level
    assert to_scopes({"allowRead": True, "viewAllRecords": True}) == {"read": "all"}


def test_dependencies_are_added_and_reported():
    flags, notes = flags_for({"delete": "own"})  # delete without read or edit
    assert on(flags) == {"allowDelete", "allowEdit", "allowRead"}
    assert "Edit" in notes["update"] and "Read" in notes["read"]
    flags, notes = flags_for({"create": "own"})
    assert on(flags) == {"allowCreate", "allowRead"} and "allowCreate" in notes["read"]


def test_modify_all_only_when_update_and_delete_are_all():
    flags, notes = flags_for({"read": "team", "update": "all", "delete": "all"})
    assert on(flags) == {"allowRead", "allowEdit", "allowDelete", "viewAllRecords", "modifyAllRecords"}
    assert "View All" in notes["read"]  # read widened to all: Modify All needs View All
    assert to_scopes(flags) == {"read": "all", "update": "all", "delete": "all"}
    flags, notes = flags_for({"read": "all", "update": "all", "delete": "own"})
    assert not flags["modifyAllRecords"]  # never widen delete own to delete all
    assert to_scopes(flags)["update"] == "team" and "narrowed" in notes["update"]


def test_projection_limitations_on_mini():
    matrix = project(mini(), MINI_MAP)
    assert matrix.grants == {
        ("consultant", "settings", "read"): "all",
        ("consultant", "settings", "update"): "team",
        ("specialist", "lead", "create"): "team",
        ("specialist", "lead", "read"): "team",
        ("specialist", "lead", "update"): "team",
        ("specialist", "settings", "read"): "all",
    }
    limits = {(x.role, x.object, x.action): (x.wanted, x.expressed) for x in matrix.limitations}
    assert limits == {
        ("consultant", "settings", "update"): ("all", "team"),  # no Modify All without delete
        ("specialist", "lead", "create"): ("own", "team"),
        ("specialist", "lead", "update"): ("own", "team"),
    }


def test_unmapped_null_and_activity_objects_are_limitations():
    pb = load_playbook("core").playbook
    matrix = project(pb, CrmMapping(objects={**pb.crm_mappings["salesforce"].objects, "lead": None}))
    by_object = {x.object for x in matrix.limitations if x.expressed == "none" and "not written" in x.message}
    assert {"lead", "report", "dashboard", "activity"} <= by_object  # null, null, null, Task
    assert not [c for c in matrix.grants if c[1] in ("lead", "report", "activity")]
    actions = {x.action for x in matrix.limitations if x.message in NO_OBJECT_PERMISSION.values()}
    assert actions == {"assign", "export", "import"}


def test_permission_set_files_parse_as_metadata(tmp_path):
    paths = write(mini(), MINI_MAP, tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == [
        "permissionsets/CRM_consultant.permissionset-meta.xml",
        "permissionsets/CRM_specialist.permissionset-meta.xml",
    ]
    root = ElementTree.parse(paths[1]).getroot()
    assert root.tag == f"{{{NAMESPACE}}}PermissionSet"
    assert root.findtext("sf:label", namespaces=NS) == "Specialist"
    entries = {e.findtext("sf:object", namespaces=NS): e for e in root.findall("sf:objectPermissions", NS)}
    assert list(entries) == ["Lead", "Setting__c"]
    lead = {local.tag.split("}")[1]: local.text for local in entries["Lead"]}
    assert list(lead) == sorted(lead)  # Salesforce retrieves the flags in alphabetical order
    assert lead == {
        "allowCreate": "true",
        "allowDelete": "false",
        "allowEdit": "true",
        "allowRead": "true",
        "modifyAllRecords": "false",
        "object": "Lead",
        "viewAllRecords": "false",
    }
    setting = {flag: entries["Setting__c"].findtext(f"sf:{flag}", namespaces=NS) for flag in FLAGS}
    assert on({f: v == "true" for f, v in setting.items()}) == {"allowRead", "viewAllRecords"}
    assert paths[1].read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<PermissionSet xmlns=')


def test_a_role_without_rights_still_gets_a_set_and_exports_are_stable(tmp_path):
    pb = load_playbook("core").playbook
    first = {p.name: p.read_bytes() for p in write(pb, pb.crm_mappings["salesforce"], tmp_path / "a")}
    second = {p.name: p.read_bytes() for p in write(pb, pb.crm_mappings["salesforce"], tmp_path / "b")}
    assert first == second and len(first) == len(pb.roles)


def test_api_names_are_valid_and_unique():
    assert api_name("CRM_key-account.manager") == "CRM_key_account_manager"
    assert api_name("9 lives__x_") == "X9_lives_x"
    pb = mini()
    names = set_names(pb, CrmMapping(roles={"consultant": "CRM_Team", "specialist": "crm_team"}))
    assert names == {"consultant": "CRM_Team", "specialist": "crm_team_specialist"}
