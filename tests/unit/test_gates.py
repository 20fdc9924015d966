"""Gate reviews that mean something: a few per phase, each with a checklist naming who signs."""

from __future__ import annotations

import pytest

from workbench.domain.phases import Task
from workbench.loading.playbooks import load_playbook

BUNDLED = ("core", "b2b-sales", "b2c-retail-loyalty", "financial-services")


@pytest.mark.parametrize("playbook", BUNDLED)
def test_a_phase_has_at_most_three_gate_reviews(playbook):
    pb = load_playbook(playbook).playbook
    gates = {phase.id: [t.id for t in phase.tasks if t.gate] for phase in pb.phases}
    assert all(1 <= len(ids) <= 3 for ids in gates.values()), gates
    assert "pre-17-requirements-signoff" in gates["pre_deployment"]
    assert "dep-19-go-live-readiness" in gates["deployment"]
    assert gates["post_deployment"] == ["post-11-implementation-review"]


def test_ordinary_tasks_are_not_gates_by_default():
    task = Task.model_validate({"id": "t", "name": "T", "owner": "r", "raci": {"r": "A"}, "duration_days": 1})
    assert task.gate is False


def test_go_live_review_scores_the_criteria_and_names_who_signs():
    pb = load_playbook("core").playbook
    review = pb.task_map()["dep-19-go-live-readiness"]
    lines = [str(item) for item in review.checklist]
    for criterion in (
        "Must requirement accepted",
        "severity-1 or severity-2",
        "reconciled",
        "trained",
        "Support ready",
    ):
        assert any(criterion in line for line in lines), criterion
    assert all("(signs: " in line for line in lines)
    for item in review.checklist:
        assert "امضا" in item["fa"] and "подпис" in item["ru"]
    assert pb.task_map()["dep-18-go-live"].depends_on == ["dep-19-go-live-readiness"]


@pytest.mark.parametrize("playbook", BUNDLED)
def test_hypercare_window_follows_go_live(playbook):
    pb = load_playbook(playbook).playbook
    hypercare = pb.task_map()["dep-20-hypercare"]
    assert hypercare.depends_on == ["dep-18-go-live"] and not hypercare.gate and hypercare.duration_days >= 10
