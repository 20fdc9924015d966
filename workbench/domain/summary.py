"""What a playbook holds, and what a client's answers added or dropped: counts a person can read."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from workbench.domain.playbook import Playbook
from workbench.domain.requirements import PRIORITIES


@dataclass
class Summary:
    tasks_per_phase: dict[str, int]
    days_per_phase: dict[str, int]
    requirements: dict[str, Counter]
    """module id -> Counter of priorities"""
    roles: int
    processes: list[str]
    kpis: dict[str, int]
    dropped: dict[str, list[str]] = field(default_factory=dict)
    """section -> ids present in the playbook but dropped by the answers"""


def summarize(resolved: Playbook, full: Playbook | None = None) -> Summary:
    """Counts for a resolved playbook; with the unresolved `full` playbook, also what dropped out."""
    requirements: dict[str, Counter] = {m.id: Counter() for m in resolved.modules}
    for req in resolved.requirements:
        requirements.setdefault(req.module, Counter())[req.priority] += 1
    summary = Summary(
        tasks_per_phase={p.id: len(p.tasks) for p in resolved.phases},
        days_per_phase={p.id: sum(t.duration_days for t in p.tasks) for p in resolved.phases},
        requirements=requirements,
        roles=len(resolved.roles),
        processes=[p.id for p in resolved.processes],
        kpis=dict(Counter(k.kind for k in resolved.kpis)),
    )
    if full is not None:
        kept_tasks = set(resolved.task_map())
        summary.dropped = {
            "tasks": [t.id for _, t in full.tasks() if t.id not in kept_tasks],
            "requirements": _gone(full.requirements, resolved.requirements),
            "processes": _gone(full.processes, resolved.processes),
            "kpis": _gone(full.kpis, resolved.kpis),
            "questions": _gone(full.questions, resolved.questions),
        }
    return summary


def _gone(before: list, after: list) -> list[str]:
    kept = {item.id for item in after}
    return [item.id for item in before if item.id not in kept]


def priority_columns() -> tuple[str, ...]:
    return PRIORITIES
