"""`crmwb diff DIR --answers FILE | --set QUESTION=VALUE ... [--apply]`: what an answer change would add
and remove (tasks, requirements, processes, KPIs, questions) before anything is saved.

With --apply the new answers are saved and the store follows: dropped tasks are archived with their
history, new ones appear as not started.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.cli.engagement_args import add_author_argument, fail, open_or_report, sync_summary, task_rows

if TYPE_CHECKING:
    from workbench.domain.answer_diff import AnswerDiff
    from workbench.domain.playbook import Playbook

WIDTH = 80
SHOWN = 12
"""Items listed per section in text output; --json lists all."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="DIR", help="the engagement folder")
    parser.add_argument("--answers", type=Path, metavar="FILE", help="the new answers (they replace the current ones)")
    parser.add_argument("--set", dest="sets", action="append", default=[], metavar="QUESTION=VALUE",
                        help="change one answer (repeatable); VALUE as typed in `crmwb intake`, empty to clear it")
    parser.add_argument("--apply", action="store_true", help="save the new answers and update the task list")
    parser.add_argument("--lang", choices=("en", "fa", "ru"), default="en", help="language of item names")
    parser.add_argument("--json", action="store_true", help="print the change as JSON for scripts")
    add_author_argument(parser)


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def print_diff(diff: AnswerDiff, pb: Playbook, lang: str = "en", stream=None) -> None:
    """The change for people: answers old -> new, then what comes and goes per section."""
    from workbench.domain.answer_diff import SECTIONS
    from workbench.domain.intake import format_answer

    out = stream or sys.stdout
    questions = pb.question_map()
    if not diff.changes:
        print("No answer changes.", file=out)
        return
    print(f"Answers that change ({len(diff.changes)}):", file=out)
    width = min(28, max(len(c.question) for c in diff.changes))
    for change in diff.changes:
        q = questions.get(change.question)
        old, new = ((format_answer(q, v, lang) if q else str(v or "")) or "(none)" for v in (change.old, change.new))
        print(_shorten(f"  {change.question:<{width}}  {old} -> {new}", WIDTH), file=out)
    if diff.empty:
        print("\nNothing is added or removed.", file=out)
        return
    for title, sign, part in (("Adds", "+", diff.added), ("Removes", "-", diff.removed)):
        if not any(part.values()):
            continue
        print(f"\n{title}:", file=out)
        for section in SECTIONS:
            items = part.get(section, [])
            if not items:
                continue
            print(f"  {section} ({len(items)})", file=out)
            id_width = min(30, max(len(i.id) for i in items))
            for item in items[:SHOWN]:
                print(_shorten(f"    {sign} {item.id:<{id_width}}  {item.name}", WIDTH), file=out)
            if len(items) > SHOWN:
                print(f"    … and {len(items) - SHOWN} more (--json lists all)", file=out)


def _apply_sets(pb: Playbook, answers: dict[str, Any], sets: list[str]) -> str | None:
    """Apply `--set q=v` to `answers` in place; the first problem as a message, or None."""
    import difflib

    from workbench.domain.intake import AnswerInputError, parse_answer

    questions = pb.question_map()
    for item in sets:
        qid, sep, text = item.partition("=")
        qid = qid.strip()
        if not sep or not qid:
            return f"--set {item!r}: expected QUESTION=VALUE, e.g. --set loyalty_programme=yes"
        if qid not in questions:
            close = difflib.get_close_matches(qid, list(questions), n=3, cutoff=0.5)
            hint = f"did you mean {', '.join(close)}?" if close else "see the questions in engagement.yaml"
            return f"--set {item!r}: unknown question {qid!r}; {hint}"
        if not text.strip():
            answers.pop(qid, None)
            continue
        try:
            answers[qid] = parse_answer(questions[qid], text)
        except AnswerInputError as exc:
            return f"--set {item!r}: {exc}"
    return None


def run(args: argparse.Namespace) -> int:
    from workbench.cli.output import print_problems
    from workbench.domain.answer_diff import diff_answers
    from workbench.domain.intake import ordered_answers
    from workbench.domain.resolve import resolve
    from workbench.loading.answers import load_answers
    from workbench.store.author import current_author
    from workbench.store.engagement import save_answers

    if args.answers is None and not args.sets:
        return fail("diff", "nothing to compare; give --answers FILE or --set QUESTION=VALUE")
    oe = open_or_report(args.folder, args.author, "diff")
    if oe is None:
        return 2
    with oe:
        pb, current = oe.playbook, dict(oe.engagement.answers)
        new = dict(current)
        if args.answers is not None:
            loaded = load_answers(args.answers, pb)
            errors = [p for p in loaded.problems if p.severity == "error"]
            if errors:
                print_problems(errors)
                return 2
            new = dict(loaded.answers)
        problem = _apply_sets(pb, new, args.sets)
        if problem:
            return fail("diff", problem)
        diff = diff_answers(pb, current, new, args.lang)
        synced: tuple[list[str], list[str], list[str]] | None = None
        if args.apply and diff.changes:
            save_answers(oe.engagement, ordered_answers(pb, new))
            synced = oe.store.sync_tasks(task_rows(resolve(pb, new)), current_author(args.author))
        if args.json:
            data = diff.to_dict()
            data["applied"] = synced is not None
            if synced is not None:
                data["tasks_synced"] = dict(zip(("added", "archived", "restored"), synced))
            sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
            return 0
        print_diff(diff, pb, args.lang)
        if synced is not None:
            print(f"\nSaved to {oe.engagement.file}: {sync_summary(*synced)}.")
        elif diff.changes:
            print("\nNothing was changed; add --apply to save these answers.")
    return 0
