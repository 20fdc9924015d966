"""Activity import, the use case: read a CRM user-activity export, compute the engagement's adoption KPIs
from it (and from measures given by hand), and record them in one transaction. `crmwb import-activity`
and the TUI's import dialog both call `preview_activity` and then `record_activity`, so the dialog's
preview is exactly what the command records, and a refused input is refused with the same words.

Nothing is recorded unless the whole file read cleanly and at least one KPI could be computed."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.i18n import N_, _

if TYPE_CHECKING:
    from workbench.app.engagement import OpenEngagement
    from workbench.domain.adoption import ActivityMeasures, KpiResult
    from workbench.domain.problems import Problem
    from workbench.domain.tracking import Measurement
    from workbench.loading.activity_csv import ActivityFile


RECORDS = {
    "leads_created": N_("leads"),
    "contacts_created": N_("contacts"),
    "deals_created": N_("deals"),
    "cases_created": N_("cases"),
    "activities_logged": N_("activities"),
}
"""the records columns an activity export may carry, as people call them"""


def records_entered(counts: dict[str, int], number: Callable[[float], str]) -> str:
    """What one role group entered, e.g. "leads 23, deals 9", the counts written with `number`."""
    return ", ".join(f"{_(RECORDS[c]) if c in RECORDS else c} {number(n)}" for c, n in counts.items())


class ActivityImportError(ValueError):
    """An input the import refuses; `problems` are the file's own, located (file:line:col)."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True)
class ActivityRequest:
    file: Path
    as_of: date
    period_from: date | None = None
    role_groups: list[str] = field(default_factory=list)
    """GROUP=TERM items, as `--role-group` takes them"""
    measures: list[str] = field(default_factory=list)
    """ID=VALUE items, as `--measure` takes them"""


@dataclass
class ActivityPreview:
    """What the import will record (`done`), and what it read to get there."""

    activity: ActivityFile
    measures: ActivityMeasures
    values: dict[str, float]
    results: list[KpiResult]
    as_of: date
    period_days: int | None
    group_names: dict[str, str]

    @property
    def done(self) -> list[KpiResult]:
        return [r for r in self.results if r.value is not None]

    @property
    def not_computed(self) -> list[KpiResult]:
        return [r for r in self.results if r.value is None]

    def measurements(self) -> list[Measurement]:
        """One value per computed KPI, on the export's day, with its source and the measures behind it."""
        from workbench.domain.adoption import period_note
        from workbench.domain.kpis import formula_names
        from workbench.domain.tracking import Measurement

        source = f"import-activity {self.activity.path.name} ({self.activity.encoding})"
        return [
            Measurement(
                r.kpi.id,
                value,
                self.as_of,
                source,
                "; ".join(
                    filter(
                        None,
                        (
                            ", ".join(f"{m}={self.values[m]:g}" for m in formula_names(r.kpi.formula)),
                            period_note(r.kpi, self.period_days),
                        ),
                    )
                ),
            )
            for r in self.done
            if (value := r.value) is not None
        ]

    def as_json(self) -> dict[str, Any]:
        """The result as `crmwb import-activity --format json` prints it."""
        return {
            "file": str(self.activity.path),
            "encoding": self.activity.encoding,
            "delimiter": self.activity.delimiter,
            "date": self.as_of.isoformat(),
            "period_days": self.period_days,
            "users": self.activity.users,
            "excluded_accounts": self.measures.excluded,
            "unmatched_roles": self.measures.unmatched,
            "measures": self.values,
            "records_by_group": self.measures.by_group,
            "recorded": [
                {
                    "kpi": r.kpi.id,
                    "value": r.value,
                    "target": r.kpi.target,
                    "unit": r.kpi.unit,
                    "on_track": on_track(r),
                }
                for r in self.done
            ],
            "not_computed": [
                {"kpi": r.kpi.id, "missing": r.missing, "reason": r.reason} for r in self.not_computed
            ],
        }


def on_track(result: KpiResult) -> bool:
    value = result.value or 0.0
    return value >= result.kpi.target if result.kpi.direction == "up" else value <= result.kpi.target


def extra_measures(items: list[str], known: list[str]) -> dict[str, float]:
    """ID=VALUE items, VALUE in the user's notation (1 200, 6,1, ۱۲۰۰); an unknown id gets a suggestion."""
    from workbench.domain.numbers import NumberError, parse_number

    values: dict[str, float] = {}
    for item in items:
        name, sep, text = item.partition("=")
        try:
            value = parse_number(text)
        except NumberError:
            value = None
        if not sep or not name.strip() or value is None:
            raise ActivityImportError(
                _("{option}; expected ID=NUMBER, e.g. {example}").format(
                    option=f"--measure {item!r}", example="service_contacts_received=1200"
                )
            )
        values[name.strip()] = value
    for name in values:
        if name not in known:
            close = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
            hint = (
                _("did you mean {ids}?").format(ids=", ".join(close))
                if close
                else _("see the measures in {command}").format(command="`crmwb show`")
            )
            raise ActivityImportError(
                _("{option}: unknown measure {id}; {hint}").format(
                    option="--measure", id=repr(name), hint=hint
                )
            )
    return values


def role_terms(items: list[str], known: list[str]) -> dict[str, list[str]]:
    """GROUP=TERM items by group; an unknown group or an empty term is refused."""
    terms: dict[str, list[str]] = {}
    for item in items:
        group, sep, term = item.partition("=")
        if not sep or not term.strip() or group.strip() not in known:
            raise ActivityImportError(
                _("--role-group {item!r}; expected GROUP=TERM with GROUP one of: {groups}").format(
                    item=item, groups=", ".join(known) or _("(the playbook declares no role groups)")
                )
            )
        terms.setdefault(group.strip(), []).append(term.strip())
    return terms


def check_dates(request: ActivityRequest, today: date) -> int | None:
    """The days the export covers (None without a first day); a future or reversed period is refused."""
    if request.as_of > today:
        raise ActivityImportError(
            _("{option} is in the future; expected the day of the export").format(
                option=f"--date {request.as_of}"
            )
        )
    if request.period_from is None:
        return None
    if request.period_from > request.as_of:
        message = _("--from {start} is after --date {end}; expected the first day the export covers")
        raise ActivityImportError(message.format(start=request.period_from, end=request.as_of))
    return (request.as_of - request.period_from).days + 1


def preview_activity(opened: OpenEngagement, request: ActivityRequest, today: date) -> ActivityPreview:
    """Everything the import would record, computed without writing; ActivityImportError when refused."""
    from workbench.domain.adoption import evaluate_kpis
    from workbench.domain.role_groups import classifier
    from workbench.domain.text import tr
    from workbench.i18n import current_language
    from workbench.loading.activity_csv import read_activity

    period_days = check_dates(request, today)
    known = [m.id for m in opened.playbook.measures]
    extra = extra_measures(request.measures, known)
    role_groups = opened.resolved.role_groups
    groups = classifier(role_groups, role_terms(request.role_groups, [g.id for g in role_groups]))
    activity = read_activity(request.file, request.as_of, groups=groups)
    if not activity.ok or activity.tally is None:
        raise ActivityImportError(_("nothing was recorded; fix the file and run again"), activity.problems)
    measures = activity.tally.measures()
    given = {k: v for k, v in measures.values.items() if k in known}
    clash = sorted(set(given) & set(extra))
    if clash:
        raise ActivityImportError(
            _("{option} comes from the file already; remove it").format(option=f"--measure {clash[0]}")
        )
    values = given | extra
    adoption = [k for k in opened.resolved.kpis if k.kind == "adoption"]
    lang = current_language()
    return ActivityPreview(
        activity,
        measures,
        values,
        evaluate_kpis(adoption, values, period_days),
        request.as_of,
        period_days,
        {g.id: tr(g.name, lang) for g in role_groups},
    )


def record_activity(
    opened: OpenEngagement, preview: ActivityPreview, author: str | None
) -> list[Measurement]:
    """Record every computed value in one transaction (sqlite3.Error or StoreBusy: nothing recorded)."""
    from workbench.store.author import current_author

    items = preview.measurements()
    opened.store.record_measurements(items, current_author(author))
    return items
