"""The RFP requirements catalogue, grouped by module, prioritised with MoSCoW and weighted."""

from __future__ import annotations

from typing import Literal, TypeVar

from pydantic import Field

from workbench.domain import fixed_ids
from workbench.domain.base import Id, Item, Strict
from workbench.domain.text import Text

Priority = Literal["must", "should", "could", "wont"]
PRIORITIES = fixed_ids.PRIORITIES  # the one list (domain/fixed_ids.py); a test holds the Literal equal
CrmKind = Literal["operational", "analytical", "collaborative"]
Weight = TypeVar("Weight", int, float)


def scored_weight(priority: str, weight: Weight) -> Weight:
    """The weight a requirement carries in every view and score: its set weight, but 0 for a Won't-have,
    which is listed for information and never scored. The TUI, the xlsx and md packs, the governance
    share and vendor scoring all ask here, so no two of them can disagree."""
    return 0 if priority == "wont" else weight


class Module(Strict):
    id: Id
    name: Text
    description: Text | None = None
    kind: CrmKind | None = None


class Requirement(Item):
    module: Id
    text: Text
    rationale: Text | None = None
    priority: Priority
    weight: int = Field(ge=1, le=5)
    kind: CrmKind | None = None
    acceptance: Text | None = None
    """How the buyer will verify the vendor's answer in a demo or test."""
