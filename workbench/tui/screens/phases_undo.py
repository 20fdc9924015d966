"""Ctrl+Z on the Phases screen: undo the status, assignee and due-date changes made here, newest first
(pressed again, the one before, and so on back to the first change of the session), by recording the
compensating events (app.task_undo): the history keeps the change and its undo. Done, skip and block
ask for no confirmation: their toast says Ctrl+Z undoes them. An undo the task's later history forbids is
refused with the store's usual "not saved" message, saying who changed it since."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from textual.binding import Binding
from textual.message import Message

from workbench.i18n import N_, _
from workbench.tui.screens.base import WorkbenchScreen

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.app.session import Session
    from workbench.app.task_undo import TaskChange
    from workbench.domain.tracking import Event, TaskState

UNDO_BINDING = Binding(
    "ctrl+z",
    "undo",
    N_("Undo"),
    show=False,
    id="phases.undo",
    tooltip=N_(
        "Undo the last status, assignee or due-date change made here; again for the one before; the undo "
        "is kept in the task's history too"
    ),
)


class Undoable(NamedTuple):
    change: TaskChange
    label: str
    """what the person asked for ("Done 'Kick-off'"), as the toasts name it"""


class Landed(NamedTuple):
    """What the Phases screen reads back after a change: the states, the task's history and, for a change
    Ctrl+Z can take back, what it recorded."""

    states: dict[str, TaskState]
    history: list[Event]
    undoable: Undoable | None


@dataclass
class UndoLanded(Message):
    label: str


class UndoActions(WorkbenchScreen):
    """The base of PhasesScreen's undo: it queues changes with `_apply` and calls `remember` when one of
    them landed."""

    session: Session
    _undo_stack: list[Undoable] | None = None

    @property
    def undo_stack(self) -> list[Undoable]:
        """This session's changes Ctrl+Z can still take back, oldest first."""
        if self._undo_stack is None:
            self._undo_stack = []
        return self._undo_stack

    @property
    def last_change(self) -> Undoable | None:
        return self.undo_stack[-1] if self.undo_stack else None

    def _apply(self, change: Callable[[], object], label: str, task_id: str, undoable: bool = False) -> None:
        raise NotImplementedError

    def remember(self, undoable: Undoable | None) -> None:
        """A change landed: the one Ctrl+Z takes back next (the earlier ones after it), said in its toast."""
        if undoable is None:
            return
        self.undo_stack.append(undoable)
        self.notify(_("{change} (ctrl+z to undo)").format(change=undoable.label), timeout=5)
        self.refresh_bindings()

    def action_undo(self) -> None:
        from workbench.app.task_undo import undo_change

        last = self.undo_stack.pop() if self.undo_stack else None
        if last is None:
            self.notify(_("Nothing to undo: no task was changed here yet."), severity="warning")
            return
        opened, author, screen = self.session.opened, self.session.author, self
        label = _("Undo {change}").format(change=last.label)

        def undo() -> None:
            undo_change(opened, last.change, author)
            screen.post_message(UndoLanded(last.label))

        self._apply(undo, label, last.change.task_id)
        self.refresh_bindings()

    def on_undo_landed(self, message: UndoLanded) -> None:
        message.stop()
        self.notify(_("Undone: {change}; the history keeps both.").format(change=message.label), timeout=5)
