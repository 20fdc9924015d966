"""Odoo export: files in Odoo's own structure (CSV columns exact, rules XML parsed), the projection's
limitations (merged models, rights without an ACL column). Round trips and unmapped objects: the contract
suite (test_adapter_contract.py)."""

from __future__ import annotations

import csv

from defusedxml import ElementTree

from tests.conftest import DATA
from workbench.crm_adapters.odoo.model import HEADER, UNCARRIED, group_id, odoo_model, project, scope_of
from workbench.crm_adapters.odoo.reader import read
from workbench.crm_adapters.odoo.writer import write
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.drift import compare
from workbench.loading.playbooks import load_playbook

MINI_MAP = CrmMapping(objects={"lead": "crm.lead", "settings": "res.config.settings"})


def design(ref: str):
    pb = load_playbook(DATA / "mini.yaml" if ref == "mini" else ref).playbook
    return pb, MINI_MAP if ref == "mini" else pb.crm_mappings["odoo"]


def test_access_csv_and_rules_in_odoos_structure(tmp_path):
    pb, mapping = design("mini")
    paths = write(pb, mapping, tmp_path)
    assert [p.name for p in paths] == ["ir.model.access.csv", "record_rules.xml", "odoo-unmapped.txt"]
    rows = list(csv.reader(paths[0].read_text(encoding="utf-8").splitlines()))
    assert rows == [
        list(HEADER),
        [
            "access_res_config_settings_consultant",
            "res.config.settings consultant",
            "base.model_res_config_settings",
            "group_crm_consultant",
            "1",
            "1",
            "0",
            "0",
        ],
        [
            "access_crm_lead_specialist",
            "crm.lead specialist",
            "crm.model_crm_lead",
            "group_crm_specialist",
            "1",
            "1",
            "1",
            "0",
        ],
        [
            "access_res_config_settings_specialist",
            "res.config.settings specialist",
            "base.model_res_config_settings",
            "group_crm_specialist",
            "1",
            "0",
            "0",
            "0",
        ],
    ]
    root = ElementTree.parse(paths[1]).getroot()
    records = {r.get("id"): r for r in root.iter("record")}
    assert [r.get("model") for r in root.iter("record")][:2] == ["res.groups", "res.groups"]
    team = {f.get("name"): f for f in records["rule_crm_lead_specialist_team"].iter("field")}
    assert (
        team["domain_force"].text
        == "['|', ('user_id', '=', user.id), ('team_id', 'in', user.crm_team_ids.ids)]"
    )
    assert team["perm_read"].get("eval") == "True" and team["perm_write"].get("eval") == "False"
    own = {f.get("name"): f for f in records["rule_crm_lead_specialist_own"].iter("field")}
    assert own["domain_force"].text == "[('user_id', '=', user.id)]"
    assert (own["perm_write"].get("eval"), own["perm_create"].get("eval")) == ("True", "True")
    every = {f.get("name"): f for f in records["rule_res_config_settings_consultant_all"].iter("field")}
    assert (
        every["domain_force"].text == "[(1, '=', 1)]"
        and every["model_id"].get("ref") == "base.model_res_config_settings"
    )


def test_group_ids_follow_the_mapping():
    assert group_id(CrmMapping(), "sales_manager") == "group_crm_sales_manager"
    assert group_id(CrmMapping(role_prefix="crm_roles_"), "sales_manager") == "crm_roles_sales_manager"
    assert (
        group_id(CrmMapping(roles={"sales_manager": "acme.group_sales-mgr"}), "sales_manager")
        == "group_sales_mgr"
    )


def test_domains_are_recognised_back():
    lead = odoo_model("crm.lead")
    for scope in ("own", "team", "all"):
        assert scope_of(lead, lead.domain(scope)) == scope
    assert scope_of(lead, '[ ("user_id","=",user.id) ]') == "own"
    assert scope_of(lead, "[]") == "all" and scope_of(lead, None) == "all"
    assert scope_of(lead, "[('stage_id.is_won', '=', True)]") is None
    custom = odoo_model("x_loyalty.card")
    assert (
        custom.xmlid == "x_loyalty.model_x_loyalty_card"
        and custom.domain("own") == "[('create_uid', '=', user.id)]"
    )


def test_shared_models_take_the_union_and_say_so():
    pb, mapping = design("core")
    matrix = project(pb, mapping)
    merged = [lim for lim in matrix.limitations if "share the Odoo model" in lim.message]
    assert merged and all(lim.object in {"lead", "deal", "contact", "account"} for lim in merged)
    for lim in merged:  # the union is never narrower than the design
        assert matrix.grants[(lim.role, lim.object, lim.action)] == lim.expressed
    uncarried = {lim.action for lim in matrix.limitations if lim.message in UNCARRIED.values()}
    assert uncarried == {"assign", "export", "import"}


def test_an_empty_mapping_exports_nothing_and_reads_back_clean(tmp_path):
    pb, _ = design("mini")
    write(pb, CrmMapping(), tmp_path)
    live, problems = read(tmp_path, pb, CrmMapping())
    assert problems == [] and compare(project(pb, CrmMapping()), live) == []
    assert {lim.object for lim in project(pb, CrmMapping()).limitations} == {"lead", "settings"}
