"""When the readiness and staffing advice says to do something, the plan decides, not the advice's words.

The advice used to say "create the CRM manager position before the rollout starts" while the plan
schedules that task after go-live. Now every piece of advice that names a time refers to the plan task
it is about (STEP_TASKS), and its `{when}` is filled from where the plan puts that task: its phase, the
plan week it starts in, and its id. Change the plan and the advice follows. Pure: no I/O; the playbook
and scheduling are imported only when a timing is computed, so `crmwb --help` stays light.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.domain.playbook import Playbook

STEP_TASKS: dict[str, tuple[str, str]] = {
    "step_budget": ("pre-14-vendor-shortlist", "before"),
    "step_sign_scattered_data": ("dep-12-data-migration", "before"),
    "step_sign_scattered_data_dup": ("dep-12-data-migration", "before"),
    "step_manager_position": ("post-10-crm-manager-position", "in"),
    "step_next_needed_now": ("pre-15-select-crm", "in"),
    "source_inside_first": ("pre-05-stakeholders", "before"),
    "source_outside": ("pre-05-stakeholders", "before"),
    "risk_share_unknown": ("pre-03-free-specialist-time", "in"),
    "risk_share_below_full": ("dep-01-admin-training", "before"),
}
"""advice text key -> (the plan task its timing comes from, 'in' that task or 'before' it starts)"""

_MONDAY = date(2024, 1, 1)
"""any Monday: the advice speaks in plan weeks, which do not depend on the start date"""


@dataclass(frozen=True)
class Timing:
    """Where the plan puts the task a piece of advice is about."""

    task: str
    relation: str
    """'in': the advice is done as that task; 'before': it must be done before that task starts"""
    phase: str
    week: int | None
    """the plan week (1-based) the task starts in; None when the task is not in this client's plan"""


def step_timings(playbook: Playbook, answers: Mapping[str, Any]) -> dict[str, Timing]:
    """The timing of every advice key in STEP_TASKS, from this client's plan (resolved playbook)."""
    from workbench.domain.plan import schedule
    from workbench.domain.resolve import resolve

    resolved = resolve(playbook, dict(answers))
    plan = schedule(resolved, _MONDAY)
    per_week = 7 - len(plan.weekend)
    scheduled = {t.id: t for t in plan.tasks}
    phases = {t.id: p.id for p, t in playbook.tasks()}
    timings = {}
    for key, (task_id, relation) in STEP_TASKS.items():
        if task_id not in phases:
            continue  # a playbook without that task: the advice keeps its plain wording
        found = scheduled.get(task_id)
        week = found.early_start // per_week + 1 if found else None
        timings[key] = Timing(task_id, relation, phases[task_id], week)
    return timings
