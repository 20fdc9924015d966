"""The bundled playbooks are the product's knowledge: load each with several answer sets and check that
the content a consultant relies on is there, and that answers add and drop the right items."""

from __future__ import annotations

import pytest
import yaml

from workbench.domain.governance import check_governance
from workbench.domain.resolve import resolve
from workbench.domain.text import LANGUAGES
from workbench.loading.answers import load_answers
from workbench.loading.catalog import bundled_dir, discover
from workbench.loading.playbooks import load_playbook

BUNDLED = [e.id for e in discover() if e.origin == "bundled"]
EXAMPLES = sorted((bundled_dir() / "examples").glob("*.answers.yaml"))
MINIMAL = {
    "business_model": "b2c",
    "company_size": "small",
    "industry": "other",
    "modules": ["sales"],
    "has_crm_specialist": False,
    "customer_data_state": "none",
}
ANSWER_SETS = {
    "none": {},
    "minimal": MINIMAL,
    **{p.name.split(".")[0]: yaml.safe_load(p.read_text(encoding="utf-8"))["answers"] for p in EXAMPLES},
}


@pytest.fixture(scope="module")
def core():
    loaded = load_playbook("core")
    assert loaded.ok and not loaded.problems, [str(p) for p in loaded.problems]
    return loaded.playbook


@pytest.mark.parametrize("playbook_id", BUNDLED)
def test_bundled_playbook_loads_clean(playbook_id):
    loaded = load_playbook(playbook_id)
    assert loaded.ok, [str(p) for p in loaded.problems]
    assert not loaded.problems


@pytest.mark.parametrize("answers_name", sorted(ANSWER_SETS))
@pytest.mark.parametrize("playbook_id", BUNDLED)
def test_every_playbook_resolves_with_every_answer_set_and_stays_governed(playbook_id, answers_name):
    pb = load_playbook(playbook_id).playbook
    resolved = resolve(pb, ANSWER_SETS[answers_name])
    assert sum(1 for _ in resolved.tasks()) >= 25
    assert len(resolved.requirements) >= 60
    tasks = resolved.task_map()
    for task in tasks.values():
        assert all(dep in tasks for dep in task.depends_on), task.id
    errors = [f for f in check_governance(resolved) if f.severity == "error"]
    assert not errors, [f.message for f in errors]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_example_answers_are_valid_for_their_playbook(example):
    target = yaml.safe_load(example.read_text(encoding="utf-8"))["playbook"]
    loaded = load_playbook(target if target in BUNDLED else "core")
    answers = load_answers(example, loaded.playbook)
    assert not answers.problems, [str(p) for p in answers.problems]
    assert answers.client


def test_core_carries_the_method(core):
    assert len(core.requirements) >= 120
    modules = {r.module for r in core.requirements}
    assert modules == {
        "marketing",
        "sales",
        "service",
        "analytics",
        "collaboration",
        "integration",
        "data_migration",
        "security",
        "training",
        "non_functional",
    }
    roles = {r.id for r in core.roles}
    assert {
        "administrator",
        "sales_manager",
        "marketer",
        "support_technician",
        "data_analyst",
        "client_service",
        "director",
        "crm_manager",
        "crm_specialist",
        "crm_analyst",
        "crm_consultant",
    } <= roles
    assert [p.id for p in core.phases] == ["pre_deployment", "deployment", "post_deployment"]
    five_plus_two = [t for t in core.phases[0].tasks if "five_plus_two" in t.tags]
    assert len(five_plus_two) == 7
    assert {"lead_to_deal", "case_handling", "campaign", "data_cleanup"} <= {p.id for p in core.processes}
    kinds = {k.kind for k in core.kpis}
    assert kinds == {"adoption", "business"}
    assert {
        "lead_conversion",
        "churn_rate",
        "csat",
        "nps",
        "forecast_accuracy",
        "marketing_roi",
        "active_user_rate",
        "duplicate_rate",
    } <= {k.id for k in core.kpis}


def test_core_questionnaire_has_the_readiness_checks(core):
    ids = {q.id for q in core.questions}
    assert len([i for i in ids if i.startswith("sign_")]) == 7
    assert len([i for i in ids if i.startswith("need_")]) == 6
    for q in core.questions:
        assert all(q.text.has(lang) for lang in LANGUAGES), q.id


def test_job_profiles_are_fully_translated(core):
    assert {"crm_manager", "crm_specialist", "crm_analyst", "administrator"} <= {
        p.id for p in core.job_profiles
    }
    for profile in core.job_profiles:
        texts = (
            [profile.title, profile.purpose]
            + [d.text for d in profile.duties]
            + [
                line.text
                for name in ("education", "skills", "competencies", "qualities")
                for line in getattr(profile, name)
            ]
        )
        for text in texts:
            assert all(text.has(lang) for lang in LANGUAGES), (profile.id, str(text))


def test_only_sourced_pay_figures(core):
    bands = [(p.id, band) for p in core.job_profiles for band in p.pay]
    assert [pid for pid, _ in bands] == ["crm_manager"]
    band = bands[0][1]
    assert (band.currency, band.min, band.max, band.period) == ("RUB", 40000, 100000, "month")
    assert str(band.source)


def test_a_missing_specialist_brings_a_hiring_task(core):
    without = resolve(core, {**MINIMAL, "has_crm_specialist": False}).task_map()
    with_half = resolve(core, {**MINIMAL, "has_crm_specialist": True, "specialist_time_share": 30}).task_map()
    assert "pre-04-hire-specialist" in without and "pre-02-appoint-specialist" not in without
    assert "pre-02-appoint-specialist" in with_half and "pre-03-free-specialist-time" in with_half
    full_time = resolve(
        core, {**MINIMAL, "has_crm_specialist": True, "specialist_time_share": 100}
    ).task_map()
    assert "pre-03-free-specialist-time" not in full_time


def test_modules_and_loyalty_add_and_drop_items(core):
    sales_only = resolve(core, {**MINIMAL, "modules": ["sales"], "loyalty_programme": False})
    everything = resolve(
        core, {**MINIMAL, "modules": ["marketing", "sales", "service"], "loyalty_programme": True}
    )
    assert "case_handling" not in {p.id for p in sales_only.processes}
    assert "case_handling" in {p.id for p in everything.processes}
    assert not [r for r in sales_only.requirements if r.module == "service"]
    assert [r for r in everything.requirements if r.module == "service"]
    assert "post-06-loyalty-programme" in everything.task_map()
    assert "post-06-loyalty-programme" not in sales_only.task_map()
    assert len(everything.requirements) > len(sales_only.requirements) + 30


def test_industry_changes_preferred_education_and_reporting_line(core):
    bank = resolve(
        core, {**MINIMAL, "industry": "financial_services", "company_size": "large", "has_it_unit": True}
    )
    shop = resolve(core, {**MINIMAL, "industry": "retail", "company_size": "large", "has_it_unit": True})
    bank_spec = next(p for p in bank.job_profiles if p.id == "crm_specialist")
    shop_spec = next(p for p in shop.job_profiles if p.id == "crm_specialist")
    assert [r.to for r in bank_spec.reports_to] == ["it_manager"]
    assert [r.to for r in shop_spec.reports_to] == ["crm_manager"]
    assert [e.id for e in bank_spec.education] != [e.id for e in shop_spec.education]
