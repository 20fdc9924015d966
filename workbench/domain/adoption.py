"""Adoption tracking as pure logic: measures from a CRM user-activity export, the adoption KPIs they give,
and KPI trends over recorded measurements.

A CRM export only knows logins and records; measures that need another source (accounting, telephony,
HR) stay missing, and the KPIs that use them are reported as not computable instead of being guessed.
`crmwb import-activity`, `crmwb kpi` and the weekly report all read their numbers from here.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from workbench.domain.kpis import Kpi, evaluate, formula_names
from workbench.domain.tracking import Measurement, Trend

ACTIVE_DAYS = 30
"""active_users_30d: a login and at least one record in the 30 days up to the measurement date."""
WORKING_LOGINS = 3
"""sales_reps_working: without HR attendance, a sales user with 3+ logins stands in for 3+ days worked."""

# role text -> group; checked in this order, each stem at the start of a word, so "Service account" is a
# system account and "Therapist" is not an API account
_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("system", ("integration", "service account", "api", "system", "test", "bot", "интеграц", "служебн",
                "тест", "یکپارچه", "آزمایشی", "سیستم")),
    ("sales", ("sales", "sell", "продаж", "продав", "فروش")),
    ("service", ("service", "support", "сервис", "поддерж", "обслуж", "خدمات", "پشتیبانی")),
    ("marketing", ("marketing", "маркетинг", "بازاریابی")),
)


@lru_cache(maxsize=4096)
def role_group(role: str) -> str:
    """sales, service, marketing, system (integration, service and test accounts) or other."""
    text = " ".join(role.lower().replace("ي", "ی").replace("ك", "ک").split())  # Arabic yeh, kaf as Persian
    for group, stems in _GROUPS:
        if any(re.search(r"(?<!\w)" + re.escape(stem), text) for stem in stems):
            return group
    return "other"


@dataclass(frozen=True)
class ActivityRow:
    """One user of the export; `records` maps a records column (e.g. leads_created) to its count."""

    line: int
    user: str
    role: str
    last_login: date | None
    logins: int
    records: dict[str, int] = field(default_factory=dict)
    trained: bool | None = None

    @property
    def group(self) -> str:
        return role_group(self.role)

    @property
    def records_total(self) -> int:
        return sum(self.records.values())


@dataclass
class ActivityMeasures:
    values: dict[str, float]
    """measure id -> value, only for the measures this export can give"""
    how: dict[str, str]
    """measure id -> how it was counted, for the measurement's note and the command's output"""
    excluded: int
    """integration, service and test accounts left out of every count"""
    by_group: dict[str, dict[str, int]]
    """group -> records column -> total: who enters which data"""


class ActivityTally:
    """The measures of an export counted row by row, so a reader can stream a file of millions of users
    without keeping them: `add` each row, then `measures()`."""

    def __init__(self, as_of: date, record_columns: list[str], has_trained: bool) -> None:
        self.as_of, self.record_columns, self.has_trained = as_of, list(record_columns), has_trained
        self.rows = self.people = self.active = self.trained = 0
        self.sales_activities = self.sales_working = self.cases = 0
        self.newest_login: date | None = None
        self.by_group: dict[str, dict[str, int]] = {}

    def add(self, r: ActivityRow) -> None:
        self.rows += 1
        if r.last_login and (self.newest_login is None or r.last_login > self.newest_login):
            self.newest_login = r.last_login
        group = r.group
        if group == "system":
            return
        self.people += 1
        self.active += bool(r.last_login and 0 <= (self.as_of - r.last_login).days < ACTIVE_DAYS
                            and r.records_total)
        self.trained += bool(r.trained)
        self.cases += r.records.get("cases_created", 0)
        if group == "sales":
            self.sales_activities += r.records.get("activities_logged", 0)
            self.sales_working += r.logins >= WORKING_LOGINS
        totals = self.by_group.get(group)
        if totals is None:
            totals = self.by_group[group] = dict.fromkeys(self.record_columns, 0)
        for column, count in r.records.items():
            totals[column] = totals.get(column, 0) + count

    def measures(self) -> ActivityMeasures:
        """The measures a user-activity export gives, counted as the playbook's measure definitions say."""
        values: dict[str, float] = {"licensed_users": self.people, "active_users_30d": self.active}
        how = {"licensed_users": "people in the file (no system accounts)",
               "active_users_30d": f"a login in the {ACTIVE_DAYS} days and 1+ record"}
        if self.has_trained:
            values["users_trained"] = self.trained
            how["users_trained"] = "users marked as trained"
        if "activities_logged" in self.record_columns:
            values["sales_activities_logged"] = self.sales_activities
            how["sales_activities_logged"] = "activities logged by sales users"
            values["sales_reps_working"] = self.sales_working
            how["sales_reps_working"] = f"sales users with {WORKING_LOGINS}+ logins (not HR data)"
        if "cases_created" in self.record_columns:
            values["cases_logged"] = self.cases
            how["cases_logged"] = "cases created by all users"
        by_group = {group: dict(totals) for group, totals in self.by_group.items()}
        return ActivityMeasures(values, how, self.rows - self.people, by_group)


def activity_measures(rows: list[ActivityRow], as_of: date, record_columns: list[str],
                      has_trained: bool) -> ActivityMeasures:
    """The measures of rows held in memory (tests, small files): the same tally the streaming reader uses."""
    tally = ActivityTally(as_of, record_columns, has_trained)
    for r in rows:
        tally.add(r)
    return tally.measures()


@dataclass(frozen=True)
class KpiResult:
    kpi: Kpi
    value: float | None
    missing: list[str]
    """measures the formula needs that nobody gave"""
    reason: str = ""


def evaluate_kpis(kpis: list[Kpi], values: dict[str, float]) -> list[KpiResult]:
    """Each KPI's value when all its measures are known; otherwise why not (missing measures, a zero)."""
    results = []
    for kpi in kpis:
        missing = [m for m in formula_names(kpi.formula) if m not in values]
        if missing:
            results.append(KpiResult(kpi, None, missing, "needs " + ", ".join(missing)))
            continue
        value = evaluate(kpi.formula, values)
        zeros = [m for m in formula_names(kpi.formula) if values[m] == 0]
        reason = "" if value is not None else f"division by zero ({', '.join(zeros)} is 0)"
        results.append(KpiResult(kpi, value, [], reason))
    return results


def baseline_of(kpi: Kpi, points: list[Measurement]) -> float | None:
    """The playbook's baseline; without one ("measure before go-live") the first measurement."""
    if kpi.baseline is not None:
        return float(kpi.baseline)
    return points[0].value if points else None


def kpi_trends(kpis: list[Kpi], measurements: list[Measurement]) -> list[Trend]:
    """One Trend per KPI, in playbook order; measurements must come sorted by date (the store's order)."""
    by_kpi: dict[str, list[Measurement]] = defaultdict(list)
    for m in measurements:
        by_kpi[m.kpi_id].append(m)
    return [Trend(k.id, by_kpi.get(k.id, []), baseline_of(k, by_kpi.get(k.id, [])), float(k.target), k.direction)
            for k in kpis]


_UNITS = {"percent": " %", "hours": " h", "minutes": " min", "days": " d"}


def format_value(value: float | None, unit: str) -> str:
    """A value for people: 72.5 %, 20, 4 h, 1,200,000; '—' when there is none."""
    if value is None:
        return "—"
    text = f"{value:,.0f}" if abs(value) >= 1000 or float(value).is_integer() else f"{value:,.1f}"
    return text + _UNITS.get(unit, "")


def target_label(kpi: Kpi) -> str:
    """'≥ 90 %' for a KPI where higher is better, '≤ 2 %' where lower is."""
    return ("≥ " if kpi.direction == "up" else "≤ ") + format_value(float(kpi.target), kpi.unit)


def on_track_label(on_track: bool | None) -> str:
    return {True: "on track", False: "off track", None: "not measured"}[on_track]
