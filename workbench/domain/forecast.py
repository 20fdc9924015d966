"""Re-forecast: where the plan stands now that work has really started and finished, against a baseline.

A plan made on day one says nothing after the first late task unless the tasks after it move. This module
runs the plan's forward pass again (the same dependencies, phase gates and levelling links as
domain/plan.py, on the same working-day calendar) with what the store knows:

- a task done or skipped is fixed at its actual dates (first `in_progress`, last `done`/`skipped`);
- a task in progress runs from its actual start, and if it should have finished already it finishes
  today at the earliest;
- a task not started cannot start before today, nor before its predecessors' forecast finish;
- an open task whose due date was moved later finishes on that date at the earliest.

Successors move with all of that, so the go-live moves too. The forecast is compared with a baseline: the
plan as frozen by `crmwb plan DIR baseline` (kept in the store), or before any freeze, the engagement's
initial plan. Slip is counted in working days of the client's calendar.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from workbench.domain.plan import Plan, _calendar, _graph, _order
from workbench.domain.playbook import Playbook
from workbench.domain.tracking import CLOSED, Baseline, TaskState

GO_LIVE_TAG = "go_live"
"""The task tag of the go-live milestone; without one, the end of the deployment phase is the go-live."""


class WorkingDays:
    """The plan's working days from its start, extended as far as a date asks: date <-> day index."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.days: list[date] = []
        self._extend(max(plan.working_days + 1, 32))

    def _extend(self, count: int) -> None:
        plan = self.plan
        if plan.calendar is not None:
            self.days = plan.calendar.days(plan.start, count)
        else:
            self.days = _calendar(plan.start, count, plan.weekend)

    def day(self, index: int) -> date:
        """The date of working day `index` (0 is the plan's first working day; earlier ones clamp to it)."""
        index = max(index, 0)
        while index >= len(self.days):
            self._extend(len(self.days) * 2)
        return self.days[index]

    def index(self, when: date) -> int:
        """The index of the first working day on or after `when` (0 for any day before the start)."""
        while self.days[-1] < when:
            self._extend(len(self.days) * 2)
        return bisect_left(self.days, when)


@dataclass(frozen=True)
class ForecastTask:
    id: str
    phase: str
    name: str
    status: str
    baseline_start: date | None
    baseline_finish: date | None
    """None for a task the baseline did not have (added by an answer change since)"""
    start: date
    finish: date
    actual: bool
    """the dates are the task's real ones (it is done or skipped)"""
    slip: int | None
    """working days the forecast finish is after the baseline finish (negative: ahead)"""


@dataclass(frozen=True)
class Forecast:
    today: date
    tasks: list[ForecastTask]
    baseline: Baseline | None
    """the stored baseline compared with; None: the engagement's initial plan is the baseline"""
    go_live_task: str | None
    baseline_go_live: date | None
    go_live: date | None
    slip: int
    """working days the forecast go-live is after the baseline go-live (negative: ahead)"""
    baseline_finish: date
    finish: date

    def task_map(self) -> dict[str, ForecastTask]:
        return {t.id: t for t in self.tasks}


def _graph_like(pb: Playbook, plan: Plan):
    """The plan's own graph: its durations (sized for the client) and its levelling links."""
    graph = _graph(pb, {t.id: t.duration for t in plan.tasks})
    for role, sequence in plan.levelled.items():
        for before, after in zip(sequence, sequence[1:]):
            if before in graph and after in graph:
                graph.add_edge(before, after, levelled=role)
    return graph


def _local(moment: datetime | None) -> date | None:
    return moment.astimezone().date() if moment is not None else None


def _place(
    duration: int,
    ready: int,
    now: int,
    state: TaskState,
    actual: tuple[date | None, date | None],
    days: WorkingDays,
) -> tuple[int, int, bool]:
    """(first day, end = the day after the last, fixed by actuals?) of one task on the forecast."""
    started, finished = actual
    if state.status in CLOSED and finished is not None:
        last = days.index(finished)
        if started is not None and started <= finished:
            first = days.index(started)
        else:
            first = max(last - duration + 1, 0)
        return min(first, last), last + 1, True
    if state.status in CLOSED:  # closed without a recorded change (an old store): as planned
        return ready, ready + duration, False
    if started is not None and state.status in ("in_progress", "blocked"):
        first = days.index(started)
        end = max(first + duration, now + 1)
    else:
        first = max(ready, now)
        end = first + duration if duration else max(ready, now + 1)
    if state.due is not None:
        end = max(end, days.index(state.due) + 1)
    return first, end, False


def _baseline_dates(plan: Plan, baseline: Baseline | None) -> dict[str, tuple[date, date]]:
    if baseline is not None:
        return dict(baseline.tasks)
    return {t.id: (t.start, t.finish) for t in plan.tasks}


def go_live_task(pb: Playbook) -> str | None:
    """The go-live milestone: the task tagged go_live, else the deployment phase's last milestone."""
    tagged = [t.id for _, t in pb.tasks() if GO_LIVE_TAG in t.tags]
    if tagged:
        return tagged[0]
    deployment = next((p for p in pb.phases if p.id == "deployment"), None)
    milestones = [t.id for t in deployment.tasks if t.milestone] if deployment else []
    return milestones[-1] if milestones else None


def forecast(
    pb: Playbook,
    plan: Plan,
    states: Mapping[str, TaskState],
    actuals: Mapping[str, tuple[datetime | None, datetime | None]],
    today: date,
    baseline: Baseline | None = None,
) -> Forecast:
    """The forecast schedule and go-live for `today`, against `baseline` (or the plan itself)."""
    days = WorkingDays(plan)
    graph = _graph_like(pb, plan)
    order: list[Hashable] = _order(graph)
    now = days.index(today)
    ends: dict[Hashable, int] = {}
    placed: dict[str, tuple[int, int, bool]] = {}
    for node in order:
        data = graph.nodes[node]
        ready = max((ends[p] for p in graph.predecessors(node)), default=0)
        if "task" not in data:
            ends[node] = ready
            continue
        task_id = str(node)  # a task node is its task's id (phase openings were skipped above)
        state = states.get(task_id) or TaskState(task_id)
        started, finished = actuals.get(task_id, (None, None))
        real = (_local(started), _local(finished))
        first, end, fixed = _place(data["duration"], ready, now, state, real, days)
        placed[task_id] = (first, end, fixed)
        ends[node] = end
    frozen = _baseline_dates(plan, baseline)
    tasks = [
        _task(pb_task, phase.id, placed[pb_task.id], states, frozen, days)
        for phase in pb.phases
        for pb_task in phase.tasks
        if pb_task.id in placed
    ]
    tasks.sort(key=lambda t: (t.start, t.finish))
    live = go_live_task(pb)
    by_id = {t.id: t for t in tasks}
    go_live = by_id[live].finish if live in by_id else None
    baseline_go_live = (
        baseline.go_live
        if baseline is not None
        else next((t.finish for t in plan.tasks if t.id == live), None)
    )
    slip = days.index(go_live) - days.index(baseline_go_live) if go_live and baseline_go_live else 0
    finish = max((t.finish for t in tasks), default=plan.finish)
    return Forecast(
        today,
        tasks,
        baseline,
        live,
        baseline_go_live,
        go_live,
        slip,
        baseline.finish if baseline is not None else plan.finish,
        finish,
    )


def _task(
    task,
    phase: str,
    spot: tuple[int, int, bool],
    states: Mapping[str, TaskState],
    frozen: Mapping[str, tuple[date, date]],
    days: WorkingDays,
) -> ForecastTask:
    first, end, fixed = spot
    if fixed or end > first:
        start, finish = days.day(first), days.day(max(end - 1, first))
    else:  # a milestone: at the end of the day before it
        start = finish = days.day(max(end - 1, 0))
    base = frozen.get(task.id)
    slip = days.index(finish) - days.index(base[1]) if base else None
    status = (states.get(task.id) or TaskState(task.id)).status
    return ForecastTask(
        task.id,
        phase,
        str(task.name),
        status,
        base[0] if base else None,
        base[1] if base else None,
        start,
        finish,
        fixed,
        slip,
    )


def baseline_from(fc: Forecast) -> tuple[dict[str, tuple[date, date]], date | None, date]:
    """What `crmwb plan baseline` freezes: the forecast as it stands (the plan itself before any work)."""
    return {t.id: (t.start, t.finish) for t in fc.tasks}, fc.go_live, fc.finish
