"""`crmwb validate FILE...`: load each playbook (or answers file, with --playbook) and report problems."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench.cli.exit_codes import ExitCode
from workbench.cli.local import num
from workbench.cli.output import add_format_argument, print_problems, summary
from workbench.i18n import _, ngettext


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", help=_("playbook files or bundled ids"))
    parser.add_argument(
        "--answers",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help=_("also check these answers files against each playbook (repeatable)"),
    )
    add_format_argument(parser)


def run(args: argparse.Namespace) -> int:
    from workbench.loading.answers import load_answers
    from workbench.loading.playbooks import load_playbook

    problems = []
    for ref in args.files:
        loaded = load_playbook(ref)
        problems += loaded.problems
        if loaded.playbook is not None:
            for answers_file in args.answers:
                problems += load_answers(answers_file, loaded.playbook).problems
        if args.format == "text" and loaded.ok and not loaded.problems:
            pb = loaded.model
            counts = [
                ngettext("{n} question", "{n} questions", len(pb.questions)),
                ngettext("{n} task", "{n} tasks", sum(1 for _task in pb.tasks())),
                ngettext("{n} role", "{n} roles", len(pb.roles)),
                ngettext("{n} requirement", "{n} requirements", len(pb.requirements)),
                ngettext("{n} process", "{n} processes", len(pb.processes)),
                ngettext("{n} KPI", "{n} KPIs", len(pb.kpis)),
            ]
            sizes = (
                len(pb.questions),
                sum(1 for _task in pb.tasks()),
                len(pb.roles),
                len(pb.requirements),
                len(pb.processes),
                len(pb.kpis),
            )
            print(
                _("{ref}: ok — {playbook}: {counts}").format(
                    ref=ref,
                    playbook=f"{pb.id} {pb.version}",
                    counts=", ".join(c.format(n=num(n)) for c, n in zip(counts, sizes)),
                )
            )
    print_problems(problems, args.format)
    if args.format == "text" and problems:
        print(summary(problems), file=sys.stderr)
    return ExitCode.for_problems(problems)
