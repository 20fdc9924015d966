"""`crmwb intake DIR [--lang en|fa|ru] [--all]`: the questionnaire in the terminal.

Every answer is saved as soon as it is given (engagement.yaml, atomically), so an interview can stop at
any point (Ctrl-D, Ctrl-C) and `crmwb intake DIR` later asks only what is still open. Questions whose
`when` does not hold for the answers so far are skipped. At the end it shows what the answers added or
dropped. Each save writes only the answer just given, merged with what another program or a hand edit
saved meanwhile, and brings the task list up to date with it; an answer changed elsewhere meanwhile to
another value is not overwritten (the interview says so and goes on).
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.cli.engagement_args import add_author_argument, add_lang_argument, open_or_report, sync_summary
from workbench.cli.exit_codes import ExitCode
from workbench.cli.local import digits, num
from workbench.i18n import N_, _, current_language, ngettext

if TYPE_CHECKING:
    from workbench.domain.playbook import Playbook
    from workbench.domain.questions import Question

WIDTH = 78
_SKIP = object()
HINTS = {
    "choice": N_("number or id"),
    "multi_choice": N_("numbers or ids, comma-separated; - for none"),
    "text": N_("text"),
    "yes_no": N_("y/n"),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="DIR", help=_("the engagement folder"))
    add_lang_argument(parser, N_("language of the questions"))
    parser.add_argument(
        "--all", action="store_true", help=_("ask every question again, not only the open ones")
    )
    add_author_argument(parser)


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False)


def _hint(q: Question, lang: str) -> str:
    if q.type == "number":
        low = "" if q.min is None else num(q.min)
        high = "" if q.max is None else num(q.max)
        return _("a number {low}..{high}").format(low=low, high=high) if low or high else _("a number")
    return _(HINTS[q.type])


def _show_question(q: Question, position: str, lang: str) -> None:
    from workbench.domain.text import tr

    print()
    print(
        textwrap.fill(
            f"{position} {tr(q.text, lang)}",
            WIDTH,
            subsequent_indent=" " * (len(position) + 1),
            break_on_hyphens=False,
        )
    )
    for number, option in enumerate(q.options, 1):
        print(f"  {digits(str(number)):>2}) {option.id:<18} {tr(option.label, lang)}")


def _show_help(q: Question, lang: str) -> None:
    from workbench.domain.text import tr

    print(_wrap(tr(q.help, lang) or _("No help for this question.")))
    for number, option in enumerate(q.options, 1):
        if option.help:
            print(_wrap(f"{digits(str(number))}) {option.id}: {tr(option.help, lang)}", "    "))


def _read(prompt: str) -> str:
    """One line from stdin; echoed when stdin is not a terminal, so piped sessions read as transcripts."""
    line = input(prompt)
    if not sys.stdin.isatty():
        print(line)
    return line


def _suggested(q: Question, lang: str) -> Any:
    """The country a consultant working in Persian or Russian most likely serves (IR, RU), shown as the
    choice Enter takes: a suggestion the consultant sees and confirms, never an answer assumed unasked."""
    from workbench.domain.client_calendar import COUNTRY_QUESTION, suggested_country

    suggestion = suggested_country(lang) if q.id == COUNTRY_QUESTION else None
    return suggestion if any(o.id == suggestion for o in q.options or ()) else None


def ask(q: Question, current: Any, position: str, lang: str) -> Any:
    """Ask until the answer is valid: `?` shows help, Enter keeps the current answer or the default.
    Returns the value, or _SKIP for an optional question left empty. EOFError/KeyboardInterrupt pass up."""
    from workbench.domain.intake import AnswerInputError, format_answer, parse_answer

    _show_question(q, position, lang)
    keep = current if current is not None else q.default
    if keep is None:
        keep = _suggested(q, lang)
    shown = f" [{format_answer(q, keep, lang)}]" if keep is not None else ""
    prompt = "(" + _("{hint}, ? for help").format(hint=_hint(q, lang)) + f"){shown}: "
    while True:
        text = _read(prompt).strip()
        if text == "?":
            _show_help(q, lang)
            continue
        if not text:
            if keep is not None:
                return keep
            if not q.required:
                return _SKIP
            print("  " + _("An answer is needed here; type ? for help."))
            continue
        try:
            return parse_answer(q, text)
        except AnswerInputError as exc:
            print(f"  {exc}")


def interview(pb: Playbook, answers: dict[str, Any], save, lang: str, ask_all: bool) -> int:
    """Walk the questionnaire, updating `answers` and calling `save(answers)` after each answer.
    Returns how many questions were asked; interruptions propagate after the last save."""
    from workbench.domain.intake import group_title, next_question, ordered_answers

    index, group, asked = 0, None, 0
    total = len(pb.questions)
    while (found := next_question(pb, answers, index, ask_all)) is not None:
        index, q = found
        if q.group != group:
            group = q.group
            title = group_title(group, current_language())
            print(f"\n── {title} " + "─" * max(3, WIDTH - len(title) - 4))
        value = ask(q, answers.get(q.id), digits(f"{index + 1}/{total}"), lang)
        asked += 1
        if value is not _SKIP and (q.id not in answers or answers[q.id] != value):
            answers[q.id] = value
            save(ordered_answers(pb, answers))
        index += 1
    return asked


class _Saver:
    """Saves one answer at a time through the engagement's locked merge-write, syncing the store."""

    def __init__(self, oe, author: str):
        self.oe, self.author = oe, author
        self.previous = dict(oe.engagement.answers)
        self.synced: tuple[list[str], list[str], list[str]] = ([], [], [])
        self.sync_error: str | None = None
        self.refused: list[str] = []

    def __call__(self, answers: dict[str, Any]) -> None:
        from dataclasses import replace

        from workbench.app.engagement import sync_answers
        from workbench.store.engagement import EngagementError
        from workbench.store.engagement_save import EditConflict, save_engagement

        engagement, pb, store = self.oe.engagement, self.oe.playbook, self.oe.store
        base, mine = replace(engagement, answers=self.previous), replace(engagement, answers=answers)
        changed = [f"answers.{q}" for q in answers if self.previous.get(q) != answers[q]]
        self.previous = dict(answers)
        try:
            who = self.author
            result = save_engagement(base, mine, sync=lambda saved: sync_answers(store, pb, saved, who))
        except EditConflict as exc:
            self.refused += exc.fields
            print(f"  {exc}")
            return
        except EngagementError as exc:  # a hand edit left the file unreadable: say where, save nothing
            self.refused += changed
            print("\n".join(f"  {p}" for p in exc.problems))
            return
        self.oe.engagement = result.engagement
        if result.taken:
            print(f"  {result.merged_note()}")
        if result.sync_error:
            self.sync_error = result.sync_note()
        elif result.synced:
            for total, part in zip(self.synced, result.synced):
                total.extend(part)


def run(args: argparse.Namespace) -> int:
    from workbench.cli.diff_cmd import print_diff
    from workbench.domain.answer_diff import diff_answers
    from workbench.domain.intake import pending_count, stale_answers
    from workbench.store.author import current_author

    oe = open_or_report(args.folder, args.author, "intake")
    if oe is None:
        return ExitCode.BAD_INPUT
    with oe:
        pb = oe.playbook
        before = dict(oe.engagement.answers)
        answers = dict(before)
        left = pending_count(pb, answers)
        if not args.all and not left:
            print(
                _("Every question that applies is answered; {command} asks them again.").format(
                    command=f"`crmwb intake {args.folder} --all`"
                )
            )
            return ExitCode.OK
        which = (
            _("all questions")
            if args.all
            else ngettext("{n} unanswered question", "{n} unanswered questions", left).format(n=num(left))
        )
        print(
            _("Intake for {client} ({playbook}): {which}.").format(
                client=oe.engagement.client, playbook=f"{pb.id} {pb.version}", which=which
            )
        )
        print(_("Enter keeps the answer in brackets; Ctrl-D stops, keeping the answers so far."))
        code = ExitCode.OK
        saver = _Saver(oe, current_author(args.author))
        try:
            interview(pb, answers, saver, args.lang, args.all)
            print("\n" + _("Intake complete."))
        except (EOFError, KeyboardInterrupt) as exc:
            code = ExitCode.INTERRUPTED if isinstance(exc, KeyboardInterrupt) else ExitCode.OK
            saved_count = len(oe.engagement.answers)
            print(
                "\n\n"
                + ngettext(
                    "Stopped. {n} answer is saved in {file}; run {command} to go on.",
                    "Stopped. {n} answers are saved in {file}; run {command} to go on.",
                    saved_count,
                ).format(n=num(saved_count), file=oe.engagement.file, command=f"`crmwb intake {args.folder}`")
            )
        saved = oe.engagement.answers
        stale = stale_answers(pb, saved)
        if stale:
            print(
                textwrap.fill(
                    _("Kept, though they no longer apply: {ids}.").format(ids=", ".join(stale)),
                    WIDTH,
                    break_on_hyphens=False,
                )
            )
        if saver.refused:
            print(_("Not saved (see above): {fields}.").format(fields=", ".join(saver.refused)))
        diff = diff_answers(pb, before, saved, args.lang)
        if diff.changes:
            print()
            print_diff(diff, pb, args.lang)
            print("\n" + _("Tasks: {summary}.").format(summary=sync_summary(*saver.synced)))
        if saver.sync_error:
            print(_("crmwb intake: warning: {message}").format(message=saver.sync_error), file=sys.stderr)
    return code
