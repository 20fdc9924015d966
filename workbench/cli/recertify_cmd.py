"""`crmwb recertify DESIGN --out DIR`: the access-recertification plan and one checklist per reviewer.

Prints who reviews which roles, how often (governance.recertification_months) and by when, and writes
`recertification-<reviewer>.xlsx` per reviewer into DIR; `crmwb audit DESIGN --decisions FILE...` reads
the returned checklists back as a change plan.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from workbench.cli.engagement_args import add_lang_argument, iso_date
from workbench.cli.exit_codes import ExitCode
from workbench.cli.local import day, num
from workbench.i18n import _, current_language, ngettext


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "design",
        metavar="ENGAGEMENT-OR-PLAYBOOK",
        help="an engagement folder, a bundled playbook id or a playbook .yaml",
    )
    parser.add_argument("--answers", type=Path, metavar="FILE", help="intake answers (with a playbook only)")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the checklists")
    parser.add_argument(
        "--date",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="the day the review opens (default today); due dates count from it",
    )
    add_lang_argument(parser, "language of role names")


def run(args: argparse.Namespace) -> int:
    from workbench.cli.design_source import load_design
    from workbench.cli.output import print_problems
    from workbench.domain.client_calendar import engagement_calendar
    from workbench.domain.recertify import review_plan
    from workbench.domain.text import tr
    from workbench.writers.recertify_xlsx import ChecklistMeta, write

    design, problems = load_design(args.design, args.answers)
    if design is None:
        print_problems(problems)
        return ExitCode.BAD_INPUT
    for warning in design.warnings:
        print(_("crmwb recertify: warning: {message}").format(message=warning), file=sys.stderr)
    pb = design.playbook
    from workbench.i18n import use_language

    with use_language(args.lang):  # the checklists and their notes are the reviewer's documents
        plan = review_plan(pb, args.lang)
    opened = args.date or date.today()
    calendar = engagement_calendar(design.answers, opened, design.calendar, args.lang)
    due = calendar.add(opened, plan.window_days)
    names = {role.id: tr(role.name, args.lang) for role in pb.roles}
    meta = ChecklistMeta(design.label, f"{pb.id} {pb.version}", design.digest, opened, due)
    if args.out.exists() and not args.out.is_dir():
        print(
            _("crmwb recertify: error: {folder} is a file; expected a folder").format(folder=args.out),
            file=sys.stderr,
        )
        return ExitCode.BAD_INPUT
    try:
        args.out.mkdir(parents=True, exist_ok=True)
        with use_language(args.lang):
            paths = write(plan, names, meta, args.out)
    except OSError as exc:
        print(
            _("crmwb recertify: error: cannot write to {folder}: {reason}").format(
                folder=args.out, reason=exc.strerror or exc
            ),
            file=sys.stderr,
        )
        return ExitCode.BAD_INPUT
    _print_plan(design, plan, names, opened, due, paths, calendar)
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


def _print_plan(design, plan, names: dict[str, str], opened, due, paths, calendar) -> None:
    from workbench.domain.cadence import every_months
    from workbench.domain.recertify import due_dates

    lang = current_language()
    source = (
        _("Accountable for {task}").format(task=plan.task)
        if plan.task
        else _("fallback: no recertification task")
    )
    nexts = ", ".join(day(d) for d in due_dates(opened, plan.cadence_months, 3, workdays=calendar))
    print(_("Access recertification for the {design}").format(design=design.label))
    rows = [
        (
            _("cadence"),
            _("{every} ({setting}); next: {dates}").format(
                every=every_months(plan.cadence_months, lang),
                setting="governance.recertification_months",
                dates=nexts,
            ),
        ),
        (
            _("this round"),
            ngettext(
                "opens {opened}, due {due} ({n} working day)",
                "opens {opened}, due {due} ({n} working days)",
                plan.window_days,
            ).format(opened=day(opened), due=day(due), n=num(plan.window_days)),
        ),
        (_("reviewer"), f"{plan.reviewer} ({names.get(plan.reviewer, '?')}), {source}"),
    ]
    width = max(len(label) for label, _value in rows)
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")
    by_path = {p.name: p for p in paths}
    for reviewer, reviews in plan.by_reviewer().items():
        rights = sum(len(r.rights) for r in reviews)
        path = by_path.get(f"recertification-{reviewer}.xlsx")
        print(
            "\n"
            + _("{reviewer} ({name}) reviews {roles}, {rights} -> {path}").format(
                reviewer=reviewer,
                name=names.get(reviewer, "?"),
                path=path,
                roles=ngettext("{n} role", "{n} roles", len(reviews)).format(n=num(len(reviews))),
                rights=ngettext("{n} right", "{n} rights", rights).format(n=num(rights)),
            )
        )
        width = max(len(r.role) for r in reviews)
        for review in reviews:
            note = f"  ({review.note})" if review.note else ""
            count = ngettext("{n} right", "{n} rights", len(review.rights)).format(n=num(len(review.rights)))
            print(f"  {review.role.ljust(width)}  {count:>10}  {review.name}{note}")
    for note in plan.notes:
        print("\n" + _("note: {message}").format(message=note))
