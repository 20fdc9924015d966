"""Finding work in a task list: a folded text key per task in every language the playbook speaks, and the
quick filters a consultant reaches for (mine, late, blocked, critical).

A Persian consultant may type the Russian name a colleague used, or the English id from an e-mail, so the
key holds the task's name, description and checklist in every language, its owner's name in every
language, its id and its assignee; `domain/search.py` folds both sides, so any spelling finds the task.
Pure: the TUI's Phases screen and anything else that lists tasks share it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from workbench.domain.phases import Task
from workbench.domain.search import every_language, search_key
from workbench.domain.text import LocalText
from workbench.domain.tracking import CLOSED, TaskView

QUICK_FILTERS = ("mine", "late", "blocked", "critical")
"""the toggles, in the order the interface lists them"""


def task_search_key(task: Task, owner_name: LocalText | None) -> str:
    """The folded text a search looks in for one task; the assignee changes, so it is added per search."""
    texts = every_language([task.name, task.description, *task.checklist, owner_name])
    return search_key("\n".join([task.id, task.owner, *texts]))


def is_late(view: TaskView, today: date) -> bool:
    """Due before today and not done or skipped: the same rule as `crmwb status`."""
    return view.due < today and view.status not in CLOSED


def passes(view: TaskView, toggles: Iterable[str], author: str, today: date) -> bool:
    """Whether `view` passes every quick filter switched on (they combine: mine and late = my late tasks).

    mine: assigned to the author of this session's changes (case and surrounding spaces ignored);
    critical: on the plan's critical path, the chain that sets the go-live date."""
    tests = {
        "mine": lambda: (view.assignee or "").strip().casefold() == author.strip().casefold(),
        "late": lambda: is_late(view, today),
        "blocked": lambda: view.status == "blocked",
        "critical": lambda: view.critical,
    }
    return all(tests[name]() for name in toggles)
