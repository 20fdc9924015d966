"""Dynamics 365 export: scopes to depths, Append/AppendTo following update, organization-owned entities,
the limitations the projection reports, and the role XML read back with defusedxml."""

from __future__ import annotations

import pytest
from defusedxml import ElementTree

from tests.conftest import DATA
from workbench.crm_adapters.dynamics.model import (
    NO_PRIVILEGE,
    privilege_name,
    project,
    role_id,
    role_names,
    split_privilege,
    to_scope,
)
from workbench.crm_adapters.dynamics.writer import write
from workbench.domain.crm_targets import CrmMapping
from workbench.loading.playbooks import load_playbook

MINI_MAP = CrmMapping(objects={"lead": "lead", "settings": "new_setting"})


def mini():
    return load_playbook(DATA / "mini.yaml").playbook


def privileges(path) -> dict[str, str]:
    root = ElementTree.parse(path).getroot()
    assert root.tag == "Role" and root.find("RolePrivileges") is not None
    return {p.get("name"): p.get("level") for p in root.iter("RolePrivilege")}


def test_role_files_carry_depths_and_append_follows_update(tmp_path):
    paths = write(mini(), MINI_MAP, tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == [
        "Roles/CRM_consultant.xml",
        "Roles/CRM_specialist.xml",
    ]
    assert privileges(paths[1]) == {
        "prvCreateLead": "Basic",
        "prvReadLead": "Local",  # create own, read team
        "prvWriteLead": "Basic",
        "prvAppendLead": "Basic",
        "prvAppendToLead": "Basic",  # update own
        "prvReadnew_setting": "Global",
    }
    assert privileges(paths[0]) == {
        "prvReadnew_setting": "Global",
        "prvWritenew_setting": "Global",
        "prvAppendnew_setting": "Global",
        "prvAppendTonew_setting": "Global",
    }
    root = ElementTree.parse(paths[1]).getroot()
    assert root.get("name") == "CRM_specialist" and root.get("id") == role_id("CRM_specialist")
    names = [p.get("name") for p in root.iter("RolePrivilege")]
    assert names == sorted(names, key=str.lower)


def test_exports_are_byte_identical_with_stable_ids(tmp_path):
    pb = load_playbook("core").playbook
    first = {p.name: p.read_bytes() for p in write(pb, pb.crm_mappings["dynamics"], tmp_path / "a")}
    second = {p.name: p.read_bytes() for p in write(pb, pb.crm_mappings["dynamics"], tmp_path / "b")}
    assert first == second and len(first) == len(pb.roles)
    assert role_id("CRM_director") == role_id("CRM_director") != role_id("CRM_analyst")


def test_mini_projection_is_exact():
    matrix = project(mini(), MINI_MAP)
    assert matrix.limitations == []
    assert matrix.grants == {
        ("consultant", "settings", "read"): "all",
        ("consultant", "settings", "update"): "all",
        ("specialist", "lead", "create"): "own",
        ("specialist", "lead", "read"): "team",
        ("specialist", "lead", "update"): "own",
        ("specialist", "settings", "read"): "all",
    }


def test_organization_owned_entities_are_global_only():
    matrix = project(mini(), CrmMapping(objects={"lead": "product", "settings": "organization"}))
    assert matrix.grants[("specialist", "lead", "read")] == "all"
    limits = {(x.role, x.object, x.action): (x.wanted, x.expressed) for x in matrix.limitations}
    assert limits == {
        ("specialist", "lead", "create"): ("own", "all"),
        ("specialist", "lead", "read"): ("team", "all"),
        ("specialist", "lead", "update"): ("own", "all"),
    }
    assert all("organization-owned" in x.message for x in matrix.limitations)


def test_export_import_unmapped_and_overlays_are_limitations():
    pb = load_playbook("b2c-retail-loyalty").playbook
    matrix = project(pb, pb.crm_mappings["dynamics"])
    unmapped = {x.object for x in matrix.limitations if "no entry under crm_mappings.dynamics" in x.message}
    assert unmapped == {"loyalty_account", "loyalty_transaction"}
    no_privilege = {x.action for x in matrix.limitations if x.message in NO_PRIVILEGE.values()}
    assert no_privilege == {"export", "import"}
    assert not [c for c in matrix.grants if c[2] in ("export", "import")]


def test_privilege_names_and_levels():
    assert privilege_name("Read", "activitypointer") == "prvReadActivity"
    assert privilege_name("AppendTo", "systemuser") == "prvAppendToUser"
    assert privilege_name("Write", "new_loyalty") == "prvWritenew_loyalty"
    assert split_privilege("prvAppendToContact", {"contact"}) == ("AppendTo", "Contact")
    assert split_privilege("prvAppendTopic", {"topic"}) == ("Append", "Topic")  # not AppendTo + "pic"
    assert split_privilege("prvExportToExcel", set()) is None
    assert [to_scope(d) for d in ("Basic", "Local", "Deep", "Global", "None", "Org")] == [
        "own",
        "team",
        "all",
        "all",
        "none",
        None,
    ]


@pytest.mark.parametrize("mapped", [{"consultant": "CRM Team", "specialist": "crm team"}])
def test_role_names_stay_distinct(mapped, tmp_path):
    names = role_names(mini(), CrmMapping(roles=mapped))
    assert names == {"consultant": "CRM Team", "specialist": "crm team (specialist)"}
    assert len({p.name for p in write(mini(), CrmMapping(roles=mapped), tmp_path)}) == 2
