"""The recertification plan from the design: reviewer, independence, cadence, rights; and the decisions
domain (change plan, narrowing the design)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.crm.audit_fixtures import MINI
from workbench.domain.drift import Limitation, TargetMatrix
from workbench.domain.matrix import permission_matrix
from workbench.domain.recertify import add_months, due_dates, recertification_task, review_plan
from workbench.domain.recertify_decisions import Decision, apply_changes, crm_steps, plan_changes
from workbench.domain.resolve import resolve
from workbench.loading.playbooks import load_playbook


def _pb(ref):
    loaded = load_playbook(str(ref))
    assert loaded.ok, loaded.problems
    return resolve(loaded.playbook, {})


def test_core_reviewer_is_accountable_of_recertification_task():
    pb = _pb("core")
    plan = review_plan(pb)
    assert (plan.reviewer, plan.task, plan.cadence_months, plan.window_days) == (
        "crm_manager",
        "post-08-access-recertification",
        6,
        5,
    )
    assert plan.notes == []
    reviewers = plan.by_reviewer()
    assert list(reviewers) == ["crm_manager", "director"]
    assert [r.role for r in reviewers["director"]] == ["crm_manager"]  # no self-certification
    assert "dep-14-access-roles" in reviewers["director"][0].note
    assert "crm_manager" not in [r.role for r in reviewers["crm_manager"]]
    assert plan.rights() == len(permission_matrix(pb).grants())


def test_financial_services_compliance_officer_quarterly():
    plan = review_plan(_pb("financial-services"))
    assert (plan.reviewer, plan.cadence_months) == ("compliance_officer", 3)
    own = next(r for r in plan.roles if r.role == "compliance_officer")
    assert own.reviewer != "compliance_officer" or not own.rights


@pytest.mark.parametrize("ref", ["b2b-sales", "b2c-retail-loyalty"])
def test_overlays_keep_the_core_reviewer(ref):
    plan = review_plan(_pb(ref))
    assert plan.reviewer == "crm_manager" and plan.task == "post-08-access-recertification"
    assert plan.rights() == len(permission_matrix(_pb(ref)).grants())


def test_fallback_without_task_is_reported():
    pb = _pb(MINI)
    assert recertification_task(pb) is None
    plan = review_plan(pb)
    assert plan.reviewer == "crm_manager" and plan.task is None and plan.window_days == 10
    assert any("falls back to crm_manager" in n for n in plan.notes)
    assert any("not a role of mini" in n for n in plan.notes)
    assert [(r.role, len(r.rights)) for r in plan.by_reviewer()["crm_manager"]] == [
        ("consultant", 2),
        ("specialist", 4),
    ]


def test_tag_wins_over_id():
    pb = _pb(MINI)
    phases = [
        p.model_copy(
            update={
                "tasks": [
                    t.model_copy(update={"tags": ["access-recertification"]}) if t.id == "golive" else t
                    for t in p.tasks
                ]
            }
        )
        for p in pb.phases
    ]
    plan = review_plan(pb.model_copy(update={"phases": phases}))
    assert (plan.task, plan.reviewer) == ("golive", "specialist")
    specialist = next(r for r in plan.roles if r.role == "specialist")
    assert specialist.reviewer == "specialist" and "self-review" in specialist.note


def test_months_clamp_and_due_dates():
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2024, 11, 30), 3) == date(2025, 2, 28)
    assert due_dates(date(2025, 1, 15), 6, 3) == [date(2025, 7, 15), date(2026, 1, 15), date(2026, 7, 15)]


def _d(role, obj, action, scope, decision, new=None, row=2):
    return Decision(role, obj, action, scope, decision, new, "", "rev", "c.xlsx", row, 6)


def test_change_plan_and_narrowed_design():
    pb = _pb(MINI)
    plan = plan_changes(
        pb,
        [
            _d("specialist", "lead", "read", "team", "change", "own"),
            _d("consultant", "settings", "update", "all", "revoke", row=3),
            _d("specialist", "lead", "create", "own", "keep", row=4),
            _d("specialist", "lead", "update", "own", None, row=5),
        ],
    )
    assert plan.problems == [] and plan.kept == 1 and len(plan.undecided) == 1
    assert [(c.decision, c.role, c.object, c.action, c.current, c.new, c.where) for c in plan.changes] == [
        ("change", "specialist", "lead", "read", "team", "own", "c.xlsx:2"),
        ("revoke", "consultant", "settings", "update", "all", "none", "c.xlsx:3"),
    ]
    after = apply_changes(pb, plan.changes).role_map()
    assert after["specialist"].permissions["lead"]["read"] == "own"
    assert "update" not in after["consultant"].permissions["settings"]
    assert pb.role_map()["specialist"].permissions["lead"]["read"] == "team"  # the input is untouched


def test_decision_problems_are_located():
    pb = _pb(MINI)
    plan = plan_changes(
        pb,
        [
            _d("specialist", "lead", "read", "team", "change", "all", row=7),
            _d("specialist", "lead", "read", "team", "change", None, row=8),
            _d("specialist", "lead", "delete", "own", "revoke", row=9),
            _d("specialist", "lead", "create", "team", "keep", row=10),
            _d("specialist", "lead", "update", "own", "maybe", row=11),
        ],
    )
    found = [(p.line, p.column, p.severity, p.code) for p in plan.problems]
    assert found == [
        (7, 6, "error", "decision"),
        (8, 6, "error", "decision"),
        (9, 6, "warning", "stale"),
        (10, 6, "warning", "stale"),
        (11, 6, "error", "decision"),
    ]
    assert "widen" in plan.problems[0].message and "c.xlsx:7:6" in str(plan.problems[0])


def test_conflicting_decisions_are_an_error():
    pb = _pb(MINI)
    plan = plan_changes(
        pb,
        [
            _d("specialist", "lead", "read", "team", "keep"),
            _d("specialist", "lead", "read", "team", "revoke", row=9),
        ],
    )
    assert len(plan.errors) == 1 and "conflicts" in plan.errors[0].message


def test_crm_steps_between_projections():
    before = TargetMatrix(
        "t", {("a", "lead", "read"): "team", ("a", "lead", "update"): "own", ("a", "lead", "create"): "own"}
    )
    after = TargetMatrix("t", {("a", "lead", "read"): "own", ("a", "lead", "create"): "own"})
    after.limitations.append(Limitation("a", "lead", "create", "none", "own", "update needs create here"))
    decided = [("a", "lead", "read"), ("a", "lead", "create"), ("a", "deal", "read")]
    steps = crm_steps(before, after, decided, lambda r: f"CRM_{r}", {"lead": "Lead"}.get)
    assert [(s.crm_role, s.crm_object, s.action, s.before, s.after, s.note) for s in steps] == [
        ("CRM_a", "Lead", "read", "team", "own", None),
        ("CRM_a", "Lead", "update", "own", "none", None),
        ("CRM_a", None, "read", "none", "none", "t does not hold this right: nothing to change there"),
        ("CRM_a", "Lead", "create", "own", "own", "update needs create here"),
    ]
    assert steps[2].object == "deal"
