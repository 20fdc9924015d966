"""RFP scoring: how a vendor's answers turn into a weighted score per module, and how vendors rank.

The same points are written into the xlsx as live formulas, so the vendor's workbook and this code
agree on every number (a test checks both).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.domain.requirements import Requirement, scored_weight
from workbench.domain.text import LANGUAGES
from workbench.i18n import N_, gettext_in

RESPONSES: dict[str, float] = {
    N_("Fully supported"): 1.0,
    N_("Configuration"): 0.8,
    N_("Customisation"): 0.4,
    N_("Roadmap"): 0.2,
    N_("Not supported"): 0.0,
}
"""Response label (English, the key; the workbook's drop-down shows it in the pack's language) -> share of the
requirement's weight earned."""

RESPONSE_ALIASES: dict[str, str] = {
    "fully": "Fully supported",
    "yes": "Fully supported",
    "standard": "Fully supported",
    "config": "Configuration",
    "customization": "Customisation",
    "custom": "Customisation",
    "no": "Not supported",
    "planned": "Roadmap",
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
    return _RESPONSE_LOOKUP.get(text) or RESPONSE_ALIASES.get(text)


def response_labels(lang: str) -> dict[str, str]:
    """English response key -> the label the workbook shows in `lang`."""
    return {label: gettext_in(lang, label) for label in RESPONSES}


_RESPONSE_LOOKUP = {
    " ".join(shown.split()).lower(): label
    for lang in LANGUAGES
    for label, shown in response_labels(lang).items()
}
"""What a vendor may type, in any of our languages (a Russian pack answered in English still scores)."""


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
