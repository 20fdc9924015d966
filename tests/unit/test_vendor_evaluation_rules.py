"""The evaluation's rules on small hand-made cases: the outlier rule with three evaluators, a knocked-out
vendor kept out of the price scale, and the sensitivity's edges (one eligible vendor, a weight of 100)."""

from __future__ import annotations

import pytest

from workbench.domain.demo_reconcile import Scorecard, reconcile
from workbench.domain.evaluation_weights import EvaluationWeights, parse_weights
from workbench.domain.rfp import VendorScore
from workbench.domain.vendor_evaluation import VendorEvidence, evaluate, price_scores
from workbench.domain.vendor_sensitivity import sensitivity


def test_with_three_evaluators_only_the_one_far_from_the_others_is_flagged():
    cards = [
        Scorecard("Ali", {"D1": 4, "D2": 3}),
        Scorecard("Olga", {"D1": 4, "D2": None}),
        Scorecard("Sara", {"D1": 1, "D2": 4}),
    ]
    result = reconcile(cards)
    # D1: Sara's 1 is 3 from the others' 4; Ali's 4 is 1.5 from (4 + 1) / 2 -- under 2. D2: 3 and 4, 1 apart.
    assert [(o.item, o.evaluator, o.score, o.others_mean) for o in result.outliers] == [
        ("D1", "Sara", 1, 4.0)
    ]
    assert result.items == {"D1": 3.0, "D2": 3.5} and result.percent == pytest.approx(65.0)


def test_a_knocked_out_vendor_does_not_set_the_price_scale():
    assert price_scores({"A": 100.0, "B": 200.0, "Out": 50.0}, {"A", "B"}) == {
        "A": 100.0,
        "B": 50.0,
        "Out": 100.0,
    }


def _vendor(name: str, fit: float, tco: float, missed: list[str] | None = None) -> VendorEvidence:
    return VendorEvidence(name, VendorScore(name, fit, {}, musts_missed=missed or []), tco, [])


def test_sensitivity_needs_two_vendors_in_the_running_and_a_weight_below_100():
    weights = {"fit": 60.0, "price": 40.0, "demo": 0.0, "references": 0.0}
    alone = evaluate([_vendor("A", 90, 100), _vendor("B", 95, 90, ["M1"])], weights)
    assert [r.rank for r in alone] == [1, None] and sensitivity(alone, weights) == []
    everything = {"fit": 100.0, "price": 0.0, "demo": 0.0, "references": 0.0}
    results = evaluate([_vendor("A", 90, 200), _vendor("B", 80, 100)], everything)
    flips = {f.criterion: f for f in sensitivity(results, everything)}
    assert flips["fit"].change is None  # no other weight to rescale
    # price from 0: A = (100 - w) * 0.9 + w * 0.5, B = (100 - w) * 0.8 + w * 1.0 -> equal at w = 100/6
    assert flips["price"].new_weight == pytest.approx(100 / 6, abs=0.01) and flips["price"].new_leader == "B"


def test_weights_parse_and_must_add_up_to_100():
    base = EvaluationWeights()
    assert parse_weights("fit=40, price=35", base).as_dict() == {
        "fit": 40.0,
        "price": 35.0,
        "demo": 15.0,
        "references": 10.0,
    }
    with pytest.raises(ValueError, match="add up to 95"):
        parse_weights("fit=45", base)
    with pytest.raises(ValueError, match="'ten' is not a number"):
        parse_weights("demo=ten", base)
