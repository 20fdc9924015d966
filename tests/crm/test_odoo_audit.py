"""Odoo audit: seeded drift (a widened scope, an extra group, a missing right, an unknown model) found
exactly; a live export in Odoo's import-compatible CSV with module-qualified ids, a standard group, a
group-less line and rules this tool does not write reads as expected; hostile and broken inputs (XXE, billion
laughs, truncated, wrong encoding, bad values) become located problems, never a traceback; export then read
back on every bundled playbook and the command's exit codes are the contract suite's
(test_adapter_contract.py)."""

from __future__ import annotations

import pytest

from tests.conftest import DATA
from tests.crm.test_odoo import MINI_MAP, design
from workbench.crm_adapters.odoo.model import project
from workbench.crm_adapters.odoo.reader import read
from workbench.crm_adapters.odoo.writer import write
from workbench.domain.drift import compare

ODOO = DATA / "crm" / "odoo"


def drifts(pb, path):
    live, problems = read(path, pb, MINI_MAP)
    assert [p for p in problems if p.severity == "error"] == []
    return {
        (d.kind, d.severity, d.role, d.object, d.action, d.design, d.live)
        for d in compare(project(pb, MINI_MAP), live)
    }


def replace(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_seeded_drift_is_found_exactly(tmp_path):
    pb, _ = design("mini")
    write(pb, MINI_MAP, tmp_path)
    access, rules = tmp_path / "ir.model.access.csv", tmp_path / "record_rules.xml"
    # widened: the specialist's team rule on leads now matches every lead
    replace(
        rules, "['|', ('user_id', '=', user.id), ('team_id', 'in', user.crm_team_ids.ids)]", "[(1, '=', 1)]"
    )
    # missing: the consultant can no longer write settings
    replace(access, "group_crm_consultant,1,1,0,0", "group_crm_consultant,1,0,0,0")
    with access.open("a", encoding="utf-8") as out:
        out.write(
            "access_crm_lead_intruder,crm.lead intruder,crm.model_crm_lead,crm_roles.group_intruder,1,1,1,1\n"
        )
        out.write(
            "access_sale_order_specialist,sale.order specialist,sale.model_sale_order,group_crm_specialist,"
            "1,0,0,0\n"
        )
    assert drifts(pb, tmp_path) == {
        ("wider", "error", "specialist", "lead", "read", "team", "all"),
        ("missing", "warning", "consultant", "settings", "update", "all", "none"),
        ("unknown-role", "error", "crm_roles.group_intruder", None, None, None, None),
        ("unknown-object", "error", "group_crm_specialist", "model_sale_order", None, None, None),
    }


def test_a_dropped_rule_widens_and_a_dropped_group_is_missing(tmp_path):
    pb, _ = design("mini")
    write(pb, MINI_MAP, tmp_path)
    replace(
        tmp_path / "record_rules.xml",
        '<record id="rule_crm_lead_specialist_own" model="ir.rule">',
        '<record id="rule_crm_lead_specialist_own" model="ir.rule"><field name="active" eval="False"/>',
    )
    assert drifts(pb, tmp_path) == {
        ("wider", "error", "specialist", "lead", a, "own", "all") for a in ("create", "update")
    }
    (tmp_path / "record_rules.xml").unlink()
    access = tmp_path / "ir.model.access.csv"
    access.write_text(
        "\n".join(line for line in access.read_text().splitlines() if "consultant" not in line) + "\n"
    )
    found = drifts(pb, tmp_path)
    assert ("missing-role", "warning", "consultant", None, None, None, None) in found
    assert ("wider", "error", "specialist", "lead", "read", "team", "all") in found  # no rules: all


def test_a_live_export_reads_as_designed(tmp_path):
    pb, _ = design("mini")
    live, problems = read(ODOO / "live", pb, MINI_MAP)
    assert [(p.severity, p.code, p.line) for p in problems] == [("warning", "global-rule", 28)]
    assert live.unknown_roles == ["sales_team.group_sale_salesman"]  # account.move is outside the design
    assert compare(project(pb, MINI_MAP), live)[0].kind == "unknown-role"
    assert len(compare(project(pb, MINI_MAP), live)) == 1


def test_a_rule_this_tool_does_not_write_reads_as_all_with_a_warning(tmp_path):
    pb, _ = design("mini")
    write(pb, MINI_MAP, tmp_path)
    replace(
        tmp_path / "record_rules.xml",
        "[('user_id', '=', user.id)]</field>",
        "[('stage_id.is_won', '=', True)]</field>",
    )
    live, problems = read(tmp_path, pb, MINI_MAP)
    assert [(p.severity, p.code) for p in problems] == [("warning", "domain")]
    assert problems[0].line is not None and "stage_id.is_won" in problems[0].message
    assert live.grants[("specialist", "lead", "update")] == "all"


@pytest.mark.parametrize("folder", ["xxe", "billion_laughs"])
def test_entities_are_refused_with_a_location(folder):
    pb, _ = design("mini")
    _, problems = read(ODOO / folder, pb, MINI_MAP)
    refused = [p for p in problems if p.code == "xml-forbidden"]
    assert len(refused) == 1 and refused[0].file.endswith("record_rules.xml")
    assert refused[0].line is not None and refused[0].line <= 4
    assert "root:" not in str(problems)  # nothing of /etc/passwd made it into a message


def test_truncated_and_mis_encoded_files_are_located(tmp_path):
    pb, _ = design("mini")
    write(pb, MINI_MAP, tmp_path)
    rules, access = tmp_path / "record_rules.xml", tmp_path / "ir.model.access.csv"
    rules.write_bytes(rules.read_bytes()[:400])
    text = access.read_text(encoding="utf-8")
    access.write_bytes(
        text[: len(text) - 12].encode()
        + b"\n"
        + "access_x,Pr\u00e9vente,crm.model_crm_lead,group_crm_specialist,1,0,0,0\n".encode("latin-1")
    )
    _, problems = read(tmp_path, pb, MINI_MAP)
    assert [(p.code, p.file.rsplit("/", 1)[-1]) for p in problems] == [
        ("encoding", "ir.model.access.csv"),
        ("xml-syntax", "record_rules.xml"),
    ]
    assert (problems[0].line, problems[0].column) == (5, 12)
    assert problems[1].line is not None and "truncated" in problems[1].message
    access.write_text(text[: len(text) - 12], encoding="utf-8")
    _, problems = read(tmp_path / "ir.model.access.csv", pb, MINI_MAP)
    assert [(p.code, p.line) for p in problems] == [("truncated", 4)]
    write(pb, MINI_MAP, tmp_path)
    rules.write_bytes(rules.read_bytes().replace(b"CRM: Specialist", "CRM: Spécialiste".encode("latin-1")))
    _, problems = read(tmp_path, pb, MINI_MAP)
    assert [(p.code, p.line) for p in problems] == [("encoding", 9)] and "not in the encoding" in problems[
        0
    ].message


def test_bad_headers_and_values_are_located(tmp_path):
    pb, _ = design("mini")
    bad = tmp_path / "ir.model.access.csv"
    bad.write_text("id,name,model_id:id,perm_read\nx,y,crm.model_crm_lead,1\n", encoding="utf-8")
    _, problems = read(bad, pb, MINI_MAP)
    assert [(p.code, p.line) for p in problems] == [("header", 1)] and "group_id:id" in problems[0].message
    bad.write_text(
        "id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink\n"
        "x,y,crm.model_crm_lead,group_crm_specialist,yes,0,0,0\n",
        encoding="utf-8",
    )
    _, problems = read(bad, pb, MINI_MAP)
    assert [(p.code, p.line, p.column) for p in problems] == [("value", 2, 45)]
    bad.write_bytes(b"")
    assert [p.code for p in read(bad, pb, MINI_MAP)[1]] == ["empty"]
    assert [p.code for p in read(tmp_path / "nowhere", pb, MINI_MAP)[1]] == ["io"]
