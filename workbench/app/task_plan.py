"""Due dates, the use case: set a task's due date (None: back to the planned date) and say whether the
day works on the engagement's calendar. A day off is kept as chosen (the consultant may mean it), but
`crmwb task due` warns and the TUI's date picker shows it before it is chosen."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from workbench.domain.date_input import day_off_reason

if TYPE_CHECKING:
    from workbench.app.engagement import OpenEngagement


def set_due(opened: OpenEngagement, task_id: str, day: date | None, author: str) -> str | None:
    """Record the due date with its author; returns why the day does not work, or None."""
    opened.store.set_due(task_id, day, author)
    return day_off_reason(opened.plan.calendar, day)


def plan_task(
    opened: OpenEngagement,
    task_id: str,
    author: str,
    *,
    due: date | None,
    due_changed: bool,
    assignee: str | None,
    assignee_changed: bool,
) -> str | None:
    """Due date and assignee of one task, each written only when it changed (one history event each, as
    `crmwb task due` and `crmwb task assign`); returns the day-off warning of the due date, if any."""
    warning = set_due(opened, task_id, due, author) if due_changed else None
    if assignee_changed:
        opened.store.assign(task_id, assignee, author)
    return warning
