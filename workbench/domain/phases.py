"""Phases and their tasks: who does what, in which order, producing which deliverable."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from workbench.domain import fixed_ids
from workbench.domain.base import Id, Item, Strict
from workbench.domain.sizing import ScaleTerm
from workbench.domain.text import Text

RaciLetter = Literal["R", "A", "C", "I"]
PHASE_IDS = fixed_ids.PHASE_IDS  # the one list (domain/fixed_ids.py); a test holds the Literal equal


class Task(Item):
    name: Text
    description: Text | None = None
    owner: Id
    raci: dict[Id, RaciLetter]
    depends_on: list[Id] = []
    duration_days: int = Field(ge=0, le=250)
    scale: list[ScaleTerm] = []
    """size drivers that add working days to `duration_days` for a larger client (domain/sizing.py)"""
    deliverable: Text | None = None
    checklist: list[Text] = []
    gate: bool = False
    """A gate review: it must be done, its checklist ticked (or skipped with a reason) before its phase can
    close, and the next phase waits for it. A phase has a few (requirements sign-off, go-live readiness,
    post-implementation review); when every task was a gate the word meant nothing, so ordinary tasks
    are not."""
    milestone: bool = False
    tags: list[Id] = []

    @property
    def accountable(self) -> str:
        return next(role for role, letter in self.raci.items() if letter == "A")


class ExitCriterion(Strict):
    id: Id
    text: Text


class Phase(Strict):
    id: Literal["pre_deployment", "deployment", "post_deployment"]
    name: Text
    goal: Text | None = None
    exit_criteria: list[ExitCriterion] = []
    tasks: list[Task] = []
