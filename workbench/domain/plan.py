"""The project plan: tasks scheduled on working days from a start date, with slack and the critical path.

Days are counted as working-day indexes from the project start: a task with early start 3 and duration 2
occupies working days 3 and 4 (early finish 5 is the first day after it). A zero-duration task (a
milestone) sits at the end of the day its predecessors finish, so it shares their finish date.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from workbench.domain.digraph import CycleError, DiGraph
from workbench.domain.phases import PHASE_IDS
from workbench.domain.playbook import Playbook
from workbench.domain.work_calendar import DEFAULT_WEEKEND, WorkCalendar

WEEKEND = DEFAULT_WEEKEND  # Saturday, Sunday; a client's country brings its own (see domain/work_calendar.py)


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
    """In schedule order: by early start, dependencies before dependants."""
    start: date
    """The first working day (the requested start moved past a weekend)."""
    finish: date
    working_days: int
    weekend: frozenset[int] = WEEKEND
    calendar: WorkCalendar | None = None
    """the client's calendar (weekend, public holidays, declared working days) the dates were counted on"""
    availability: dict[str, float] = field(default_factory=dict)
    """role -> share of one person's time, for the roles that limit the plan"""
    levelled: dict[str, list[str]] = field(default_factory=dict)
    """role -> its tasks in the order levelling made them run, one at a time"""
    sizing: dict[str, list] = field(default_factory=dict)
    """task id -> the size terms (domain/sizing.Sizing) that lengthened it for this client"""

    def critical_path(self) -> list[ScheduledTask]:
        """Every task without slack, in schedule order (parallel critical chains are all included)."""
        return [t for t in self.tasks if t.critical]

    def phase_milestones(self) -> dict[str, date]:
        """The day each phase's last task finishes, in phase order."""
        out: dict[str, date] = {}
        for t in self.tasks:
            out[t.phase] = max(out.get(t.phase, t.finish), t.finish)
        rank = {p: i for i, p in enumerate(PHASE_IDS)}
        return dict(sorted(out.items(), key=lambda item: rank.get(item[0], len(rank))))

    def day(self, index: int) -> date:
        """The date of working day `index` (0 is the start)."""
        if self.calendar is not None:
            return self.calendar.add(self.start, index)
        return add_working_days(self.start, index, self.weekend)


def _check_weekend(weekend: frozenset[int]) -> None:
    if not set(range(7)) - set(weekend):
        raise ValueError("the weekend covers every day of the week; expected at least one working day")


def add_working_days(start: date, days: int, weekend: frozenset[int] = WEEKEND) -> date:
    """The date `days` working days after `start` (day 0 is the first working day on or after start)."""
    _check_weekend(weekend)
    current = start
    while current.weekday() in weekend:
        current += timedelta(days=1)
    per_week = 7 - len(set(weekend))
    weeks, remaining = divmod(max(days, 0), per_week)
    current += timedelta(weeks=weeks)  # whole weeks keep the weekday, so `current` stays a working day
    while remaining > 0:
        current += timedelta(days=1)
        if current.weekday() not in weekend:
            remaining -= 1
    return current


def _calendar(start: date, count: int, weekend: frozenset[int]) -> list[date]:
    """Working days 0..count-1 from `start`, computed in one pass (schedules ask for every task's dates)."""
    days = [add_working_days(start, 0, weekend)]
    current = days[0]
    while len(days) < count:
        current += timedelta(days=1)
        if current.weekday() not in weekend:
            days.append(current)
    return days


def _label(node: Hashable) -> str:
    return f"start of phase {node[1]}" if isinstance(node, tuple) else str(node)


def _graph(pb: Playbook, durations: Mapping[str, int] | None = None):
    """Dependencies plus phase gates: every task of a phase waits for the gate tasks of the phase before
    (through one zero-duration node per phase start, so the edges stay linear in the number of tasks)."""
    known = pb.task_map()
    graph = DiGraph()
    previous_gates: list[Hashable] = []
    for phase in pb.phases:
        opening: Hashable | None = None
        if previous_gates and phase.tasks:
            opening = ("phase", phase.id)
            graph.add_node(opening, duration=0, order=len(graph))
            graph.add_edges_from((gate, opening) for gate in previous_gates)
        for task in phase.tasks:
            days = durations.get(task.id, task.duration_days) if durations else task.duration_days
            graph.add_node(task.id, task=task, phase=phase.id, duration=days, order=len(graph))
            if opening is not None:
                graph.add_edge(opening, task.id)
            for dep in task.depends_on:
                if dep not in known:
                    raise ValueError(f"task {task.id!r} depends on unknown task {dep!r}")
                graph.add_edge(dep, task.id)
        previous_gates = [t.id for t in phase.tasks if t.gate] or previous_gates
    return graph


def _cpm(graph, order: list[Hashable]) -> tuple[dict, dict, dict, dict, int]:
    """Forward and backward pass: early/late start and finish per node, and the project's length."""
    duration = {n: graph.nodes[n]["duration"] for n in order}
    es: dict[Hashable, int] = {}
    ef: dict[Hashable, int] = {}
    for node in order:
        es[node] = max((ef[p] for p in graph.predecessors(node)), default=0)
        ef[node] = es[node] + duration[node]
    end = max(ef.values(), default=0)
    ls: dict[Hashable, int] = {}
    lf: dict[Hashable, int] = {}
    for node in reversed(order):
        lf[node] = min((ls[s] for s in graph.successors(node)), default=end)
        ls[node] = lf[node] - duration[node]
    return es, ef, ls, lf, end


def _order(graph: DiGraph) -> list[Hashable]:
    try:
        return graph.ordered(key=lambda n: graph.nodes[n]["order"])
    except CycleError:
        import networkx as nx  # only to name the loop

        loop = " -> ".join(_label(edge[0]) for edge in nx.find_cycle(graph.to_networkx()))
        raise ValueError(
            f"the plan cannot be scheduled: {loop} wait for each other (a task depends on a "
            "later phase while that phase waits for it)"
        ) from None


def workers(task) -> list[str]:
    """The roles that do a task's work: its R roles, or its owner when the RACI names no R."""
    return [role for role, letter in task.raci.items() if letter == "R"] or [task.owner]


def _level(graph, order: list[Hashable], availability: Mapping[str, float]) -> dict[str, list[str]]:
    """Sequence the work of every role that is one person (the playbook names its availability): they
    work on one task at a time, at their share of the day (durations are the playbook's elapsed times).
    Tasks are taken in order of early start, then least slack (so critical work goes first and
    non-critical work is what waits), then plan order; a link from each task to the next of the same role
    makes the schedule respect it. The links only ever point from an earlier key to a later one, as every
    dependency does, so they cannot form a cycle. Returns role -> its tasks in the order they now run."""
    es, _ef, ls, _lf, _end = _cpm(graph, order)
    position = {node: i for i, node in enumerate(order)}
    sequences: dict[str, list[str]] = {}
    for role in availability:
        mine = [
            n
            for n in order
            if "task" in graph.nodes[n]
            and graph.nodes[n]["duration"]
            and role in workers(graph.nodes[n]["task"])
        ]
        mine.sort(key=lambda n: (es[n], ls[n] - es[n], position[n]))
        for before, after in zip(mine, mine[1:]):
            graph.add_edge(before, after, levelled=role)
        if mine:
            sequences[role] = [str(n) for n in mine]
    return sequences


def schedule(
    pb: Playbook,
    start: date,
    weekend: frozenset[int] = WEEKEND,
    calendar: WorkCalendar | None = None,
    availability: Mapping[str, float] | None = None,
    durations: Mapping[str, int] | None = None,
) -> Plan:
    """Critical-path schedule (CPM) in working days. A phase only starts once the previous one is closed,
    so every task of a later phase also waits for the earlier phase's gate tasks. With a `calendar`, days
    are counted on the client's working days (its weekend and public holidays); without one, on the
    `weekend` alone. With `availability` (role -> share of one person's time), the work of those roles
    is levelled: it runs one task at a time, non-critical work waiting first."""
    if calendar is not None:
        weekend = calendar.weekend
    else:
        _check_weekend(weekend)
    graph = _graph(pb, durations)
    order = _order(graph)
    levelled: dict[str, list[str]] = {}
    if availability:
        levelled = _level(graph, order, availability)
        order = _order(graph)
    es, ef, ls, lf, end = _cpm(graph, order)
    duration = {n: graph.nodes[n]["duration"] for n in order}
    days = calendar.days(start, end + 1) if calendar is not None else _calendar(start, end + 1, weekend)
    tasks = []
    for node in order:
        if "task" not in graph.nodes[node]:
            continue  # a phase opening, not a task
        task = graph.nodes[node]["task"]
        first = days[es[node]] if duration[node] else days[max(es[node] - 1, 0)]
        last = days[ef[node] - 1] if duration[node] else first
        tasks.append(
            ScheduledTask(
                str(node),  # a task node is its task's id
                graph.nodes[node]["phase"],
                str(task.name),
                task.owner,
                duration[node],
                es[node],
                ef[node],
                ls[node],
                lf[node],
                first,
                last,
                task.milestone,
            )
        )
    tasks.sort(key=lambda t: t.early_start)  # stable: ties keep the dependency order
    finish = max((t.finish for t in tasks), default=days[0])
    return Plan(tasks, days[0], finish, end, frozenset(weekend), calendar, dict(availability or {}), levelled)


def sized_durations(pb: Playbook, answers: Mapping[str, object]) -> dict[str, tuple[int, list]]:
    """Task id -> (working days for this client, the size terms that added to the base)."""
    from workbench.domain.sizing import sized

    return {task.id: sized(task.duration_days, task.scale, answers) for _, task in pb.tasks() if task.scale}


def plan_for(
    pb: Playbook, answers: Mapping[str, object], start: date, calendar: WorkCalendar | None = None
) -> Plan:
    """The engagement's plan: on the client's calendar, with its part-time roles levelled. Every caller that
    shows an engagement's dates goes through here, so the CLI, the TUI and every deliverable agree."""
    from workbench.domain.answers import complete_answers
    from workbench.domain.levelling import availability

    answers = complete_answers(pb, dict(answers))
    sizes = sized_durations(pb, answers)
    plan = schedule(
        pb,
        start,
        calendar=calendar,
        availability=availability(pb, answers),
        durations={tid: days for tid, (days, _notes) in sizes.items()},
    )
    plan.sizing.update({tid: notes for tid, (_days, notes) in sizes.items() if notes})
    return plan
