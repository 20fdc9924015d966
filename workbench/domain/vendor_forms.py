"""The three fillable workbooks of the vendor pack beside rfp.xlsx, as both their writer and their reader
know them: the commercial form (costs per item and year), the demo scorecard (one per evaluator) and the
reference check (one per reference call). Labels are English here and shown translated; the reader finds
them in any of our languages, so a Persian pack filled in and sent back reads like an English one.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.domain.rfp_document import COMMERCIAL_YEARS, COST_ITEMS, REFERENCE_FACTS, REFERENCE_QUESTIONS
from workbench.domain.rfp_pack import ModuleGroup
from workbench.i18n import N_

COMMERCIAL_FILE = "commercial-form.xlsx"
DEMO_FILE = "demo-scorecard.xlsx"
REFERENCE_FILE = "reference-check.xlsx"

COMMERCIAL_SHEET = N_("Commercial form")
DEMO_SHEET = N_("Demo scorecard")
REFERENCE_SHEET = N_("Reference check")
CURRENCY = N_("Currency")
EVALUATOR = N_("Evaluator")
COST_ITEM = N_("Cost item")
DEMO_SCORE = N_("Score (0-5)")
REFERENCE_SCORE = N_("Score (1-5)")
DEMO_RANGE = (0, 5)
REFERENCE_RANGE = (1, 5)
CURRENCIES = {"IR": "IRR", "RU": "RUB"}
"""the engagement's country -> the currency its vendors quote in (elsewhere the vendor states it)"""

__all__ = [
    "COMMERCIAL_YEARS",
    "COST_ITEMS",
    "REFERENCE_FACTS",
    "REFERENCE_QUESTIONS",
    "DemoItem",
    "demo_items",
    "tco",
]


@dataclass(frozen=True)
class DemoItem:
    """One scripted demo scenario: a Must with an acceptance test (the requirement's id is the item's)."""

    id: str
    module: str
    scenario: str
    check: str


def demo_items(module_groups: list[ModuleGroup]) -> list[DemoItem]:
    """The scripted demo of rfp.docx: every Must with an acceptance test, in module order."""
    return [
        DemoItem(row.id, row.module, row.text, row.acceptance)
        for group in module_groups
        for row in group.rows
        if row.priority == "must" and row.acceptance
    ]


def tco(costs: dict[str, list[float]], horizon: int) -> float:
    """Total cost of ownership: every cost item summed over the first `horizon` years."""
    return float(sum(sum(years[:horizon]) for years in costs.values()))
