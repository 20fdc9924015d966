"""`crmwb new DIR --playbook NAME [--answers FILE]`: start an engagement folder for one client."""

from __future__ import annotations

import argparse
import textwrap
from datetime import date
from pathlib import Path

from workbench.cli.engagement_args import add_author_argument, fail, iso_date
from workbench.i18n import _


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="DIR", help="the engagement folder (created if missing)")
    parser.add_argument("--playbook", required=True, metavar="NAME", help="a bundled playbook id or a .yaml file")
    parser.add_argument("--answers", type=Path, metavar="FILE", help="intake answers to start from (YAML)")
    parser.add_argument("--client", metavar="NAME", help="client name (default: the answers file's, else the folder's)")
    parser.add_argument("--start", type=iso_date, metavar="YYYY-MM-DD", help="project start (default: today)")
    add_author_argument(parser)


def run(args: argparse.Namespace) -> int:
    from workbench.cli.output import print_problems
    from workbench.domain.intake import ordered_answers, pending_count
    from workbench.domain.resolve import resolve
    from workbench.loading.answers import load_answers
    from workbench.loading.playbooks import load_playbook
    from workbench.loading.yaml_scalars import CONTROL_CHARS
    from workbench.store.author import current_author
    from workbench.store.engagement import EngagementError, create, engagement_plan, is_engagement

    folder: Path = args.folder
    if folder.exists() and not folder.is_dir():
        return fail("new", f"{folder} is a file; expected a folder for the engagement")
    if is_engagement(folder):
        return fail("new", f"{folder} already holds an engagement; see it with `crmwb status {folder}`")
    loaded = load_playbook(args.playbook)
    if not loaded.ok:
        print_problems(loaded.problems)
        return 2
    answers, client = {}, None
    if args.answers is not None:
        got = load_answers(args.answers, loaded.playbook)
        errors = [p for p in got.problems if p.severity == "error"]
        if errors:
            print_problems(errors)
            return 2
        answers, client = ordered_answers(loaded.playbook, got.answers), got.client
    client = (args.client or client or folder.resolve().name).strip()
    if CONTROL_CHARS.search(client):
        return fail("new", _("the client name holds a control character; expected plain text"))
    start = args.start or date.today()
    try:
        engagement = create(folder, args.playbook, answers, client, start, current_author(args.author))
    except EngagementError as exc:
        print_problems(exc.problems)
        return 2
    pb = loaded.playbook
    resolved = resolve(pb, answers)
    plan = engagement_plan(engagement, resolved)
    tasks = sum(1 for _ in resolved.tasks())
    print(f"Created the engagement for {client}")
    print(f"  folder    {folder}")
    print(f"  playbook  {pb.id} {pb.version}")
    print(f"  plan      {tasks} tasks in {len(resolved.phases)} phases, {plan.start} to {plan.finish} "
          f"({plan.working_days} working days)")
    left = pending_count(pb, answers)
    print(f"  answers   {len(answers)} given, {left} unanswered question(s)")
    _print_calendar(pb, plan, answers, folder)
    _print_target(resolved, plan, answers, start)
    print()
    if left:
        print(f"Next: `crmwb intake {folder}` to answer the rest, then `crmwb status {folder}`.")
    else:
        print(f"Next: `crmwb status {folder}` and `crmwb task {folder} list`.")
    return 0


def _print_calendar(pb, plan, answers: dict, folder: Path) -> None:
    """Which calendar the dates were counted on; with the country unanswered, the suggestion for the
    current language (IR for Persian, RU for Russian), never assumed."""
    from workbench.domain.client_calendar import COUNTRY_QUESTION, answered_country, suggested_country
    from workbench.i18n import current_language

    country = answered_country(answers)
    if country:
        print("  " + _("calendar  {country}: its weekend and public holidays").format(country=country))
        return
    question = next((q for q in pb.questions if q.id == COUNTRY_QUESTION), None)
    suggestion = suggested_country(current_language())
    if question is None:
        return
    print("  " + _("calendar  no country: a Saturday-Sunday weekend and no public holidays"))
    if suggestion and any(o.id == suggestion for o in question.options or ()):
        print("  " + _("          suggested: {country}; set it with `crmwb diff {folder} --set country={country} "
                       "--apply`").format(country=suggestion, folder=folder))


def _print_target(resolved, plan, answers: dict, start: date) -> None:
    from workbench.domain.target_date import check_target
    from workbench.domain.target_text import target_warning

    check = check_target(resolved, plan, answers, start)
    if check is not None and check.missed:
        print(textwrap.fill(_("warning: {warning}").format(warning=target_warning(check, resolved)), 80,
                            subsequent_indent="  ", break_on_hyphens=False))
