"""The weekly status report for the steering committee, as Markdown and printable HTML.

`build_report` gathers everything from one open engagement (task states, plan dates, KPI measurements,
intake answers) into a plain model; the templates in `templates/report/` only lay it out, so the two
formats always say the same. Files are written atomically: a crash never leaves half a report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.domain.adoption import format_value, kpi_trends, on_track_text, target_label
from workbench.domain.risks import Risk, derive_risks
from workbench.domain.text import tr
from workbench.domain.tracking import TaskView, status_report, task_views
from workbench.domain.uat_summary import UatSummary, summary_lines
from workbench.i18n import current_language, use_language
from workbench.writers.atomic import write_text_atomic
from workbench.writers.templating import render

if TYPE_CHECKING:
    from workbench.app.engagement import OpenEngagement

FORMATS = {"md": "report/status.md.j2", "html": "report/status.html.j2"}
NEXT_PER_ROLE = 5


@dataclass(frozen=True)
class PhaseRow:
    id: str
    name: str
    percent: int
    closed: int
    total: int
    in_progress: int
    blocked: int
    planned_end: date | None
    gate_closed: bool


@dataclass(frozen=True)
class MilestoneRow:
    id: str
    name: str
    phase: str
    planned: date
    due: date
    status: str
    late: bool


@dataclass(frozen=True)
class KpiRow:
    id: str
    name: str
    kind: str
    sparkline: str
    latest: str
    baseline: str
    target: str
    status: str
    on_track: bool | None
    measured_on: date | None
    count: int


@dataclass(frozen=True)
class RoleActions:
    role: str
    name: str
    tasks: list[TaskView]
    more: int


@dataclass(frozen=True)
class ScheduleRow:
    """The go-live against the baseline (domain/forecast.py): what the committee asks first."""

    baseline_id: int | None
    """None: no baseline frozen yet, the initial plan is the baseline"""
    baseline_reason: str | None
    baseline_go_live: date | None
    go_live: date | None
    slip: int
    """working days the forecast go-live is after the baseline (negative: ahead)"""


@dataclass
class WeeklyReport:
    client: str
    playbook: str
    playbook_id: str
    version: str
    start: date
    finish: date
    today: date
    warnings: list[str]
    phases: list[PhaseRow]
    milestones: list[MilestoneRow]
    late: list[TaskView]
    blocked: list[TaskView]
    at_risk: list[TaskView]
    next_actions: list[RoleActions]
    kpis: list[KpiRow]
    unmeasured: list[str]
    risks: list[Risk] = field(default_factory=list)
    lang: str = "en"
    owners: dict[str, str] = field(default_factory=dict)
    """role id -> role name in the report's language, for the Owner columns"""
    phase_names: dict[str, str] = field(default_factory=dict)
    schedule: ScheduleRow | None = None
    uat: list[str] = field(default_factory=list)
    """UAT readiness as sentences in the report's language (domain.uat_summary); empty: not shown yet"""

    @property
    def week(self) -> str:
        year, week, _ = self.today.isocalendar()
        return f"{year}-W{week:02d}"

    @property
    def week_number(self) -> int:
        return self.today.isocalendar()[1]

    @property
    def percent(self) -> int:
        total = sum(p.total for p in self.phases)
        return round(100 * sum(p.closed for p in self.phases) / total) if total else 100

    @property
    def on_track(self) -> int:
        return sum(k.on_track is True for k in self.kpis)


def build_report(
    opened: OpenEngagement, today: date, lang: str | None = None, uat: UatSummary | None = None
) -> WeeklyReport:
    """Everything the committee reads this week, from the engagement's data as of `today`, in `lang` (the
    current language when None): names, risk texts and figures are built in it. `uat` is the UAT readiness
    the use case read (None: not shown); its criteria's sentences are in the language it was read in."""
    lang = lang or current_language()
    with use_language(lang):
        report = _build(opened, today, lang)
        report.uat = summary_lines(uat) if uat is not None else []
        return report


def _build(opened: OpenEngagement, today: date, lang: str) -> WeeklyReport:
    pb, plan, store, e = opened.resolved, opened.plan, opened.store, opened.engagement
    states = store.tasks()
    status = status_report(pb, plan, states, today, lang)
    views = task_views(pb, plan, states, lang)
    closed, ends = store.closed_phases(), plan.phase_milestones()
    names: dict[str, str] = {p.id: tr(p.name, lang) for p in pb.phases}
    phases = [
        PhaseRow(
            p.phase,
            names.get(p.phase, p.phase),
            p.percent,
            p.closed,
            p.total,
            p.in_progress,
            p.blocked,
            ends.get(p.phase),
            p.phase in closed,
        )
        for p in status.phases
    ]
    by_id = {v.id: v for v in views}
    milestones = [
        MilestoneRow(
            t.id,
            by_id[t.id].name,
            t.phase,
            t.finish,
            by_id[t.id].due,
            by_id[t.id].status,
            by_id[t.id].status not in ("done", "skipped") and by_id[t.id].due < today,
        )
        for t in plan.tasks
        if t.milestone and t.id in by_id
    ]
    roles = pb.role_map()
    actions = [
        RoleActions(
            role,
            tr(roles[role].name, lang) if role in roles else role,
            tasks[:NEXT_PER_ROLE],
            max(0, len(tasks) - NEXT_PER_ROLE),
        )
        for role, tasks in status.next_actions.items()
    ]
    kpis = list(pb.kpis)
    trends = list(zip(kpis, kpi_trends(kpis, store.measurements())))
    rows = [
        KpiRow(
            k.id,
            tr(k.name, lang),
            k.kind,
            t.sparkline(),
            format_value(t.latest.value, k.unit, lang),
            format_value(t.baseline, k.unit, lang),
            target_label(k, lang),
            on_track_text(t.on_track),
            t.on_track,
            t.latest.measured_on,
            len(t.points),
        )
        for k, t in trends
        if t.latest
    ]
    unmeasured = [k.id for k, t in trends if not t.points]
    risks = derive_risks(pb, e.answers, status, views, trends)
    return WeeklyReport(
        e.client,
        tr(opened.playbook.name, lang),
        opened.playbook.id,
        opened.playbook.version,
        e.start,
        plan.finish,
        today,
        list(opened.warnings),
        phases,
        milestones,
        status.late,
        status.blocked,
        status.at_risk,
        actions,
        rows,
        unmeasured,
        risks,
        lang,
        {r.id: tr(r.name, lang) for r in pb.roles},
        names,
        _schedule(opened, states, today),
    )


def _schedule(opened: OpenEngagement, states, today: date) -> ScheduleRow:
    from workbench.domain.forecast import forecast

    store = opened.store
    fc = forecast(opened.resolved, opened.plan, states, store.actuals(), today, store.active_baseline())
    b = fc.baseline
    return ScheduleRow(b.id if b else None, b.reason if b else None, fc.baseline_go_live, fc.go_live, fc.slip)


def render_report(report: WeeklyReport, fmt: str) -> str:
    return render(FORMATS[fmt], r=report, lang=report.lang)


def write_report(report: WeeklyReport, folder: Path, formats: list[str]) -> list[Path]:
    """status-YYYY-MM-DD.md / .html in `folder`, each written atomically; returns the paths.

    Every format is rendered before the first file is written, so a template error writes nothing."""
    texts = {fmt: render_report(report, fmt) for fmt in formats}
    written = []
    for fmt, text in texts.items():
        target = Path(folder) / f"status-{report.today.isoformat()}.{fmt}"
        write_text_atomic(target, text)
        written.append(target)
    return written
