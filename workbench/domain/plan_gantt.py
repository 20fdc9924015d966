"""A Gantt chart's time axis and bars, computed from a Plan so every writer draws the same chart.

Short projects (under DAY_LIMIT working days) get one column per working day, longer ones one column
per calendar week (starting Monday). A bar spans the columns from a task's start to its finish date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from workbench.domain.plan import Plan, ScheduledTask

DAY_LIMIT = 60


@dataclass(frozen=True)
class Bar:
    first: int
    """index of the first column the bar fills"""
    last: int
    """index of the last column (inclusive)"""


@dataclass(frozen=True)
class Gantt:
    scale: Literal["day", "week"]
    columns: list[date]
    """the first day of each column: a working day, or the Monday of a week"""

    def column_of(self, day: date) -> int:
        """The column that holds `day`."""
        if self.scale == "week":
            monday = day - timedelta(days=day.weekday())
            return (monday - self.columns[0]).days // 7
        return self.columns.index(day)

    def bar(self, start: date, finish: date) -> Bar:
        return Bar(self.column_of(start), self.column_of(finish))

    def task_bar(self, task: ScheduledTask) -> Bar:
        return self.bar(task.start, task.finish)


def gantt(plan: Plan, day_limit: int = DAY_LIMIT) -> Gantt:
    """The time axis for a plan: working days when it is shorter than `day_limit`, weeks otherwise."""
    if plan.working_days < day_limit:
        return Gantt("day", [plan.day(i) for i in range(max(plan.working_days, 1))])
    first = plan.start - timedelta(days=plan.start.weekday())
    last = plan.finish - timedelta(days=plan.finish.weekday())
    return Gantt("week", [first + timedelta(weeks=i) for i in range((last - first).days // 7 + 1)])


def phase_spans(plan: Plan) -> dict[str, tuple[date, date]]:
    """Each phase's first start and last finish, in phase order (the phase bands of the chart)."""
    spans: dict[str, tuple[date, date]] = {}
    for task in plan.tasks:
        first, last = spans.get(task.phase, (task.start, task.finish))
        spans[task.phase] = (min(first, task.start), max(last, task.finish))
    order = list(plan.phase_milestones())
    return {phase: spans[phase] for phase in order}
