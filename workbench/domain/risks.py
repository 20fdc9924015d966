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
from workbench.domain.locale import format_number, format_short_date
from workbench.domain.playbook import Playbook
from workbench.domain.tracking import CLOSED, StatusReport, TaskView, Trend
from workbench.domain.vocabulary import status_label
from workbench.i18n import _, current_language, ngettext, pgettext

MIN_SPECIALIST_SHARE = 50
"""Below half their time on the CRM, the specialist is not dedicated (the staffing advice says the same)."""


@dataclass(frozen=True)
class Risk:
    id: str
    title: str
    level: str  # high | medium
    evidence: list[str]
    action: str


def _day(day: date) -> str:
    return format_short_date(day, current_language())


def _num(value: float) -> str:
    return format_number(value, current_language())


def _ids(ids: list[str]) -> str:
    """Up to five ids, then how many more."""
    shown = ", ".join(ids[:5])
    return shown if len(ids) <= 5 else _("{ids} and {count} more").format(ids=shown, count=_num(len(ids) - 5))


def _kpi_line(kpi: Kpi, trend: Trend) -> str:
    """Risk evidence is written in the document's language (the current one, set by the report writer)."""
    latest = trend.latest
    assert latest is not None
    return _("{kpi}: {value} on {date}, target {target}").format(
        kpi=kpi.name.get_text(current_language()),
        value=format_value(latest.value, kpi.unit, current_language()),
        date=_day(latest.measured_on),
        target=target_label(kpi, current_language()),
    )


def is_training(view: TaskView, tags: list[str], english_name: str | None = None) -> bool:
    """A training task: tagged `training`, or training in its id or (English) name; the view's own name
    may be in the report's language."""
    name = english_name if english_name is not None else view.name
    return "training" in tags or "train" in view.id or "train" in name.lower()


def _is_training_kpi(kpi: Kpi) -> bool:
    return "training" in kpi.id or "trained" in kpi.formula


def _people(answers: dict[str, Any], views: list[TaskView], today: date) -> Risk | None:
    evidence = []
    if answers.get("has_crm_specialist") is False:
        evidence.append(
            _("Intake: the client has no CRM specialist ({question}: {answer}).").format(
                question="has_crm_specialist", answer=pgettext("yes/no answer", "no")
            )
        )
    share = answers.get("specialist_time_share")
    if (
        answers.get("has_crm_specialist") is not False
        and isinstance(share, (int, float))
        and share < MIN_SPECIALIST_SHARE
    ):
        evidence.append(
            _(
                "Intake: the CRM specialist spends {share} % of their time on the CRM (less than "
                "{minimum} %)."
            ).format(share=_num(share), minimum=_num(MIN_SPECIALIST_SHARE))
        )
    if not evidence:
        return None
    late = [v.id for v in views if v.owner == "crm_specialist" and v.status not in CLOSED and v.due < today]
    if late:
        evidence.append(
            ngettext(
                "{count} task owned by the CRM specialist is late: {ids}.",
                "{count} tasks owned by the CRM specialist are late: {ids}.",
                len(late),
            ).format(count=_num(len(late)), ids=_ids(late))
        )
    return Risk(
        "no_dedicated_people",
        _("No dedicated CRM people"),
        "high",
        evidence,
        _(
            "Name a CRM specialist who works at least half their time on the CRM, with a written mandate "
            "from the director; `crmwb staffing` and `crmwb jobdesc` give the profile and job "
            "description."
        ),
    )


def _training(pb: Playbook, views: list[TaskView], kpis: list[tuple[Kpi, Trend]], today: date) -> Risk | None:
    evidence, tags = [], {t.id: list(t.tags) for _, t in pb.tasks()}
    english = {t.id: str(t.name) for _, t in pb.tasks()}
    for v in views:
        if not is_training(v, tags.get(v.id, []), english.get(v.id)) or v.status in CLOSED:
            continue
        if v.due < today:
            evidence.append(
                _("Training task {id} ({name}) is late: due {date}, {status}.").format(
                    id=v.id, name=v.name, date=_day(v.due), status=status_label(v.status)
                )
            )
        elif v.status == "not_started" and v.planned_start < today:
            evidence.append(
                _("Training task {id} ({name}) has not started; planned start {date}.").format(
                    id=v.id, name=v.name, date=_day(v.planned_start)
                )
            )
    evidence += [_kpi_line(k, t) + "." for k, t in kpis if _is_training_kpi(k) and t.on_track is False]
    if not evidence:
        return None
    return Risk(
        "no_training",
        _("Users are not trained"),
        "high" if len(evidence) > 1 else "medium",
        evidence,
        _(
            "Fix the training dates for every group now and give logins only to users who passed the "
            "practical check; the specialist reports completion to this committee every week."
        ),
    )


def _adoption(kpis: list[tuple[Kpi, Trend]], views: list[TaskView], today: date) -> Risk | None:
    adoption = [(k, t) for k, t in kpis if k.kind == "adoption" and not _is_training_kpi(k)]
    off = [_kpi_line(k, t) + "." for k, t in adoption if t.on_track is False]
    if off:
        return Risk(
            "low_adoption",
            _("Low motivation: the CRM is not used as agreed"),
            "high" if len(off) > 1 else "medium",
            off,
            _(
                "Managers run their weekly pipeline and case reviews only from the CRM, and what is not "
                "in the CRM does not count; ask the users what gets in their way and fix the top two "
                "issues."
            ),
        )
    started = [v for v in views if v.phase == "deployment" and v.planned_start <= today]
    every = [t for k, t in kpis if k.kind == "adoption"]
    if every and started and not any(t.points for t in every):
        first = min(v.planned_start for v in started)
        return Risk(
            "adoption_unmeasured",
            _("Adoption is not measured"),
            "medium",
            [
                _(
                    "Deployment started on {date} (plan), but none of the {count} adoption KPIs has a "
                    "measurement."
                ).format(date=_day(first), count=_num(len(every)))
            ],
            _(
                "Record a baseline now (`crmwb import-activity` computes active users from a CRM export) "
                "and measure monthly."
            ),
        )
    return None


def _blocked(report: StatusReport, owners: dict[str, str]) -> Risk | None:
    if not report.blocked:
        return None
    evidence = [_blocked_line(v, owners) for v in report.blocked]
    return Risk(
        "blocked_tasks",
        _("Work is blocked"),
        "high" if any(v.critical for v in report.blocked) else "medium",
        evidence,
        _(
            "Unblock in this meeting: for each blocked task name who decides and by when, and escalate "
            "what the project team cannot resolve itself."
        ),
    )


def _blocked_line(v: TaskView, owners: dict[str, str]) -> str:
    owner = owners.get(v.owner, v.owner)
    if v.assignee and v.critical:
        text = _("{id} ({name}) is blocked; owner {owner}, assigned to {assignee}, on the critical path.")
    elif v.assignee:
        text = _("{id} ({name}) is blocked; owner {owner}, assigned to {assignee}.")
    elif v.critical:
        text = _("{id} ({name}) is blocked; owner {owner}, on the critical path.")
    else:
        text = _("{id} ({name}) is blocked; owner {owner}.")
    return text.format(id=v.id, name=v.name, owner=owner, assignee=v.assignee)


def derive_risks(
    pb: Playbook,
    answers: dict[str, Any],
    report: StatusReport,
    views: list[TaskView],
    kpis: list[tuple[Kpi, Trend]],
) -> list[Risk]:
    """The risks the data shows, high ones first; `pb` is the resolved playbook."""
    today = report.today
    found = [
        _people(answers, views, today),
        _training(pb, views, kpis, today),
        _adoption(kpis, views, today),
        _blocked(report, {r.id: r.name.get_text(current_language()) for r in pb.roles}),
    ]
    risks = [r for r in found if r is not None]
    return sorted(risks, key=lambda r: r.level != "high")
