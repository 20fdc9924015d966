"""Who is loaded when: each role's share of time from the intake, and its load week by week.

A CRM rollout stalls when the in-house specialist "does it on the side": the source articles ask for at
least half of one person's time. The playbook says which roles are one person with a share of their time
(`availability_from` on the role: a number question, in percent); the schedule levels their work so it
runs one task at a time (domain/plan.py), and this module shows the result as the load per role per week,
for the plan's Load sheet and the TUI, so a consultant sees an overload before the client feels it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from workbench.domain.plan import Plan, workers
from workbench.domain.playbook import Playbook


def availability(pb: Playbook, answers: Mapping[str, object]) -> dict[str, float]:
    """Role -> share of one person's time (0 < share <= 1) for roles whose availability question is
    answered."""
    out: dict[str, float] = {}
    for role in pb.roles:
        value = answers.get(role.availability_from) if role.availability_from else None
        if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value <= 100:
            out[role.id] = round(float(value) / 100, 4)
    return out


@dataclass(frozen=True)
class WeekLoad:
    week: date
    """the first day of the week (the day after the weekend)"""
    load: float
    """share of one person's working time the role's tasks take that week (1.0 = full time)"""


def week_start(day: date, weekend: frozenset[int]) -> date:
    """The first working weekday of `day`'s week: Monday for a Saturday–Sunday weekend, Saturday in Iran."""
    first = (max(weekend) + 1) % 7 if weekend and len(weekend) < 7 else 0
    return day - timedelta(days=(day.weekday() - first) % 7)


def role_load(pb: Playbook, plan: Plan) -> dict[str, list[WeekLoad]]:
    """Per role that works on tasks: its load in every week of the plan. A part-time role's task takes its
    share of the day; any other role's task takes a full day of one person (a team role above 1.0 simply
    has several people at work)."""
    if not plan.tasks:
        return {}
    source = pb.task_map()
    days = (
        plan.calendar.days(plan.start, plan.working_days + 1)
        if plan.calendar
        else [plan.day(i) for i in range(plan.working_days + 1)]
    )
    per_day: dict[str, dict[int, float]] = {}
    for task in plan.tasks:
        if not task.duration or task.id not in source:
            continue
        for role in workers(source[task.id]):
            demand = plan.availability.get(role, 1.0)
            tally = per_day.setdefault(role, {})
            for index in range(task.early_start, task.early_finish):
                tally[index] = tally.get(index, 0.0) + demand
    weeks = sorted({week_start(day, plan.weekend) for day in days[: plan.working_days]})
    working_in_week: dict[date, int] = {}
    for day in days[: plan.working_days]:
        key = week_start(day, plan.weekend)
        working_in_week[key] = working_in_week.get(key, 0) + 1
    out: dict[str, list[WeekLoad]] = {}
    for role, tally in per_day.items():
        totals: dict[date, float] = {}
        for index, demand in tally.items():
            key = week_start(days[index], plan.weekend)
            totals[key] = totals.get(key, 0.0) + demand
        out[role] = [WeekLoad(w, round(totals.get(w, 0.0) / working_in_week[w], 3)) for w in weeks]
    return out


def overloaded(pb: Playbook, plan: Plan) -> dict[str, list[WeekLoad]]:
    """Weeks in which a part-time role is asked for more than its share (empty once the plan is levelled)."""
    loads = role_load(pb, plan)
    return {
        role: bad
        for role, share in plan.availability.items()
        if (bad := [w for w in loads.get(role, []) if w.load > share + 1e-9])
    }
