"""Phases and their tasks: who does what, in which order, producing which deliverable."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from workbench.domain.base import Id, Item, Strict
from workbench.domain.text import Text

RaciLetter = Literal["R", "A", "C", "I"]
PHASE_IDS = ("pre_deployment", "deployment", "post_deployment")


class Task(Item):
    name: Text
    description: Text | None = None
    owner: Id
    raci: dict[Id, RaciLetter]
    depends_on: list[Id] = []
    duration_days: int = Field(ge=0, le=250)
    deliverable: Text | None = None
    checklist: list[Text] = []
    gate: bool = True
    """A gate task must be done (or skipped with a reason) before its phase can close."""
    milestone: bool = False
    tags: list[Id] = []

    @model_validator(mode="after")
    def _raci_rules(self) -> Task:
        letters = list(self.raci.values())
        if letters.count("A") != 1:
            raise ValueError(f"RACI needs exactly one Accountable (A); found {letters.count('A')}")
        if "R" not in letters:
            raise ValueError("RACI needs at least one Responsible (R); found none")
        if self.raci.get(self.owner) not in ("R", "A"):
            raise ValueError(f"owner {self.owner!r} must be Responsible or Accountable in the RACI")
        return self

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
