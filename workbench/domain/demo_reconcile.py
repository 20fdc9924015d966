"""Several evaluators score the same scripted demo: their scorecards are reconciled into one score per
demo item, and an evaluator far from the others is flagged for the panel to discuss (never dropped).

The rule: the item's score is the mean of every evaluator who scored it; an evaluator whose score on an
item lies `OUTLIER_POINTS` or more from the mean of the others' scores on that item is flagged. With two
evaluators both are flagged: they disagree and neither is the reference.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DEMO_MAX = 5
"""a demo item is scored 0-5"""
OUTLIER_POINTS = 2.0


@dataclass(frozen=True)
class Scorecard:
    """One evaluator's scores of one vendor's demo: demo item id -> 0-5 (None when left blank)."""

    evaluator: str
    scores: dict[str, int | None]
    source: str = ""
    """the file it was read from, for the report"""


@dataclass(frozen=True)
class Outlier:
    item: str
    evaluator: str
    score: int
    others_mean: float


@dataclass(frozen=True)
class DemoResult:
    items: dict[str, float]
    """item id -> mean score of the evaluators who scored it (items nobody scored are left out)"""
    outliers: list[Outlier] = field(default_factory=list)
    evaluators: list[str] = field(default_factory=list)
    scores: dict[str, dict[str, int | None]] = field(default_factory=dict)
    """evaluator -> item -> the score given, as read (for the committee to see who gave what)"""

    @property
    def percent(self) -> float:
        """0-100: the mean item score over the demo's maximum; 0 when nothing was scored."""
        if not self.items:
            return 0.0
        return 100 * sum(self.items.values()) / len(self.items) / DEMO_MAX


def reconcile(cards: list[Scorecard]) -> DemoResult:
    items: dict[str, float] = {}
    outliers: list[Outlier] = []
    every_item = list(dict.fromkeys(item for card in cards for item in card.scores))
    for item in every_item:
        given = [(card.evaluator, card.scores.get(item)) for card in cards]
        scored = [(who, s) for who, s in given if s is not None]
        if not scored:
            continue
        items[item] = sum(s for _who, s in scored) / len(scored)
        for index, (who, score) in enumerate(scored):
            others = [s for j, (_w, s) in enumerate(scored) if j != index]
            if others:
                mean = sum(others) / len(others)
                if abs(score - mean) >= OUTLIER_POINTS:
                    outliers.append(Outlier(item, who, score, round(mean, 2)))
    return DemoResult(
        items,
        outliers,
        [card.evaluator for card in cards],
        {card.evaluator: dict(card.scores) for card in cards},
    )
