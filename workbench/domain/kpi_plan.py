"""The KPI plan as people read it: KPIs grouped by phase, formulas in words, dated targets, tracking periods.

Computed once here so the xlsx, the Markdown and later the TUI show the same rows. Targets are
`target_months` after go-live (the KPI model's meaning), and go-live is the end of the deployment phase
in the project plan scheduled from the engagement's start date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from workbench.domain.kpis import Kpi, Measure, formula_names
from workbench.domain.locale import (
    JALALI_MONTHS,
    JALALI_SEASONS,
    format_jalali_short,
    format_number,
    format_percent,
    gregorian_to_jalali,
    jalali_to_gregorian,
    localize_digits,
    persian_digits,
)
from workbench.domain.phases import PHASE_IDS
from workbench.domain.playbook import Playbook
from workbench.domain.text import local_text
from workbench.domain.work_calendar import WorkCalendar, add_months
from workbench.i18n import N_, gettext_in, pgettext, use_language

UNIT_LABELS = {
    "percent": "%",
    "count": N_("count"),
    "ratio": N_("ratio"),
    "days": N_("days"),
    "hours": N_("hours"),
    "minutes": N_("minutes"),
    "currency": N_("currency"),
    "score": N_("score"),
}
DIRECTION_LABELS = {"up": N_("↑ higher is better"), "down": N_("↓ lower is better")}
PHASE_GROUPS = {
    "pre_deployment": N_("readiness"),
    "deployment": N_("adoption"),
    "post_deployment": N_("business outcomes"),
}
CADENCE_LABELS = {
    "weekly": N_("weekly"),
    "monthly": N_("monthly"),
    "quarterly": N_("quarterly"),
    "yearly": N_("yearly"),
}
NO_BASELINE = N_("measure before go-live")
RU_QUARTERS = ("I", "II", "III", "IV")
"""Russian numbers quarters in Roman numerals ("III кв. 2026"): a writing rule, like Persian digits"""
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
            out.append(local_text(measures[token].name, lang) if token in measures else token)
        else:
            out.append(token)  # a number, a parenthesis or a sign
        previous = token
    return localize_digits("".join(out), lang)  # a Persian formula reads × ۱۰۰


def go_live(
    pb: Playbook, start: date, calendar: WorkCalendar | None = None, answers: dict | None = None
) -> date:
    """The day deployment ends in the project plan; the start date when the playbook has no deployment."""
    from workbench.domain.plan import plan_for

    return plan_for(pb, answers or {}, start, calendar).phase_milestones().get("deployment", start)


@dataclass(frozen=True)
class Period:
    label: str
    start: date


def periods(cadence: str, first: date, count: int = 12, lang: str = "en") -> list[Period]:
    """`count` calendar periods of a cadence, starting with the one that holds `first`. Persian periods are
    Solar Hijri months, seasons and years (weeks from Saturday), as Iranian businesses report; Russian
    labels are written the Russian way."""
    if cadence not in CADENCE_LABELS:
        raise ValueError(f"unknown cadence {cadence!r}; expected weekly, monthly, quarterly or yearly")
    if lang == "fa":
        return _jalali_periods(cadence, first, count)
    with use_language(lang):
        return [
            Period(_gregorian_label(cadence, day, lang), day)
            for day in _gregorian_starts(cadence, first, count)
        ]


def _gregorian_label(cadence: str, day: date, lang: str) -> str:
    """'2026-W05', '2026-03', '2026 Q3', '2026' in English; the catalogue has the other languages' ways
    ('нед. 5 (2026)', '03.2026', 'III кв. 2026', '2026 г.')."""
    if cadence == "weekly":
        iso = day.isocalendar()
        label = pgettext("KPI tracking period: ISO week", "{year}-W{week:02d}")
        return label.format(year=iso.year, week=iso.week)
    if cadence == "monthly":
        label = pgettext("KPI tracking period: month", "{year}-{month:02d}")
        return label.format(year=day.year, month=day.month)
    if cadence == "quarterly":
        number = (day.month - 1) // 3 + 1
        quarter = RU_QUARTERS[number - 1] if lang == "ru" else number
        label = pgettext("KPI tracking period: quarter", "{year} Q{quarter}")
        return label.format(year=day.year, quarter=quarter)
    return pgettext("KPI tracking period: year", "{year}").format(year=day.year)


def _jalali_periods(cadence: str, first: date, count: int) -> list[Period]:
    jy, jm, _jd = gregorian_to_jalali(first)
    out: list[Period] = []
    if cadence == "weekly":
        saturday = first - timedelta(days=(first.weekday() + 2) % 7)
        for i in range(count):
            day = saturday + timedelta(weeks=i)
            with use_language("fa"):
                label = pgettext("KPI tracking period: Solar Hijri week", "week of {day}")
            out.append(Period(label.format(day=format_jalali_short(day)), day))
        return out
    step = {"monthly": 1, "quarterly": 3, "yearly": 12}[cadence]
    month = jm if step == 1 else (jm - 1) // 3 * 3 + 1 if step == 3 else 1
    index = jy * 12 + month - 1
    for i in range(count):
        year, m0 = divmod(index + i * step, 12)
        label = {1: f"{JALALI_MONTHS[m0]} {year}", 3: f"{JALALI_SEASONS[m0 // 3]} {year}", 12: str(year)}[
            step
        ]
        out.append(Period(persian_digits(label), jalali_to_gregorian(year, m0 + 1, 1)))
    return out


def _gregorian_starts(cadence: str, first: date, count: int) -> list[date]:
    """The first days of `count` Gregorian periods (ISO weeks from Monday), from the one holding `first`."""
    if cadence == "weekly":
        monday = first - timedelta(days=first.weekday())
        return [monday + timedelta(weeks=i) for i in range(count)]
    if cadence == "monthly":
        return [add_months(first.replace(day=1), i) for i in range(count)]
    if cadence == "quarterly":
        quarter_start = first.replace(month=(first.month - 1) // 3 * 3 + 1, day=1)
        return [add_months(quarter_start, 3 * i) for i in range(count)]
    return [date(first.year + i, 1, 1) for i in range(count)]


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
    lang: str = "en"

    @property
    def unit_label(self) -> str:
        return gettext_in(self.lang, UNIT_LABELS.get(self.kpi.unit, self.kpi.unit))

    @property
    def direction_label(self) -> str:
        return gettext_in(self.lang, DIRECTION_LABELS[self.kpi.direction])

    @property
    def cadence_label(self) -> str:
        return gettext_in(self.lang, CADENCE_LABELS[self.kpi.cadence])

    @property
    def baseline_label(self) -> str:
        if self.kpi.baseline is None:
            return gettext_in(self.lang, NO_BASELINE)
        return format_number(self.kpi.baseline, self.lang)

    @property
    def target_label(self) -> str:
        number = format_number(self.kpi.target, self.lang)
        if self.kpi.unit == "percent":
            return format_percent(self.kpi.target, self.lang)
        plain = {"count": "", "ratio": "", "score": ""}
        return f"{number}{plain.get(self.kpi.unit, ' ' + self.unit_label)}"


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


def kpi_plan(
    pb: Playbook,
    start: date,
    lang: str = "en",
    calendar: WorkCalendar | None = None,
    answers: dict | None = None,
) -> KpiPlan:
    """The resolved playbook's KPIs grouped by phase (in phase order), with their measures."""
    anchor = go_live(pb, start, calendar, answers)
    measures = {m.id: m for m in pb.measures}
    roles = pb.role_map()
    phase_names: dict[str, str] = {p.id: local_text(p.name, lang) for p in pb.phases}
    groups: list[KpiGroup] = []
    for phase in PHASE_IDS:
        lines = [
            KpiLine(
                k,
                local_text(k.name, lang),
                local_text(k.definition, lang),
                readable_formula(k.formula, measures, lang),
                local_text(roles[k.owner].name, lang) if k.owner in roles else k.owner,
                local_text(k.source, lang),
                formula_names(k.formula),
                add_months(anchor, k.target_months) if k.target_months is not None else None,
                lang,
            )
            for k in pb.kpis
            if k.phase == phase
        ]
        if lines:
            name = phase_names.get(phase, phase.replace("_", " ").capitalize())
            title = f"{name}: {gettext_in(lang, PHASE_GROUPS[phase])}"
            groups.append(KpiGroup(phase, title, lines))
    used: dict[str, list[str]] = {}
    for line in (line for group in groups for line in group.lines):
        for name in line.measures:
            used.setdefault(name, []).append(line.kpi.id)
    measure_lines = [
        MeasureLine(m, local_text(m.name, lang), local_text(m.source, lang), used.get(m.id, []))
        for m in pb.measures
    ]
    return KpiPlan(anchor, groups, measure_lines)
