"""Which weight change flips the winner: for each criterion, the smallest change of its weight (in
points, the other weights rescaled proportionally so they still add up to 100) at which another vendor
takes first place.

With the other weights rescaled, each vendor's total is a straight line in the changed weight w:
total(w) = (w x score + (100 - w) x rest) / 100, where `rest` is the vendor's weighted mean over the other
criteria. The winner changes where its line crosses another eligible vendor's, so the answer is exact
(no search): the crossing nearest the current weight, inside 0-100. A criterion that holds every weight
(100 points) has no others to rescale and cannot flip anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.domain.evaluation_weights import CRITERIA
from workbench.domain.vendor_evaluation import VendorResult


@dataclass(frozen=True)
class WeightFlip:
    criterion: str
    weight: float
    """the weight now, in points"""
    change: float | None
    """signed points at which first place changes; None when no weight in 0-100 changes it"""
    new_leader: str | None = None

    @property
    def new_weight(self) -> float | None:
        return None if self.change is None else self.weight + self.change


def sensitivity(results: list[VendorResult], weights: dict[str, float]) -> list[WeightFlip]:
    """One entry per criterion, the first to flip first; empty with fewer than two eligible vendors."""
    eligible = [r for r in results if r.rank is not None]
    if len(eligible) < 2:
        return []
    leader = min(eligible, key=lambda r: r.rank or 0)
    flips = [_flip(c, leader, [r for r in eligible if r is not leader], weights) for c in CRITERIA]
    return sorted(flips, key=lambda f: (f.change is None, abs(f.change or 0), CRITERIA.index(f.criterion)))


def _rest(result: VendorResult, criterion: str, weights: dict[str, float]) -> float:
    others = 100 - weights[criterion]
    return sum(weights[c] * result.scores[c] for c in CRITERIA if c != criterion) / others


def _flip(
    criterion: str, leader: VendorResult, rivals: list[VendorResult], weights: dict[str, float]
) -> WeightFlip:
    now = weights[criterion]
    best: tuple[float, str] | None = None
    if 100 - now > 1e-9:
        lead_rest = _rest(leader, criterion, weights)
        lead_slope = leader.scores[criterion] - lead_rest
        for rival in rivals:
            rest = _rest(rival, criterion, weights)
            slope = rival.scores[criterion] - rest
            if abs(slope - lead_slope) < 1e-12:
                continue  # parallel lines: this rival never overtakes by this weight
            crossing = 100 * (lead_rest - rest) / (slope - lead_slope)
            change = crossing - now
            if -1e-9 <= crossing <= 100 + 1e-9 and abs(change) > 1e-9:
                if best is None or abs(change) < abs(best[0]):
                    best = (change, rival.vendor)
    if best is None:
        return WeightFlip(criterion, now, None)
    return WeightFlip(criterion, now, round(best[0], 2), best[1])
