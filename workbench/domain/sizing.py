"""Task effort that follows the client's size: a base duration plus terms per size driver.

Training 40 people and training 600 people are not the same five days; migrating 420,000 policies is not
the same ten days as migrating a spreadsheet. A playbook task may declare `scale` terms: for every `per`
units of a driver (a number question such as users to train or records to migrate, or a multi-choice
question counted by how many options were chosen, such as integrations), add `days` working days, up to
`max_days` for that term. The plan shows each term that added days, so the consultant can explain (or
challenge) every duration.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from pydantic import Field

from workbench.domain.base import Id, Strict
from workbench.domain.text import Text


class ScaleTerm(Strict):
    driver: Id
    """a number question, or a multi-choice question (its count of chosen options)"""
    per: float = Field(gt=0)
    days: float = Field(gt=0, le=250)
    max_days: int | None = Field(default=None, ge=0, le=250)
    label: Text | None = None
    """what the driver counts, as the plan shows it ("users to train"); the driver's id when absent"""


@dataclass(frozen=True)
class Sizing:
    driver: str
    value: float
    added: int
    """working days this term added to the base"""
    label: object = None
    """the term's label (LocalText) for display"""


def driver_value(value: object) -> float | None:
    """The size a driver's answer stands for: a number, or how many options were chosen."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(value) and value >= 0 else None
    if isinstance(value, list):
        return float(len(value))
    return None


def sized(base: int, terms: list[ScaleTerm], answers: Mapping[str, object]) -> tuple[int, list[Sizing]]:
    """The duration for these answers and the terms that added to it (unanswered drivers add nothing)."""
    total, notes = base, []
    for term in terms:
        value = driver_value(answers.get(term.driver))
        if not value:
            continue
        added = math.ceil(math.ceil(value / term.per) * term.days)
        if term.max_days is not None:
            added = min(added, term.max_days)
        if added:
            total += added
            notes.append(Sizing(term.driver, value, added, term.label))
    return min(total, 250 * 4), notes
