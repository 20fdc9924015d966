"""Governance findings, the CPM schedule and RFP scoring on the small test playbook."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from workbench.domain.governance import check_governance
from workbench.domain.plan import add_working_days, schedule
from workbench.domain.resolve import resolve
from workbench.domain.rfp import normalise_response, rank, score_vendor
from workbench.loading.playbooks import load_playbook

DATA = Path(__file__).parent.parent / "data"


@pytest.fixture
def mini():
    loaded = load_playbook(DATA / "mini.yaml")
    assert loaded.ok
    return loaded.playbook


def test_clean_mini_playbook_has_only_the_expected_findings(mini):
    findings = check_governance(mini)
    assert [(f.rule, f.role, f.severity) for f in findings] == [("no-job-profile", "consultant", "info")]


def test_least_privilege_and_dependency_findings_point_at_cells(mini):
    specialist = mini.role_map()["specialist"]
    specialist.permissions["settings"]["update"] = "team"
    specialist.permissions["lead"]["delete"] = "all"
    findings = {f.rule: f for f in check_governance(mini)}
    assert findings["lp:lp-settings"].cell == ("specialist", "settings", "update")
    assert findings["lp:lp-settings"].severity == "error"
    assert findings["dependency"].cell == ("specialist", "lead", "delete")
    assert "deleting needs editing" in findings["dependency"].message


def test_must_have_weight_over_60_percent_is_flagged(mini):
    for req in mini.requirements:
        req.priority = "must"
    assert any(f.rule == "moscow-balance" for f in check_governance(mini))


def test_working_days_skip_the_weekend():
    friday = date(2026, 11, 27)
    assert add_working_days(friday, 0) == friday
    assert add_working_days(friday, 1) == date(2026, 11, 30)
    assert add_working_days(date(2026, 11, 28), 0) == date(2026, 11, 30)  # Saturday start moves to Monday
    assert add_working_days(date(2026, 11, 26), 1, weekend=frozenset({4})) == date(
        2026, 11, 28
    )  # Iran: Fri off


def test_schedule_critical_path_and_slack(mini):
    plan = schedule(resolve(mini, {"modules": ["sales", "service"]}), date(2026, 11, 23))
    by_id = {t.id: t for t in plan.tasks}
    assert (by_id["select"].early_start, by_id["select"].early_finish) == (
        20,
        23,
    )  # waits for `hire` (20 days)
    assert by_id["rfp"].slack == 15 and not by_id["rfp"].critical
    assert [t.id for t in plan.critical_path()] == ["hire", "select", "service_setup", "golive"]
    assert plan.working_days == 28
    assert plan.finish == date(2026, 12, 30)


def test_later_phase_roots_wait_for_previous_gates(tmp_path, mini):
    pb = resolve(mini, {"modules": ["sales"], "has_specialist": True})
    plan = schedule(pb, date(2026, 11, 23))
    by_id = {t.id: t for t in plan.tasks}
    assert by_id["golive"].early_start == by_id["select"].early_finish


def test_vendor_scores_and_ranking(mini):
    reqs = resolve(mini, {"modules": ["sales", "service"], "business_model": "b2b"}).requirements
    strong = score_vendor("A", reqs, {"R1": "Fully supported", "R2": "configuration", "R3": "no"})
    weak = score_vendor("B", reqs, {"R1": "Roadmap", "R2": "Fully supported", "R3": "Fully supported"})
    odd = score_vendor("C", reqs, {"R1": "  FULLY   supported ", "R2": "maybe?"})
    assert strong.total == round(100 * (5 * 1 + 3 * 0.8 + 0) / 10, 1)
    assert strong.by_module == {"sales": round(100 * 5 / 7, 1), "service": 80.0}
    assert weak.musts_missed == ["R1"]
    assert odd.unreadable == ["R2"] and odd.unanswered == ["R2", "R3"]
    assert [s.vendor for s in rank([weak, odd, strong])] == ["A", "C", "B"]


@pytest.mark.parametrize(
    "raw, label",
    [("yes", "Fully supported"), ("Customization", "Customisation"), (None, None), ("", None), (3, None)],
)
def test_normalise_response(raw, label):
    assert normalise_response(raw) == label
