"""Readiness verdicts, reasons and first steps for the example clients and at the thresholds."""

from __future__ import annotations

import pytest

from tests.advice.conftest import example
from workbench.domain.readiness import SIGNS, SITUATIONS, Trace, assess_readiness


def answers(signs: int = 0, situations: int = 0, **extra):
    """The first `signs` signs and `situations` situations answered yes, the rest no."""
    a = {q: i < signs for i, q in enumerate(SIGNS)}
    a.update({q: i < situations for i, q in enumerate(SITUATIONS)})
    return {**a, **extra}


def codes(points):
    return [p.code for p in points]


def test_b2b_software_example(playbook):
    r = assess_readiness(example("b2b-software"), playbook)
    assert (r.crm.level, r.crm.yes, r.crm.provisional) == ("needed_now", 5, False)
    assert codes(r.crm.reasons) == [
        "sign_leads_lost_n",
        "sign_no_sales_oversight_n",
        "sign_slow_reports",
        "sign_unknown_conversion",
        "sign_scattered_data",
    ]
    assert r.crm.reasons[0].trace == (
        Trace("sign_leads_lost", True),
        Trace("channels", ["email", "website_form", "phone", "partners"]),
    )
    assert r.crm.reasons[0].params == {"channels": 4}
    assert r.crm.reasons[1].trace[1] == Trace("sales_team_size", 6)
    assert (r.manager.level, r.manager.yes) == ("duties_to_specialist", 1)
    assert codes(r.manager.reasons) == ["need_no_sales_plan"]
    assert codes(r.first_steps) == [
        "step_name_specialist",
        "step_sign_scattered_data_dup",
        "step_sign_leads_lost",
        "step_sign_no_sales_oversight",
        "step_sign_unknown_conversion",
        "step_sign_slow_reports",
        "step_duty_need_no_sales_plan",
        "step_next_needed_now",
    ]
    assert r.first_steps[0].trace == (Trace("has_crm_specialist", False),)
    assert r.first_steps[1].trace == (Trace("sign_scattered_data", True), Trace("data_has_duplicates", True))
    assert r.first_steps[-1].params == {"yes": 5, "total": 7}


def test_bank_example(playbook):
    r = assess_readiness(example("bank"), playbook)
    assert (r.crm.level, r.crm.yes) == ("needed_now", 6)
    assert (r.manager.level, r.manager.yes) == ("needed", 4)
    assert codes(r.manager.reasons) == [
        "need_messy_base",
        "need_crm_not_developed",
        "need_negative_reviews",
        "need_large_business",
    ]
    assert codes(r.first_steps) == [
        "step_sign_scattered_data_dup",
        "step_sign_no_sales_oversight",
        "step_sign_unknown_conversion",
        "step_sign_slow_sales_unhappy",
        "step_sign_slow_reports",
        "step_sign_losing_old_customers",
        "step_manager_position",
        "step_next_needed_now",
    ]
    assert [t.question for t in r.first_steps[-2].trace] == codes(r.manager.reasons)


def test_retail_example(playbook):
    r = assess_readiness(example("retail-chain"), playbook)
    assert (r.crm.level, r.crm.yes, r.manager.level, r.manager.yes) == ("needed_now", 5, "needed", 4)
    assert "need_marketing_activation" in codes(r.manager.reasons)
    # a 50 % specialist meets the minimum: no step to free their time
    assert "step_free_specialist" not in codes(r.first_steps)


@pytest.mark.parametrize(
    ("signs", "level"),
    [
        (0, "not_yet"),
        (1, "not_yet"),
        (2, "prepare_first"),
        (3, "prepare_first"),
        (4, "needed_now"),
        (7, "needed_now"),
    ],
)
def test_crm_thresholds(signs, level):
    r = assess_readiness(answers(signs))
    assert r.crm.level == level and r.crm.yes == signs and r.crm.total == 7
    assert r.first_steps[-1].code == f"step_next_{level}"


@pytest.mark.parametrize(
    ("situations", "level"), [(0, "not_needed"), (1, "duties_to_specialist"), (2, "needed")]
)
def test_manager_thresholds(situations, level):
    assert assess_readiness(answers(situations=situations)).manager.level == level


def test_large_business_alone_needs_a_manager():
    r = assess_readiness(answers(need_large_business=True))
    assert (r.manager.level, r.manager.yes) == ("needed", 1)
    assert r.first_steps[-2].code == "step_manager_position"


def test_one_situation_becomes_a_duty_of_the_specialist():
    r = assess_readiness(answers(need_negative_reviews=True))
    assert r.manager.level == "duties_to_specialist"
    assert r.first_steps[-2].code == "step_duty_need_negative_reviews"
    assert r.first_steps[-2].trace == (Trace("need_negative_reviews", True),)


def test_unanswered_signs_make_the_verdict_provisional_only_when_they_could_change_it():
    some = {"sign_leads_lost": True, "sign_slow_reports": True, "sign_scattered_data": True}
    r = assess_readiness(some)
    assert r.crm.level == "prepare_first" and r.crm.provisional
    assert set(r.crm.unanswered) == set(SIGNS) - set(some)
    settled = assess_readiness({**answers(5), "sign_losing_old_customers": None})
    assert settled.crm.level == "needed_now" and not settled.crm.provisional
    assert settled.crm.unanswered == ("sign_losing_old_customers",)
    # an open need_large_business could still make the manager needed
    r = assess_readiness({q: False for q in SITUATIONS if q != "need_large_business"})
    assert r.manager.level == "not_needed" and r.manager.provisional


def test_people_and_budget_come_first_and_only_for_explicit_no():
    a = answers(
        4, sponsor_named=False, budget_approved=False, has_crm_specialist=True, specialist_time_share=30
    )
    steps = assess_readiness(a).first_steps
    assert codes(steps)[:3] == ["step_sponsor", "step_free_specialist", "step_budget"]
    assert steps[1].params == {"share": 30}
    assert steps[1].trace == (Trace("has_crm_specialist", True), Trace("specialist_time_share", 30))
    open_people = assess_readiness(answers(4, has_crm_specialist=True)).first_steps
    assert codes(open_people)[0] == "step_sign_leads_lost"  # share unanswered: no step invented


def test_not_yet_does_not_ask_for_people_or_budget():
    r = assess_readiness(answers(1, sponsor_named=False, has_crm_specialist=False))
    assert codes(r.first_steps) == ["step_sign_leads_lost", "step_next_not_yet"]


def test_playbook_defaults_fill_open_answers(playbook):
    r = assess_readiness({**answers(4), "sign_leads_lost": True}, playbook)
    # channels default to phone and e-mail in the core questionnaire
    assert r.crm.reasons[0].trace[1] == Trace("channels", ["phone", "email"])
    assert assess_readiness({**answers(4), "sign_leads_lost": True}).crm.reasons[0].code == "sign_leads_lost"
