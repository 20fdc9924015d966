"""`crmwb demo`: the workbench TUI on a demo engagement, created once in ./crmwb-demo (then reused) from
the bundled `b2c-retail-loyalty` playbook (`core` when that overlay is missing) and the retail-chain
example answers, with a few tasks already under way and a few KPI values recorded, so every screen has
something to show.

`crmwb demo --no-tui` (and `crmwb demo` without a terminal) is the text walk-through instead: it checks
every bundled playbook and shows what the example client gets from one of them.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path

from workbench.cli.exit_codes import ExitCode
from workbench.i18n import _, ngettext

DEMO_PLAYBOOK = "b2c-retail-loyalty"
FALLBACK_PLAYBOOK = "core"
DEMO_ANSWERS = "examples/retail-chain.answers.yaml"
DEMO_FOLDER = Path("crmwb-demo")
DEMO_AUTHOR = "demo"
WEEKS_UNDER_WAY = 10
"""The demo project started this many weeks before the day it is created, so some work is done."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-tui",
        action="store_true",
        help=_("print the text walk-through instead of opening the workbench"),
    )
    parser.add_argument(
        "--folder",
        type=Path,
        default=DEMO_FOLDER,
        metavar="DIR",
        help=_("where the demo engagement lives (default ./{folder}; reused when present)").format(
            folder=DEMO_FOLDER
        ),
    )
    parser.add_argument(
        "--playbook",
        default=DEMO_PLAYBOOK,
        help=_("playbook to show (default {playbook})").format(playbook=DEMO_PLAYBOOK),
    )
    parser.add_argument("--answers", help=_("answers file (default: the bundled retail-chain example)"))


def run(args: argparse.Namespace) -> int:
    from workbench.cli.open_cmd import has_terminal, launch

    if args.no_tui or not has_terminal():
        code = walk_through(args)
        if not args.no_tui and code == 0:
            print("\n" + _("In a terminal, `crmwb demo` opens the workbench on a demo engagement."))
        return code
    from workbench.cli.engagement_args import fail
    from workbench.store.engagement import EngagementError

    try:
        folder = ensure_demo(args.folder)
    except (EngagementError, OSError) as exc:
        return fail("demo", f"cannot prepare the demo engagement in {args.folder}: {exc}")
    return launch(
        folder,
        None,
        "demo",
        section="phases",  # the work under way first; changes are yours
        lang=getattr(args, "lang_flag", None),
    )


# ---- the demo engagement
def demo_playbook() -> str:
    """The retail overlay when it is bundled, else core."""
    from workbench.loading.catalog import discover

    return DEMO_PLAYBOOK if any(e.id == DEMO_PLAYBOOK for e in discover()) else FALLBACK_PLAYBOOK


def ensure_demo(folder: Path, today: date | None = None, author: str = DEMO_AUTHOR) -> Path:
    """The demo engagement in `folder`: reused when it is there, else created and given some history.
    Refuses (EngagementError) a folder that holds other files, so nothing of anyone's is mixed in."""
    from workbench.app.engagements import create_session
    from workbench.domain.problems import Problem
    from workbench.loading.catalog import bundled_dir
    from workbench.store.engagement import EngagementError, is_engagement

    if is_engagement(folder):
        return folder
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise EngagementError(
            [Problem(f"{folder} exists and is not a demo engagement; choose another --folder")]
        )
    today = today or date.today()
    start = today - timedelta(weeks=WEEKS_UNDER_WAY)
    session = create_session(
        str(folder), demo_playbook(), "", str(bundled_dir() / DEMO_ANSWERS), author, start
    )
    try:
        seed(session.opened, author, today)
    finally:
        session.close()
    return folder


def seed(opened, author: str, today: date) -> None:
    """Some work under way: the first tasks of the plan done, two in progress, one blocked, people
    assigned, checklist items ticked, and three months of values for a few KPIs."""
    from workbench.domain.tracking import Measurement

    store, plan = opened.store, opened.plan
    tasks = opened.resolved.task_map()
    order = [t.id for t in plan.tasks if t.phase == "pre_deployment"]
    people = ["Sara Ahmadi", "Ivan Petrov", "Maryam Karimi"]
    for position, task_id in enumerate(order[:6]):
        store.assign(task_id, people[position % len(people)], author)
        if position < 3:
            for index in range(len(tasks[task_id].checklist)):
                store.check_item(task_id, index, True, author)
            store.set_status(task_id, "in_progress", author)
            store.set_status(task_id, "done", author)
        elif position < 5:
            store.set_status(task_id, "in_progress", author)
            if tasks[task_id].checklist:
                store.check_item(task_id, 0, True, author)
        else:
            store.set_status(task_id, "blocked", author, "waiting for the director to name the sponsor")
    if order:
        store.add_note(order[0], "Charter signed at the steering group.", author)
    points = [today - timedelta(days=days) for days in (56, 28, 0)]
    values = []
    for kpi in opened.resolved.kpis[:3]:
        low = float(kpi.baseline) if kpi.baseline is not None else float(kpi.target) * 0.5
        for step, day in enumerate(points, 1):
            value = low + (float(kpi.target) - low) * 0.2 * step
            values.append(Measurement(kpi.id, round(value, 2), day, "demo data"))
    store.record_measurements(values, author)


# ---- the text walk-through
def walk_through(args: argparse.Namespace) -> int:
    from workbench.cli.output import print_problems
    from workbench.cli.summary_view import print_summary
    from workbench.domain.resolve import resolve
    from workbench.domain.summary import summarize
    from workbench.loading.answers import load_answers
    from workbench.loading.catalog import bundled_dir, discover
    from workbench.loading.playbooks import load_playbook

    print(_("Bundled playbooks:"))
    failed = False
    for entry in (e for e in discover() if e.origin == "bundled"):
        loaded = load_playbook(entry.path)
        count = len(loaded.problems)
        state = (
            _("ok")
            if loaded.ok and not count
            else ngettext("{n} problem", "{n} problems", count).format(n=count)
        )
        print(f"  {entry.id:<22} {state}")
        print_problems(loaded.problems)
        failed |= not loaded.ok
    if failed:
        return ExitCode.BAD_INPUT
    loaded = load_playbook(args.playbook)
    if not loaded.ok:
        print_problems(loaded.problems)
        return ExitCode.BAD_INPUT
    answers_path = Path(args.answers) if args.answers else bundled_dir() / DEMO_ANSWERS
    answers = load_answers(answers_path, loaded.model)
    if answers.problems:
        print_problems(answers.problems)
        return ExitCode.BAD_INPUT
    resolved = resolve(loaded.model, answers.answers)
    client = answers.client or answers_path.stem
    heading = _("{client} — playbook {playbook} {version} (answers: {answers})").format(
        client=client, playbook=loaded.model.id, version=loaded.model.version, answers=answers_path.name
    )
    print(f"\n{heading}\n")
    print_summary(summarize(resolved, loaded.playbook), resolved, sys.stdout)
    return ExitCode.OK
