"""The insurance and wholesale-distribution overlays: each client gets its industry's requirements,
processes and KPIs that a generic client does not, its own answers switch that content on and off, and
the process maps follow the answers that shape them (bespoke pricing -> approval step, no field sales ->
no visit)."""

from __future__ import annotations

import itertools
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from workbench.domain.checks import check_playbook
from workbench.domain.conditions import iter_tests
from workbench.domain.playbook import Playbook
from workbench.domain.processes import Process, check_process
from workbench.domain.resolve import resolve
from workbench.loading.answers import load_answers
from workbench.loading.catalog import bundled_dir
from workbench.loading.playbooks import load_playbook

EXAMPLES = bundled_dir() / "examples"


@cache
def _playbook(ref: str) -> Playbook:
    loaded = load_playbook(ref)
    assert loaded.ok and not loaded.problems, [str(p) for p in loaded.problems]
    assert loaded.playbook is not None
    return loaded.playbook


def _answers(name: str, playbook: Playbook) -> dict[str, Any]:
    loaded = load_answers(EXAMPLES / f"{name}.answers.yaml", playbook)
    assert not loaded.problems, [str(p) for p in loaded.problems]
    return dict(loaded.answers)


def _content(pb: Playbook) -> dict[str, set[str]]:
    return {
        "requirements": {r.id for r in pb.requirements},
        "processes": {p.id for p in pb.processes},
        "kpis": {k.id for k in pb.kpis},
    }


def _process(pb: Playbook, process_id: str) -> Process:
    return next(p for p in pb.processes if p.id == process_id)


def _nodes(process: Process) -> set[str]:
    return {n.id for n in process.nodes}


def _edges(process: Process) -> set[tuple[str, str]]:
    return {(e.source, e.target) for e in process.edges}


@cache
def _generic() -> dict[str, set[str]]:
    core = _playbook("core")
    return _content(resolve(core, _answers("retail-chain", core)))


INDUSTRY_CONTENT = {
    "insurer": (
        "insurance",
        {
            "requirements": {"INS-001", "INS-002", "INS-003", "INS-004", "INS-006", "INS-007", "INS-008"},
            "processes": {"policy_sale", "policy_renewal", "claim_handling"},
            "kpis": {
                "renewal_rate",
                "claims_acknowledged_on_time",
                "claims_closed_on_time",
                "active_agent_share",
            },
        },
    ),
    "distributor": (
        "wholesale-distribution",
        {
            "requirements": {"WHD-001", "WHD-002", "WHD-003", "WHD-005", "WHD-006", "WHD-007", "WHD-009"},
            "processes": {"quote_to_order", "delivery_and_installation", "warranty_claim"},
            "kpis": {
                "quote_to_order_rate",
                "on_time_in_full",
                "first_visit_installation",
                "active_dealer_share",
            },
        },
    ),
}


@pytest.mark.parametrize("example", sorted(INDUSTRY_CONTENT))
def test_the_industry_client_gets_content_a_generic_client_does_not(example):
    ref, expected = INDUSTRY_CONTENT[example]
    pb = _playbook(ref)
    got = _content(resolve(pb, _answers(example, pb)))
    generic = _generic()
    assert set(expected) == {"requirements", "processes", "kpis"} and all(expected.values())
    for section, ids in expected.items():
        assert ids <= got[section], (section, ids - got[section])
        assert not ids & generic[section], (section, ids & generic[section])


def test_insurer_answers_switch_agents_claims_and_policy_system_content():
    pb = _playbook("insurance")
    base = _answers("insurer", pb)
    with_agents = resolve(pb, base)
    direct = resolve(
        pb, {**base, "agent_channel": False, "claims_in_house": False, "policy_admin_system": False}
    )
    assert {"INS-006", "INS-007"} <= _content(with_agents)["requirements"]
    assert not {"INS-006", "INS-007", "INS-002"} & _content(direct)["requirements"]
    assert "INS-005" in _content(direct)["requirements"]
    assert "INS-005" not in _content(with_agents)["requirements"]
    assert "active_agent_share" not in _content(direct)["kpis"]
    assert "accrue_commission" in _nodes(_process(with_agents, "policy_sale"))
    sale = _process(direct, "policy_sale")
    assert "accrue_commission" not in _nodes(sale)
    assert ("issue_policy", "policy_in_force") in _edges(sale)
    assert "hand_to_agent" not in _nodes(_process(direct, "policy_renewal"))
    claims_in, claims_out = _process(with_agents, "claim_handling"), _process(direct, "claim_handling")
    assert "assess_in_house" in _nodes(claims_in) and "partner_assesses" not in _nodes(claims_in)
    assert "partner_assesses" in _nodes(claims_out) and "assess_in_house" not in _nodes(claims_out)
    assert ("covered", "partner_assesses") in _edges(claims_out)


def test_bespoke_pricing_adds_the_approval_step_and_no_field_sales_removes_the_visit():
    pb = _playbook("wholesale-distribution")
    base = _answers("distributor", pb)
    bespoke = _process(resolve(pb, base), "quote_to_order")
    assert {"visit_customer", "calculate_bespoke_price", "approve_bespoke_price"} <= _nodes(bespoke)
    assert "quote_from_price_list" not in _nodes(bespoke)
    assert {("visit_customer", "calculate_bespoke_price"), ("approve_bespoke_price", "send_quote")} <= _edges(
        bespoke
    )
    approval = next(n for n in bespoke.nodes if n.id == "approve_bespoke_price")
    assert approval.lane == "director"

    office = {**base, "pricing_complexity": "list_prices", "channels": ["phone", "messengers"]}
    listed = _process(resolve(pb, office), "quote_to_order")
    assert not {"visit_customer", "calculate_bespoke_price", "approve_bespoke_price"} & _nodes(listed)
    assert {("enquiry_received", "quote_from_price_list"), ("quote_from_price_list", "send_quote")} <= _edges(
        listed
    )
    assert "WHD-002" not in _content(resolve(pb, office))["requirements"]
    assert "WHD-009" not in _content(resolve(pb, office))["requirements"]


def test_distributor_answers_switch_installation_warranty_and_dealer_content():
    pb = _playbook("wholesale-distribution")
    lean = {**_answers("distributor", pb), "installation_service": False, "warranty_service": False}
    lean["dealer_network"] = False
    resolved = resolve(pb, lean)
    got = _content(resolved)
    assert not {"WHD-005", "WHD-006", "WHD-007", "WHD-008"} & got["requirements"]
    assert "warranty_claim" not in got["processes"]
    assert not {"first_visit_installation", "warranty_claims_on_time", "active_dealer_share"} & got["kpis"]
    delivery = _process(resolved, "delivery_and_installation")
    assert _edges(delivery) == {
        ("order_released", "schedule_delivery"),
        ("schedule_delivery", "deliver_goods"),
        ("deliver_goods", "handed_over"),
    }


YES_NO = {
    "insurance": ("agent_channel", "claims_in_house", "policy_admin_system", "online_sales"),
    "wholesale-distribution": ("dealer_network", "installation_service", "warranty_service"),
    "b2b-sales": (),
}
SHAPES: dict[str, list[dict[str, Any]]] = {
    "insurance": [{}],
    "wholesale-distribution": [
        {"pricing_complexity": p, "channels": c}
        for p in ("list_prices", "customer_prices", "bespoke")
        for c in (["phone"], ["phone", "field_sales"])
    ],
    "b2b-sales": [
        {"pricing_complexity": p, "channels": c}
        for p in ("list_prices", "configured", "bespoke")
        for c in (["phone"], ["phone", "field_sales"])
    ],
}


@pytest.mark.parametrize("ref", sorted(YES_NO))
def test_every_resolved_process_map_is_a_valid_graph_for_every_answer(ref):
    pb = _playbook(ref)
    assert check_playbook(pb) == []
    for flags in itertools.product((True, False), repeat=len(YES_NO[ref])):
        for shape in SHAPES[ref]:
            answers = {**dict(zip(YES_NO[ref], flags, strict=True)), **shape}
            for process in resolve(pb, answers).processes:
                assert check_process(process) == [], (answers, process.id, check_process(process))


def _questions_read(pb: Playbook) -> set[str]:
    """Every question some condition of the playbook reads (items, steps and edges included)."""
    conditions: list[Any] = [q.when for q in pb.questions]
    conditions += [t.when for _, t in pb.tasks()]
    for section in ("requirements", "processes", "kpis"):
        conditions += [item.when for item in getattr(pb, section)]
    for process in pb.processes:
        conditions += [n.when for n in process.nodes] + [e.when for e in process.edges]
    return {test.question for c in conditions for test in iter_tests(c)}


@pytest.mark.parametrize("ref", ["insurance", "wholesale-distribution"])
def test_every_question_the_overlay_adds_is_read_by_a_condition(ref):
    own = Path(bundled_dir() / f"{ref}.yaml")
    core_ids = {q.id for q in _playbook("core").questions}
    added = {q.id for q in _playbook(ref).questions} - core_ids
    assert added, own
    unused = added - _questions_read(_playbook(ref))
    assert not unused, f"{own.name}: questions no condition reads: {sorted(unused)}"


@pytest.mark.parametrize("ref", ["b2b-sales", "wholesale-distribution"])
def test_lead_to_deal_follows_the_pricing_answer(ref):
    pb = _playbook(ref)
    bespoke = _process(resolve(pb, {"pricing_complexity": "bespoke", "channels": ["phone"]}), "lead_to_deal")
    assert {"calculate_bespoke_price", "approve_bespoke_price"} <= _nodes(bespoke)
    assert "prepare_quote" not in _nodes(bespoke)
    assert {
        ("first_contact", "calculate_bespoke_price"),
        ("approve_bespoke_price", "discount_check"),
        ("finance_review", "calculate_bespoke_price"),
    } <= _edges(bespoke)
    listed = _process(
        resolve(pb, {"pricing_complexity": "list_prices", "channels": ["phone"]}), "lead_to_deal"
    )
    assert "prepare_quote" in _nodes(listed)
    assert not {"calculate_bespoke_price", "approve_bespoke_price"} & _nodes(listed)
    assert ("prepare_quote", "discount_check") in _edges(listed)


@pytest.mark.parametrize("ref", ["b2b-sales", "wholesale-distribution"])
def test_the_overlays_lead_to_deal_edges_are_cores_plus_the_bespoke_chain(ref):
    """The overlay repeats core's edge list (an overlay replaces it whole): a change to core's map must be
    made here too, and this test says so."""
    core_edges = {
        (e.source, e.target, str(e.label)) for e in _process(_playbook("core"), "lead_to_deal").edges
    }
    own = {(e.source, e.target, str(e.label)) for e in _process(_playbook(ref), "lead_to_deal").edges}
    chain = {
        ("prepare_quote", "calculate_bespoke_price", "None"),
        ("calculate_bespoke_price", "approve_bespoke_price", "None"),
        ("approve_bespoke_price", "discount_check", "None"),
    }
    assert own == (core_edges - {("prepare_quote", "discount_check", "None")}) | chain


def test_core_lead_to_deal_visits_the_customer_only_with_field_sales():
    core = _playbook("core")
    field = _process(resolve(core, {"channels": ["phone", "field_sales"]}), "lead_to_deal")
    office = _process(resolve(core, {"channels": ["phone"]}), "lead_to_deal")
    assert {("first_contact", "visit_customer"), ("visit_customer", "prepare_quote")} <= _edges(field)
    assert "visit_customer" not in _nodes(office)
    assert ("first_contact", "prepare_quote") in _edges(office)
    for process in (field, office):
        assert check_process(process) == []
