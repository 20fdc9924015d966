"""Recertification decisions read back from the reviewers' checklists, turned into a change plan.

A reviewer may keep a right, revoke it, or change it to a narrower scope. A recertification never widens:
a wider "new scope" is refused (widening goes through a design change and its approval). The plan says
what to narrow in the design (roles[].permissions) and, per CRM target, what to change in the CRM; the
latter is the difference between projecting the design before and after the decisions, so it carries
the CRM's own limits (a level the CRM cannot express) instead of guessing them. Pure: no files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from workbench.domain.access import is_action, scope_rank
from workbench.domain.drift import Cell, TargetMatrix
from workbench.domain.playbook import Playbook
from workbench.domain.problems import Problem
from workbench.domain.recertify import DECISIONS
from workbench.i18n import N_

COLUMNS: tuple[tuple[str, str], ...] = (
    ("role", N_("Role")),
    ("role_name", N_("Role name")),
    ("object", N_("Object")),
    ("action", N_("Action")),
    ("scope", N_("Scope")),
    ("decision", N_("Decision")),
    ("new_scope", N_("New scope")),
    ("comment", N_("Comment")),
)
"""checklist column key -> header text (English; written translated); the reader finds columns by this
text in any language, not by position"""
INPUT_COLUMNS = ("decision", "new_scope", "comment")


@dataclass(frozen=True)
class Decision:
    """One checklist row as the reviewer left it; `decision` None = not decided yet."""

    role: str
    object: str
    action: str
    scope: str
    decision: str | None
    new_scope: str | None
    comment: str
    reviewer: str
    file: str
    row: int
    column: int
    """the Decision column (1-based), for located problems"""

    @property
    def cell(self) -> Cell:
        return (self.role, self.object, self.action)

    def problem(self, message: str, severity: str = "error", code: str = "decision") -> Problem:
        return Problem(
            message, (self.role, self.object, self.action), self.file, self.row, self.column, severity, code
        )


@dataclass(frozen=True)
class Change:
    """A right to narrow: `new` is 'none' for a revocation."""

    role: str
    object: str
    action: str
    current: str
    new: str
    decision: str
    reviewer: str
    comment: str
    where: str

    @property
    def cell(self) -> Cell:
        return (self.role, self.object, self.action)


@dataclass
class ChangePlan:
    changes: list[Change] = field(default_factory=list)
    kept: int = 0
    undecided: list[Decision] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def _target_scope(d: Decision, current: str) -> tuple[str | None, Problem | None]:
    """The scope a decision leaves the right with, or the problem that stops it."""
    if d.decision == "keep":
        return current, None
    if d.decision == "revoke":
        return "none", None
    if d.new_scope is None:
        return None, d.problem(
            "'change' needs a new scope (none, own or team); choose it in the New scope "
            "column, or decide keep or revoke"
        )
    if scope_rank(d.new_scope) > scope_rank(current):
        return None, d.problem(
            f"'change' to {d.new_scope} would widen {d.action} {d.object} (now "
            f"{current}); a recertification only keeps or narrows rights: widen it "
            "through a design change"
        )
    return d.new_scope, None


def plan_changes(pb: Playbook, decisions: list[Decision]) -> ChangePlan:
    """Check the decisions against the current design and collect the rights to narrow."""
    plan = ChangePlan()
    roles = pb.role_map()
    seen: dict[Cell, tuple[Decision, str]] = {}
    for d in decisions:
        if d.decision is None:
            plan.undecided.append(d)
            continue
        if d.decision not in DECISIONS:
            expected = ", ".join(DECISIONS)
            plan.problems.append(d.problem(f"decision {d.decision!r}; expected one of: {expected}"))
            continue
        role = roles.get(d.role)
        current = role.scope(d.object, d.action) if role is not None and is_action(d.action) else "none"
        if current == "none":
            plan.problems.append(
                d.problem(
                    f"the design no longer grants {d.role} {d.action} on {d.object}; the decision is ignored",
                    "warning",
                    "stale",
                )
            )
            continue
        if current != d.scope:
            plan.problems.append(
                d.problem(
                    f"the design changed since the checklist was made: {d.scope} "
                    f"then, {current} now; the decision applies to {current}",
                    "warning",
                    "stale",
                )
            )
        new, problem = _target_scope(d, current)
        if problem is not None:
            plan.problems.append(problem)
            continue
        assert new is not None
        earlier = seen.get(d.cell)
        if earlier is not None and earlier[1] != new:
            plan.problems.append(
                d.problem(
                    f"conflicts with the decision at {earlier[0].file} row "
                    f"{earlier[0].row} ({earlier[0].decision}); decide once"
                )
            )
            continue
        if earlier is not None:
            continue
        seen[d.cell] = (d, new)
        if new == current:
            plan.kept += 1
        else:
            kind = "revoke" if new == "none" else "change"
            plan.changes.append(
                Change(
                    d.role, d.object, d.action, current, new, kind, d.reviewer, d.comment, f"{d.file}:{d.row}"
                )
            )
    return plan


def apply_changes(pb: Playbook, changes: list[Change]) -> Playbook:
    """The design after the decisions: each changed right narrowed (a revoked one removed)."""
    by_role: dict[str, list[Change]] = {}
    for change in changes:
        by_role.setdefault(change.role, []).append(change)
    roles = []
    for role in pb.roles:
        if role.id not in by_role:
            roles.append(role)
            continue
        perms: dict[str, dict[str, str]] = {
            obj: dict(actions.items()) for obj, actions in role.permissions.items()
        }
        for change in by_role[role.id]:
            actions = perms.setdefault(change.object, {})
            if change.new == "none":
                actions.pop(change.action, None)
            else:
                actions[change.action] = change.new
        roles.append(role.model_copy(update={"permissions": {o: a for o, a in perms.items() if a}}))
    return pb.model_copy(update={"roles": roles})


@dataclass(frozen=True)
class CrmStep:
    """One right to change in a CRM: names in the CRM's terms, levels as the target expresses them.
    `note` explains a decision the CRM cannot carry out as such (before == after then)."""

    role: str
    crm_role: str
    object: str
    crm_object: str | None
    action: str
    before: str
    after: str
    note: str | None = None


def crm_steps(
    before: TargetMatrix,
    after: TargetMatrix,
    decided: Iterable[Cell],
    role_name: Callable[[str], str],
    object_name: Callable[[str], str | None],
) -> list[CrmStep]:
    """What changes in the target between two projections, plus every decided cell the target cannot
    change (a dependency keeps the right, or the object is unmapped), with the target's reason."""
    steps = []
    for cell in sorted(set(before.grants) | set(after.grants)):
        was, now = before.grants.get(cell, "none"), after.grants.get(cell, "none")
        if was != now:
            role, obj, action = cell
            steps.append(CrmStep(role, role_name(role), obj, object_name(obj), action, was, now))
    changed = {(s.role, s.object, s.action) for s in steps}
    reasons = {(x.role, x.object, x.action): x.message for x in before.limitations}
    reasons.update({(x.role, x.object, x.action): x.message for x in after.limitations})
    for cell in sorted(set(decided) - changed):
        role, obj, action = cell
        level = after.grants.get(cell, "none")
        note = reasons.get(cell) or f"{after.target} does not hold this right: nothing to change there"
        steps.append(CrmStep(role, role_name(role), obj, object_name(obj), action, level, level, note))
    return steps
