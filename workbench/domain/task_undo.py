"""Which task changes are still in force, and what taking one back writes: pure logic over a task's history,
shared by both stores (which run it inside their write transaction) and by `crmwb task undo` (which finds
the change to take back).

A change is answered by compensating events (old and new swapped) whose note is "undo" in the language
of whoever undid it; nothing is deleted. So a task's status, assignee and due-date events form a stack:
each undo event takes back the newest event still in force of its kind. An undo is allowed only when the
change is on top of that stack (nothing changed the task since, except changes already undone), which
makes taking back earlier changes one after another (newest first) possible, and never overwrites
someone else's later change.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import timedelta
from functools import cache

from workbench.domain.tracking import Event
from workbench.i18n import N_, gettext_in
from workbench.languages import LANGUAGES

UNDOABLE = frozenset({"status", "assign", "due"})
UNDO_NOTE = N_("undo")
SAME_CHANGE = timedelta(milliseconds=250)
"""events of different kinds on one task by one author this close together, with nothing between, are one
change taken back together (the TUI's week plan records a due date and an assignee at once); a command of
the CLI records one event, and no two commands run this close"""


class UndoConflict(Exception):
    """The change is not on top of the task's history any more; `later` is what stands in the way."""

    def __init__(self, task_id: str, later: Event) -> None:
        super().__init__(f"{task_id} changed since (event {later.seq})")
        self.task_id, self.later = task_id, later


@cache
def undo_notes() -> frozenset[str]:
    """The note of an undo event in every language: an undo recorded in Persian is an undo in Russian."""
    return frozenset(gettext_in(lang, UNDO_NOTE) for lang in LANGUAGES) | {UNDO_NOTE}


def is_undo(event: Event) -> bool:
    return event.note in undo_notes()


def in_force(events: Iterable[Event]) -> list[Event]:
    """The task's status, assignee and due-date events still in force, oldest first: each undo event takes
    back the newest one of its kind left (events come in any order; they are sorted by seq)."""
    stack: list[Event] = []
    for event in sorted((e for e in events if e.kind in UNDOABLE), key=lambda e: e.seq):
        taken_back = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].kind == event.kind), None)
        if is_undo(event) and taken_back is not None and not is_undo(stack[taken_back]):
            del stack[taken_back]
        else:
            stack.append(event)
    return stack


def compensations(history: Iterable[Event], change: Sequence[Event]) -> list[tuple[str, str | None]]:
    """(kind, value to set) for each event of `change`, newest first; UndoConflict when the change is not
    what the task's history ends with (after taking out what was undone)."""
    events = [e for e in history if e.kind in UNDOABLE]
    live = in_force(events)
    wanted = sorted(e.seq for e in change)
    if not wanted or [e.seq for e in live[-len(wanted) :]] != wanted:
        later = [e for e in events if e.seq > wanted[-1]] if wanted else []
        blocking = later[-1] if later else (events[-1] if events else change[-1])
        raise UndoConflict(change[-1].task_id, blocking)
    ordered = sorted(change, key=lambda e: e.seq, reverse=True)
    return [(e.kind, (e.old or "not_started") if e.kind == "status" else e.old) for e in ordered]


def last_change(
    history: Iterable[Event], author: str, task_id: str | None = None
) -> tuple[Event, ...] | None:
    """The newest change still in force that `author` made (on `task_id`, or on any task): its events,
    oldest first; None when there is none. Whether it may be taken back is the undo's own check."""
    by_task: dict[str, list[Event]] = {}
    for event in history:
        if task_id is None or event.task_id == task_id:
            by_task.setdefault(event.task_id, []).append(event)
    live = {tid: in_force(events) for tid, events in by_task.items()}
    mine = [e for events in live.values() for e in events if e.author == author and not is_undo(e)]
    if not mine:
        return None
    newest = max(mine, key=lambda e: e.seq)
    stack = live[newest.task_id]
    index = next(i for i, e in enumerate(stack) if e.seq == newest.seq)
    first = index
    while first > 0 and _same_change(stack[first - 1], stack[first]):
        first -= 1
    return tuple(stack[first : index + 1])


def _same_change(earlier: Event, later: Event) -> bool:
    return (
        earlier.author == later.author
        and earlier.kind != later.kind
        and not is_undo(earlier)
        and later.at - earlier.at <= SAME_CHANGE
    )
