"""`crmwb task DIR undo [TASK]`: take back the newest status, assignee or due-date change the current author
(`--as`, $CRMWB_AUTHOR, the settings' author or the OS user) made, on TASK or on any task, with the rules
of the TUI's Ctrl+Z (app.task_undo): compensating events with the note "undo", refused (exit 2, nothing
written) when someone changed the task since. Run again, it takes back the change before, and so on.
Nothing of yours left to undo is said and exit 0."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from workbench.cli.exit_codes import ExitCode
from workbench.cli.output import add_format_argument, emit, json_text
from workbench.i18n import _

if TYPE_CHECKING:
    from workbench.app.engagement import OpenEngagement
    from workbench.domain.tracking import Event


def add_undo_parser(sub) -> None:
    undo = sub.add_parser(
        "undo",
        help=_(
            "take back your newest status, assignee or due-date change (on TASK, or on any task); "
            "again for the one before"
        ),
    )
    undo.add_argument("id", metavar="TASK", nargs="?", help=_("only changes of this task"))
    add_format_argument(undo)


def run_undo(oe: OpenEngagement, args: argparse.Namespace, author: str) -> int:
    from workbench.app.task_undo import UndoRefused, last_change, undo_change
    from workbench.cli.engagement_args import fail

    change = last_change(oe, author, args.id)
    if change is None:
        message = (
            _("{author} has no change of {id} left to undo").format(author=author, id=args.id)
            if args.id
            else _("{author} has no task change left to undo").format(author=author)
        )
        emit(
            json_text({"task": args.id, "author": author, "undone": []})
            if args.format == "json"
            else message + "\n"
        )
        return ExitCode.OK
    try:
        undo_change(oe, change, author)
    except UndoRefused as exc:
        return fail("task", str(exc))
    steps = list(reversed(change.events))
    if args.format == "json":
        emit(json_text({"task": change.task_id, "author": author, "undone": [_step_json(e) for e in steps]}))
    else:
        for event in steps:
            print(_("{id}: undone: {what}").format(id=change.task_id, what=_step_text(event)))
    return ExitCode.OK


def _step_json(event: Event) -> dict:
    """One event taken back: what it changed, and the value the undo put back."""
    return {
        "seq": event.seq,
        "kind": event.kind,
        "was": event.new,
        "back_to": event.old,
        "at": event.at.isoformat(),
    }


def _step_text(event: Event) -> str:
    from workbench.cli.local import status as status_label
    from workbench.cli.task_cmd import _due_text

    if event.kind == "status":
        return _("status {old} -> {new}").format(old=status_label(event.new), new=status_label(event.old))
    if event.kind == "assign":
        return _("assigned to {name}").format(name=event.old) if event.old else _("unassigned")
    return _("due {old} -> {new}").format(old=_due_text(event.new), new=_due_text(event.old))
