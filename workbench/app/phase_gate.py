"""Phase close, the use case: check a phase's gate and close it, with an override reason when the gate
is not passed. `crmwb phase close` and the TUI's close dialog both call `close_phase`, so the same rule
decides and the same record (author, reason, what was still open) lands in the store."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workbench.domain.text import tr
from workbench.domain.tracking import GateResult, TaskState, check_gate
from workbench.i18n import _

if TYPE_CHECKING:
    from workbench.app.engagement import OpenEngagement


class PhaseCloseError(ValueError):
    """The request cannot be carried out (no such phase, an override without a reason); nothing written."""


@dataclass
class GateTask:
    id: str
    name: str
    owner: str
    status: str


@dataclass
class GateCheck:
    """What the gate says about a phase right now, for a dialog or the CLI to show."""

    phase: str
    name: str
    passed: bool
    open_tasks: list[GateTask]
    exit_criteria: list[str]
    closed: dict | None = None
    """the store's record when the phase is already closed (closed_at, author, override_reason, missing)"""
    readiness: list = field(default_factory=list)
    """the go-live readiness criteria that fail (app.uat: open severity-1/2 defects, Musts not accepted);
    only for the phase holding the go-live task, and they keep the gate closed like an open gate task"""


@dataclass
class PhaseClosed:
    check: GateCheck
    closed: bool
    """False when the gate failed and no override reason was given (nothing written)"""
    reason: str | None = None
    missing: list[str] = field(default_factory=list)


def check_phase(
    opened: OpenEngagement, phase_id: str, lang: str = "en", states: dict[str, TaskState] | None = None
) -> GateCheck:
    """The gate of `phase_id`: passed or not, the open gate tasks with their status, the exit criteria."""
    phase = next((p for p in opened.resolved.phases if p.id == phase_id), None)
    if phase is None:
        raise PhaseCloseError(_("this engagement's playbook has no phase {id}").format(id=repr(phase_id)))
    states = opened.store.tasks() if states is None else states
    gate: GateResult = check_gate(opened.resolved, phase_id, states)
    tasks = opened.resolved.task_map()
    open_tasks = [
        GateTask(
            tid,
            tr(tasks[tid].name, lang),
            tasks[tid].owner,
            states[tid].status if tid in states else "not_started",
        )
        for tid in gate.missing
    ]
    from workbench.app.uat import readiness_gaps

    gaps = readiness_gaps(opened, phase_id)
    return GateCheck(
        phase_id,
        tr(phase.name, lang),
        gate.passed and not gaps,
        open_tasks,
        [tr(c.text, lang) for c in phase.exit_criteria],
        opened.store.closed_phases().get(phase_id),
        gaps,
    )


def close_phase(
    opened: OpenEngagement, phase_id: str, author: str, override: str | None, lang: str = "en"
) -> PhaseClosed:
    """Close the phase when its gate passes, or with `override` (a reason, recorded with what was still
    open) when it does not; an already closed phase is left as it was (`check.closed` says when)."""
    if override is not None and not override.strip():
        raise PhaseCloseError(
            _("--override needs a reason, e.g. {example}").format(example='--override "..."')
        )
    check = check_phase(opened, phase_id, lang)
    if check.closed:
        return PhaseClosed(check, False)
    missing = [t.id for t in check.open_tasks] + [c.id for c in check.readiness]
    if not check.passed and override is None:
        return PhaseClosed(check, False, None, missing)
    reason = override.strip() if override is not None and not check.passed else None
    opened.store.close_phase(phase_id, author, reason, missing)
    return PhaseClosed(check, True, reason, missing)
