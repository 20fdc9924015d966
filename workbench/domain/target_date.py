"""Does the plan meet the client's deadline? If not, by how much, and what would bring it back.

The intake asks `target_go_live_months`: when the CRM must be in daily use. Go-live is the end of the
deployment phase in the scheduled plan. When the plan misses the target, the consultant needs the slip in
days and the two honest levers, never a silent change: compress the longest critical tasks before go-live,
or move whole modules whose requirements are only Should or Could into a later release. Nothing here
changes the plan; interfaces show the suggestion and the consultant decides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from workbench.domain.plan import Plan, ScheduledTask
from workbench.domain.playbook import Playbook
from workbench.domain.work_calendar import WorkCalendar, add_months

TARGET_QUESTION = "target_go_live_months"
GO_LIVE_PHASES = ("pre_deployment", "deployment")
SUGGESTED_TASKS = 5


@dataclass(frozen=True)
class TargetCheck:
    target: date
    go_live: date
    slip_days: int
    """calendar days go-live falls after the target (0 or less: the plan meets it)"""
    slip_working_days: int
    compress: list[ScheduledTask] = field(default_factory=list)
    """the longest critical tasks before go-live: shortening any of them moves go-live"""
    defer_modules: list[str] = field(default_factory=list)
    """modules whose requirements are all Should or Could: candidates for a later release"""

    @property
    def missed(self) -> bool:
        return self.slip_days > 0


def go_live(plan: Plan) -> date:
    ends = plan.phase_milestones()
    return ends.get("deployment") or max(ends.values(), default=plan.finish)


def check_target(pb: Playbook, plan: Plan, answers: dict, start: date) -> TargetCheck | None:
    """None when the client gave no target; otherwise the comparison and, when missed, the levers."""
    months = answers.get(TARGET_QUESTION)
    if not isinstance(months, (int, float)) or isinstance(months, bool) or months <= 0:
        return None
    target = add_months(start, int(months))
    live = go_live(plan)
    slip = (live - target).days
    working = _working_days_between(plan, target, live) if slip > 0 else 0
    if slip <= 0:
        return TargetCheck(target, live, slip, 0)
    critical = [t for t in plan.tasks if t.critical and t.duration and t.phase in GO_LIVE_PHASES]
    compress = sorted(critical, key=lambda t: (-t.duration, t.early_start))[:SUGGESTED_TASKS]
    return TargetCheck(target, live, slip, working, compress, deferrable_modules(pb))


def deferrable_modules(pb: Playbook) -> list[str]:
    """Modules with requirements, none of them a Must: the scope a later release can take."""
    by_module: dict[str, list[str]] = {}
    for req in pb.requirements:
        by_module.setdefault(req.module, []).append(req.priority)
    return [
        m.id
        for m in pb.modules
        if by_module.get(m.id)
        and not any(p == "must" for p in by_module[m.id])
        and any(p in ("should", "could") for p in by_module[m.id])
    ]


def _working_days_between(plan: Plan, target: date, live: date) -> int:
    """Working days after the target up to go-live, on the plan's calendar."""
    calendar = plan.calendar or WorkCalendar(weekend=plan.weekend)
    return calendar.between(target + timedelta(days=1), live)
