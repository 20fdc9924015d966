"""`crmwb import-activity DIR FILE.csv [--date D] [--measure ID=VALUE]... [--as NAME]`: adoption KPIs from a
CRM user-activity export.

The file gives the measures it can (licensed and active users, activities of sales reps, cases logged);
each adoption KPI of the engagement whose measures are all known is computed and recorded, all in one
transaction. Measures from other systems (accounting, telephony) can be added with --measure. Any problem
in the file records nothing and exits 2.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli.engagement_args import add_author_argument, fail, iso_date
from workbench.cli.exit_codes import ExitCode
from workbench.cli.kpi_cmd import open_or_fail
from workbench.cli.local import TRACK, cut, day, digits, kpi_target, kpi_value, num, text
from workbench.cli.output import add_format_argument, emit, json_text
from workbench.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from workbench.domain.adoption import ActivityMeasures, KpiResult
    from workbench.loading.activity_csv import ActivityFile

STALE_DAYS = 7
EPILOG = """\
columns, found by name in any case, also by alias or Russian or Persian name:
  user, role (or department), last_login, logins   required
  leads_created, deals_created, cases_created, activities_logged, any other
  <object>_created or <object>_logged              at least one
  trained (yes/no)                                 optional: training_completion
Role text sorts users into the playbook's role groups (sales, service and
after-sales, marketing, management; integration, service and test accounts are
left out) on whole terms, the most specific match winning; roles no term matches
are listed, never guessed (add terms with --role-group GROUP=TERM). Per-period
KPIs (activities per rep per week) are scaled from the days the export covers
(--from to --date) to their cadence. Delimiter , or ; and UTF-8 (with or without BOM),
cp1251 or cp1256 are detected. Any problem in the file records nothing."""


RECORDS = {
    "leads_created": N_("leads"),
    "contacts_created": N_("contacts"),
    "deals_created": N_("deals"),
    "cases_created": N_("cases"),
    "activities_logged": N_("activities"),
}
"""the records columns an activity export may carry, as people call them"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="DIR", help="the engagement folder")
    parser.add_argument("file", type=Path, metavar="FILE.csv", help="the CRM export: one row per user")
    parser.add_argument(
        "--date",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="the day of the export; activity is counted up to it (default: today)",
    )
    parser.add_argument(
        "--from",
        dest="period_from",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="the first day the export's activity counts cover; per-period KPIs (activities "
        "per rep per week) are scaled from --from..--date to their cadence",
    )
    parser.add_argument(
        "--role-group",
        action="append",
        default=[],
        metavar="GROUP=TERM",
        help='count roles with this term in this group, e.g. sales="Агентская сеть" '
        "(repeatable; a trailing * matches any ending)",
    )
    parser.add_argument(
        "--measure",
        action="append",
        default=[],
        metavar="ID=VALUE",
        help="a measure the file cannot give, e.g. service_contacts_received=1200 (repeatable)",
    )
    add_format_argument(parser)
    add_author_argument(parser)
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG


def _extra_measures(items: list[str]) -> tuple[dict[str, float], str | None]:
    """--measure ID=VALUE items, VALUE in the user's notation (1 200, 6,1, ۱۲۰۰)."""
    from workbench.domain.numbers import NumberError, parse_number

    values: dict[str, float] = {}
    for item in items:
        name, sep, text = item.partition("=")
        try:
            value = parse_number(text)
        except NumberError:
            value = None
        if not sep or not name.strip() or value is None:
            return {}, _("{option}; expected ID=NUMBER, e.g. {example}").format(
                option=f"--measure {item!r}", example="service_contacts_received=1200"
            )
        values[name.strip()] = value
    return values, None


def _role_terms(items: list[str], known: list[str]) -> tuple[dict[str, list[str]], str | None]:
    """--role-group GROUP=TERM items by group; an unknown group or an empty term is refused."""
    from workbench.i18n import _

    terms: dict[str, list[str]] = {}
    for item in items:
        group, sep, term = item.partition("=")
        if not sep or not term.strip() or group.strip() not in known:
            return {}, _("--role-group {item!r}; expected GROUP=TERM with GROUP one of: {groups}").format(
                item=item, groups=", ".join(known) or _("(the playbook declares no role groups)")
            )
        terms.setdefault(group.strip(), []).append(term.strip())
    return terms, None


def _period_days(args: argparse.Namespace, as_of: date) -> tuple[int | None, str | None]:
    from workbench.i18n import _

    if args.period_from is None:
        return None, None
    if args.period_from > as_of:
        message = _("--from {start} is after --date {end}; expected the first day the export covers")
        return None, message.format(start=args.period_from, end=as_of)
    return (as_of - args.period_from).days + 1, None


def run(args: argparse.Namespace) -> int:
    import difflib
    import sqlite3

    from workbench.cli.output import print_problems
    from workbench.domain.adoption import evaluate_kpis, period_note
    from workbench.domain.role_groups import classifier
    from workbench.loading.activity_csv import read_activity

    as_of = args.date or date.today()
    if as_of > date.today():
        return fail(
            "import-activity",
            _("{option} is in the future; expected the day of the export").format(option=f"--date {as_of}"),
        )
    extra, error = _extra_measures(args.measure)
    period_days, period_error = _period_days(args, as_of)
    if error or period_error:
        return fail("import-activity", error or period_error or "")
    opened = open_or_fail(args.folder, args.author, "import-activity")
    if opened is None:
        return ExitCode.BAD_INPUT
    with opened:
        known = [m.id for m in opened.playbook.measures]
        for name in extra:
            if name not in known:
                close = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
                hint = (
                    _("did you mean {ids}?").format(ids=", ".join(close))
                    if close
                    else _("see the measures in {command}").format(command="`crmwb show`")
                )
                return fail(
                    "import-activity",
                    _("{option}: unknown measure {id}; {hint}").format(
                        option="--measure", id=repr(name), hint=hint
                    ),
                )
        terms, error = _role_terms(args.role_group, [g.id for g in opened.resolved.role_groups])
        if error:
            return fail("import-activity", error)
        groups = classifier(opened.resolved.role_groups, terms)
        group_names = {g.id: text(g.name) for g in opened.resolved.role_groups}
        activity = read_activity(args.file, as_of, groups=groups)
        if not activity.ok:
            print_problems(activity.problems)
            return fail("import-activity", _("nothing was recorded; fix the file and run again"))
        assert activity.tally is not None
        measures = activity.tally.measures()
        given = {k: v for k, v in measures.values.items() if k in known}
        clash = sorted(set(given) & set(extra))
        if clash:
            return fail(
                "import-activity",
                _("{option} comes from the file already; remove it").format(option=f"--measure {clash[0]}"),
            )
        values = given | extra
        adoption = [k for k in opened.resolved.kpis if k.kind == "adoption"]
        results = evaluate_kpis(adoption, values, period_days)
        done = [r for r in results if r.value is not None]
        if not done:
            _print(activity, measures, values, results, as_of, [], period_days, group_names)
            return fail("import-activity", _("no adoption KPI could be computed; nothing was recorded"))
        from workbench.domain.kpis import formula_names
        from workbench.domain.tracking import Measurement
        from workbench.store.author import current_author

        source = f"import-activity {activity.path.name} ({activity.encoding})"
        items = [
            Measurement(
                r.kpi.id,
                value,
                as_of,
                source,
                "; ".join(
                    filter(
                        None,
                        (
                            ", ".join(f"{m}={values[m]:g}" for m in formula_names(r.kpi.formula)),
                            period_note(r.kpi, period_days),
                        ),
                    )
                ),
            )
            for r in done
            if (value := r.value) is not None
        ]
        try:
            opened.store.record_measurements(items, current_author(args.author))
        except sqlite3.Error as exc:  # busy past the timeout, disk full...: the transaction rolled back whole
            return fail(
                "import-activity",
                _("nothing was recorded: the state store refused the write: {reason}").format(reason=exc),
            )
    if args.format == "json":
        emit(json_text(_json(activity, measures, values, results, as_of, period_days)))
    else:
        _print(activity, measures, values, results, as_of, done, period_days, group_names)
    _warn_stale(activity, as_of)
    return ExitCode.OK


def _json(
    activity: ActivityFile,
    measures: ActivityMeasures,
    values: dict[str, float],
    results: list[KpiResult],
    as_of: date,
    period_days: int | None,
) -> dict:
    return {
        "file": str(activity.path),
        "encoding": activity.encoding,
        "delimiter": activity.delimiter,
        "date": as_of.isoformat(),
        "period_days": period_days,
        "users": activity.users,
        "excluded_accounts": measures.excluded,
        "unmatched_roles": measures.unmatched,
        "measures": values,
        "records_by_group": measures.by_group,
        "recorded": [
            {
                "kpi": r.kpi.id,
                "value": r.value,
                "target": r.kpi.target,
                "unit": r.kpi.unit,
                "on_track": (r.value >= r.kpi.target)
                if r.kpi.direction == "up"
                else (r.value <= r.kpi.target),
            }
            for r in results
            if r.value is not None
        ],
        "not_computed": [
            {"kpi": r.kpi.id, "missing": r.missing, "reason": r.reason} for r in results if r.value is None
        ],
    }


def _print(
    activity: ActivityFile,
    measures: ActivityMeasures,
    values: dict[str, float],
    results: list[KpiResult],
    as_of: date,
    done: list[KpiResult],
    period_days: int | None,
    group_names: dict[str, str],
) -> None:
    print(
        ngettext(
            "Read {file}: {encoding}, delimiter {delimiter}, {n} user",
            "Read {file}: {encoding}, delimiter {delimiter}, {n} users",
            activity.users,
        ).format(
            file=activity.path.name,
            encoding=activity.encoding,
            delimiter=repr(activity.delimiter),
            n=num(activity.users),
        )
    )
    if measures.excluded:
        print(
            "  "
            + ngettext(
                "{n} integration, service or test account left out of every count",
                "{n} integration, service or test accounts left out of every count",
                measures.excluded,
            ).format(n=num(measures.excluded))
        )
    for name, value in values.items():
        how = measures.how.get(name) or _("given with {option}").format(option="--measure")
        print(cut(f"  {name:<24}{num(round(value)):>8}  {digits(how)}"))
    for group, counts in sorted(measures.by_group.items()):
        entered = ", ".join(f"{_(RECORDS[c]) if c in RECORDS else c} {num(n)}" for c, n in counts.items())
        print(
            cut(
                "  "
                + _("entered by {group}: {records}").format(
                    group=group_names.get(group, group), records=entered
                )
            )
        )
    _print_unmatched(measures.unmatched)
    _print_recorded(done, as_of, period_days)
    missing = [r for r in results if r.value is None]
    if missing:
        print("\n" + _("Not computed:"))
        for r in missing:
            print(f"  {r.kpi.id:<24} {r.reason}")
        if any(r.missing for r in missing):
            print(
                _("Measures from other systems can be given with {option}.").format(
                    option="`--measure ID=VALUE`"
                )
            )


def _print_recorded(done: list[KpiResult], as_of: date, period_days: int | None) -> None:
    from workbench.domain.adoption import period_note

    if done:
        print(
            "\n"
            + ngettext(
                "Recorded {n} adoption KPI value for {date}:",
                "Recorded {n} adoption KPI values for {date}:",
                len(done),
            ).format(n=num(len(done)), date=day(as_of))
        )
    for r in done:
        assert r.value is not None
        good = r.value >= r.kpi.target if r.kpi.direction == "up" else r.value <= r.kpi.target
        print(
            f"  {r.kpi.id:<24}{kpi_value(r.value, r.kpi.unit):>10}  "
            + _("target {target}").format(target=f"{kpi_target(r.kpi):<10}")
            + _(TRACK[good])
        )
        if period_note(r.kpi, period_days):
            print(f"    {digits(period_note(r.kpi, period_days))}")


def _print_unmatched(unmatched: dict[str, int]) -> None:
    """Roles no group's terms match: counted as users, in no group; the user says where they belong."""
    from workbench.i18n import _

    if not unmatched:
        return
    print(
        _("  roles in no group (counted as users only): {roles}").format(
            roles=", ".join(f"{role!r} ({num(count)})" for role, count in sorted(unmatched.items()))
        )
    )
    print(
        _('  add them with --role-group GROUP=TERM, e.g. --role-group sales="{role}"').format(
            role=sorted(unmatched)[0]
        )
    )


def _warn_stale(activity: ActivityFile, as_of: date) -> None:
    import sys

    newest = activity.tally.newest_login if activity.tally else None
    if newest and (as_of - newest).days > STALE_DAYS:
        print(
            _(
                "crmwb import-activity: warning: the newest login in the file is on {newest}, {days} days "
                "before {date}; is {option} the day of the export?"
            ).format(newest=day(newest), days=num((as_of - newest).days), date=day(as_of), option="--date"),
            file=sys.stderr,
        )
