"""Must share against size: `crmwb check` warns when a small firm keeps more Must-haves than its budget and
months to go-live can buy, and stays quiet for a large budget, a larger firm or an unanswered budget."""

from __future__ import annotations

import json

import pytest
import yaml

from tests.playbooks.test_size_tailoring import FORTY_PEOPLE, bundled
from workbench.domain.must_capacity import MONTHS_WHEN_UNANSWERED, MUSTS_PER_MONTH, must_capacity
from workbench.domain.resolve import resolve


def check_json(tmp_path, run_cli, answers: dict) -> list[dict]:
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump({"answers": answers}), encoding="utf-8")
    code, out, _err = run_cli("check", "core", "--answers", path, "--format", "json")
    assert code in (0, 1)
    return [f for f in json.loads(out)["findings"] if f["rule"] == "must-capacity"]


def test_capacity_follows_the_documented_table():
    assert must_capacity({"company_size": "small", "crm_budget": "tight", "target_go_live_months": 6}) == 24
    assert (
        must_capacity({"company_size": "small", "crm_budget": "generous", "target_go_live_months": 9}) == 108
    )
    assert must_capacity({"company_size": "small", "crm_budget": "moderate"}) == 8 * MONTHS_WHEN_UNANSWERED
    assert must_capacity({"company_size": "large", "crm_budget": "tight"}) is None
    assert must_capacity({"company_size": "small"}) is None
    assert set(MUSTS_PER_MONTH) == {o.id for o in bundled("core").question_map()["crm_budget"].options}


def test_the_warning_fires_for_a_small_budget_and_not_for_a_large_one(tmp_path, run_cli):
    answers = {**FORTY_PEOPLE, "target_go_live_months": 6}
    musts = sum(r.priority == "must" for r in resolve(bundled("core"), answers).requirements)
    assert musts > 4 * 6 and musts <= 12 * 6  # the firm's Musts sit between the two budgets' capacities
    (tight,) = check_json(tmp_path, run_cli, {**answers, "crm_budget": "tight"})
    assert tight["severity"] == "warning" and f"{musts} Must-have" in tight["message"]
    assert "about 24" in tight["message"]
    assert check_json(tmp_path, run_cli, {**answers, "crm_budget": "generous"}) == []
    assert check_json(tmp_path, run_cli, {**answers, "crm_budget": "tight", "company_size": "large"}) == []
    assert check_json(tmp_path, run_cli, answers) == []


@pytest.mark.parametrize(("lang", "words"), [("fa", "بودجه و زمانش"), ("ru", "для небольшой компании")])
def test_the_warning_speaks_the_interface_language(tmp_path, run_cli, monkeypatch, lang, words):
    monkeypatch.setenv("CRMWB_LANG", lang)
    (finding,) = check_json(tmp_path, run_cli, {**FORTY_PEOPLE, "crm_budget": "tight"})
    assert words in finding["message"] and "Must" not in finding["message"]
    assert finding["fix"] and "budget" not in finding["fix"]


def test_the_workbench_shows_the_warning_with_the_governance_findings(tmp_path, run_cli):
    """The TUI's findings list (app.session) carries it too, from the engagement's own answers."""
    from workbench.app.engagements import open_session

    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump({"answers": {**FORTY_PEOPLE, "crm_budget": "tight"}}), encoding="utf-8")
    folder = tmp_path / "forty"
    code, _out, err = run_cli("new", folder, "--playbook", "core", "--answers", path, "--start", "2026-03-02")
    assert code == 0, err
    session = open_session(folder, "ana")
    try:
        rules = [f.rule for f in session.findings()]
    finally:
        session.close()
    assert rules.count("must-capacity") == 1
