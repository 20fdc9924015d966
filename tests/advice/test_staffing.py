"""Staffing recommendations for the example clients and for each rule, with their traces."""

from __future__ import annotations

import pytest

from tests.advice.conftest import example
from workbench.domain.readiness import SITUATIONS, Trace
from workbench.domain.staffing import TOPICS, advise_staffing


def choices(s):
    return {r.topic: r.choice for r in s.recommendations}


def reasons(s, topic):
    return [p.code for r in s.recommendations if r.topic == topic for p in r.reasons]


def base(**extra):
    """A medium company with no situations: the quietest answer set, changed by `extra`."""
    a = {q: False for q in SITUATIONS}
    a.update(
        company_size="medium",
        industry="other",
        has_crm_specialist=True,
        specialist_time_share=60,
        has_it_unit=False,
        modules=["sales"],
        crm_kinds=["operational"],
        integrations=[],
        sales_team_size=10,
    )
    return {**a, **extra}


def test_b2b_software_example(playbook):
    s = advise_staffing(example("b2b-software"), playbook)
    assert choices(s) == {
        "team": "specialist_only",
        "time": "part_time",
        "seniority": "junior_coached",
        "source": "inside_first",
        "placement": "ceo",
        "analyst": "merged_specialist",
    }
    assert reasons(s, "placement") == ["place_small", "place_it_industry_no_unit"]
    assert s.recommendations[4].reasons[1].trace == (
        Trace("industry", "software"),
        Trace("has_it_unit", False),
    )
    assert [p.code for p in s.risks] == ["risk_no_it_unit"]
    assert s.unanswered == ("sponsor_named",)


def test_bank_example(playbook):
    s = advise_staffing(example("bank"), playbook)
    assert choices(s) == {
        "team": "manager_and_specialist",
        "time": "full_time",
        "seniority": "experienced",
        "source": "keep_insider",
        "placement": "it",
        "analyst": "separate",
    }
    assert reasons(s, "team") == [
        "need_messy_base",
        "need_crm_not_developed",
        "need_negative_reviews",
        "need_large_business",
    ]
    assert reasons(s, "time") == ["time_large", "time_manager", "time_sellers"]
    assert reasons(s, "seniority") == ["seniority_takeover", "seniority_complex"]
    assert reasons(s, "source") == ["source_named", "source_named_check_experience"]
    assert reasons(s, "placement") == ["place_it_industry"]
    assert s.risks == ()  # full-time at 100 %


def test_retail_example(playbook):
    s = advise_staffing(example("retail-chain"), playbook)
    assert choices(s) == {
        "team": "manager_and_specialist",
        "time": "full_time",
        "seniority": "experienced",
        "source": "keep_insider",
        "placement": "crm_unit",
        "analyst": "separate",
    }
    assert [p.code for p in s.risks] == ["risk_share_below_full"]
    assert s.risks[0].params == {"share": 50}
    assert s.risks[0].trace == (Trace("has_crm_specialist", True), Trace("specialist_time_share", 50))


def test_every_reason_cites_answers(playbook):
    for name in ("b2b-software", "bank", "retail-chain"):
        s = advise_staffing(example(name), playbook)
        assert [r.topic for r in s.recommendations] == list(TOPICS)
        for point in [p for r in s.recommendations for p in r.reasons] + list(s.risks):
            assert point.trace, point.code
            assert all(t.question in playbook.question_map() for t in point.trace)


@pytest.mark.parametrize(
    ("share", "risk"),
    [(30, "risk_share_below_half"), (49, "risk_share_below_half"), (50, None), (None, "risk_share_unknown")],
)
def test_time_share_of_a_part_time_specialist(share, risk):
    s = advise_staffing(base(specialist_time_share=share))
    assert choices(s)["time"] == "part_time"
    assert [p.code for p in s.risks] == ([risk] if risk else [])


def test_full_time_from_sellers_alone():
    s = advise_staffing(base(sales_team_size=50))
    assert choices(s)["time"] == "full_time" and reasons(s, "time") == ["time_sellers"]
    assert s.recommendations[1].reasons[0].params == {"sellers": 50, "limit": 50}
    assert [p.code for p in s.risks] == ["risk_share_below_full"]


def test_no_sponsor_is_a_risk():
    assert [p.code for p in advise_staffing(base(sponsor_named=False)).risks] == ["risk_no_sponsor"]


def test_outside_hire_when_experience_is_needed_and_nobody_is_named():
    s = advise_staffing(base(has_crm_specialist=False, need_crm_not_developed=True))
    assert choices(s)["seniority"] == "experienced" and choices(s)["source"] == "outside"
    assert reasons(s, "source") == ["source_none_named", "source_experienced_rare"]


@pytest.mark.parametrize(
    ("extra", "choice", "reason"),
    [
        ({"industry": "telecom", "has_it_unit": True, "company_size": "large"}, "it", "place_it_industry"),
        ({"company_size": "large"}, "crm_unit", "place_large"),
        ({"company_size": "small"}, "ceo", "place_small"),
        ({"modules": ["marketing", "sales", "service"]}, "ceo", "place_shared"),
        ({"modules": ["sales", "service"], "crm_kinds": ["collaborative"]}, "ceo", "place_shared"),
        ({"has_it_unit": True, "integrations": ["erp"]}, "it", "place_complex_data"),
        ({"modules": ["marketing", "sales"], "loyalty_programme": True}, "marketing", "place_marketing"),
        ({"sign_no_sales_oversight": True}, "sales", "place_sales"),
        ({}, "planning", "place_planning"),
        ({"modules": ["marketing", "sales"]}, "planning", "place_planning"),
    ],
)
def test_placement_rules(extra, choice, reason):
    s = advise_staffing(base(**extra))
    assert choices(s)["placement"] == choice
    assert reasons(s, "placement")[0] == reason


@pytest.mark.parametrize(
    ("extra", "choice", "reason"),
    [
        ({"company_size": "small"}, "merged_specialist", "analyst_small"),
        ({"company_size": "small", "need_large_business": True}, "merged_manager", "analyst_small"),
        ({"company_size": "large"}, "separate", "analyst_large"),
        ({"crm_kinds": ["operational", "analytical"]}, "separate", "analyst_analytical"),
        ({}, "merged_specialist", "analyst_operational"),
    ],
)
def test_manager_and_analyst_merge(extra, choice, reason):
    s = advise_staffing(base(**extra))
    assert (choices(s)["analyst"], reasons(s, "analyst")) == (choice, [reason])
