"""`crmwb defect DIR log|list|show|set ...`: the defect log of acceptance testing.

A defect names its severity (1 critical .. 4 cosmetic), the requirement and UAT script it breaks, an owner,
and moves open -> fixed -> retest -> closed (or rejected); every change is kept in its history with the
author (`--as`). A move off that path is refused (exit 2) with the moves that are possible.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli.engagement_args import add_author_argument, fail, open_or_report
from workbench.cli.exit_codes import ExitCode
from workbench.cli.local import cut, day, num
from workbench.cli.output import add_format_argument, emit, json_text
from workbench.domain.fixed_ids import DEFECT_STATUSES
from workbench.i18n import _, ngettext

if TYPE_CHECKING:
    from workbench.app.engagement import OpenEngagement
    from workbench.domain.defects import Defect

FIELDS = ("status", "severity", "owner", "requirement", "script", "title")
"""domain/defects.py's DEFECT_FIELDS; here too so `crmwb --help` loads no domain model"""
STATUSES = DEFECT_STATUSES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="DIR", help=_("the engagement folder"))
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    log = sub.add_parser("log", help=_("log a new defect (open)"))
    log.add_argument("title", metavar="TITLE")
    log.add_argument(
        "--severity", required=True, metavar="1-4", help=_("1 critical, 2 major, 3 minor, 4 cosmetic")
    )
    log.add_argument(
        "--requirement", metavar="ID", help=_("the requirement it breaks (default: the script's)")
    )
    log.add_argument("--script", metavar="SCRIPT", help=_("the UAT script that found it"))
    log.add_argument("--owner", metavar="NAME", help=_("who fixes it"))
    add_author_argument(log)
    ls = sub.add_parser("list", help=_("the defect log"))
    ls.add_argument("--status", choices=STATUSES)
    ls.add_argument("--open", action="store_true", help=_("only defects not closed or rejected"))
    add_format_argument(ls)
    show = sub.add_parser("show", help=_("one defect with its history"))
    show.add_argument("id", metavar="D-N")
    add_format_argument(show)
    change = sub.add_parser(
        "set",
        help=_(
            "change a field: status (open, fixed, retest, closed, rejected), "
            "severity, owner, requirement, script or title ('-' clears)"
        ),
    )
    change.add_argument("id", metavar="D-N")
    change.add_argument("field", choices=FIELDS)
    change.add_argument("value", metavar="VALUE")
    change.add_argument("--note", metavar="TEXT", help=_("why; kept in the history"))
    add_author_argument(change)


def as_dict(d: Defect) -> dict:
    return {
        "id": d.id,
        "title": d.title,
        "severity": d.severity,
        "status": d.status,
        "requirement": d.requirement,
        "script": d.script,
        "owner": d.owner,
        "logged": d.created_at.isoformat(),
        "logged_by": d.author,
    }


def _line(d: Defect) -> str:
    from workbench.domain.defects import STATUS_LABELS

    return cut(
        f"{d.id:<6} {num(d.severity)}  {_(STATUS_LABELS[d.status]):<10} {d.requirement or '—':<10} {d.title}",
        80,
    )


def _log(oe: OpenEngagement, args: argparse.Namespace, author: str) -> int:
    from workbench.app.uat import log_defect
    from workbench.domain.defects import defect_id

    number = log_defect(
        oe,
        args.title,
        args.severity,
        author,
        requirement=args.requirement,
        script=args.script,
        owner=args.owner,
    )
    print(
        _("{defect} logged (open): {title}").format(
            defect=defect_id(number), title=" ".join(args.title.split())
        )
    )
    return ExitCode.OK


def _list(oe: OpenEngagement, args: argparse.Namespace) -> int:
    defects = oe.store.defects()
    if args.status:
        defects = [d for d in defects if d.status == args.status]
    if args.open:
        defects = [d for d in defects if not d.resolved]
    if args.format == "json":
        emit(json_text([as_dict(d) for d in defects]))
        return ExitCode.OK
    for d in defects:
        print(_line(d))
    print(ngettext("{n} defect", "{n} defects", len(defects)).format(n=num(len(defects))))
    return ExitCode.OK


def _show(oe: OpenEngagement, number: int, as_json: bool) -> int:
    from workbench.app.uat import defect
    from workbench.domain.defects import SEVERITY_LABELS, STATUS_LABELS, history_key

    found = defect(oe, number)
    events = oe.store.history(history_key(number))
    if as_json:
        emit(
            json_text(
                {
                    **as_dict(found),
                    "history": [
                        {
                            "at": e.at.isoformat(),
                            "author": e.author,
                            "kind": e.kind,
                            "old": e.old,
                            "new": e.new,
                            "note": e.note,
                        }
                        for e in events
                    ],
                }
            )
        )
        return ExitCode.OK
    print(f"{found.id}  {found.title}")
    print(
        _("severity: {severity}; status: {status}; owner: {owner}").format(
            severity=_(SEVERITY_LABELS[found.severity]),
            status=_(STATUS_LABELS[found.status]),
            owner=found.owner or "—",
        )
    )
    print(
        _("requirement: {requirement}; script: {script}").format(
            requirement=found.requirement or "—", script=found.script or "—"
        )
    )
    for e in events:
        print(
            cut(f"  {day(e.at.date())} {e.author:<12} {_event(e)}" + (f" ({e.note})" if e.note else ""), 100)
        )
    return ExitCode.OK


def _event(e) -> str:
    """One history line's change: "logged", or the field's label and its old and new value."""
    from workbench.domain.defects import FIELD_LABELS, shown_value

    field = e.kind.removeprefix("defect-")
    if field not in FIELD_LABELS:
        return _("logged")
    return f"{_(FIELD_LABELS[field])}: {shown_value(field, e.old)} -> {shown_value(field, e.new)}"


def _set(oe: OpenEngagement, args: argparse.Namespace, number: int, author: str) -> int:
    from workbench.app.uat import change_defect, defect

    value = None if args.value.strip() in ("", "-") else args.value
    change_defect(oe, number, args.field, value, author, args.note)
    print(_line(defect(oe, number)))
    return ExitCode.OK


def run(args: argparse.Namespace) -> int:
    from workbench.app.uat import UatRefused
    from workbench.domain.defects import DefectRefused, parse_defect_id
    from workbench.store.author import current_author
    from workbench.store.sqlite_store import StoreError

    oe = open_or_report(args.folder, getattr(args, "author", None), "defect")
    if oe is None:
        return ExitCode.BAD_INPUT
    with oe:
        try:
            if args.action == "list":
                return _list(oe, args)
            if args.action == "log":
                return _log(oe, args, current_author(args.author))
            number = parse_defect_id(args.id)
            if args.action == "show":
                return _show(oe, number, args.format == "json")
            return _set(oe, args, number, current_author(args.author))
        except (UatRefused, DefectRefused, StoreError) as exc:
            return fail("defect", str(exc))
