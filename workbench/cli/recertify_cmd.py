"""`crmwb recertify DESIGN --out DIR`: the access-recertification plan and one checklist per reviewer.

Prints who reviews which roles, how often (governance.recertification_months) and by when, and writes
`recertification-<reviewer>.xlsx` per reviewer into DIR; `crmwb audit DESIGN --decisions FILE...` reads
the returned checklists back as a change plan.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench.cli.engagement_args import add_lang_argument, iso_date
from workbench.cli.exit_codes import ExitCode
from workbench.cli.local import num
from workbench.i18n import N_, _, ngettext


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "design",
        metavar="ENGAGEMENT-OR-PLAYBOOK",
        help=_("an engagement folder, a bundled playbook id or a playbook .yaml"),
    )
    parser.add_argument(
        "--answers", type=Path, metavar="FILE", help=_("intake answers (with a playbook only)")
    )
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help=_("folder for the checklists"))
    parser.add_argument(
        "--date",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help=_("the day the review opens (default today); due dates count from it"),
    )
    add_lang_argument(parser, N_("language of role names"))


def run(args: argparse.Namespace) -> int:
    from workbench.app.design import load_design
    from workbench.app.recertify import NotAFolder, plan_lines, recertify
    from workbench.cli.output import print_problems

    design, problems = load_design(args.design, args.answers)
    if design is None:
        print_problems(problems)
        return ExitCode.BAD_INPUT
    for warning in design.warnings:
        print(_("crmwb recertify: warning: {message}").format(message=warning), file=sys.stderr)
    try:
        done = recertify(design, args.out, args.lang, args.date)
    except NotAFolder:
        print(
            _("crmwb recertify: error: {folder} is a file; expected a folder").format(folder=args.out),
            file=sys.stderr,
        )
        return ExitCode.BAD_INPUT
    except OSError as exc:
        print(
            _("crmwb recertify: error: cannot write to {folder}: {reason}").format(
                folder=args.out, reason=exc.strerror or exc
            ),
            file=sys.stderr,
        )
        return ExitCode.BAD_INPUT
    paths = done.paths
    for line in plan_lines(design.label, done):
        print(line)
    answers = f" --answers {args.answers}" if args.answers else ""
    print(
        "\n"
        + ngettext(
            "wrote {n} checklist to {folder}; read it back with {command}",
            "wrote {n} checklists to {folder}; read them back with {command}",
            len(paths),
        ).format(
            n=num(len(paths)),
            folder=args.out,
            command=f"`crmwb audit {args.design}{answers} --decisions {args.out}/recertification-*.xlsx`",
        )
    )
    return ExitCode.OK
