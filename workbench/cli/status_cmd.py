"""`crmwb status DIR [--json] [--today YYYY-MM-DD]`: where the rollout stands.

Progress per phase, late and blocked tasks, critical-path tasks at risk and the next actions per role, all
computed by domain.tracking.status_report, so the weekly report and the TUI say the same. Informational:
exit 0 even when tasks are late.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli.engagement_args import iso_date, open_or_report

if TYPE_CHECKING:
    from workbench.domain.forecast import Forecast
    from workbench.domain.tracking import StatusReport, TaskView
    from workbench.store.engagement import OpenEngagement

WIDTH = 80
BAR = 16
NEXT_PER_ROLE = 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="DIR", help="the engagement folder")
    parser.add_argument("--today", type=iso_date, metavar="YYYY-MM-DD", help="the day to judge lateness by")
    parser.add_argument("--json", action="store_true", help="print the status as JSON for scripts")


def task_json(v: TaskView) -> dict:
    return {"id": v.id, "phase": v.phase, "name": v.name, "owner": v.owner, "status": v.status,
            "assignee": v.assignee, "due": v.due.isoformat(), "planned_start": v.planned_start.isoformat(),
            "critical": v.critical}


def status_json(oe: OpenEngagement, report: StatusReport, fc: Forecast | None = None) -> dict:
    """Stable keys for scripts; dates are ISO strings. `schedule`: baseline and forecast go-live, slip;
    `target`: the slip against target_go_live_months; `calendar`: the client's working week."""
    from workbench.cli.plan_cmd import schedule_json
    from workbench.domain.target_text import target_json

    closed = oe.store.closed_phases()
    e = oe.engagement
    return {
        "schedule": schedule_json(fc) if fc is not None else None,
        "client": e.client, "playbook": oe.playbook.id, "playbook_version": oe.playbook.version,
        "start": e.start.isoformat(), "finish": oe.plan.finish.isoformat(), "today": report.today.isoformat(),
        "warnings": list(oe.warnings), "target": target_json(oe.target),
        "calendar": {"country": oe.plan.calendar.country if oe.plan.calendar else None,
                     "weekend": sorted(oe.plan.weekend)},
        "phases": [{"id": p.phase, "total": p.total, "closed": p.closed, "in_progress": p.in_progress,
                    "blocked": p.blocked, "percent": p.percent, "gate_closed": p.phase in closed}
                   for p in report.phases],
        "late": [task_json(v) for v in report.late],
        "blocked": [task_json(v) for v in report.blocked],
        "at_risk": [task_json(v) for v in report.at_risk],
        "next_actions": {role: [task_json(v) for v in views] for role, views in report.next_actions.items()},
    }


def bar(percent: int, width: int = BAR) -> str:
    filled = round(width * percent / 100)
    return "█" * filled + "░" * (width - filled)


def _line(text: str) -> str:
    return text if len(text) <= WIDTH else text[: WIDTH - 1] + "…"


def _why(v: TaskView, today: date) -> str:
    late = (today - v.due).days
    if late > 0:
        return f"{late}d late"
    return "blocked" if v.status == "blocked" else "not started" if v.status == "not_started" else v.status


def _task_line(v: TaskView, today: date, id_width: int) -> str:
    return _line(f"  {v.id:<{id_width}}  {v.due}  {_why(v, today):<11}  {(v.assignee or v.owner)[:16]}")


def print_status(oe: OpenEngagement, report: StatusReport, fc: Forecast | None = None) -> None:
    from workbench.cli.plan_cmd import go_live_lines

    e, pb = oe.engagement, oe.playbook
    closed = oe.store.closed_phases()
    print(_line(e.client))
    print(_line(f"{pb.id} {pb.version} · start {e.start} · plan ends {oe.plan.finish} · today {report.today}"))
    for line in go_live_lines(fc) if fc is not None else []:
        print(_line(line))
    for warning in oe.warnings:
        print(textwrap.fill(f"warning: {warning}", WIDTH, subsequent_indent="  ", break_on_hyphens=False))
    print("\nPhases")
    for p in report.phases:
        extra = [f"{p.closed}/{p.total} done", f"{p.in_progress} active" if p.in_progress else "",
                 f"{p.blocked} blocked" if p.blocked else "", "closed" if p.phase in closed else ""]
        print(_line(f"  {p.phase:<16} {bar(p.percent)} {p.percent:>3}%  " + ", ".join(x for x in extra if x)))
    for title, views in (("Late", report.late), ("Blocked", report.blocked),
                         ("Critical path at risk", report.at_risk)):
        if views:
            id_width = min(30, max(len(v.id) for v in views))
            print(f"\n{title} ({len(views)})")
            for v in views:
                print(_task_line(v, report.today, id_width))
    if not (report.late or report.blocked or report.at_risk):
        print("\nNothing is late, blocked or at risk.")
    roles = pb.role_map()
    if report.next_actions:
        print("\nNext actions")
        for role, views in report.next_actions.items():
            name = str(roles[role].name) if role in roles else role
            print(_line(f"  {name} ({role})"))
            for v in views[:NEXT_PER_ROLE]:
                mark = "*" if v.critical else " "
                print(_line(f"   {mark}{v.id:<28} due {v.due}  {v.name}"))
            if len(views) > NEXT_PER_ROLE:
                print(f"     … and {len(views) - NEXT_PER_ROLE} more (`crmwb task {e.folder} list --role {role}`)")
        print("\n  * on the critical path")
    else:
        print("\nNo open tasks are ready to start.")


def run(args: argparse.Namespace) -> int:
    from workbench.cli.plan_cmd import current_forecast
    from workbench.domain.tracking import status_report

    oe = open_or_report(args.folder, None, "status")
    if oe is None:
        return 2
    with oe:
        today = args.today or date.today()
        report = status_report(oe.resolved, oe.plan, oe.store.tasks(), today)
        fc = current_forecast(oe, today)
        if args.json:
            sys.stdout.write(json.dumps(status_json(oe, report, fc), ensure_ascii=False, indent=2) + "\n")
        else:
            print_status(oe, report, fc)
    return 0
