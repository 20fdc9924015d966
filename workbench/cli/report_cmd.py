"""`crmwb report DIR [--out DIR] [--today DATE] [--format md,html]`: the weekly steering-committee report.

Progress, milestones, what is late or blocked, next actions per role, KPI trends, and the risks the
data shows (no dedicated people, no training, low adoption, blocked work), each with its evidence and a
suggested action. Informational: exit 0 even when the news is bad.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.app.report import FORMATS
from workbench.cli.engagement_args import fail, iso_date
from workbench.cli.exit_codes import ExitCode
from workbench.cli.kpi_cmd import open_or_fail
from workbench.cli.local import digits, num, pct
from workbench.i18n import _, ngettext


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="DIR", help=_("the engagement folder"))
    parser.add_argument("--out", type=Path, metavar="DIR", help=_("where to write (default: DIR/reports)"))
    parser.add_argument(
        "--today", type=iso_date, metavar="YYYY-MM-DD", help=_("the day the report is for (default: today)")
    )
    parser.add_argument(
        "--format",
        default="md,html",
        metavar="LIST",
        help=_("comma-separated formats: {formats} (default: md,html)").format(formats=", ".join(FORMATS)),
    )


def _week(today) -> str:
    """The ISO week the report covers, in words: week 49 of 2026 / هفته ۴۹ سال ۲۰۲۶ (an ISO week has no
    Solar Hijri equivalent, so the Gregorian year is said as such)."""
    year, week, _day = today.isocalendar()
    return _("week {week} of {year}").format(week=num(week), year=digits(str(year)))


def run(args: argparse.Namespace) -> int:
    formats = [f.strip().lower() for f in args.format.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        return fail(
            "report",
            _("unknown format {format}; expected a comma-separated list of: {formats}").format(
                format=repr((unknown or [""])[0]), formats=", ".join(FORMATS)
            ),
        )
    if args.out is not None and args.out.exists() and not args.out.is_dir():
        return fail("report", _("{option} is a file; expected a folder").format(option=f"--out {args.out}"))
    opened = open_or_fail(args.folder, None, "report")
    if opened is None:
        return ExitCode.BAD_INPUT
    from workbench.app.report import weekly_report

    folder = args.out or Path(args.folder) / "reports"
    try:
        with opened:
            done = weekly_report(opened, formats, args.today, folder)
    except OSError as exc:
        return fail(
            "report",
            _("cannot write to {folder}: {reason}").format(folder=folder, reason=exc.strerror or exc),
        )
    report, paths = done.report, done.paths
    high = sum(r.level == "high" for r in report.risks)
    print(
        _(
            "Weekly status for {client}, {week}: {percent} done, {late} late, {blocked} blocked, {risks} "
            "({high} high)"
        ).format(
            client=report.client,
            week=_week(report.today),
            percent=pct(report.percent),
            late=num(len(report.late)),
            blocked=num(len(report.blocked)),
            high=num(high),
            risks=ngettext("{n} risk", "{n} risks", len(report.risks)).format(n=num(len(report.risks))),
        )
    )
    for path in paths:
        print("  " + _("wrote {path}").format(path=path))
    return ExitCode.OK
