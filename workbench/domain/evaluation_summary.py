"""One vendor evaluation, ready to be shown: the ranked results, the sensitivity of first place to the
weights, the weights and horizon used and what the reading of the packs noted. The workbook, the md/html
summary, the terminal and JSON all show this one object."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workbench.domain.evaluation_weights import CRITERIA, CRITERION_LABELS
from workbench.domain.vendor_evaluation import VendorResult
from workbench.domain.vendor_sensitivity import WeightFlip
from workbench.i18n import _


@dataclass(frozen=True)
class EvaluationSummary:
    results: list[VendorResult]
    flips: list[WeightFlip]
    weights: dict[str, float]
    horizon: int
    currency: str
    notes: list[str] = field(default_factory=list)

    @property
    def winner(self) -> VendorResult | None:
        return next((r for r in self.results if r.rank == 1), None)

    @property
    def first_flip(self) -> WeightFlip | None:
        return next((f for f in self.flips if f.change is not None), None)

    def as_json(self) -> dict[str, Any]:
        """Keys in English for scripts; the criterion labels in the current language."""
        return {
            "weights": self.weights,
            "horizon_years": self.horizon,
            "currency": self.currency,
            "criteria": {c: _(CRITERION_LABELS[c]) for c in CRITERIA},
            "ranking": [
                {
                    "rank": r.rank,
                    "vendor": r.vendor,
                    "knocked_out": r.knocked_out,
                    "musts_missed": r.musts_missed,
                    "scores": {c: round(r.scores[c], 2) for c in CRITERIA},
                    "total": round(r.total, 2),
                    "tco": r.tco,
                    "demo_items": {item: round(mean, 2) for item, mean in r.demo.items.items()},
                    "evaluators": r.demo.evaluators,
                    "outliers": [o.__dict__ for o in r.demo.outliers],
                }
                for r in self.results
            ],
            "sensitivity": [
                {
                    "criterion": f.criterion,
                    "weight": f.weight,
                    "change": f.change,
                    "new_weight": f.new_weight,
                    "new_leader": f.new_leader,
                }
                for f in self.flips
            ],
            "first_to_flip": self.first_flip.criterion if self.first_flip else None,
            "notes": self.notes,
        }
