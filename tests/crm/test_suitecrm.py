"""SuiteCRM export: `suitecrm_acl.csv` with exactly the columns role,module,action,value and SuiteCRM's
own values, the translation both ways (read -> view and list, update -> edit and massupdate, not set ->
the default) with its limitations. Round trips and unmapped objects: the contract suite
(test_adapter_contract.py)."""

from __future__ import annotations

import csv

from tests.conftest import DATA
from workbench.crm_adapters.suitecrm.model import ALLOWED, ORDER, module_scopes, module_values, project
from workbench.crm_adapters.suitecrm.writer import write
from workbench.domain.crm_targets import CrmMapping
from workbench.loading.playbooks import load_playbook

MINI_MAP = CrmMapping(objects={"lead": "Leads"})


def design(ref: str):
    pb = load_playbook(DATA / "mini.yaml" if ref == "mini" else ref).playbook
    return pb, MINI_MAP if ref == "mini" else pb.crm_mappings["suitecrm"]


def test_acl_csv_columns_and_values_exact(tmp_path):
    pb, mapping = design("mini")
    paths = write(pb, mapping, tmp_path)
    assert [p.name for p in paths] == ["suitecrm_acl.csv", "suitecrm-limitations.txt"]
    rows = list(csv.reader(paths[0].read_text(encoding="utf-8").splitlines()))
    assert rows[0] == ["role", "module", "action", "value"]
    assert rows[1:] == [["CRM_consultant", "Leads", a, v] for a, v in zip(ORDER, ["-98"] + ["-99"] * 7)] + [
        ["CRM_specialist", "Leads", a, v]
        for a, v in zip(ORDER, ["89", "80", "80", "75", "-99", "-99", "-99", "90"])
    ]
    report = paths[1].read_text(encoding="utf-8")
    assert "  lead create: own -> none: SuiteCRM has no create action" in report
    assert "  settings read: all -> none: settings has no SuiteCRM module" in report


def test_every_core_row_is_a_suitecrm_value(tmp_path):
    pb, mapping = design("core")
    write(pb, mapping, tmp_path)
    rows = list(csv.DictReader((tmp_path / "suitecrm_acl.csv").read_text(encoding="utf-8").splitlines()))
    modules = {v for v in mapping.objects.values() if v}
    admin_rows = [r for r in rows if r["action"] == "admin"]  # core maps manage_users onto Users.admin
    assert len(rows) - len(admin_rows) == len(pb.roles) * len(modules) * len(ORDER)
    assert {(r["role"], r["module"], r["value"]) for r in admin_rows if r["value"] != "1"} == {
        ("CRM_administrator", "Users", "99")
    }
    assert len(admin_rows) == len(pb.roles)
    for row in rows:
        assert int(row["value"]) in ALLOWED[row["action"]] and int(row["value"]) != 0, row


def test_translation_both_ways():
    values = module_values(
        {"create": "own", "read": "team", "update": "own", "import": "own", "export": "all"}
    )
    assert values == {
        "access": 89,
        "view": 80,
        "list": 80,
        "edit": 75,
        "delete": -99,
        "import": 90,
        "export": 90,
        "massupdate": 90,
    }
    assert module_scopes(values) == {"read": "team", "update": "own", "import": "all", "export": "all"}
    assert (
        module_values({"assign": "own"})["access"] == 89
        and module_scopes(module_values({"assign": "own"})) == {}
    )
    assert module_scopes({"access": -98, "view": 90}) == {}
    assert module_scopes({"view": 75, "list": 90}) == {
        "read": "all",
        "update": "all",
        "delete": "all",
        "import": "all",
        "export": "all",
    }  # not set -> all
    assert module_scopes(
        {"access": 89, "view": 0, "list": -99, "edit": -99, "delete": -99, "import": -99, "export": -99}
    ) == {"read": "all"}


def test_limitations_say_what_was_done_instead():
    pb, mapping = design("core")
    matrix = project(pb, mapping)
    assert {lim.action for lim in matrix.limitations if "no create action" in lim.message} == {"create"}
    assert {lim.expressed for lim in matrix.limitations if lim.action in ("create", "assign")} == {"none"}
    assert not any(action in ("create", "assign") for _, _, action in matrix.grants)
    imports = [lim for lim in matrix.limitations if "all or none" in lim.message]
    assert all(lim.action == "import" and lim.expressed == "all" for lim in imports)


def test_two_objects_on_one_module_take_the_union():
    pb, _ = design("mini")
    matrix = project(pb, CrmMapping(objects={"lead": "Leads", "settings": "Leads"}))
    assert matrix.grants[("specialist", "lead", "read")] == "all"  # settings: read all
    assert any(
        "share the SuiteCRM module Leads: the union (all)" in lim.message for lim in matrix.limitations
    )
