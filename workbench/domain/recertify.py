"""Access recertification: who reviews which rights, how often, from the design alone.

The reviewer is the Accountable role of the playbook's access-recertification task (core:
`post-08-access-recertification`, A = crm_manager; financial-services makes it the compliance officer),
because that is the role the method already holds to account for the review. A reviewer never certifies
their own role: that role goes to the Accountable of the access-design task (core: `dep-14-access-roles`,
the director), else to a `director` role, else it stays with the reviewer and the plan says so. Without a
recertification task the plan falls back to `crm_manager` and says that too. The cadence is
`governance.recertification_months`. Pure: no files; the xlsx checklists and their decisions live in
writers/ and loading/.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from workbench.domain.matrix import permission_matrix
from workbench.domain.phases import Task
from workbench.domain.playbook import Playbook
from workbench.domain.text import tr
from workbench.domain.work_calendar import WorkCalendar, add_months
from workbench.i18n import _, ngettext

FALLBACK_REVIEWER = "crm_manager"
FALLBACK_WINDOW_DAYS = 10
"""working days a review may take when the playbook has no recertification task to say so"""
DECISIONS: tuple[str, ...] = ("keep", "revoke", "change")


@dataclass(frozen=True)
class Right:
    """One granted cell of the design: what the reviewer confirms or withdraws."""

    role: str
    object: str
    action: str
    scope: str


@dataclass(frozen=True)
class RoleReview:
    role: str
    name: str
    reviewer: str
    rights: tuple[Right, ...]
    note: str | None = None
    """why this role's reviewer is not the plan's main reviewer (self-review avoided or not avoidable)"""


@dataclass
class ReviewPlan:
    reviewer: str
    """the Accountable role of the recertification task (or the fallback)"""
    task: str | None
    """the recertification task the reviewer comes from; None when the playbook has none"""
    cadence_months: int
    window_days: int = FALLBACK_WINDOW_DAYS
    """working days the reviewers have: the recertification task's duration"""
    roles: list[RoleReview] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def by_reviewer(self) -> dict[str, list[RoleReview]]:
        """Reviewer -> the roles they review (only roles with rights), main reviewer first."""
        out: dict[str, list[RoleReview]] = {self.reviewer: []}
        for review in self.roles:
            if review.rights:
                out.setdefault(review.reviewer, []).append(review)
        return {k: v for k, v in out.items() if v}

    def rights(self) -> int:
        return sum(len(r.rights) for r in self.roles)


def _mentions(task: Task, *words: str) -> bool:
    return any(w in text for w in words for text in [task.id, *task.tags])


def recertification_task(pb: Playbook) -> Task | None:
    """The task whose id or tags mention access recertification; a tag `access-recertification` wins over
    an id that merely contains `recertif`, the last phase's task over an earlier one."""
    tasks = [task for _, task in pb.tasks()]
    tagged = [t for t in tasks if "access-recertification" in t.tags or "recertification" in t.tags]
    named = [t for t in tasks if _mentions(t, "recertif")]
    found = tagged or named
    return found[-1] if found else None


def _design_task(pb: Playbook, skip: str | None) -> Task | None:
    """The access-design task (id or tags mention access roles/rights), not the recertification one."""
    for _phase, task in pb.tasks():
        if task.id != skip and _mentions(task, "access-roles", "access-rights", "access-design"):
            return task
    return None


def _independent(pb: Playbook, reviewer: str, skip: str | None) -> tuple[str, str]:
    """Who reviews the reviewer's own role, and how the plan explains it."""
    design = _design_task(pb, skip)
    if design is not None and design.accountable != reviewer:
        return design.accountable, _(
            "{reviewer} does not certify their own rights: reviewed by {accountable}, Accountable for {task}"
        ).format(reviewer=reviewer, accountable=design.accountable, task=design.id)
    roles = pb.role_map()
    if "director" in roles and reviewer != "director":
        return "director", _("{reviewer} does not certify their own rights: reviewed by the director").format(
            reviewer=reviewer
        )
    return reviewer, _(
        "no independent reviewer for {reviewer}'s own rights: self-review, flag it to the auditor"
    ).format(reviewer=reviewer)


def review_plan(pb: Playbook, lang: str = "en") -> ReviewPlan:
    """Per role with rights: the reviewer and the rights to confirm, in the playbook's role order."""
    task = recertification_task(pb)
    notes: list[str] = []
    if task is not None:
        reviewer = task.accountable
    else:
        reviewer = FALLBACK_REVIEWER
        notes.append(
            _("no access-recertification task in {playbook}: the reviewer falls back to {reviewer}").format(
                playbook=pb.id, reviewer=reviewer
            )
        )
    if reviewer not in pb.role_map():
        notes.append(
            _(
                "the reviewer {reviewer} is not a role of {playbook}; name one in the recertification "
                "task's RACI (A)"
            ).format(reviewer=reviewer, playbook=pb.id)
        )
    window = task.duration_days if task is not None and task.duration_days else FALLBACK_WINDOW_DAYS
    plan = ReviewPlan(
        reviewer, task.id if task else None, pb.governance.recertification_months, window, notes=notes
    )
    grants: dict[str, list[Right]] = {}
    for role, obj, action, scope in permission_matrix(pb, lang).grants():
        grants.setdefault(role, []).append(Right(role, obj, action, scope))
    for role in pb.roles:
        rights = tuple(grants.get(role.id, ()))
        who, note = reviewer, None
        if role.id == reviewer and rights:
            who, note = _independent(pb, reviewer, plan.task)
        plan.roles.append(RoleReview(role.id, tr(role.name, lang), who, rights, note))
    without = [r.role for r in plan.roles if not r.rights]
    if without:
        notes.append(
            ngettext(
                "{count} role holds no rights and needs no review: {roles}",
                "{count} roles hold no rights and need no review: {roles}",
                len(without),
            ).format(count=len(without), roles=", ".join(without))
        )
    return plan


def due_dates(start: date, months: int, count: int = 4, workdays: WorkCalendar | None = None) -> list[date]:
    """The next `count` review dates from `start` at the playbook's cadence; with the client's calendar
    (`workdays`) each one moves to the first working day on or after it (no review opens on a Friday in
    Tehran)."""
    days = [add_months(start, months * i) for i in range(1, count + 1)]
    return [workdays.first_working(d) for d in days] if workdays is not None else days
