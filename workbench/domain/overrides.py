"""Engagement-level edits of the RFP: a consultant re-prioritises or re-weights requirements for one
client without touching the shared playbook. Stored in engagement.yaml under `overrides`."""

from __future__ import annotations

from typing import Any

from workbench.domain.playbook import Playbook
from workbench.domain.problems import Problem
from workbench.domain.requirements import PRIORITIES

EDITABLE = {"priority", "weight"}


def check_overrides(pb: Playbook, overrides: dict[str, Any]) -> list[Problem]:
    problems = []
    known = {r.id for r in pb.requirements}
    for req_id, change in (overrides.get("requirements") or {}).items():
        path = ("overrides", "requirements", req_id)
        if req_id not in known:
            problems.append(Problem(f"unknown requirement {req_id!r}", path, code="unknown-ref"))
            continue
        if not isinstance(change, dict) or not change or set(change) - EDITABLE:
            problems.append(Problem("expected a mapping with priority and/or weight", path))
            continue
        if "priority" in change and change["priority"] not in PRIORITIES:
            problems.append(
                Problem(
                    f"priority {change['priority']!r}: expected one of {', '.join(PRIORITIES)}",
                    path + ("priority",),
                )
            )
        weight = change.get("weight", 1)
        if isinstance(weight, bool) or not isinstance(weight, int) or not 1 <= weight <= 5:
            problems.append(
                Problem(f"weight {weight!r}: expected a whole number from 1 to 5", path + ("weight",))
            )
    unknown = set(overrides) - {"requirements"}
    problems += [
        Problem(f"unknown override section {k!r}; expected: requirements", ("overrides", k)) for k in unknown
    ]
    return problems


def apply_overrides(pb: Playbook, overrides: dict[str, Any]) -> Playbook:
    """The playbook with the engagement's requirement edits applied (call after resolve)."""
    changes = overrides.get("requirements") or {}
    if not changes:
        return pb
    requirements = [r.model_copy(update=changes[r.id]) if r.id in changes else r for r in pb.requirements]
    return pb.model_copy(update={"requirements": requirements})
