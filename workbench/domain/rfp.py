"""RFP scoring: how a vendor's answers turn into a weighted score per module, and how vendors rank.

The same points are written into the xlsx as live formulas, so the vendor's workbook and this code
agree on every number (a test checks both).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.domain.requirements import Requirement, scored_weight

RESPONSES: dict[str, float] = {
    "Fully supported": 1.0,
    "Configuration": 0.8,
    "Customisation": 0.4,
    "Roadmap": 0.2,
    "Not supported": 0.0,
}
"""Response label (as shown in the workbook's drop-down) -> share of the requirement's weight earned."""

RESPONSE_ALIASES: dict[str, str] = {
    "fully": "Fully supported", "yes": "Fully supported", "standard": "Fully supported",
    "config": "Configuration", "customization": "Customisation", "custom": "Customisation",
    "no": "Not supported", "planned": "Roadmap",
}
"""Short forms vendors type; the workbook's lookup table lists them too, so its formulas and this code read
the same answers the same way."""

MISSED = frozenset({"Roadmap", "Not supported", None})
"""A Must answered with one of these (or not answered) is missed at go-live."""


def normalise_response(value: object) -> str | None:
    """Map what a vendor typed to a response label; None when blank or unreadable."""
    if value is None:
        return None
    text = " ".join(str(value).split()).strip().lower()
    if not text:
        return None
    for label in RESPONSES:
        if text == label.lower():
            return label
    return RESPONSE_ALIASES.get(text)


@dataclass
class VendorScore:
    vendor: str
    total: float
    """0..100, weighted over every requirement"""
    by_module: dict[str, float]
    musts_missed: list[str] = field(default_factory=list)
    unanswered: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)


def score_vendor(vendor: str, requirements: list[Requirement], responses: dict[str, object]) -> VendorScore:
    """Weighted score of one vendor; `responses` maps requirement id -> what the vendor wrote."""
    earned: dict[str, float] = {}
    possible: dict[str, float] = {}
    result = VendorScore(vendor, 0.0, {})
    for req in requirements:
        weight = scored_weight(req.priority, req.weight)
        if not weight:  # a Won't-have: listed, never scored
            continue
        raw = responses.get(req.id)
        label = normalise_response(raw)
        if raw not in (None, "") and label is None:
            result.unreadable.append(req.id)
        if label is None:
            result.unanswered.append(req.id)
        possible[req.module] = possible.get(req.module, 0) + weight
        earned[req.module] = earned.get(req.module, 0) + weight * RESPONSES.get(label or "", 0.0)
        if req.priority == "must" and label in MISSED:
            result.musts_missed.append(req.id)
    result.by_module = {m: round(100 * earned[m] / possible[m], 1) for m in possible if possible[m]}
    total_possible = sum(possible.values())
    result.total = round(100 * sum(earned.values()) / total_possible, 1) if total_possible else 0.0
    return result


def rank(scores: list[VendorScore]) -> list[VendorScore]:
    """Fewest missed Must-haves first, then the highest weighted score."""
    return sorted(scores, key=lambda s: (len(s.musts_missed), -s.total, s.vendor))
