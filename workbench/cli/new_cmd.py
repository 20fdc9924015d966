"""`crmwb new DIR --playbook NAME [--answers FILE]`: start an engagement folder for one client.

Also home to the few steps every engagement command shares (opening a folder and reporting its problems,
dates and `--as` arguments), so `intake`, `diff`, `status`, `task` and `phase` behave alike.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # keep `crmwb --help` free of pydantic and sqlite
    from workbench.domain.playbook import Playbook
    from workbench.store.engagement import OpenEngagement


# ---- shared by the engagement commands
def iso_date(text: str) -> date:
    """argparse type: a calendar date written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; expected YYYY-MM-DD, e.g. 2026-03-01") from None


def add_author_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as", dest="author", metavar="NAME",
                        help="who makes the change (default: $CRMWB_AUTHOR, else the OS user)")


def fail(command: str, message: str) -> int:
    """Bad input: one line on stderr, exit 2."""
    print(f"crmwb {command}: error: {message}", file=sys.stderr)
    return 2


def open_or_report(folder: Path, author: str | None, command: str) -> OpenEngagement | None:
    """Open (and sync) an engagement, or print every located problem and return None (exit 2)."""
    import sqlite3

    from workbench.cli.output import print_problems
    from workbench.store.author import current_author
    from workbench.store.engagement import EngagementError, open_engagement

    try:
        return open_engagement(Path(folder), current_author(author))
    except EngagementError as exc:
        print_problems(exc.problems)
    except (sqlite3.Error, RuntimeError) as exc:
        fail(command, f"{Path(folder) / 'state.db'}: the state store cannot be used: {exc}")
    return None


def task_rows(resolved: Playbook) -> list[tuple[str, str, int]]:
    """What the store needs to follow a resolved playbook: (task id, phase, checklist length)."""
    return [(t.id, phase.id, len(t.checklist)) for phase, t in resolved.tasks()]


def sync_summary(new: list[str], archived: list[str], restored: list[str]) -> str:
    parts = [f"{len(new)} task(s) added (not started)" if new else "",
             f"{len(archived)} archived (their history is kept)" if archived else "",
             f"{len(restored)} restored" if restored else ""]
    return "; ".join(p for p in parts if p) or "the task list is unchanged"


# ---- crmwb new
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
    from workbench.domain.plan import schedule
    from workbench.domain.resolve import resolve
    from workbench.loading.answers import load_answers
    from workbench.loading.playbooks import load_playbook
    from workbench.store.author import current_author
    from workbench.store.engagement import EngagementError, create, is_engagement

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
    start = args.start or date.today()
    try:
        create(folder, args.playbook, answers, client, start, current_author(args.author))
    except EngagementError as exc:
        print_problems(exc.problems)
        return 2
    pb = loaded.playbook
    resolved = resolve(pb, answers)
    plan = schedule(resolved, start)
    tasks = sum(1 for _ in resolved.tasks())
    print(f"Created the engagement for {client}")
    print(f"  folder    {folder}")
    print(f"  playbook  {pb.id} {pb.version}")
    print(f"  plan      {tasks} tasks in {len(resolved.phases)} phases, {plan.start} to {plan.finish} "
          f"({plan.working_days} working days)")
    left = pending_count(pb, answers)
    print(f"  answers   {len(answers)} given, {left} unanswered question(s)")
    print()
    if left:
        print(f"Next: `crmwb intake {folder}` to answer the rest, then `crmwb status {folder}`.")
    else:
        print(f"Next: `crmwb status {folder}` and `crmwb task {folder} list`.")
    return 0
