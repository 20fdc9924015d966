"""`crmwb phase DIR close PHASE [--override REASON]` and `crmwb phase DIR list`: phase gates.

A phase closes when its gate tasks are done or skipped (domain.tracking.check_gate). Otherwise the open
gate tasks are listed and the exit code is 1, unless an override with a reason is given: then the phase
closes and the reason, the author and what was still open are recorded for the steering committee.
"""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli.engagement_args import add_author_argument, fail, open_or_report
from workbench.cli.exit_codes import ExitCode
from workbench.cli.local import cut, day, digits, lang, num, phase_name, status, text
from workbench.cli.output import add_format_argument, emit, json_text
from workbench.cli.task_cmd import PHASES
from workbench.i18n import _, ngettext

if TYPE_CHECKING:
    from workbench.app.engagement import OpenEngagement
    from workbench.app.phase_gate import GateCheck

WIDTH = 80


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="DIR", help=_("the engagement folder"))
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    close = sub.add_parser("close", help=_("close a phase if its gate tasks are done (exit 1 if not)"))
    close.add_argument(
        "phase", choices=PHASES, metavar="PHASE", help=_("one of: {phases}").format(phases=", ".join(PHASES))
    )
    close.add_argument("--override", metavar="REASON", help=_("close it anyway; the reason is recorded"))
    add_author_argument(close)
    ls = sub.add_parser("list", help=_("which phases are closed, by whom, with overrides"))
    add_format_argument(ls)


def _fill(text: str, first: str, rest: str) -> str:
    return textwrap.fill(text, WIDTH, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False)


def _when(closed_at: str) -> str:
    from datetime import datetime

    try:
        stamp = datetime.fromisoformat(closed_at).astimezone()
    except ValueError:
        return closed_at
    return f"{day(stamp.date())} {digits(stamp.strftime('%H:%M'))}"


def close_phase(oe: OpenEngagement, phase_id: str, override: str | None, author: str) -> int:
    from workbench.app.phase_gate import PhaseCloseError
    from workbench.app.phase_gate import close_phase as close

    try:
        outcome = close(oe, phase_id, author, override, lang())
    except PhaseCloseError as exc:
        return fail("phase", str(exc))
    check = outcome.check
    name = phase_name(oe.resolved, phase_id)
    if check.closed:
        print(
            _("{phase} is already closed ({when} by {author}).").format(
                phase=name, when=_when(check.closed["closed_at"]), author=check.closed["author"]
            )
        )
        return ExitCode.OK
    if not check.passed:
        _print_missing(name, check)
        if not outcome.closed:
            _print_next_steps(oe, check)
            return ExitCode.FINDINGS
    if check.passed:
        print(
            _("{phase} closed by {author}: every gate task is done or skipped.").format(
                phase=name, author=author
            )
        )
    else:
        print(
            _("{phase} closed by {author} with an override: {reason}").format(
                phase=name, author=author, reason=outcome.reason
            )
        )
    if check.exit_criteria:
        print(_("Exit criteria to confirm:"))
    for criterion in check.exit_criteria:
        print(_fill(criterion, "  - ", "    "))
    return ExitCode.OK


def _print_next_steps(oe: OpenEngagement, check: GateCheck) -> None:
    folder = oe.engagement.folder
    if check.open_tasks:
        print(
            _("Close them ({command}), or close the phase anyway with {option}.").format(
                command=f"`crmwb task {folder} done ID`", option='--override "..."'
            )
        )
    if check.readiness:
        print(
            _(
                "Record the UAT results ({record}) and close the defects ({close}), "
                "or close the phase anyway with {option}."
            ).format(
                record=f"`crmwb uat {folder} record SCRIPT pass`",
                close=f"`crmwb defect {folder} set D-N status closed`",
                option='--override "..."',
            )
        )


def _print_missing(name: str, check: GateCheck) -> None:
    """The open gate tasks, then the go-live readiness criteria that fail."""
    missing = check.open_tasks
    if missing:
        print(
            ngettext(
                "{phase}: {n} gate task is not done or skipped:",
                "{phase}: {n} gate tasks are not done or skipped:",
                len(missing),
            ).format(phase=name, n=num(len(missing)))
        )
    for task in missing:
        print(cut(f"  {task.id:<28} {status(task.status):<11} {task.owner:<16} {task.name}", WIDTH))
    for criterion in check.readiness:
        print(_fill(_("Go-live readiness: {reason}").format(reason=criterion.message), "", "  "))


def list_phases(oe: OpenEngagement, as_json: bool) -> int:
    from workbench.domain.tracking import check_gate

    closed = oe.store.closed_phases()
    states = oe.store.tasks()
    rows = []
    for phase in oe.resolved.phases:
        record = closed.get(phase.id)
        gate = check_gate(oe.resolved, phase.id, states)
        gates = sum(t.gate for t in phase.tasks)
        rows.append(
            {
                "id": phase.id,
                "name": text(phase.name),
                "closed": record is not None,
                "closed_at": record["closed_at"] if record else None,
                "closed_by": record["author"] if record else None,
                "override_reason": record["override_reason"] if record else None,
                "missing_at_close": record["missing"] if record else [],
                "gate_tasks": gates,
                "gate_tasks_open": len(gate.missing),
            }
        )
    if as_json:
        emit(json_text(rows))
        return ExitCode.OK
    width = max(len(row["name"]) for row in rows) if rows else 0
    for row in rows:
        _print_phase_row(row, width)
    return ExitCode.OK


def _print_phase_row(row: dict, width: int) -> None:
    if row["closed"]:
        state = _("closed {when} by {author}").format(when=_when(row["closed_at"]), author=row["closed_by"])
    else:
        state = _("open: {closed}/{total} gate tasks closed").format(
            closed=num(row["gate_tasks"] - row["gate_tasks_open"]), total=num(row["gate_tasks"])
        )
    print(f"{row['name']:<{width}}  {state}")
    if row["override_reason"]:
        pad = " " * (width + 2)
        print(_fill(_("override: {reason}").format(reason=row["override_reason"]), pad, pad))
        if row["missing_at_close"]:
            print(
                _fill(_("open then: {ids}").format(ids=", ".join(row["missing_at_close"])), pad, pad + "  ")
            )


def run(args: argparse.Namespace) -> int:
    from workbench.store.author import current_author

    oe = open_or_report(args.folder, getattr(args, "author", None), "phase")
    if oe is None:
        return ExitCode.BAD_INPUT
    with oe:
        if args.action == "list":
            return list_phases(oe, args.format == "json")
        return close_phase(oe, args.phase, args.override, current_author(args.author))
