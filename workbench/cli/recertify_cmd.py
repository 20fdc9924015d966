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

from workbench.cli.engagement_args import iso_date


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("design", metavar="ENGAGEMENT-OR-PLAYBOOK",
                        help="an engagement folder, a bundled playbook id or a playbook .yaml")
    parser.add_argument("--answers", type=Path, metavar="FILE", help="intake answers (with a playbook only)")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the checklists")
    parser.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD",
                        help="the day the review opens (default today); due dates count from it")
    parser.add_argument("--lang", choices=("en", "fa", "ru"), default="en", help="language of role names")


def run(args: argparse.Namespace) -> int:
    from workbench.cli.design_source import load_design
    from workbench.cli.output import print_problems
    from workbench.domain.plan import add_working_days
    from workbench.domain.recertify import due_dates, review_plan
    from workbench.domain.text import tr
    from workbench.writers.recertify_xlsx import ChecklistMeta, write

    design, problems = load_design(args.design, args.answers)
    if design is None:
        print_problems(problems)
        return 2
    for warning in design.warnings:
        print(f"crmwb recertify: warning: {warning}", file=sys.stderr)
    pb = design.playbook
    from workbench.i18n import use_language

    with use_language(args.lang):  # the checklists and their notes are the reviewer's documents
        plan = review_plan(pb, args.lang)
    opened = args.date or date.today()
    due = add_working_days(opened, plan.window_days)
    names = {role.id: tr(role.name, args.lang) for role in pb.roles}
    meta = ChecklistMeta(design.label, f"{pb.id} {pb.version}", design.digest, opened, due)
    if args.out.exists() and not args.out.is_dir():
        print(f"crmwb recertify: error: {args.out} is a file; expected a folder", file=sys.stderr)
        return 2
    try:
        args.out.mkdir(parents=True, exist_ok=True)
        with use_language(args.lang):
            paths = write(plan, names, meta, args.out)
    except OSError as exc:
        print(f"crmwb recertify: error: cannot write to {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    from workbench.domain.cadence import every_months

    source = f"Accountable for {plan.task}" if plan.task else "fallback: no recertification task"
    nexts = ", ".join(d.isoformat() for d in due_dates(opened, plan.cadence_months, 3))
    print(f"Access recertification for the {design.label}")
    print(f"  cadence    {every_months(plan.cadence_months)} (governance.recertification_months); "
          f"next: {nexts}")
    print(f"  this round opens {opened.isoformat()}, due {due.isoformat()} ({plan.window_days} working days)")
    print(f"  reviewer   {plan.reviewer} ({names.get(plan.reviewer, '?')}), {source}")
    by_path = {p.name: p for p in paths}
    for reviewer, reviews in plan.by_reviewer().items():
        rights = sum(len(r.rights) for r in reviews)
        path = by_path.get(f"recertification-{reviewer}.xlsx")
        print(f"\n{reviewer} ({names.get(reviewer, '?')}) reviews {len(reviews)} role(s), {rights} right(s)"
              f" -> {path}")
        width = max(len(r.role) for r in reviews)
        for review in reviews:
            note = f"  ({review.note})" if review.note else ""
            print(f"  {review.role.ljust(width)}  {len(review.rights):>4} right(s)  {review.name}{note}")
    for note in plan.notes:
        print(f"\nnote: {note}")
    answers = f" --answers {args.answers}" if args.answers else ""
    print(f"\nwrote {len(paths)} checklist(s) to {args.out}; read them back with "
          f"`crmwb audit {args.design}{answers} --decisions {args.out}/recertification-*.xlsx`")
    return 0
