"""`crmwb diff DIR --answers FILE | --set QUESTION=VALUE ... [--apply]`: what an answer change would add
and remove (tasks, requirements, processes, KPIs, questions) before anything is saved.

With --apply the new answers are saved and the store follows: dropped tasks are archived with their
history, new ones appear as not started. Only the answers this command changes are written, merged with
whatever another program (the TUI, another shell) or a hand edit saved meanwhile; an answer changed there
too, to another value, refuses the save (exit 2) and names it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.cli.engagement_args import (
    add_author_argument,
    add_lang_argument,
    fail,
    open_or_report,
    sync_summary,
)
from workbench.cli.exit_codes import ExitCode
from workbench.cli.local import digits, num
from workbench.cli.output import add_format_argument, emit, json_text
from workbench.i18n import N_, _

if TYPE_CHECKING:
    from workbench.domain.answer_diff import AnswerDiff
    from workbench.domain.playbook import Playbook

WIDTH = 80
SHOWN = 12
"""Items listed per section in text output; --format json lists all."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="DIR", help=_("the engagement folder"))
    parser.add_argument(
        "--answers", type=Path, metavar="FILE", help=_("the new answers (they replace the current ones)")
    )
    parser.add_argument(
        "--set",
        dest="sets",
        action="append",
        default=[],
        metavar="QUESTION=VALUE",
        help=_("change one answer (repeatable); VALUE as typed in `crmwb intake`, empty to clear it"),
    )
    parser.add_argument(
        "--apply", action="store_true", help=_("save the new answers and update the task list")
    )
    add_lang_argument(parser, N_("language of item names"))
    add_format_argument(parser)
    add_author_argument(parser)


SECTION_TITLES = {
    "tasks": N_("tasks"),
    "requirements": N_("requirements"),
    "processes": N_("processes"),
    "kpis": N_("KPIs"),
    "questions": N_("questions"),
    "roles": N_("roles"),
}


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def print_diff(diff: AnswerDiff, pb: Playbook, lang: str = "en", stream=None) -> None:
    """The change for people: answers old -> new, then what comes and goes per section."""
    out = stream or sys.stdout
    questions = pb.question_map()
    if not diff.changes:
        print(_("No answer changes."), file=out)
        return
    print(_("Answers that change ({n}):").format(n=num(len(diff.changes))), file=out)
    width = min(28, max(len(c.question) for c in diff.changes))
    for change in diff.changes:
        q = questions.get(change.question)
        old, new = (_answer_text(q, v, lang) or _("(none)") for v in (change.old, change.new))
        print(
            _shorten(f"  {change.question:<{width}}  " + _("{old} -> {new}").format(old=old, new=new), WIDTH),
            file=out,
        )
    if diff.empty:
        print("\n" + _("Nothing is added or removed."), file=out)
        return
    for title, sign, part in ((_("Adds"), "+", diff.added), (_("Removes"), "-", diff.removed)):
        if any(part.values()):
            print(f"\n{title}:", file=out)
            _print_part(part, sign, out)


def _answer_text(q, value: Any, lang: str) -> str:
    """An answer as the reader writes it: yes/no in the language, numbers in the local notation."""
    from workbench.domain.intake import format_answer

    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return num(value)
    return digits(format_answer(q, value, lang)) if q else str(value or "")


def _print_part(part, sign: str, out) -> None:
    from workbench.domain.answer_diff import SECTIONS

    for section in SECTIONS:
        items = part.get(section, [])
        if not items:
            continue
        print(f"  {_(SECTION_TITLES[section])} ({num(len(items))})", file=out)
        id_width = min(30, max(len(i.id) for i in items))
        for item in items[:SHOWN]:
            print(_shorten(f"    {sign} {item.id:<{id_width}}  {item.name}", WIDTH), file=out)
        if len(items) > SHOWN:
            more = len(items) - SHOWN
            print(
                "    " + _("… and {n} more ({option} lists all)").format(n=num(more), option="--format json"),
                file=out,
            )


def _apply_sets(pb: Playbook, answers: dict[str, Any], sets: list[str]) -> str | None:
    """Apply `--set q=v` to `answers` in place; the first problem as a message, or None."""
    import difflib

    from workbench.domain.intake import AnswerInputError, parse_answer

    questions = pb.question_map()
    for item in sets:
        qid, sep, text = item.partition("=")
        qid = qid.strip()
        if not sep or not qid:
            return _("{option}: expected QUESTION=VALUE, e.g. {example}").format(
                option=f"--set {item!r}", example="--set loyalty_programme=yes"
            )
        if qid not in questions:
            close = difflib.get_close_matches(qid, list(questions), n=3, cutoff=0.5)
            hint = (
                _("did you mean {ids}?").format(ids=", ".join(close))
                if close
                else _("see the questions in {file}").format(file="engagement.yaml")
            )
            return _("{option}: unknown question {id}; {hint}").format(
                option=f"--set {item!r}", id=repr(qid), hint=hint
            )
        if not text.strip():
            answers.pop(qid, None)
            continue
        try:
            answers[qid] = parse_answer(questions[qid], text)
        except AnswerInputError as exc:
            return f"--set {item!r}: {exc}"
    return None


def _save(oe, pb: Playbook, new: dict[str, Any], author: str | None):
    """The answers merged into engagement.yaml and the store synced to the merged answers."""
    from dataclasses import replace

    from workbench.app.engagement import sync_answers
    from workbench.domain.intake import ordered_answers
    from workbench.store.author import current_author
    from workbench.store.engagement_save import save_engagement

    who = current_author(author)
    base = oe.engagement
    return save_engagement(
        base,
        replace(base, answers=ordered_answers(pb, new)),
        sync=lambda written: sync_answers(oe.store, pb, written, who),
    )


def _report_saved(result, as_json: bool, data: dict | None = None) -> None:
    if result.sync_error:
        print(_("crmwb diff: warning: {message}").format(message=result.sync_note()), file=sys.stderr)
    if as_json and data is not None:
        data.update(revision=result.revision, kept_from_others=result.taken)
        if result.synced is not None:
            data["tasks_synced"] = dict(zip(("added", "archived", "restored"), result.synced))
        data["tasks_sync_error"] = result.sync_error
        return
    if result.taken:
        print(result.merged_note())
    if not result.sync_error:
        print(
            "\n"
            + _("Saved to {file}: {summary}.").format(
                file=result.engagement.file, summary=sync_summary(*result.synced)
            )
        )


def _new_answers(args: argparse.Namespace, pb: Playbook, current: dict[str, Any]) -> dict[str, Any] | int:
    """The answers asked for, or the exit code after reporting why they cannot be."""
    from workbench.cli.output import print_problems
    from workbench.loading.answers import load_answers

    new = dict(current)
    if args.answers is not None:
        loaded = load_answers(args.answers, pb)
        errors = [p for p in loaded.problems if p.severity == "error"]
        if errors:
            print_problems(errors)
            return ExitCode.BAD_INPUT
        new = dict(loaded.answers)
    problem = _apply_sets(pb, new, args.sets)
    if problem:
        return fail("diff", problem)
    return new


def run(args: argparse.Namespace) -> int:
    from workbench.cli.output import print_problems
    from workbench.domain.answer_diff import diff_answers
    from workbench.store.engagement import EngagementError
    from workbench.store.engagement_save import EditConflict

    if args.answers is None and not args.sets:
        return fail(
            "diff",
            _("nothing to compare; give {answers} or {set}").format(
                answers="--answers FILE", set="--set QUESTION=VALUE"
            ),
        )
    oe = open_or_report(args.folder, args.author, "diff")
    if oe is None:
        return ExitCode.BAD_INPUT
    with oe:
        pb, current = oe.playbook, dict(oe.engagement.answers)
        new = _new_answers(args, pb, current)
        if isinstance(new, int):
            return new
        diff = diff_answers(pb, current, new, args.lang)
        result = None
        if args.apply and diff.changes:
            try:
                result = _save(oe, pb, new, args.author)
            except EditConflict as exc:
                return fail("diff", str(exc))
            except EngagementError as exc:  # the file as it is now (a hand edit) cannot be read
                print_problems(exc.problems)
                return ExitCode.BAD_INPUT
        if args.format == "json":
            data = diff.to_dict()
            data["applied"] = result is not None
            if result is not None:
                _report_saved(result, True, data)
            emit(json_text(data))
            return ExitCode.OK
        print_diff(diff, pb, args.lang)
        if result is not None:
            _report_saved(result, False)
        elif diff.changes:
            print(
                "\n" + _("Nothing was changed; add {option} to save these answers.").format(option="--apply")
            )
    return ExitCode.OK
