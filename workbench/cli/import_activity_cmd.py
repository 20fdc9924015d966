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

from workbench.app.activity_import import records_entered
from workbench.cli.engagement_args import add_author_argument, fail, iso_date
from workbench.cli.exit_codes import ExitCode
from workbench.cli.kpi_cmd import open_or_fail
from workbench.cli.local import TRACK, cut, day, digits, kpi_target, kpi_value, num
from workbench.cli.output import add_format_argument, emit, json_text
from workbench.i18n import _, ngettext

if TYPE_CHECKING:
    from workbench.app.activity_import import ActivityPreview
    from workbench.domain.adoption import KpiResult
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


ROLE_TERM_EXAMPLE = 'sales="Агентская сеть"'
"""a Russian role name as a CRM export holds it: input a user types, the same in every help language"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="DIR", help=_("the engagement folder"))
    parser.add_argument("file", type=Path, metavar="FILE.csv", help=_("the CRM export: one row per user"))
    parser.add_argument(
        "--date",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help=_("the day of the export; activity is counted up to it (default: today)"),
    )
    parser.add_argument(
        "--from",
        dest="period_from",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help=_(
            "the first day the export's activity counts cover; per-period KPIs (activities "
            "per rep per week) are scaled from --from..--date to their cadence"
        ),
    )
    parser.add_argument(
        "--role-group",
        action="append",
        default=[],
        metavar="GROUP=TERM",
        help=_(
            "count roles with this term in this group, e.g. {example} "
            "(repeatable; a trailing * matches any ending)"
        ).format(example=ROLE_TERM_EXAMPLE),
    )
    parser.add_argument(
        "--measure",
        action="append",
        default=[],
        metavar="ID=VALUE",
        help=_("a measure the file cannot give, e.g. service_contacts_received=1200 (repeatable)"),
    )
    add_format_argument(parser)
    add_author_argument(parser)
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG


def run(args: argparse.Namespace) -> int:
    import sqlite3

    from workbench.app.activity_import import (
        ActivityImportError,
        ActivityRequest,
        preview_activity,
        record_activity,
    )
    from workbench.cli.output import print_problems

    request = ActivityRequest(
        args.file, args.date or date.today(), args.period_from, args.role_group, args.measure
    )
    opened = open_or_fail(args.folder, args.author, "import-activity")
    if opened is None:
        return ExitCode.BAD_INPUT
    with opened:
        try:
            preview = preview_activity(opened, request, date.today())
        except ActivityImportError as exc:
            print_problems(exc.problems)
            return fail("import-activity", str(exc))
        if not preview.done:
            _print(preview)
            return fail("import-activity", _("no adoption KPI could be computed; nothing was recorded"))
        try:
            record_activity(opened, preview, args.author)
        except sqlite3.Error as exc:  # busy past the timeout, disk full...: the transaction rolled back whole
            return fail(
                "import-activity",
                _("nothing was recorded: the state store refused the write: {reason}").format(reason=exc),
            )
    if args.format == "json":
        emit(json_text(preview.as_json()))
    else:
        _print(preview)
    _warn_stale(preview.activity, preview.as_of)
    return ExitCode.OK


def _print(preview: ActivityPreview) -> None:
    activity, measures, values = preview.activity, preview.measures, preview.values
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
        entered = records_entered(counts, num)
        print(
            cut(
                "  "
                + _("entered by {group}: {records}").format(
                    group=preview.group_names.get(group, group), records=entered
                )
            )
        )
    _print_unmatched(measures.unmatched)
    _print_recorded(preview.done, preview.as_of, preview.period_days)
    missing = preview.not_computed
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
    from workbench.app.activity_import import on_track
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
        good = on_track(r)
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
