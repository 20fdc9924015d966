"""`crmwb kpi DIR record|list|trend`: KPI measurements of an engagement against baseline and target.

The consultant records values by hand (or `crmwb import-activity` computes the adoption ones); `list`
shows where each KPI stands, `trend` how it moved. Only KPIs of the resolved playbook are accepted, so a
typo or a KPI the client's answers dropped is refused with the closest ids instead of stored unseen.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli.engagement_args import add_author_argument, fail, iso_date, open_or_report
from workbench.cli.exit_codes import ExitCode
from workbench.cli.local import TRACK, day, kpi_status, kpi_target, kpi_value, num, text
from workbench.cli.output import add_format_argument, emit, json_text
from workbench.i18n import _, ngettext

if TYPE_CHECKING:
    from workbench.app.engagement import OpenEngagement
    from workbench.domain.kpis import Kpi
    from workbench.domain.tracking import Trend


def open_or_fail(folder: Path, author: str | None, command: str) -> OpenEngagement | None:
    """Open the engagement (problems printed, None: exit 2); the playbook-changed warning goes to stderr."""
    opened = open_or_report(folder, author, command)
    for warning in opened.warnings if opened else []:
        print(f"crmwb {command}: warning: {warning}", file=sys.stderr)
    return opened


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="DIR", help=_("the engagement folder"))
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    record = sub.add_parser(
        "record", help=_("record a KPI value"), description=_("Record a measured KPI value.")
    )
    record.add_argument("kpi", metavar="KPI", help=_("the KPI id, e.g. active_user_rate"))
    record.add_argument(
        "value",
        metavar="VALUE",
        help=_(
            "the measured value, e.g. 72.5, 6,1, ۶٫۱ or 1 234,5; checked against the KPI's "
            "valid range (0-100 for a percentage, not negative for counts and durations)"
        ),
    )
    record.add_argument(
        "--date", type=iso_date, metavar="YYYY-MM-DD", help=_("when it was measured (default: today)")
    )
    record.add_argument("--source", metavar="TEXT", help=_("where the number comes from"))
    record.add_argument("--note", metavar="TEXT", help=_("a remark kept with the value"))
    add_author_argument(record)
    listing = sub.add_parser(
        "list",
        help=_("each KPI: latest value, baseline, target, on track or not"),
        description=_("Each KPI of the engagement: latest value, baseline, target, on track."),
    )
    add_format_argument(listing)
    trend = sub.add_parser(
        "trend",
        help=_("values over time vs baseline and target, with a sparkline"),
        description=_("A KPI's values over time against baseline and target."),
    )
    trend.add_argument("kpi", metavar="KPI", nargs="?", help=_("the KPI id"))
    trend.add_argument("--all", action="store_true", help=_("every KPI of the engagement"))
    add_format_argument(trend)


def run(args: argparse.Namespace) -> int:
    if args.action == "trend" and bool(args.kpi) == bool(args.all):
        return fail("kpi trend", _("give one KPI id or {option}").format(option="--all"))
    opened = open_or_fail(args.folder, getattr(args, "author", None), f"kpi {args.action}")
    if opened is None:
        return ExitCode.BAD_INPUT
    with opened:
        if args.action == "record":
            return _record(opened, args)
        if args.action == "list":
            return _list(opened, args.format == "json")
        return _trend(opened, args)


def find_kpi(opened: OpenEngagement, kpi_id: str, command: str) -> Kpi | None:
    """The resolved KPI, or None after saying what was meant (closest ids, or dropped by the answers)."""
    import difflib

    kpis = {k.id: k for k in opened.resolved.kpis}
    if kpi_id in kpis:
        return kpis[kpi_id]
    if any(k.id == kpi_id for k in opened.playbook.kpis):
        fail(
            command,
            _(
                "KPI {id} does not apply to this client: its condition is false for the answers in {file}"
            ).format(id=repr(kpi_id), file="engagement.yaml"),
        )
        return None
    close = difflib.get_close_matches(kpi_id, list(kpis), n=3, cutoff=0.5)
    hint = (
        _("did you mean {ids}?").format(ids=", ".join(close))
        if close
        else _("expected one of: {ids}").format(ids=", ".join(kpis))
    )
    fail(command, _("unknown KPI {id}; {hint}").format(id=repr(kpi_id), hint=hint))
    return None


def _record(opened: OpenEngagement, args: argparse.Namespace) -> int:
    import sqlite3

    from workbench.app.kpi_record import KpiRecordError, read_measurement, record_measurement
    from workbench.store.author import current_author

    kpi = find_kpi(opened, args.kpi, "kpi record")
    if kpi is None:
        return ExitCode.BAD_INPUT
    try:
        measurement = read_measurement(kpi, args.value, args.date, date.today(), args.source, args.note)
    except KpiRecordError as exc:
        if exc.field == "value":
            return fail("kpi record", _("VALUE {error}").format(error=exc))
        return fail(
            "kpi record",
            _("{option} {date} is in the future; expected the day it was measured").format(
                option="--date", date=day(args.date)
            ),
        )
    try:
        trend = record_measurement(opened, kpi, measurement, current_author(args.author))
    except sqlite3.Error as exc:  # busy past the timeout, disk full...: nothing was written
        return fail(
            "kpi record",
            _("nothing was recorded: the state store refused the write: {reason}").format(reason=exc),
        )
    print(
        _("recorded {id} = {value} on {date} (target {target}: {status})").format(
            id=kpi.id,
            value=kpi_value(measurement.value, kpi.unit),
            date=day(measurement.measured_on),
            target=kpi_target(kpi),
            status=_(TRACK[trend.on_track]),
        )
    )
    return ExitCode.OK


def kpi_rows(opened: OpenEngagement) -> list[tuple[Kpi, Trend]]:
    """Every resolved KPI with its trend over the stored measurements, in playbook order."""
    from workbench.domain.adoption import kpi_trends

    kpis = list(opened.resolved.kpis)
    return list(zip(kpis, kpi_trends(kpis, opened.store.measurements())))


def _summary(kpi: Kpi, trend: Trend) -> dict:
    latest = trend.latest
    return {
        "kpi": kpi.id,
        "name": str(kpi.name),
        "kind": kpi.kind,
        "unit": kpi.unit,
        "direction": kpi.direction,
        "latest": latest.value if latest else None,
        "date": latest.measured_on.isoformat() if latest else None,
        "baseline": trend.baseline,
        "target": trend.target,
        "on_track": None if latest and kpi.out_of_range(latest.value) else trend.on_track,
        "measurements": len(trend.points),
        "sparkline": trend.sparkline(),
    }


def _list(opened: OpenEngagement, as_json: bool) -> int:
    rows = kpi_rows(opened)
    if as_json:
        emit(json_text([_summary(k, t) for k, t in rows]))
        return ExitCode.OK
    print(f"{'KPI':<24}{_('latest'):>10}{_('baseline'):>10}  {_('target'):<10}{_('status'):<13}{_('date')}")
    for kpi, trend in rows:
        latest = trend.latest
        print(
            f"{kpi.id:<24}{kpi_value(latest.value if latest else None, kpi.unit):>10}"
            f"{kpi_value(trend.baseline, kpi.unit):>10}  {kpi_target(kpi):<10}"
            f"{kpi_status(kpi, trend):<13}{day(latest.measured_on) if latest else '—'}"
        )
    return ExitCode.OK


def _trend(opened: OpenEngagement, args: argparse.Namespace) -> int:
    rows = kpi_rows(opened)
    if args.kpi:
        kpi = find_kpi(opened, args.kpi, "kpi trend")
        if kpi is None:
            return ExitCode.BAD_INPUT
        rows = [(k, t) for k, t in rows if k.id == kpi.id]
    if args.format == "json":
        out = [
            _summary(k, t)
            | {
                "points": [
                    {"date": p.measured_on.isoformat(), "value": p.value, "source": p.source, "note": p.note}
                    for p in t.points
                ]
            }
            for k, t in rows
        ]
        emit(json_text(out if args.all else out[0]))
        return ExitCode.OK
    for kpi, trend in rows:
        latest = trend.latest
        print(
            f"{kpi.id:<23}{trend.sparkline():<13}{kpi_value(latest.value if latest else None, kpi.unit):>8}"
            f" {_('base')} {kpi_value(trend.baseline, kpi.unit):<8}{kpi_target(kpi):<9}"
            f"{kpi_status(kpi, trend)}"
        )
    if args.kpi:
        _print_points(*rows[0])
    return ExitCode.OK


def _print_points(kpi: Kpi, trend: Trend) -> None:
    n = len(trend.points)
    count = ngettext("{n} measurement", "{n} measurements", n).format(n=num(n))
    better = _("↑ higher is better") if kpi.direction == "up" else _("↓ lower is better")
    print(f"\n{text(kpi.name)}: {count}; {better}")
    for point in trend.points:
        change = (
            ""
            if trend.baseline is None
            else _("{change} vs baseline").format(
                change=("+" if point.value >= trend.baseline else "−")
                + num(round(abs(point.value - trend.baseline), 1))
            )
        )
        print(
            f"  {day(point.measured_on)}  {kpi_value(point.value, kpi.unit):>10}  {change:<20}"
            f"{point.source or ''}"
        )
