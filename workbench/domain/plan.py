"""The project plan: tasks scheduled on working days from a start date, with slack and the critical path."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from workbench.domain.playbook import Playbook

WEEKEND = frozenset({5, 6})  # Saturday, Sunday; Iran's week ends on Friday: pass weekend={4} or {3, 4}


@dataclass(frozen=True)
class ScheduledTask:
    id: str
    phase: str
    name: str
    owner: str
    duration: int
    early_start: int
    early_finish: int
    late_start: int
    late_finish: int
    start: date
    finish: date
    milestone: bool

    @property
    def slack(self) -> int:
        return self.late_start - self.early_start

    @property
    def critical(self) -> bool:
        return self.slack == 0


@dataclass(frozen=True)
class Plan:
    tasks: list[ScheduledTask]
    start: date
    finish: date
    working_days: int

    def critical_path(self) -> list[ScheduledTask]:
        return sorted((t for t in self.tasks if t.critical), key=lambda t: (t.early_start, t.early_finish))

    def phase_milestones(self) -> dict[str, date]:
        """The day each phase's last task finishes."""
        out: dict[str, date] = {}
        for t in self.tasks:
            out[t.phase] = max(out.get(t.phase, t.finish), t.finish)
        return out


def add_working_days(start: date, days: int, weekend: frozenset[int] = WEEKEND) -> date:
    """The date `days` working days after `start` (day 0 is the first working day on or after start)."""
    current = start
    while current.weekday() in weekend:
        current += timedelta(days=1)
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if current.weekday() not in weekend:
            remaining -= 1
    return current


def schedule(pb: Playbook, start: date, weekend: frozenset[int] = WEEKEND) -> Plan:
    """Critical-path schedule (CPM) in working days; tasks of later phases also wait for earlier phases'
    gate tasks, since a phase only starts once the previous one is closed."""
    import networkx as nx

    graph = nx.DiGraph()
    phase_of = {}
    previous_gates: list[str] = []
    for phase in pb.phases:
        for task in phase.tasks:
            graph.add_node(task.id, task=task)
            phase_of[task.id] = phase.id
            for dep in task.depends_on or previous_gates:
                graph.add_edge(dep, task.id)
        previous_gates = [t.id for t in phase.tasks if t.gate] or previous_gates
    order = list(nx.topological_sort(graph))
    es: dict[str, int] = {}
    ef: dict[str, int] = {}
    for tid in order:
        es[tid] = max((ef[p] for p in graph.predecessors(tid)), default=0)
        ef[tid] = es[tid] + graph.nodes[tid]["task"].duration_days
    end = max(ef.values(), default=0)
    ls: dict[str, int] = {}
    lf: dict[str, int] = {}
    for tid in reversed(order):
        lf[tid] = min((ls[s] for s in graph.successors(tid)), default=end)
        ls[tid] = lf[tid] - graph.nodes[tid]["task"].duration_days
    tasks = []
    for tid in order:
        task = graph.nodes[tid]["task"]
        first = add_working_days(start, es[tid], weekend)
        last = add_working_days(start, max(ef[tid] - 1, es[tid]), weekend)
        tasks.append(ScheduledTask(tid, phase_of[tid], str(task.name), task.owner, task.duration_days,
                                   es[tid], ef[tid], ls[tid], lf[tid], first, last, task.milestone))
    tasks.sort(key=lambda t: (t.early_start, t.id))
    finish = max((t.finish for t in tasks), default=start)
    return Plan(tasks, start, finish, end)
