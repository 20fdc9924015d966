"""Undo of a task change, the use case: the change's status, assignee or due-date events are answered by
compensating ones (old and new swapped, by the person undoing, noted as an undo), so the history keeps
both the change and its undo; nothing is ever deleted.

An undo is refused when the same task's status, assignee or due date was changed after the change being
undone (by another program, another person, or this one) and that change was not undone itself: undoing
then would silently overwrite it. The check and the writes are one store transaction (both stores). A
note or a ticked checklist item does not stand in the way: undoing leaves them as they are.
The TUI calls it for Ctrl+Z (a stack of this session's changes), `crmwb task DIR undo [TASK]` with
last_change (the author's newest change still in force, found in the history).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.domain.task_undo import UNDO_NOTE, UNDOABLE
from workbench.domain.tracking import Event
from workbench.i18n import _
from workbench.store.sqlite_store import StoreError

if TYPE_CHECKING:
    from workbench.app.engagement import OpenEngagement

LOOK_BACK = 16
"""events of the task read to find what a change recorded (one change records at most two)"""


class UndoRefused(StoreError):
    """The task changed since; nothing was written. The message says who changed what, and when."""


@dataclass(frozen=True)
class TaskChange:
    """The events one change recorded on one task, oldest first: what an undo answers."""

    task_id: str
    events: tuple[Event, ...]


def recorded_change(opened: OpenEngagement, task_id: str, change: Callable[[], object]) -> TaskChange | None:
    """Run `change` and return the status, assignee and due-date events it recorded on `task_id` (None
    when it recorded none: a status set to what it already was)."""
    store = opened.store
    before = max((e.seq for e in store.history(task_id, limit=1)), default=0)
    change()
    events = tuple(
        e for e in store.history(task_id, limit=LOOK_BACK) if e.seq > before and e.kind in UNDOABLE
    )
    return TaskChange(task_id, events) if events else None


def undo_change(opened: OpenEngagement, change: TaskChange, author: str) -> None:
    """Record the compensating events of `change`, newest first; UndoRefused when the task's status,
    assignee or due date changed after it (changes undone since do not count). The store checks and writes
    in one transaction."""
    from workbench.domain.task_undo import UndoConflict

    try:
        opened.store.undo_change(change.task_id, change.events, author, _(UNDO_NOTE))
    except UndoConflict as exc:
        raise UndoRefused(refusal(change.task_id, exc.later)) from None


def last_change(opened: OpenEngagement, author: str, task_id: str | None = None) -> TaskChange | None:
    """The newest change `author` made that is still in force, on `task_id` or on any task (None: none)."""
    from workbench.domain.task_undo import last_change as newest

    events = newest(opened.store.history(task_id), author, task_id)
    return TaskChange(events[-1].task_id, events) if events else None


def refusal(task_id: str, later: Event) -> str:
    """Why an undo was refused: the later change, who made it and when."""
    from workbench.domain.locale import format_short_date, localize_digits
    from workbench.i18n import current_language

    lang = current_language()
    when = f"{format_short_date(later.at.date(), lang)} {localize_digits(later.at.strftime('%H:%M'), lang)}"
    return _(
        "{task} was changed since by {author} ({when}); nothing was undone: look at its history and make "
        "the change you want by hand"
    ).format(task=task_id, author=later.author, when=when)
