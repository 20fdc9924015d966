"""RACI workload: an external role never Accountable for the client's decisions; part-time roles not asked
for more R/A work in a week than their share of time holds."""

from __future__ import annotations

import json
from datetime import date

import pytest

from workbench.domain.plan import plan_for
from workbench.domain.resolve import resolve
from workbench.domain.workload import CLIENT_DECISION, external_accountable, overload_findings, overloads
from workbench.loading.playbooks import load_playbook

BUNDLED = ("core", "b2b-sales", "b2c-retail-loyalty", "financial-services")


@pytest.mark.parametrize("playbook", BUNDLED)
def test_bundled_playbooks_pass_the_workload_check(run_cli, playbook):
    code, out, err = run_cli("check", playbook, "--format", "json")
    report = json.loads(out)
    rules = {f["rule"] for f in report["findings"]}
    assert code == 0, out + err
    assert "external-accountable" not in rules and "raci-overload" not in rules


@pytest.mark.parametrize("playbook", BUNDLED)
def test_client_decisions_are_tagged_and_owned_inside(playbook):
    pb = load_playbook(playbook).playbook
    external = {r.id for r in pb.roles if r.external}
    decisions = [t for _, t in pb.tasks() if CLIENT_DECISION in t.tags]
    ids = {t.id for t in decisions}
    assert {"pre-07-requirements-rfp", "pre-08-segmentation", "dep-19-go-live-readiness"} <= ids
    assert [t.id for t in decisions if t.accountable in external] == []
    assert external == {"crm_consultant", "vendor_expert"}


def test_core_consultant_is_accountable_for_far_fewer_tasks():
    pb = load_playbook("core").playbook
    accountable = [t.id for _, t in pb.tasks() if t.accountable == "crm_consultant"]
    assert len(accountable) <= 14 and "pre-07-requirements-rfp" not in accountable
    assert pb.task_map()["pre-07-requirements-rfp"].raci["crm_consultant"] == "R"


def _overlay(tmp_path, body: str):
    path = tmp_path / "consultant-owns-rfp.yaml"
    path.write_text(
        "id: consultant-owns-rfp\nversion: '1.0'\nname: Consultant owns the RFP\nextends: core\n" + body,
        encoding="utf-8",
    )
    return path


def test_consultant_accountable_for_the_rfp_fails_the_check(run_cli, tmp_path):
    overlay = _overlay(
        tmp_path,
        "phases:\n  - id: pre_deployment\n    tasks:\n"
        "      - id: pre-07-requirements-rfp\n"
        "        raci: {crm_consultant: A, director: C}\n",
    )
    code, out, _ = run_cli("check", overlay)
    assert code == 1
    line = next(x for x in out.splitlines() if "external-accountable" in x)
    assert line.startswith("error") and "crm_consultant pre-07-requirements-rfp:" in line
    assert "pre-07-requirements-rfp is the client's own decision" in line and "crm_consultant" in line
    assert external_accountable(load_playbook(str(overlay)).playbook)[0].task == "pre-07-requirements-rfp"


def _specialist_answers(share: int) -> dict:
    return {"has_crm_specialist": True, "specialist_time_share": share}


def test_part_time_specialist_accountable_for_parallel_work_is_flagged(tmp_path):
    # the specialist made Accountable for the integration plan, which runs beside its own R work
    overlay = _overlay(
        tmp_path,
        "phases:\n  - id: pre_deployment\n    tasks:\n"
        "      - id: pre-12-integration-plan\n"
        "        raci: {crm_consultant: R, crm_specialist: A, it_manager: R}\n"
        "        owner: it_manager\n"
        "      - id: pre-08-segmentation\n"
        "        raci: {crm_specialist: A, director: C, crm_consultant: R}\n"
        "        owner: crm_consultant\n",
    )
    loaded = load_playbook(str(overlay))
    assert loaded.ok, loaded.problems
    answers = _specialist_answers(50)
    pb = resolve(loaded.playbook, answers)
    plan = plan_for(pb, answers, date(2026, 1, 5))
    assert plan.availability == {"crm_specialist": 0.5}
    found = overloads(pb, plan)
    assert [o.role for o in found] == ["crm_specialist"] and found[0].peak > 0.5 and found[0].weeks >= 1
    message = overload_findings(pb, plan)[0].message
    assert message.startswith("crm_specialist gives the rollout 50% of its time")


def test_levelled_specialist_without_accountable_work_is_not_flagged():
    pb_full = load_playbook("core").playbook
    answers = _specialist_answers(50)
    pb = resolve(pb_full, answers)
    plan = plan_for(pb, answers, date(2026, 1, 5))
    assert plan.availability == {"crm_specialist": 0.5} and plan.levelled["crm_specialist"]
    assert overloads(pb, plan) == []
