"""The weights of a vendor evaluation: functional fit, price (total cost of ownership), the scripted demo
and the reference checks, in points that add up to 100.

The playbook states the client's defaults (`evaluation_weights:`); `crmwb rfp evaluate --weights` overrides
them for one run. Kept apart from the evaluation so the playbook model needs nothing else of it.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from workbench.domain.base import Strict
from workbench.i18n import N_

CRITERIA: tuple[str, ...] = ("fit", "price", "demo", "references")
"""the criteria, in the order every output lists them"""
CRITERION_LABELS: dict[str, str] = {
    "fit": N_("Functional fit"),
    "price": N_("Price (TCO)"),
    "demo": N_("Demo"),
    "references": N_("References"),
}


class EvaluationWeights(Strict):
    """Points per criterion; they must add up to 100 so a change of one is read against the others."""

    fit: float = Field(default=50, ge=0, le=100)
    price: float = Field(default=25, ge=0, le=100)
    demo: float = Field(default=15, ge=0, le=100)
    references: float = Field(default=10, ge=0, le=100)

    @model_validator(mode="after")
    def _add_up_to_100(self) -> EvaluationWeights:
        total = sum(self.as_dict().values())
        if abs(total - 100) > 1e-6:
            raise ValueError(f"the evaluation weights add up to {total:g}; they must add up to 100")
        return self

    def as_dict(self) -> dict[str, float]:
        return {c: float(getattr(self, c)) for c in CRITERIA}


def parse_weights(text: str, base: EvaluationWeights) -> EvaluationWeights:
    """`fit=40,price=30,demo=20,references=10` over `base` (criteria not named keep theirs); raises ValueError
    naming what is wrong and what was expected."""
    values = base.as_dict()
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, sep, number = part.partition("=")
        name = name.strip().lower()
        if not sep or name not in CRITERIA:
            raise ValueError(f"{part!r}: expected NAME=POINTS with NAME one of {', '.join(CRITERIA)}")
        try:
            values[name] = float(number.strip().replace(",", "."))
        except ValueError:
            raise ValueError(f"{part!r}: {number.strip()!r} is not a number; expected points 0-100") from None
    return EvaluationWeights(**values)
