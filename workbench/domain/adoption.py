"""Adoption tracking as pure logic: measures from a CRM user-activity export, the adoption KPIs they give,
and KPI trends over recorded measurements.

A CRM export only knows logins and records; measures that need another source (accounting, telephony,
HR) stay missing, and the KPIs that use them are reported as not computable instead of being guessed.
`crmwb import-activity`, `crmwb kpi` and the weekly report all read their numbers from here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from workbench.domain.kpis import CADENCE_DAYS, Kpi, evaluate, formula_names
from workbench.domain.locale import format_number
from workbench.domain.role_groups import RoleClassifier
from workbench.domain.tracking import Measurement, Trend
from workbench.i18n import N_, _, gettext_in, pgettext

ACTIVE_DAYS = 30
"""active_users_30d: a login and at least one record in the 30 days up to the measurement date."""
WORKING_LOGINS = 3
"""sales_reps_working: without HR attendance, a sales user with 3+ logins stands in for 3+ days worked."""


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
    unmatched: dict[str, int] = field(default_factory=dict)
    """role text no group's terms match -> users with it: counted as people, in no group, and listed"""


UNMATCHED = "unmatched"


class ActivityTally:
    """The measures of an export counted row by row, so a reader can stream a file of millions of users
    without keeping them: `add` each row, then `measures()`."""

    def __init__(
        self, as_of: date, record_columns: list[str], has_trained: bool, groups: RoleClassifier | None = None
    ) -> None:
        self.as_of, self.record_columns, self.has_trained = as_of, list(record_columns), has_trained
        self.groups = groups
        self.rows = self.people = self.active = self.trained = 0
        self.sales_activities = self.sales_working = self.cases = 0
        self.newest_login: date | None = None
        self.by_group: dict[str, dict[str, int]] = {}
        self.unmatched: dict[str, int] = {}
        self._group_of: dict[str, str] = {}  # role texts repeat: classify each distinct one once

    def group(self, role: str) -> str:
        """The playbook's role group of a role text, or UNMATCHED (listed, never guessed)."""
        group = self._group_of.get(role)
        if group is None:
            group = (self.groups.group(role) if self.groups is not None else None) or UNMATCHED
            self._group_of[role] = group
        return group

    def add(self, r: ActivityRow) -> None:
        self.rows += 1
        if r.last_login and (self.newest_login is None or r.last_login > self.newest_login):
            self.newest_login = r.last_login
        group = self.group(r.role)
        if self.groups is not None and group in self.groups.excluded:
            return
        self.people += 1
        if group == UNMATCHED:
            key = r.role.strip() or _("(no role)")
            self.unmatched[key] = self.unmatched.get(key, 0) + 1
        self.active += bool(
            r.last_login and 0 <= (self.as_of - r.last_login).days < ACTIVE_DAYS and r.records_total
        )
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
        how = {
            "licensed_users": _("people in the file (no system accounts)"),
            "active_users_30d": _("a login in the {days} days and 1+ record").format(days=ACTIVE_DAYS),
        }
        if self.has_trained:
            values["users_trained"] = self.trained
            how["users_trained"] = _("users marked as trained")
        if "activities_logged" in self.record_columns:
            values["sales_activities_logged"] = self.sales_activities
            how["sales_activities_logged"] = _("activities logged by sales users")
            values["sales_reps_working"] = self.sales_working
            how["sales_reps_working"] = _("sales users with {logins}+ logins (not HR data)").format(
                logins=WORKING_LOGINS
            )
        if "cases_created" in self.record_columns:
            values["cases_logged"] = self.cases
            how["cases_logged"] = _("cases created by all users")
        by_group = {group: dict(totals) for group, totals in self.by_group.items()}
        return ActivityMeasures(values, how, self.rows - self.people, by_group, dict(self.unmatched))


def activity_measures(
    rows: list[ActivityRow], as_of: date, record_columns: list[str], has_trained: bool, groups: RoleClassifier
) -> ActivityMeasures:
    """The measures of rows held in memory (tests, small files): the same tally the streaming reader uses."""
    tally = ActivityTally(as_of, record_columns, has_trained, groups)
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


def evaluate_kpis(
    kpis: list[Kpi], values: dict[str, float], period_days: int | None = None
) -> list[KpiResult]:
    """Each KPI's value when all its measures are known; otherwise why not (missing measures, a zero, an
    unknown period for a per-period KPI, a value outside the KPI's range). `period_days` is how many days
    the measures cover: a per-period KPI (activities per rep per week) is scaled from it to its cadence."""
    results = []
    for kpi in kpis:
        missing = [m for m in formula_names(kpi.formula) if m not in values]
        if missing:
            results.append(
                KpiResult(kpi, None, missing, _("needs {measures}").format(measures=", ".join(missing)))
            )
            continue
        value = evaluate(kpi.formula, values)
        zeros = [m for m in formula_names(kpi.formula) if values[m] == 0]
        reason = (
            ""
            if value is not None
            else _("division by zero ({measures} is 0)").format(measures=", ".join(zeros))
        )
        if value is not None and kpi.per_period:
            value, reason = per_cadence(kpi, value, period_days)
        if value is not None and kpi.out_of_range(value):
            value, reason = None, _("{value:g} is outside the KPI's valid range").format(value=value)
        results.append(KpiResult(kpi, value, [], reason))
    return results


def per_cadence(kpi: Kpi, value: float, period_days: int | None) -> tuple[float | None, str]:
    """A count over `period_days` as a count per the KPI's cadence (a 6-week export against a weekly
    target is divided by 6); without the period it cannot be compared, so it is not computed."""
    if not period_days:
        return None, _("{cadence} rate: needs the export's first day (--from YYYY-MM-DD)").format(
            cadence=_(kpi.cadence)
        )  # the cadences (weekly, monthly ...) are catalogue messages of their own
    return value * CADENCE_DAYS[kpi.cadence] / period_days, ""


def period_note(kpi: Kpi, period_days: int | None) -> str:
    """How a per-period value was scaled, for the measurement's note and the output ('' otherwise)."""
    if not kpi.per_period or not period_days:
        return ""
    return _("counted over {days} day(s), scaled to one {cadence} period of {per:.4g} days").format(
        days=period_days, cadence=_(kpi.cadence), per=CADENCE_DAYS[kpi.cadence]
    )


def baseline_of(kpi: Kpi, points: list[Measurement]) -> float | None:
    """The playbook's baseline; without one ("measure before go-live") the first measurement the KPI can
    take (a value stored before ranges were checked, such as a negative response time, is no baseline)."""
    if kpi.baseline is not None:
        return float(kpi.baseline)
    return next((p.value for p in points if not kpi.out_of_range(p.value)), None)


def status_label(kpi: Kpi, trend: Trend) -> str:
    """on track / off track / not measured, or 'out of range' when the latest value is one the KPI cannot
    take (stored before values were checked): such a value is never reported as on track."""
    latest = trend.latest
    if latest is not None and kpi.out_of_range(latest.value):
        return _("out of range")
    return on_track_label(trend.on_track)


def kpi_trends(kpis: list[Kpi], measurements: list[Measurement]) -> list[Trend]:
    """One Trend per KPI, in playbook order; measurements must come sorted by date (the store's order)."""
    by_kpi: dict[str, list[Measurement]] = defaultdict(list)
    for m in measurements:
        by_kpi[m.kpi_id].append(m)
    return [
        Trend(k.id, by_kpi.get(k.id, []), baseline_of(k, by_kpi.get(k.id, [])), float(k.target), k.direction)
        for k in kpis
    ]


_UNITS = {"percent": " %", "hours": " h", "minutes": " min", "days": " d"}


_LOCAL_UNITS = {"hours": N_("h"), "minutes": N_("min"), "days": N_("d")}


def format_value(value: float | None, unit: str, lang: str = "en") -> str:
    """A value for people: 72.5 %, 20, 4 h, 1,200,000; '—' when there is none. In `lang` other than
    English (a deliverable), the local digits, marks and unit abbreviations: ۷۲٫۵ %, 1 200 ч."""
    if value is None:
        return "—"
    if lang != "en":
        rounded = round(value) if abs(value) >= 1000 or float(value).is_integer() else round(value, 1)
        unit_text = (
            " %"
            if unit == "percent"
            else (" " + gettext_in(lang, _LOCAL_UNITS[unit]) if unit in _LOCAL_UNITS else "")
        )
        return format_number(rounded, lang) + unit_text
    text = f"{value:,.0f}" if abs(value) >= 1000 or float(value).is_integer() else f"{value:,.1f}"
    return text + _UNITS.get(unit, "")


def target_label(kpi: Kpi, lang: str = "en") -> str:
    """'≥ 90 %' for a KPI where higher is better, '≤ 2 %' where lower is."""
    return ("≥ " if kpi.direction == "up" else "≤ ") + format_value(float(kpi.target), kpi.unit, lang)


def on_track_text(on_track: bool | None) -> str:
    """on_track_label in the current language, for deliverables."""
    labels = {
        True: pgettext("kpi status", "on track"),
        False: pgettext("kpi status", "off track"),
        None: pgettext("kpi status", "not measured"),
    }
    return labels[on_track]


def on_track_label(on_track: bool | None) -> str:
    return {True: "on track", False: "off track", None: "not measured"}[on_track]
