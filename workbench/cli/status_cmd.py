"""`crmwb status DIR [--format text|json] [--today YYYY-MM-DD]`: where the rollout stands.

Progress per phase, late and blocked tasks, critical-path tasks at risk and the next actions per role, all
computed by domain.tracking.status_report, so the weekly report and the TUI say the same. Informational:
exit 0 even when tasks are late.
"""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Container
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli.engagement_args import iso_date, open_or_report
from workbench.cli.exit_codes import ExitCode
from workbench.cli.local import day, num, pct, phase_name, role_name, status, task_name
from workbench.cli.output import add_format_argument, emit, json_text
from workbench.i18n import _, ngettext

if TYPE_CHECKING:
    from workbench.app.engagement import OpenEngagement
    from workbench.domain.forecast import Forecast
    from workbench.domain.tracking import StatusReport, TaskView
    from workbench.domain.uat_summary import UatSummary

WIDTH = 80
BAR = 16
NEXT_PER_ROLE = 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="DIR", help=_("the engagement folder"))
    parser.add_argument(
        "--today", type=iso_date, metavar="YYYY-MM-DD", help=_("the day to judge lateness by")
    )
    add_format_argument(parser)


def task_json(v: TaskView) -> dict:
    return {
        "id": v.id,
        "phase": v.phase,
        "name": v.name,
        "owner": v.owner,
        "status": v.status,
        "assignee": v.assignee,
        "due": v.due.isoformat(),
        "planned_start": v.planned_start.isoformat(),
        "critical": v.critical,
    }


def uat_json(uat: UatSummary | None) -> dict | None:
    """UAT readiness for scripts: Must script counts, open defects by severity ("1".."4"), the criteria."""
    if uat is None:
        return None
    return {
        "musts": uat.musts,
        "passed": uat.passed,
        "failed": uat.failed,
        "not_run": uat.not_run,
        "open_defects": {str(sev): n for sev, n in uat.open_defects.items()},
        "ready": uat.ready,
        "criteria": [
            {"id": c.id, "passed": c.passed, "message": c.message, "items": list(c.items)}
            for c in uat.criteria
        ],
    }


def status_json(
    oe: OpenEngagement, report: StatusReport, fc: Forecast | None = None, uat: UatSummary | None = None
) -> dict:
    """Stable keys for scripts; dates are ISO strings. `schedule`: baseline and forecast go-live, slip;
    `target`: the slip against target_go_live_months; `calendar`: the client's working week; `uat`: UAT
    readiness (null until there is UAT activity or the go-live phase is near)."""
    from workbench.cli.plan_cmd import schedule_json
    from workbench.domain.target_text import target_json

    closed = oe.store.closed_phases()
    e = oe.engagement
    return {
        "schedule": schedule_json(fc) if fc is not None else None,
        "client": e.client,
        "playbook": oe.playbook.id,
        "playbook_version": oe.playbook.version,
        "start": e.start.isoformat(),
        "finish": oe.plan.finish.isoformat(),
        "today": report.today.isoformat(),
        "warnings": list(oe.warnings),
        "target": target_json(oe.target),
        "calendar": {
            "country": oe.plan.calendar.country if oe.plan.calendar else None,
            "weekend": sorted(oe.plan.weekend),
        },
        "phases": [
            {
                "id": p.phase,
                "total": p.total,
                "closed": p.closed,
                "in_progress": p.in_progress,
                "blocked": p.blocked,
                "percent": p.percent,
                "gate_closed": p.phase in closed,
            }
            for p in report.phases
        ],
        "late": [task_json(v) for v in report.late],
        "blocked": [task_json(v) for v in report.blocked],
        "at_risk": [task_json(v) for v in report.at_risk],
        "next_actions": {role: [task_json(v) for v in views] for role, views in report.next_actions.items()},
        "uat": uat_json(uat),
    }


def bar(percent: int, width: int = BAR) -> str:
    filled = round(width * percent / 100)
    return "█" * filled + "░" * (width - filled)


def _line(text: str) -> str:
    return text if len(text) <= WIDTH else text[: WIDTH - 1] + "…"


def _why(v: TaskView, today: date) -> str:
    late = (today - v.due).days
    if late > 0:
        return ngettext("{n} day late", "{n} days late", late).format(n=num(late))
    return status(v.status)


def _task_line(v: TaskView, today: date, id_width: int) -> str:
    return _line(f"  {v.id:<{id_width}}  {day(v.due)}  {_why(v, today):<11}  {(v.assignee or v.owner)[:16]}")


def _phase_line(pb, p, closed: Container[str]) -> str:
    extra = [
        _("{done}/{total} done").format(done=num(p.closed), total=num(p.total)),
        _("{n} active").format(n=num(p.in_progress)) if p.in_progress else "",
        _("{n} blocked").format(n=num(p.blocked)) if p.blocked else "",
        _("closed") if p.phase in closed else "",
    ]
    name = phase_name(pb, p.phase)[:22]
    return _line(f"  {name:<22} {bar(p.percent)} {pct(p.percent):>5}  " + ", ".join(x for x in extra if x))


def print_status(
    oe: OpenEngagement, report: StatusReport, fc: Forecast | None = None, uat: UatSummary | None = None
) -> None:
    from workbench.cli.plan_cmd import go_live_lines

    e, pb = oe.engagement, oe.playbook
    closed = oe.store.closed_phases()
    print(_line(e.client))
    print(
        _line(
            _("{playbook} {version} · start {start} · plan ends {finish} · today {today}").format(
                playbook=pb.id,
                version=pb.version,
                start=day(e.start),
                finish=day(oe.plan.finish),
                today=day(report.today),
            )
        )
    )
    for line in go_live_lines(fc) if fc is not None else []:
        print(_line(line))
    for warning in oe.warnings:
        print(
            textwrap.fill(
                _("warning: {message}").format(message=warning),
                WIDTH,
                subsequent_indent="  ",
                break_on_hyphens=False,
            )
        )
    print("\n" + _("Phases"))
    for p in report.phases:
        print(_phase_line(pb, p, closed))
    for title, views in (
        (_("Late"), report.late),
        (_("Blocked"), report.blocked),
        (_("Critical path at risk"), report.at_risk),
    ):
        if views:
            id_width = min(30, max(len(v.id) for v in views))
            print(f"\n{title} ({num(len(views))})")
            for v in views:
                print(_task_line(v, report.today, id_width))
    if not (report.late or report.blocked or report.at_risk):
        print("\n" + _("Nothing is late, blocked or at risk."))
    if report.next_actions:
        _print_next(oe, report)
    else:
        print("\n" + _("No open tasks are ready to start."))
    if uat is not None:
        _print_uat(uat)


def _print_uat(uat: UatSummary) -> None:
    from workbench.domain.uat_summary import summary_lines

    print("\n" + _("UAT readiness"))
    for line in summary_lines(uat):
        print(
            textwrap.fill(line, WIDTH, initial_indent="  ", subsequent_indent="    ", break_on_hyphens=False)
        )


def _print_next(oe: OpenEngagement, report: StatusReport) -> None:
    pb, folder = oe.playbook, oe.engagement.folder
    print("\n" + _("Next actions"))
    for role, views in report.next_actions.items():
        print(_line(f"  {role_name(pb, role)} ({role})"))
        for v in views[:NEXT_PER_ROLE]:
            mark = "*" if v.critical else " "
            print(
                _line(
                    "   "
                    + _("{mark}{id} due {due}  {name}").format(
                        mark=mark, id=f"{v.id:<28}", due=day(v.due), name=task_name(oe.resolved, v.id, v.name)
                    )
                )
            )
        if len(views) > NEXT_PER_ROLE:
            more = len(views) - NEXT_PER_ROLE
            print(
                "     "
                + ngettext("… and {n} more ({command})", "… and {n} more ({command})", more).format(
                    n=num(more), command=f"`crmwb task {folder} list --role {role}`"
                )
            )
    print("\n  " + _("* on the critical path"))


def run(args: argparse.Namespace) -> int:
    from workbench.app.uat import summary
    from workbench.cli.plan_cmd import current_forecast
    from workbench.domain.tracking import status_report

    oe = open_or_report(args.folder, None, "status")
    if oe is None:
        return ExitCode.BAD_INPUT
    with oe, oe.store.snapshot():  # tasks, baselines, gates and KPIs as of one moment
        today = args.today or date.today()
        states = oe.store.tasks()
        report = status_report(oe.resolved, oe.plan, states, today)
        fc = current_forecast(oe, today, states)
        uat = summary(oe, today)
        if args.format == "json":
            emit(json_text(status_json(oe, report, fc, uat)))
        else:
            print_status(oe, report, fc, uat)
    return ExitCode.OK
