"""`crmwb demo`: check the bundled playbooks and show what an example client gets from one of them."""

from __future__ import annotations

import argparse
import sys

DEMO_PLAYBOOK = "b2c-retail-loyalty"
DEMO_ANSWERS = "examples/retail-chain.answers.yaml"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--playbook", default=DEMO_PLAYBOOK, help=f"playbook to show (default {DEMO_PLAYBOOK})")
    parser.add_argument("--answers", help="answers file (default: the bundled retail-chain example)")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from workbench.cli.output import print_problems
    from workbench.cli.summary_view import print_summary
    from workbench.domain.resolve import resolve
    from workbench.domain.summary import summarize
    from workbench.loading.answers import load_answers
    from workbench.loading.catalog import bundled_dir, discover
    from workbench.loading.playbooks import load_playbook

    print("Bundled playbooks:")
    failed = False
    for entry in (e for e in discover() if e.origin == "bundled"):
        loaded = load_playbook(entry.path)
        state = "ok" if loaded.ok and not loaded.problems else f"{len(loaded.problems)} problem(s)"
        print(f"  {entry.id:<22} {state}")
        print_problems(loaded.problems)
        failed |= not loaded.ok
    if failed:
        return 2
    loaded = load_playbook(args.playbook)
    if not loaded.ok:
        print_problems(loaded.problems)
        return 2
    answers_path = Path(args.answers) if args.answers else bundled_dir() / DEMO_ANSWERS
    answers = load_answers(answers_path, loaded.playbook)
    if answers.problems:
        print_problems(answers.problems)
        return 2
    resolved = resolve(loaded.playbook, answers.answers)
    client = answers.client or answers_path.stem
    print(f"\n{client} — playbook {loaded.playbook.id} {loaded.playbook.version}"
          f" (answers: {answers_path.name})\n")
    print_summary(summarize(resolved, loaded.playbook), resolved, sys.stdout)
    return 0
