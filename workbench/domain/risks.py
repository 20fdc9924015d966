"""Rollout risks for the steering committee, derived from data rather than opinion.

The brief names why CRM rollouts fail: no dedicated people, no training, low motivation (people do not
use the system or enter their data beside it), and work that stalls. Each risk here is raised only when
the intake answers, the task states or the KPI measurements show it, and carries that evidence plus one
action the committee can decide on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from workbench.domain.adoption import format_value, target_label
from workbench.domain.kpis import Kpi
from workbench.domain.playbook import Playbook
from workbench.domain.tracking import CLOSED, StatusReport, TaskView, Trend

MIN_SPECIALIST_SHARE = 50
"""Below half their time on the CRM, the specialist is not dedicated (the staffing advice says the same)."""


@dataclass(frozen=True)
class Risk:
    id: str
    title: str
    level: str  # high | medium
    evidence: list[str]
    action: str


def _kpi_line(kpi: Kpi, trend: Trend) -> str:
    latest = trend.latest
    assert latest is not None
    return (f"{kpi.name}: {format_value(latest.value, kpi.unit)} on {latest.measured_on}, "
            f"target {target_label(kpi)}")


def is_training(view: TaskView, tags: list[str]) -> bool:
    """A training task: tagged `training`, or training in its id or name."""
    return "training" in tags or "train" in view.id or "train" in view.name.lower()


def _is_training_kpi(kpi: Kpi) -> bool:
    return "training" in kpi.id or "trained" in kpi.formula


def _people(answers: dict[str, Any], views: list[TaskView], today: date) -> Risk | None:
    evidence = []
    if answers.get("has_crm_specialist") is False:
        evidence.append("Intake: the client has no CRM specialist (has_crm_specialist: no).")
    share = answers.get("specialist_time_share")
    if answers.get("has_crm_specialist") is not False and isinstance(share, (int, float)) \
            and share < MIN_SPECIALIST_SHARE:
        evidence.append(f"Intake: the CRM specialist spends {share:g} % of their time on the CRM "
                        f"(less than {MIN_SPECIALIST_SHARE} %).")
    if not evidence:
        return None
    late = [v.id for v in views if v.owner == "crm_specialist" and v.status not in CLOSED and v.due < today]
    if late:
        evidence.append(f"{len(late)} task(s) owned by the CRM specialist are late: {', '.join(late[:5])}"
                        + (f" and {len(late) - 5} more." if len(late) > 5 else "."))
    return Risk("no_dedicated_people", "No dedicated CRM people", "high", evidence,
                "Name a CRM specialist who works at least half their time on the CRM, with a written mandate "
                "from the director; `crmwb staffing` and `crmwb jobdesc` give the profile and job description.")


def _training(pb: Playbook, views: list[TaskView], kpis: list[tuple[Kpi, Trend]], today: date) -> Risk | None:
    evidence, tags = [], {t.id: list(t.tags) for _, t in pb.tasks()}
    for v in views:
        if not is_training(v, tags.get(v.id, [])) or v.status in CLOSED:
            continue
        if v.due < today:
            evidence.append(f"Training task {v.id} ({v.name}) is late: due {v.due}, {v.status.replace('_', ' ')}.")
        elif v.status == "not_started" and v.planned_start < today:
            evidence.append(f"Training task {v.id} ({v.name}) has not started; planned start {v.planned_start}.")
    evidence += [_kpi_line(k, t) + "." for k, t in kpis if _is_training_kpi(k) and t.on_track is False]
    if not evidence:
        return None
    return Risk("no_training", "Users are not trained", "high" if len(evidence) > 1 else "medium", evidence,
                "Fix the training dates for every group now and give logins only to users who passed the "
                "practical check; the specialist reports completion to this committee every week.")


def _adoption(kpis: list[tuple[Kpi, Trend]], views: list[TaskView], today: date) -> Risk | None:
    adoption = [(k, t) for k, t in kpis if k.kind == "adoption" and not _is_training_kpi(k)]
    off = [_kpi_line(k, t) + "." for k, t in adoption if t.on_track is False]
    if off:
        return Risk("low_adoption", "Low motivation: the CRM is not used as agreed", "high" if len(off) > 1
                    else "medium", off,
                    "Managers run their weekly pipeline and case reviews only from the CRM, and what is not in "
                    "the CRM does not count; ask the users what gets in their way and fix the top two issues.")
    started = [v for v in views if v.phase == "deployment" and v.planned_start <= today]
    every = [t for k, t in kpis if k.kind == "adoption"]
    if every and started and not any(t.points for t in every):
        first = min(v.planned_start for v in started)
        return Risk("adoption_unmeasured", "Adoption is not measured", "medium",
                    [(f"Deployment started on {first} (plan), but none of the {len(every)} adoption KPIs has a "
                      "measurement.")],
                    "Record a baseline now (`crmwb import-activity` computes active users from a CRM export) "
                    "and measure monthly.")
    return None


def _blocked(report: StatusReport) -> Risk | None:
    if not report.blocked:
        return None
    evidence = [f"{v.id} ({v.name}) is blocked; owner {v.owner}" + (f", assigned to {v.assignee}" if v.assignee
                                                                       else "") + (", on the critical path"
                                                                                   if v.critical else "") + "."
                for v in report.blocked]
    return Risk("blocked_tasks", "Work is blocked", "high" if any(v.critical for v in report.blocked) else "medium",
                evidence, "Unblock in this meeting: for each blocked task name who decides and by when, and "
                          "escalate what the project team cannot resolve itself.")


def derive_risks(pb: Playbook, answers: dict[str, Any], report: StatusReport, views: list[TaskView],
                 kpis: list[tuple[Kpi, Trend]]) -> list[Risk]:
    """The risks the data shows, high ones first; `pb` is the resolved playbook."""
    today = report.today
    found = [_people(answers, views, today), _training(pb, views, kpis, today), _adoption(kpis, views, today),
             _blocked(report)]
    risks = [r for r in found if r is not None]
    return sorted(risks, key=lambda r: r.level != "high")
