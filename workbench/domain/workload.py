"""Who answers for what, and can they carry it: the RACI checks a PMO makes before a plan is signed.

Two things go wrong in real rollouts. The outside consultant ends up Accountable for the client's own
decisions (the requirement list, the segmentation, the go / no-go), so when the consultant leaves nobody
inside owns them; a role marked `external: true` must never be the A of a task tagged `client_decision`.
And the one in-house specialist who gives the rollout half their week is Responsible or Accountable for
more work than that half holds: levelling (domain/plan.py) queues their R work one task at a time, but
the tasks they are Accountable for still land on the same weeks, so their R/A load is checked week by
week against their share of time (`plan.availability`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from workbench.domain.governance import Finding
from workbench.domain.plan import Plan
from workbench.domain.playbook import Playbook
from workbench.i18n import _

CLIENT_DECISION = "client_decision"
"""The task tag that marks a decision only the client can own (its RFP, segmentation, go / no-go)."""
TOLERANCE = 0.005
"""Shares are rounded to 3 places; a week at its share plus rounding is not an overload."""


def external_accountable(pb: Playbook) -> list[Finding]:
    """Tasks that are the client's own decisions with an external role (consultant, vendor) as A."""
    external = {role.id for role in pb.roles if role.external}
    findings = []
    for _phase, task in pb.tasks():
        if CLIENT_DECISION not in task.tags:
            continue
        accountable = [r for r, letter in task.raci.items() if letter == "A"]
        for role in accountable:
            if role in external:
                findings.append(
                    Finding(
                        "external-accountable",
                        "error",
                        _(
                            "task {task} is the client's own decision, but its Accountable role {role} is "
                            "outside "
                            "the client"
                        ).format(task=task.id, role=role),
                        _(
                            "make the client's director or CRM manager Accountable (A) and {role} "
                            "Responsible (R) "
                            "or Consulted (C)"
                        ).format(role=role),
                        role=role,
                        task=task.id,
                    )
                )
    return findings


@dataclass(frozen=True)
class Overload:
    role: str
    share: float
    """the role's share of one person's time"""
    peak: float
    """the highest weekly R/A load, as a share of one person's time"""
    first_week: date
    weeks: int
    """how many weeks are above the share"""
    task_days: int
    """working days of the tasks the role is R or A for"""


def _ra_roles(raci: Mapping[str, str]) -> set[str]:
    return {role for role, letter in raci.items() if letter in ("R", "A")}


def overloads(pb: Playbook, plan: Plan) -> list[Overload]:
    """Roles with a declared share of time whose R/A tasks need more than it in some week of `plan`."""
    from workbench.domain.levelling import week_start

    if not plan.availability or not plan.tasks:
        return []
    source = pb.task_map()
    weeks = [week_start(plan.day(index), plan.weekend) for index in range(plan.working_days)]
    days_in_week: dict[date, int] = {}
    for key in weeks:
        days_in_week[key] = days_in_week.get(key, 0) + 1
    out = []
    for role, share in plan.availability.items():
        per_week: dict[date, float] = {}
        task_days = 0
        mine = [
            t for t in plan.tasks if t.duration and t.id in source and role in _ra_roles(source[t.id].raci)
        ]
        for task in mine:
            task_days += task.duration
            for index in range(task.early_start, min(task.early_finish, len(weeks))):
                per_week[weeks[index]] = per_week.get(weeks[index], 0.0) + share
        loads = {week: total / days_in_week[week] for week, total in per_week.items()}
        over = sorted(week for week, load in loads.items() if load > share + TOLERANCE)
        if over:
            out.append(Overload(role, share, round(max(loads.values()), 3), over[0], len(over), task_days))
    return out


def overload_findings(pb: Playbook, plan: Plan) -> list[Finding]:
    """One warning per role whose R/A load exceeds its availability, with the worst week and the count."""
    findings = []
    for o in overloads(pb, plan):
        findings.append(
            Finding(
                "raci-overload",
                "warning",
                _(
                    "{role} gives the rollout {share}% of its time but is Responsible or Accountable for "
                    "work "
                    "needing up to {peak}% of a person in {weeks} week(s), the first starting {week} ({days} "
                    "task-days in all)"
                ).format(
                    role=o.role,
                    share=round(o.share * 100),
                    peak=round(o.peak * 100),
                    weeks=o.weeks,
                    week=o.first_week.isoformat(),
                    days=o.task_days,
                ),
                _(
                    "move the Accountable (A) of some of {role}'s tasks to another client role, or raise its "
                    "share "
                    "of time in the intake"
                ).format(role=o.role),
                role=o.role,
            )
        )
    return findings
