"""`crmwb uat DIR scripts|list|record|readiness`: acceptance testing of an engagement.

`scripts` writes the UAT workbook (one script per Must and Should requirement that survived the intake,
with a Result column and the traceability requirement -> script -> result -> defects) in the engagement's
language; `--format json` prints the scripts instead. `record` keeps a script's result with the defects it
found; `readiness` says whether acceptance lets the go-live go ahead (exit 1 when not). `crmwb uat scripts
DIR` is the same as `crmwb uat DIR scripts`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli.engagement_args import add_author_argument, fail, open_or_report
from workbench.cli.exit_codes import ExitCode
from workbench.cli.local import cut, day, num
from workbench.cli.output import add_format_argument, add_output_argument, emit, json_text
from workbench.i18n import _, ngettext

if TYPE_CHECKING:
    from workbench.app.engagement import OpenEngagement

ACTIONS = ("scripts", "list", "record", "readiness")
WORKBOOK = "uat-scripts.xlsx"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="DIR", help=_("the engagement folder"))
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    scripts = sub.add_parser(
        "scripts",
        help=_("write the UAT workbook (default DIR/{workbook}); --format json prints the scripts").format(
            workbook=WORKBOOK
        ),
    )
    add_format_argument(scripts, ("xlsx", "json"))
    add_output_argument(scripts)
    ls = sub.add_parser("list", help=_("every script with its tester, latest result and defects"))
    add_format_argument(ls)
    record = sub.add_parser(
        "record", help=_("record a script's result (pass or fail) with the defects it found")
    )
    record.add_argument("script", metavar="SCRIPT", help=_("a script id (UAT-MKT-001) or its requirement id"))
    record.add_argument("result", choices=("pass", "fail"))
    record.add_argument(
        "--defect",
        action="append",
        default=[],
        metavar="D-N",
        help=_("a defect this run found (repeat for several)"),
    )
    record.add_argument("--note", metavar="TEXT", help=_("kept with the result"))
    add_author_argument(record)
    ready = sub.add_parser(
        "readiness", help=_("the go-live criteria acceptance decides (exit 1 when one fails)")
    )
    add_format_argument(ready)


def swap_order(argv: list[str]) -> list[str]:
    """`uat scripts DIR ...` -> `uat DIR scripts ...` (both orders read naturally; the parser takes one)."""
    at = argv.index("uat") if "uat" in argv else -1
    if at >= 0 and len(argv) > at + 2 and argv[at + 1] in ACTIONS and argv[at + 2] not in ACTIONS:
        return argv[: at + 1] + [argv[at + 2], argv[at + 1]] + argv[at + 3 :]
    return argv


def _scripts(oe: OpenEngagement, args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from workbench.app.uat import scripts, write_workbook

    made = scripts(oe)
    if args.format == "json":
        emit(json_text([asdict(s) for s in made]), args.out)
        return ExitCode.OK
    out = args.out or oe.engagement.folder / WORKBOOK
    write_workbook(oe, out)
    musts = sum(s.priority == "must" for s in made)
    print(
        ngettext(
            "wrote {path}: {n} script ({musts} Must, {shoulds} Should)",
            "wrote {path}: {n} scripts ({musts} Must, {shoulds} Should)",
            len(made),
        ).format(path=out, n=num(len(made)), musts=num(musts), shoulds=num(len(made) - musts))
    )
    return ExitCode.OK


def _list(oe: OpenEngagement, as_json: bool) -> int:
    from workbench.app.uat import state
    from workbench.writers.uat_xlsx import RESULT_LABELS

    got = state(oe)
    rows = []
    for s in got.scripts:
        result = got.results.get(s.id)
        rows.append(
            {
                "script": s.id,
                "requirement": s.requirement,
                "priority": s.priority,
                "tester": s.tester,
                "title": s.title,
                "result": result.result if result else None,
                "tested_on": result.recorded_at.date().isoformat() if result else None,
                "defects": [f"D-{n}" for n in result.defects] if result else [],
            }
        )
    if as_json:
        emit(json_text(rows))
        return ExitCode.OK
    for s in got.scripts:
        result = got.results.get(s.id)
        shown = _(RESULT_LABELS[result.result]) if result else _("not run")
        when = day(result.recorded_at.date()) if result else ""
        print(cut(f"{s.id:<16} {_priority(s.priority):<8} {shown:<8} {when:<10} {s.tester_name}", 80))
    return ExitCode.OK


def _priority(pid: str) -> str:
    from workbench.domain.rfp_pack import priority_label

    return priority_label(pid)


def _record(oe: OpenEngagement, args: argparse.Namespace, author: str) -> int:
    from workbench.app.uat import record
    from workbench.domain.defects import parse_defect_id
    from workbench.writers.uat_xlsx import RESULT_LABELS

    numbers = [parse_defect_id(d) for d in args.defect]
    script = record(oe, args.script, args.result, numbers, author, args.note)
    print(
        _("{script} ({requirement}): {result}").format(
            script=script.id, requirement=script.requirement, result=_(RESULT_LABELS[args.result])
        )
        + (" — " + ", ".join(f"D-{n}" for n in numbers) if numbers else "")
    )
    if args.result == "fail" and not numbers:
        print(
            _("warning: a failed script should name its defect: {command}").format(
                command=f"`crmwb defect {oe.engagement.folder} log TITLE --severity N --script {script.id}`"
            ),
            file=sys.stderr,
        )
    return ExitCode.OK


def _readiness(oe: OpenEngagement, as_json: bool) -> int:
    from workbench.app.uat import state

    got = state(oe)
    if as_json:
        emit(
            json_text(
                {
                    "ready": got.ready,
                    "criteria": [
                        {"id": c.id, "passed": c.passed, "message": c.message, "items": list(c.items)}
                        for c in got.criteria
                    ],
                }
            )
        )
    else:
        for c in got.criteria:
            print(("✓ " if c.passed else "✗ ") + c.message)
    return ExitCode.OK if got.ready else ExitCode.FINDINGS


def run(args: argparse.Namespace) -> int:
    from workbench.app.uat import UatRefused
    from workbench.domain.defects import DefectRefused
    from workbench.store.author import current_author
    from workbench.store.sqlite_store import StoreError

    oe = open_or_report(args.folder, getattr(args, "author", None), "uat")
    if oe is None:
        return ExitCode.BAD_INPUT
    with oe:
        try:
            if args.action == "scripts":
                return _scripts(oe, args)
            if args.action == "list":
                return _list(oe, args.format == "json")
            if args.action == "readiness":
                return _readiness(oe, args.format == "json")
            return _record(oe, args, current_author(args.author))
        except (UatRefused, DefectRefused, StoreError) as exc:
            return fail("uat", str(exc))
