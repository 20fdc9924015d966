"""Which task changes keep the engagement's state possible: the rules the CLI and the TUI both apply.

A task is finished only after the tasks it depends on are done or skipped, and a gate task only with its
checklist ticked; otherwise the report would say "Go live: done" while the RFP has not started. Either
rule may be overridden, but only with a reason, and the reason goes into the task's history with what
was still open, so the history explains the odd state. A closed task can be reopened. Pure: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.domain.playbook import Playbook
from workbench.domain.tracking import CLOSED, TaskState
from workbench.i18n import _


@dataclass(frozen=True)
class OpenPredecessor:
    id: str
    name: str
    status: str


@dataclass(frozen=True)
class DoneCheck:
    """What stands between a task and `done`; empty tuples mean nothing does."""

    task_id: str
    open_predecessors: tuple[OpenPredecessor, ...] = ()
    unticked: tuple[int, ...] = ()
    """1-based numbers of the unticked checklist items of a gate task (other tasks: always empty)"""
    checklist_total: int = 0

    @property
    def allowed(self) -> bool:
        return not self.open_predecessors and not self.unticked

    def reasons(self) -> list[str]:
        """One sentence per rule the change breaks, each naming what is open."""
        lines = []
        if self.open_predecessors:
            listed = "; ".join(
                _("{id} ({name}, {status})").format(id=p.id, name=p.name, status=p.status)
                for p in self.open_predecessors
            )
            lines.append(
                _("{count} predecessor(s) not done or skipped: {listed}").format(
                    count=len(self.open_predecessors), listed=listed
                )
            )
        if self.unticked:
            lines.append(
                _("gate task with {open} of {total} checklist item(s) unticked: {items}").format(
                    open=len(self.unticked),
                    total=self.checklist_total,
                    items=", ".join(str(n) for n in self.unticked),
                )
            )
        return lines


def check_done(pb: Playbook, task_id: str, states: dict[str, TaskState]) -> DoneCheck:
    """May `task_id` be marked done? `pb` is the resolved playbook (its dependencies already inherit those
    of tasks the answers dropped), `states` the store's current task states."""
    tasks = pb.task_map()
    task = tasks.get(task_id)
    if task is None:
        return DoneCheck(task_id)
    open_predecessors = tuple(
        OpenPredecessor(dep, str(tasks[dep].name) if dep in tasks else dep, _state(states, dep).status)
        for dep in task.depends_on
        if _state(states, dep).status not in CLOSED
    )
    unticked: tuple[int, ...] = ()
    if task.gate and task.checklist:
        ticks = _state(states, task_id).checklist
        ticked = {n for n, done in enumerate(ticks, 1) if done}
        unticked = tuple(n for n in range(1, len(task.checklist) + 1) if n not in ticked)
    return DoneCheck(task_id, open_predecessors, unticked, len(task.checklist))


def _state(states: dict[str, TaskState], task_id: str) -> TaskState:
    return states.get(task_id) or TaskState(task_id)


def forced_note(reason: str, check: DoneCheck, note: str | None = None) -> str:
    """The history note of a forced `done`: the reason, then what was still open (and any plain note)."""
    text = _("forced: {reason} [{open}]").format(reason=reason.strip(), open="; ".join(check.reasons()))
    return f"{text}; {note.strip()}" if note and note.strip() else text


def reopened_status(status: str) -> str | None:
    """Where a reopened task goes: a done task is being worked on again, a skipped one was never started.
    None when the task is not closed (nothing to reopen)."""
    return {"done": "in_progress", "skipped": "not_started"}.get(status)


def closed_dependants(pb: Playbook, task_id: str, states: dict[str, TaskState]) -> list[str]:
    """Closed tasks that depend on `task_id`: after reopening it they rest on open work (said, not undone)."""
    return [t.id for _phase, t in pb.tasks() if task_id in t.depends_on and _state(states, t.id).closed]
