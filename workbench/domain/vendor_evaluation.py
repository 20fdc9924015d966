"""A vendor evaluation beyond functional fit: each criterion scored 0-100, a vendor that misses a Must
knocked out (shown with the Musts it missed, never dropped), the weighted total and the ranking.

Normalisation: functional fit is the weighted RFP score (domain.rfp); price gives the lowest total cost of
ownership among the vendors still in the running 100 and the others 100 x lowest / theirs (a knocked-out
vendor is scored against the same lowest, at most 100); the demo is the reconciled mean item score over 5;
the references the mean answer score over 5. The sensitivity of the ranking to the weights is in
domain.vendor_sensitivity.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from workbench.domain.demo_reconcile import DemoResult, Scorecard, reconcile
from workbench.domain.evaluation_weights import CRITERIA
from workbench.domain.rfp import VendorScore

REFERENCE_MAX = 5
"""a reference-check answer is scored 1-5"""


@dataclass(frozen=True)
class VendorEvidence:
    """What one vendor's pack holds, read back: the requirements score, the commercial offer's TCO over
    the horizon, every evaluator's demo scorecard and each reference call's answer scores."""

    vendor: str
    fit: VendorScore
    tco: float
    scorecards: list[Scorecard]
    references: list[list[int]] = field(default_factory=list)
    """per reference call, the scores it gave (1-5)"""


@dataclass(frozen=True)
class VendorResult:
    vendor: str
    scores: dict[str, float]
    """criterion -> 0-100"""
    total: float
    tco: float
    demo: DemoResult
    musts_missed: list[str]
    rank: int | None = None
    """1 = first; None for a knocked-out vendor"""

    @property
    def knocked_out(self) -> bool:
        return bool(self.musts_missed)


def weighted_total(scores: dict[str, float], weights: dict[str, float]) -> float:
    """The weighted mean of the criterion scores, 0-100."""
    points = sum(weights.values())
    return sum(weights[c] * scores[c] for c in CRITERIA) / points if points else 0.0


def reference_percent(calls: list[list[int]]) -> float:
    """0-100: the mean of the calls' mean scores over 5; 0 when no call was scored."""
    means = [sum(call) / len(call) for call in calls if call]
    return 100 * sum(means) / len(means) / REFERENCE_MAX if means else 0.0


def price_scores(tcos: dict[str, float], eligible: set[str]) -> dict[str, float]:
    """Lowest TCO among the eligible vendors = 100, the others proportional (capped at 100)."""
    pool = [tco for vendor, tco in tcos.items() if vendor in eligible and tco > 0] or [
        tco for tco in tcos.values() if tco > 0
    ]
    if not pool:
        return {vendor: 0.0 for vendor in tcos}
    lowest = min(pool)
    return {vendor: min(100.0, 100 * lowest / tco) if tco > 0 else 0.0 for vendor, tco in tcos.items()}


def evaluate(evidence: list[VendorEvidence], weights: dict[str, float]) -> list[VendorResult]:
    """Every vendor scored; the eligible ones ranked by weighted total (then name), the knocked-out after
    them with no rank, by total."""
    eligible = {e.vendor for e in evidence if not e.fit.musts_missed}
    price = price_scores({e.vendor: e.tco for e in evidence}, eligible)
    results = []
    for e in evidence:
        demo = reconcile(e.scorecards)
        scores = {
            "fit": e.fit.total,
            "price": price[e.vendor],
            "demo": demo.percent,
            "references": reference_percent(e.references),
        }
        total = weighted_total(scores, weights)
        results.append(VendorResult(e.vendor, scores, total, e.tco, demo, list(e.fit.musts_missed)))
    results.sort(key=lambda r: (r.knocked_out, -r.total, r.vendor))
    return [replace(r, rank=None if r.knocked_out else place) for place, r in enumerate(results, start=1)]
