"""Odoo security files read back: ir.model.access.csv exact, record rules parsed as XML, the companion
report of what could not be mapped or was merged. The models come from the playbook's
`crm_mappings.odoo` (here the bundled core's defaults for the fixture's objects)."""

from __future__ import annotations

import csv

from defusedxml import ElementTree

from tests.writers.roles_fixtures import context, roles_data
from workbench.crm_adapters.odoo.deliverable import write
from workbench.crm_adapters.odoo.model import KNOWN, odoo_model
from workbench.loading.playbooks import load_playbook

HEADER = ["id", "name", "model_id:id", "group_id:id", "perm_read", "perm_write", "perm_create", "perm_unlink"]


ODOO = {"lead": "crm.lead", "deal": "crm.lead", "settings": "res.config.settings", "report": None}


def written(tmp_path):
    data = roles_data()
    data["crm_mappings"] = {"odoo": {"objects": ODOO}}
    paths = write(context(tmp_path, data), tmp_path / "out")
    assert [p.name for p in paths] == ["ir.model.access.csv", "record_rules.xml", "odoo-unmapped.txt"]
    return paths


def test_access_csv_exact(tmp_path):
    access, _, _ = written(tmp_path)
    text = access.read_text(encoding="utf-8")
    assert not text.startswith("\ufeff") and "#" not in text  # Odoo's loader wants a plain header
    rows = list(csv.reader(text.splitlines()))
    assert rows[0] == HEADER
    assert rows[1:] == [
        [
            "access_crm_lead_consultant",
            "crm.lead consultant",
            "crm.model_crm_lead",
            "group_crm_consultant",
            "1",
            "0",
            "0",
            "0",
        ],
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
        # lead (create own, read team, update own) and deal (read all, update team, delete own): the union
        [
            "access_crm_lead_specialist",
            "crm.lead specialist",
            "crm.model_crm_lead",
            "group_crm_specialist",
            "1",
            "1",
            "1",
            "1",
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
        [
            "access_crm_lead_agent",
            "crm.lead agent",
            "crm.model_crm_lead",
            "group_crm_agent",
            "1",
            "0",
            "0",
            "0",
        ],
    ]


def rules_by_id(path):
    root = ElementTree.parse(path).getroot()
    assert root.tag == "odoo"
    records = root.find("data").findall("record")
    out = {}
    for record in records:
        fields = {f.get("name"): f for f in record.findall("field")}
        out[record.get("id")] = (record.get("model"), fields)
    return out, [r.get("id") for r in records]


def test_groups_and_record_rules(tmp_path):
    _, rules, _ = written(tmp_path)
    records, order = rules_by_id(rules)
    assert order[:3] == ["group_crm_consultant", "group_crm_specialist", "group_crm_agent"]  # groups first
    model, fields = records["group_crm_specialist"]
    assert model == "res.groups" and fields["name"].text == "CRM: Specialist"

    def perms(rule_id):
        model, fields = records[rule_id]
        assert model == "ir.rule"
        return {
            name: fields[name].get("eval")
            for name in ("perm_read", "perm_write", "perm_create", "perm_unlink")
        }

    own, team, every = (f"rule_crm_lead_specialist_{s}" for s in ("own", "team", "all"))
    assert perms(own) == {
        "perm_read": "False",
        "perm_write": "False",
        "perm_create": "True",
        "perm_unlink": "True",
    }
    assert perms(team) == {
        "perm_read": "False",
        "perm_write": "True",
        "perm_create": "False",
        "perm_unlink": "False",
    }
    assert perms(every) == {
        "perm_read": "True",
        "perm_write": "False",
        "perm_create": "False",
        "perm_unlink": "False",
    }
    assert records[own][1]["domain_force"].text == "[('user_id', '=', user.id)]"
    assert (
        records[team][1]["domain_force"].text
        == "['|', ('user_id', '=', user.id), ('team_id', 'in', user.crm_team_ids.ids)]"
    )
    assert records[every][1]["domain_force"].text == "[(1, '=', 1)]"
    assert records[own][1]["model_id"].get("ref") == "crm.model_crm_lead"
    assert records[own][1]["groups"].get("eval") == "[(4, ref('group_crm_specialist'))]"
    assert "rule_crm_lead_agent_own" in records and "rule_crm_lead_agent_team" not in records


def test_companion_report(tmp_path):
    _, _, report = written(tmp_path)
    text = report.read_text(encoding="utf-8")
    sections = text.split("\n\n")
    assert (
        sections[0]
        == "Objects without an Odoo model (no lines in ir.model.access.csv):\n  report (Report | BI)"
    )
    assert "  specialist assign lead (team) on crm.lead: assigning is a write" in sections[1]
    assert (
        "  consultant export lead (all) on crm.lead: add the users to base.group_allow_export" in sections[1]
    )
    assert "  specialist perm_write on crm.lead: lead own, deal team -> team (the union)" in sections[2]
    assert "  specialist perm_read on crm.lead: lead team, deal all -> all (the union)" in sections[2]
    assert "#" not in text


def test_every_odoo_mapping_is_well_formed():
    for name, model in KNOWN.items():
        module, _, local = model.xmlid.partition(".")
        assert module and local == "model_" + name.replace(".", "_"), name
        assert model.domain("own").startswith("[(") and model.domain("team").startswith("['|', ")
    core = load_playbook("core").playbook.crm_mappings["odoo"].objects
    assert core["lead"] == core["deal"] == "crm.lead"
    assert core["contact"] == core["account"] == "res.partner"
    assert (core["quote"], core["case"], core["user"]) == ("sale.order", "helpdesk.ticket", "res.users")
    assert all(name is None or name in KNOWN for name in core.values())  # core's models have known modules
    assert odoo_model("x_loyalty.card").xmlid == "x_loyalty.model_x_loyalty_card"  # custom: module = prefix


def test_without_an_odoo_mapping_everything_is_reported_unmapped(tmp_path):
    paths = write(context(tmp_path), tmp_path / "out")
    assert paths[0].read_text(encoding="utf-8").splitlines() == [",".join(HEADER)]
    assert "  lead (Lead)" in paths[2].read_text(encoding="utf-8")
