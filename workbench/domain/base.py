"""Shared base for playbook items: strict (no coercion), unknown keys rejected, stable ids."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from workbench.domain.conditions import Condition

Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_.-]*$", max_length=80)]
"""An item id: letters, digits, `_`, `-`, `.`; starts with a letter (used in file names and sheet keys)."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True, frozen=False)


class Item(Strict):
    """A playbook item with a stable id and an optional condition on the intake answers."""

    id: Id
    when: Condition | None = None
