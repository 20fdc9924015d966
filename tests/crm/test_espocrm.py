"""EspoCRM export: Role records in EspoCRM's own JSON shape (keys, levels), the translation both ways
(create yes, stream follows read, exportPermission, the User/Role/Import rules, the union) with its
limitations. Round trips and unmapped objects: the contract suite (test_adapter_contract.py)."""

from __future__ import annotations

import json

from tests.conftest import DATA
from workbench.crm_adapters.espocrm.model import RULES, EntityRule, entity_scopes, entity_value, project
from workbench.crm_adapters.espocrm.writer import write
from workbench.domain.crm_targets import CrmMapping
from workbench.loading.playbooks import load_playbook

MINI_MAP = CrmMapping(objects={"lead": "Lead", "settings": None})
OVERLAY_OBJECTS = {
    "b2b-sales": {"contract"},
    "b2c-retail-loyalty": {"loyalty_account", "loyalty_transaction"},
    "financial-services": set(),
}
LEVELS = {"all", "team", "own", "no"}


def design(ref: str):
    pb = load_playbook(DATA / "mini.yaml" if ref == "mini" else ref).playbook
    return pb, MINI_MAP if ref == "mini" else pb.crm_mappings["espocrm"]


def test_roles_json_in_espocrms_shape(tmp_path):
    pb, mapping = design("mini")
    paths = write(pb, mapping, tmp_path)
    assert [p.name for p in paths] == ["roles.json", "espocrm-limitations.txt"]
    roles = json.loads(paths[0].read_text(encoding="utf-8"))
    assert roles == [
        {
            "name": "CRM_consultant",
            "data": {"Lead": False},
            "fieldData": {},
            "exportPermission": "no",
            "massUpdatePermission": "no",
        },
        {
            "name": "CRM_specialist",
            "data": {
                "Lead": {"create": "yes", "read": "team", "edit": "own", "delete": "no", "stream": "team"}
            },
            "fieldData": {},
            "exportPermission": "no",
            "massUpdatePermission": "yes",
        },
    ]
    report = paths[1].read_text(encoding="utf-8")
    assert "  settings read: all -> none: settings has no EspoCRM entity" in report


def test_every_core_role_is_well_formed(tmp_path):
    pb, mapping = design("core")
    write(pb, mapping, tmp_path)
    roles = json.loads((tmp_path / "roles.json").read_text(encoding="utf-8"))
    assert len(roles) == len(pb.roles) and "CRM_crm_manager" in {role["name"] for role in roles}
    for role in roles:
        assert set(role) == {
            "name",
            "data",
            "fieldData",
            "exportPermission",
            "massUpdatePermission",
            "assignmentPermission",
        }  # the last one: core maps assign_records onto it
        assert role["exportPermission"] in ("yes", "no") and role["massUpdatePermission"] in ("yes", "no")
        assert role["assignmentPermission"] == ("all" if role["name"] == "CRM_crm_manager" else "no")
        assert role["data"]["Role"] is False  # only administrators manage roles
        assert isinstance(role["data"]["Import"], bool)
        for entity, value in role["data"].items():
            if isinstance(value, dict):
                allowed = RULES.get(entity, EntityRule()).actions
                assert set(value) == set(allowed), entity
                assert value.get("create", "no") in ("yes", "no")
                assert {v for k, v in value.items() if k != "create"} <= LEVELS
                assert value.get("stream", value["read"]) == value["read"]  # stream follows read


def test_translation_both_ways():
    record = EntityRule()
    value = entity_value({"create": "team", "read": "all", "update": "own", "delete": "none"}, record)
    assert value == {"create": "yes", "read": "all", "edit": "own", "delete": "no", "stream": "all"}
    assert entity_scopes(value, False, record) == ({"create": "own", "read": "all", "update": "own"}, [])
    assert entity_scopes(value, True, record)[0]["export"] == "all"  # an export reaches what the role reads
    assert entity_scopes({"read": "own", "stream": "team"}, False, record)[0] == {"read": "team"}
    assert entity_scopes({"read": "lots", "edit": "own", "approve": "yes"}, False, record) == (
        {"update": "own"},
        ["read", "approve"],
    )
    user = RULES["User"]
    assert entity_value({"read": "all", "update": "all", "create": "all"}, user) == {
        "read": "all",
        "edit": "own",
    }
    assert entity_value({"read": "all"}, RULES["Role"]) is False
    assert entity_value({"read": "own"}, RULES["Import"]) is True
    assert entity_scopes(True, True, RULES["Import"])[0] == {
        a: "all" for a in ("create", "read", "update", "delete")
    }
    assert entity_scopes("on", False, record) == ({}, [""])


def test_limitations_say_what_was_done_instead():
    pb, mapping = design("core")
    matrix = project(pb, mapping)
    create = [
        lim for lim in matrix.limitations if lim.action == "create" and lim.message.startswith("create is")
    ]
    assert create and all(lim.expressed == "own" and lim.wanted in ("team", "all") for lim in create)
    exports = [
        lim for lim in matrix.limitations if lim.action == "export" and "exportPermission" in lim.message
    ]
    assert exports and all(
        matrix.grants.get((lim.role, lim.object, "read"), "none") == lim.expressed for lim in exports
    )
    assert {lim.expressed for lim in matrix.limitations if lim.action in ("assign", "import")} == {"none"}
    user = [lim for lim in matrix.limitations if lim.object == "user" and lim.action == "update"]
    assert user and all(lim.expressed == "own" and "on User EspoCRM has only" in lim.message for lim in user)
    roles = [lim for lim in matrix.limitations if lim.object == "security_role"]
    assert roles and all(lim.expressed == "none" and "administrators" in lim.message for lim in roles)


def test_two_objects_on_one_entity_take_the_union():
    pb, _ = design("mini")
    mapping = CrmMapping(objects={"lead": "Lead", "settings": "Lead"})
    matrix = project(pb, mapping)
    assert matrix.grants[("consultant", "lead", "update")] == "all"  # from settings: update all
    assert any(
        "share the EspoCRM entity Lead" in lim.message and lim.object == "lead" and lim.action == "update"
        for lim in matrix.limitations
    )
