"""The KPI plan as people read it: KPIs grouped by phase, formulas in words, dated targets, tracking periods.

Computed once here so the xlsx, the Markdown and later the TUI show the same rows. Targets are
`target_months` after go-live (the KPI model's meaning), and go-live is the end of the deployment phase
in the project plan scheduled from the engagement's start date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from workbench.domain.kpis import Kpi, Measure, formula_names
from workbench.domain.phases import PHASE_IDS
from workbench.domain.playbook import Playbook
from workbench.domain.text import tr

UNIT_LABELS = {"percent": "%", "count": "count", "ratio": "ratio", "days": "days", "hours": "hours",
               "minutes": "minutes", "currency": "currency", "score": "score"}
DIRECTION_LABELS = {"up": "↑ higher is better", "down": "↓ lower is better"}
PHASE_GROUPS = {"pre_deployment": "readiness", "deployment": "adoption",
                "post_deployment": "business outcomes"}
NO_BASELINE = "measure before go-live"
_TOKEN = re.compile(r"\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|[A-Za-z_]\w*|[-+*/()]")


def readable_formula(formula: str, measures: dict[str, Measure], lang: str = "en") -> str:
    """The formula with measure ids replaced by their names and `*` shown as `×`, spaced evenly:
    `active/licensed*100` -> `Active users / Licensed users × 100`."""
    formula_names(formula)  # only numbers, names, + - * / and parentheses get past this
    out: list[str] = []
    previous = ""
    for token in _TOKEN.findall(formula):
        if token in "+-*/" and previous not in ("", "(", "+", "-", "*", "/"):
            out.append(f" {'×' if token == '*' else token} ")
        elif token[0].isalpha() or token[0] == "_":
            out.append(tr(measures[token].name, lang) if token in measures else token)
        else:
            out.append(token)  # a number, a parenthesis or a sign
        previous = token
    return "".join(out)


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def go_live(pb: Playbook, start: date) -> date:
    """The day deployment ends in the project plan; the start date when the playbook has no deployment."""
    from workbench.domain.plan import schedule

    return schedule(pb, start).phase_milestones().get("deployment", start)


@dataclass(frozen=True)
class Period:
    label: str
    start: date


def periods(cadence: str, first: date, count: int = 12) -> list[Period]:
    """`count` calendar periods of a cadence, starting with the one that holds `first`."""
    out: list[Period] = []
    if cadence == "weekly":
        monday = first - timedelta(days=first.weekday())
        for i in range(count):
            day = monday + timedelta(weeks=i)
            iso = day.isocalendar()
            out.append(Period(f"{iso.year}-W{iso.week:02d}", day))
    elif cadence == "monthly":
        for i in range(count):
            day = add_months(first.replace(day=1), i)
            out.append(Period(day.strftime("%Y-%m"), day))
    elif cadence == "quarterly":
        quarter_start = first.replace(month=(first.month - 1) // 3 * 3 + 1, day=1)
        for i in range(count):
            day = add_months(quarter_start, 3 * i)
            out.append(Period(f"{day.year} Q{(day.month - 1) // 3 + 1}", day))
    elif cadence == "yearly":
        out = [Period(str(first.year + i), date(first.year + i, 1, 1)) for i in range(count)]
    else:
        raise ValueError(f"unknown cadence {cadence!r}; expected weekly, monthly, quarterly or yearly")
    return out


@dataclass(frozen=True)
class KpiLine:
    """One KPI with every text already in the reader's language."""

    kpi: Kpi
    name: str
    definition: str
    readable_formula: str
    owner_name: str
    source: str
    measures: list[str]
    target_date: date | None

    @property
    def unit_label(self) -> str:
        return UNIT_LABELS.get(self.kpi.unit, self.kpi.unit)

    @property
    def direction_label(self) -> str:
        return DIRECTION_LABELS[self.kpi.direction]

    @property
    def baseline_label(self) -> str:
        return NO_BASELINE if self.kpi.baseline is None else _number(self.kpi.baseline)

    @property
    def target_label(self) -> str:
        plain = {"percent": "%", "count": "", "ratio": "", "score": ""}
        return f"{_number(self.kpi.target)}{plain.get(self.kpi.unit, ' ' + self.unit_label)}"


@dataclass(frozen=True)
class KpiGroup:
    phase: str
    title: str
    lines: list[KpiLine]


@dataclass(frozen=True)
class MeasureLine:
    measure: Measure
    name: str
    source: str
    used_by: list[str]
    """KPI ids that use the measure, in plan order"""


@dataclass(frozen=True)
class KpiPlan:
    go_live: date
    groups: list[KpiGroup]
    measures: list[MeasureLine] = field(default_factory=list)

    def lines(self) -> list[KpiLine]:
        return [line for group in self.groups for line in group.lines]


def _number(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def kpi_plan(pb: Playbook, start: date, lang: str = "en") -> KpiPlan:
    """The resolved playbook's KPIs grouped by phase (in phase order), with their measures."""
    anchor = go_live(pb, start)
    measures = {m.id: m for m in pb.measures}
    roles = pb.role_map()
    phase_names = {p.id: tr(p.name, lang) for p in pb.phases}
    groups: list[KpiGroup] = []
    for phase in PHASE_IDS:
        lines = [
            KpiLine(k, tr(k.name, lang), tr(k.definition, lang), readable_formula(k.formula, measures, lang),
                    tr(roles[k.owner].name, lang) if k.owner in roles else k.owner, tr(k.source, lang),
                    formula_names(k.formula),
                    add_months(anchor, k.target_months) if k.target_months is not None else None)
            for k in pb.kpis if k.phase == phase
        ]
        if lines:
            title = f"{phase_names.get(phase, phase.replace('_', ' ').capitalize())}: {PHASE_GROUPS[phase]}"
            groups.append(KpiGroup(phase, title, lines))
    used: dict[str, list[str]] = {}
    for line in (line for group in groups for line in group.lines):
        for name in line.measures:
            used.setdefault(name, []).append(line.kpi.id)
    measure_lines = [MeasureLine(m, tr(m.name, lang), tr(m.source, lang), used.get(m.id, []))
                     for m in pb.measures]
    return KpiPlan(anchor, groups, measure_lines)
