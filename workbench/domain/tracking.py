"""Engagement tracking as pure logic: task states, what is late, blocked or at risk, and what is next.

The store keeps the states; this module only reads them, so the CLI (`crmwb status`), the weekly report
and the TUI compute the same answers from the same data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Literal

from workbench.domain import fixed_ids

if TYPE_CHECKING:  # annotations only: the store's records stay importable without pydantic
    from workbench.domain.plan import Plan
    from workbench.domain.playbook import Playbook

TaskStatus = Literal["not_started", "in_progress", "blocked", "done", "skipped"]
STATUSES = fixed_ids.TASK_STATUSES  # the one list (domain/fixed_ids.py); a test holds the Literal equal
CLOSED = frozenset({"done", "skipped"})


@dataclass
class TaskState:
    id: str
    status: str = "not_started"
    assignee: str | None = None
    due: date | None = None
    checklist: list[bool] = field(default_factory=list)
    archived: bool = False
    notes: int = 0

    @property
    def closed(self) -> bool:
        return self.status in CLOSED


@dataclass(frozen=True)
class Event:
    seq: int
    task_id: str
    at: datetime
    author: str
    kind: str  # status | assign | due | note | check | archive | restore | create
    old: str | None
    new: str | None
    note: str | None = None


@dataclass(frozen=True)
class Baseline:
    """A frozen plan: every task's planned start and finish when it was taken, and the go-live then."""

    id: int
    created_at: datetime
    author: str
    reason: str
    active: bool
    go_live: date | None
    finish: date
    tasks: dict[str, tuple[date, date]]


@dataclass(frozen=True)
class Measurement:
    kpi_id: str
    value: float
    measured_on: date
    source: str | None = None
    note: str | None = None


@dataclass
class PhaseProgress:
    phase: str
    total: int
    closed: int
    in_progress: int
    blocked: int

    @property
    def percent(self) -> int:
        return round(100 * self.closed / self.total) if self.total else 100


@dataclass
class TaskView:
    """A task with its plan dates and state, for lists and reports."""

    id: str
    phase: str
    name: str
    owner: str
    status: str
    assignee: str | None
    due: date
    planned_start: date
    critical: bool
    depends_on: list[str]


@dataclass
class StatusReport:
    today: date
    phases: list[PhaseProgress]
    late: list[TaskView]
    blocked: list[TaskView]
    at_risk: list[TaskView]
    """critical-path tasks that are late, blocked, or should have started and have not"""
    next_actions: dict[str, list[TaskView]]
    """owner role -> open tasks whose dependencies are all closed"""


def task_views(pb: Playbook, plan: Plan, states: dict[str, TaskState], lang: str = "en") -> list[TaskView]:
    """One view per task; names in `lang` (a deliverable's language), English for the interfaces."""
    scheduled = {t.id: t for t in plan.tasks}
    views = []
    for phase, task in pb.tasks():
        state = states.get(task.id) or TaskState(task.id)
        s = scheduled[task.id]
        views.append(
            TaskView(
                task.id,
                phase.id,
                task.name.get_text(lang),
                task.owner,
                state.status,
                state.assignee,
                state.due or s.finish,
                s.start,
                s.critical,
                list(task.depends_on),
            )
        )
    return views


def status_report(
    pb: Playbook, plan: Plan, states: dict[str, TaskState], today: date, lang: str = "en"
) -> StatusReport:
    views = task_views(pb, plan, states, lang)
    by_id = {v.id: v for v in views}
    phases = []
    for phase in pb.phases:
        mine = [v for v in views if v.phase == phase.id]
        phases.append(
            PhaseProgress(
                phase.id,
                len(mine),
                sum(v.status in CLOSED for v in mine),
                sum(v.status == "in_progress" for v in mine),
                sum(v.status == "blocked" for v in mine),
            )
        )
    open_views = [v for v in views if v.status not in CLOSED]
    late = [v for v in open_views if v.due < today]
    blocked = [v for v in open_views if v.status == "blocked"]
    at_risk = [
        v
        for v in open_views
        if v.critical
        and (
            v.due < today or v.status == "blocked" or (v.status == "not_started" and v.planned_start < today)
        )
    ]
    next_actions: dict[str, list[TaskView]] = {}
    for v in open_views:
        if v.status != "blocked" and all(by_id[d].status in CLOSED for d in v.depends_on if d in by_id):
            next_actions.setdefault(v.owner, []).append(v)
    return StatusReport(today, phases, late, blocked, at_risk, next_actions)


@dataclass(frozen=True)
class GateResult:
    phase: str
    passed: bool
    missing: list[str]
    """gate tasks neither done nor skipped, or done with checklist items unticked"""


def gate_open(task, state: TaskState) -> bool:
    """A gate review is still open while it is not done or skipped, or while it was forced to done with
    checklist items unticked: the checklist (Musts accepted, no severity-1/2 defect, data reconciled...)
    is what the review is scored against, each line signed by someone, so a forced `done` does not pass."""
    if not state.closed:
        return True
    return (
        state.status == "done"
        and len(task.checklist) > 0
        and not (len(state.checklist) >= len(task.checklist) and all(state.checklist[: len(task.checklist)]))
    )


def check_gate(pb: Playbook, phase_id: str, states: dict[str, TaskState]) -> GateResult:
    """A phase may close when every gate review in it is done with its checklist ticked, or skipped."""
    phase = next(p for p in pb.phases if p.id == phase_id)
    missing = [t.id for t in phase.tasks if t.gate and gate_open(t, states.get(t.id) or TaskState(t.id))]
    return GateResult(phase_id, not missing, missing)


@dataclass(frozen=True)
class Trend:
    kpi_id: str
    points: list[Measurement]
    baseline: float | None
    target: float
    direction: str

    @property
    def latest(self) -> Measurement | None:
        return self.points[-1] if self.points else None

    @property
    def on_track(self) -> bool | None:
        """Whether the latest value meets the target (None without measurements)."""
        if not self.points:
            return None
        value = self.points[-1].value
        return value >= self.target if self.direction == "up" else value <= self.target

    def sparkline(self, width: int = 12) -> str:
        bars = "▁▂▃▄▅▆▇█"
        values = [p.value for p in self.points[-width:]]
        if not values:
            return ""
        low, high = min(values), max(values)
        span = (high - low) or 1.0
        return "".join(bars[min(7, int((v - low) / span * 7.999))] for v in values)


def reconcile(
    resolved_ids: list[str], stored: dict[str, TaskState]
) -> tuple[list[str], list[str], list[str]]:
    """After an answer change: (new ids to create, ids to archive, archived ids to restore)."""
    wanted = set(resolved_ids)
    new = [tid for tid in resolved_ids if tid not in stored]
    archive = [tid for tid, s in stored.items() if tid not in wanted and not s.archived]
    restore = [tid for tid in resolved_ids if tid in stored and stored[tid].archived]
    return new, archive, restore
