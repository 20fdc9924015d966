"""`crmwb task DIR list|show|start|done|block|skip|reopen|assign|due|note|check|undo ...`: work the task list.

Every change goes to the store with its author (`--as`, $CRMWB_AUTHOR or the OS user) and lands in the
task's history. Blocking or skipping needs a reason, so the history says why. `done` is refused while
predecessors are open or a gate task's checklist is not ticked, unless forced with a reason (kept in the
history with what was open); `reopen` is the way back from done or skipped. An unknown task id gets the
closest ids as suggestions and exit 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli.engagement_args import add_author_argument, fail, iso_date, open_or_report
from workbench.cli.exit_codes import ExitCode
from workbench.cli.local import cut, day, digits, num, role_name, task_name, text
from workbench.cli.local import status as status_label
from workbench.cli.output import add_format_argument, emit, json_text
from workbench.cli.task_undo import add_undo_parser
from workbench.domain.fixed_ids import PHASE_IDS, TASK_STATUSES, TaskStatus
from workbench.i18n import _, ngettext

if TYPE_CHECKING:
    from workbench.app.engagement import OpenEngagement
    from workbench.domain.tracking import Event, TaskState

STATUSES, PHASES = TASK_STATUSES, PHASE_IDS  # from domain/fixed_ids.py: the parser imports no pydantic
MOVES = {
    "start": TaskStatus.IN_PROGRESS.value,
    "done": TaskStatus.DONE.value,
    "block": TaskStatus.BLOCKED.value,
    "skip": TaskStatus.SKIPPED.value,
}
WIDTH = 80


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="DIR", help=_("the engagement folder"))
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    ls = sub.add_parser("list", help=_("tasks with status, owner, assignee, due date (* = critical path)"))
    ls.add_argument("--phase", choices=PHASES)
    ls.add_argument("--role", metavar="ROLE", help=_("only tasks this role owns (a role id)"))
    ls.add_argument("--status", choices=STATUSES)
    add_format_argument(ls)
    sub.add_parser("show", help=_("one task: details, checklist and history")).add_argument(
        "id", metavar="ID"
    )
    for action, status in MOVES.items():
        move = sub.add_parser(
            action,
            help=(
                _("set the status to {status} (needs --note with the reason)")
                if action in ("block", "skip")
                else _("set the status to {status}")
            ).format(status=status),
        )
        move.add_argument("id", metavar="ID")
        move.add_argument("--note", metavar="TEXT", help=_("why; kept in the history"))
        if action == "done":
            move.add_argument(
                "--force",
                metavar="REASON",
                help=_(
                    "finish it although predecessors are open or a gate's checklist is not "
                    "ticked; the reason and what was open go into the history"
                ),
            )
    reopen = sub.add_parser("reopen", help=_("back from done (to in_progress) or skipped (to not_started)"))
    reopen.add_argument("id", metavar="ID")
    reopen.add_argument("--note", metavar="TEXT", help=_("why; kept in the history"))
    assign = sub.add_parser("assign", help=_("give the task to a person ('-' to unassign)"))
    assign.add_argument("id", metavar="ID")
    assign.add_argument("name", metavar="NAME")
    due = sub.add_parser("due", help=_("set the due date ('-' for the planned date)"))
    due.add_argument("id", metavar="ID")
    due.add_argument("date", metavar="YYYY-MM-DD", type=lambda s: None if s == "-" else iso_date(s))
    note = sub.add_parser("note", help=_("add a note to the history"))
    note.add_argument("id", metavar="ID")
    note.add_argument("text", metavar="TEXT", nargs="+")
    check = sub.add_parser("check", help=_("tick checklist item N (1-based); --undo to untick"))
    check.add_argument("id", metavar="ID")
    check.add_argument("item", metavar="N", type=int)
    check.add_argument("--undo", action="store_true", help=_("untick the item instead"))
    add_undo_parser(sub)
    for action_parser in sub.choices.values():
        add_author_argument(action_parser)


def unknown_task(task_id: str, known: list[str]) -> str:
    """`no task X` with the closest ids (substring matches first, then similar spellings)."""
    import difflib

    needle = task_id.casefold()
    close = [k for k in known if needle in k.casefold()]
    close += [k for k in difflib.get_close_matches(task_id, known, n=5, cutoff=0.4) if k not in close]
    if close:
        return _("no task {id} in this engagement; did you mean: {ids}?").format(
            id=repr(task_id), ids=", ".join(close[:5])
        )
    return _("no task {id} in this engagement; see {command}").format(
        id=repr(task_id), command="`crmwb task DIR list`"
    )


def run(args: argparse.Namespace) -> int:
    from workbench.store.author import current_author
    from workbench.store.sqlite_store import StoreError

    oe = open_or_report(args.folder, args.author, "task")
    if oe is None:
        return ExitCode.BAD_INPUT
    with oe:
        if args.action == "list":
            return list_tasks(oe, args)
        if args.action == "undo" and args.id is None:
            return _undo(oe, args)
        states = oe.store.tasks(include_archived=True)
        if args.id not in states:
            return fail("task", unknown_task(args.id, sorted(oe.store.tasks())))
        if args.action == "show":
            show_task(oe, args.id, states[args.id])
            return ExitCode.OK
        if args.action == "undo":
            return _undo(oe, args)
        author = current_author(args.author)
        try:
            return change(oe, args, author)
        except StoreError as exc:
            return fail("task", str(exc))


def _undo(oe: OpenEngagement, args: argparse.Namespace) -> int:
    from workbench.cli.task_undo import run_undo
    from workbench.store.author import current_author
    from workbench.store.sqlite_store import StoreError

    try:
        return run_undo(oe, args, current_author(args.author))
    except StoreError as exc:
        return fail("task", str(exc))


def _warn_day_off(oe: OpenEngagement, day, reason: str | None) -> None:
    """A due date the consultant chose is kept as chosen, but a Friday in Tehran or a public holiday is
    almost always a slip of the finger: say so, with the next working day."""
    if day is None or reason is None:
        return
    from workbench.cli.local import day as local_day

    calendar = oe.plan.calendar
    assert calendar is not None  # a reason is only found on a calendar
    print(
        _(
            "warning: {day} is not a working day in this engagement's calendar ({reason}); the next working "
            "day is {next}"
        ).format(day=local_day(day), reason=reason, next=local_day(calendar.first_working(day))),
        file=sys.stderr,
    )


def change(oe: OpenEngagement, args: argparse.Namespace, author: str) -> int:
    """Apply one change and say what it did in one line."""
    store, tid = oe.store, args.id
    if args.action == "reopen":
        return _reopen(oe, tid, args.note, author)
    if args.action in MOVES:
        return _move(oe, args, author)
    if args.action == "assign":
        name = None if args.name.strip() in ("", "-") else args.name.strip()
        store.assign(tid, name, author)
        print(
            _("{id}: assigned to {name}").format(id=tid, name=name)
            if name
            else _("{id}: unassigned").format(id=tid)
        )
    elif args.action == "due":
        from workbench.app.task_plan import set_due

        reason = set_due(oe, tid, args.date, author)
        print(
            _("{id}: due {date}").format(id=tid, date=day(args.date))
            if args.date
            else _("{id}: due on the planned date again").format(id=tid)
        )
        _warn_day_off(oe, args.date, reason)
    elif args.action == "note":
        store.add_note(tid, " ".join(args.text), author)
        print(_("{id}: note added").format(id=tid))
    elif args.action == "check":
        store.check_item(tid, args.item - 1, not args.undo, author)
        items = store.tasks()[tid].checklist
        message = (
            _("{id}: item {n} reopened ({done}/{total} done)")
            if args.undo
            else _("{id}: item {n} done ({done}/{total} done)")
        )
        print(message.format(id=tid, n=num(args.item), done=num(sum(items)), total=num(len(items))))
    return ExitCode.OK


def _move(oe: OpenEngagement, args: argparse.Namespace, author: str) -> int:
    """start, done, block or skip; block and skip need a reason, done the task rules (or --force)."""
    tid, status = args.id, MOVES[args.action]
    before = oe.store.tasks().get(tid)
    if args.action in ("block", "skip") and not (args.note or "").strip():
        return fail(
            "task",
            _("{action} needs a reason: {example}").format(action=f"`{args.action}`", example='--note "..."'),
        )
    note = args.note
    if status == "done" and (before is None or before.status != "done"):
        allowed, note = _done_note(oe, tid, args)
        if not allowed:
            return ExitCode.BAD_INPUT
    oe.store.set_status(tid, status, author, note)
    old = before.status if before else "?"
    print(
        _("{id}: {old} -> {new}").format(id=tid, old=status_label(old), new=status_label(status))
        if old != status
        else _("{id}: already {status}").format(id=tid, status=status_label(status))
    )
    if status in (TaskStatus.DONE, TaskStatus.SKIPPED):
        _print_ready(oe, tid)
    return ExitCode.OK


def _done_note(oe: OpenEngagement, tid: str, args: argparse.Namespace) -> tuple[bool, str | None]:
    """(allowed, the history note) of `done`; not allowed after saying why (open predecessors or unticked
    gate items without --force REASON). A forced one records the reason and what was still open."""
    from workbench.domain.task_rules import check_done, forced_note

    check = check_done(oe.resolved, tid, oe.store.tasks())
    force = getattr(args, "force", None)
    if force is not None and not force.strip():
        fail("task", _('--force needs a reason, e.g. --force "signed off by the director"'))
        return False, None
    if check.allowed:
        return True, args.note
    if force is None:
        fail(
            "task",
            _(
                "cannot mark {id} done: {why}; finish those first, or give the reason to close it "
                'anyway with --force "REASON"'
            ).format(id=tid, why="; ".join(_done_reasons(oe, check))),
        )
        return False, None
    return True, forced_note(force, check, args.note)


def _done_reasons(oe: OpenEngagement, check) -> list[str]:
    """What stands between a task and done, in the current language (the domain's sentences name tasks
    in English)."""
    lines = []
    if check.open_predecessors:
        listed = "; ".join(
            f"{p.id} ({task_name(oe.resolved, p.id, p.name)}, {status_label(p.status)})"
            for p in check.open_predecessors
        )
        n = len(check.open_predecessors)
        lines.append(
            ngettext(
                "{n} predecessor not done or skipped: {listed}",
                "{n} predecessors not done or skipped: {listed}",
                n,
            ).format(n=num(n), listed=listed)
        )
    if check.unticked:
        n = len(check.unticked)
        lines.append(
            ngettext(
                "gate task with {n} of {total} checklist items unticked: {items}",
                "gate task with {n} of {total} checklist items unticked: {items}",
                n,
            ).format(
                n=num(n), total=num(check.checklist_total), items=", ".join(num(i) for i in check.unticked)
            )
        )
    return lines


def _reopen(oe: OpenEngagement, tid: str, note: str | None, author: str) -> int:
    """Back from done or skipped; the closed tasks depending on it are named: they now rest on open work."""
    from workbench.domain.task_rules import closed_dependants, reopened_status

    states = oe.store.tasks()
    old = states[tid].status
    status = reopened_status(old)
    if status is None:
        return fail(
            "task",
            _("{id} is {status}, not done or skipped; there is nothing to reopen").format(
                id=tid, status=status_label(old)
            ),
        )
    text = _("reopened") + (f": {note.strip()}" if note and note.strip() else "")
    oe.store.set_status(tid, status, author, text)
    print(
        _("{id}: {old} -> {new} (reopened)").format(id=tid, old=status_label(old), new=status_label(status))
    )
    waiting = closed_dependants(oe.resolved, tid, states)
    if waiting:
        print(_("  already closed and depending on it: {ids}").format(ids=", ".join(waiting)))
    return ExitCode.OK


def _print_ready(oe: OpenEngagement, tid: str) -> None:
    """After closing a task: the tasks waiting on it that can start now."""
    states = oe.store.tasks()
    closed = {t for t, s in states.items() if s.closed}
    ready = [
        t.id
        for _, t in oe.resolved.tasks()
        if tid in t.depends_on
        and states.get(t.id)
        and states[t.id].status == "not_started"
        and all(d in closed for d in t.depends_on)
    ]
    if ready:
        print("  " + _("can start now: {ids}").format(ids=", ".join(ready)))


def list_tasks(oe: OpenEngagement, args: argparse.Namespace) -> int:
    from workbench.domain.tracking import task_views

    roles = {r.id for r in oe.resolved.roles}
    if args.role and args.role not in roles:
        import difflib

        close = difflib.get_close_matches(args.role, sorted(roles), n=3, cutoff=0.4)
        return fail(
            "task",
            _("unknown role {role}; expected one of: {roles}").format(
                role=repr(args.role), roles=", ".join(close or sorted(roles))
            ),
        )
    views = [
        v
        for v in task_views(oe.resolved, oe.plan, oe.store.tasks())
        if (not args.phase or v.phase == args.phase)
        and (not args.role or v.owner == args.role)
        and (not args.status or v.status == args.status)
    ]
    if args.format == "json":
        from workbench.cli.status_cmd import task_json

        emit(json_text([task_json(v) for v in views]))
        return ExitCode.OK
    if not views:
        print(_("No tasks match."))
        return ExitCode.OK
    width = max(len(v.id) for v in views)
    ow = max(5, *(len(v.owner) for v in views))
    sw = max(11, *(len(status_label(v.status)) for v in views))
    print(cut(f"  {_('id'):<{width}}  {_('status'):<{sw}} {_('due'):<10} {_('owner'):<{ow}} {_('assignee')}"))
    for v in views:
        mark = "*" if v.critical else " "
        print(
            cut(
                f"{mark} {v.id:<{width}}  {status_label(v.status):<{sw}} {day(v.due)} "
                f"{v.owner:<{ow}} {v.assignee or '-'}"
            )
        )
    print(
        "\n"
        + ngettext(
            "{n} task; * on the critical path", "{n} tasks; * on the critical path", len(views)
        ).format(n=num(len(views)))
    )
    return ExitCode.OK


def _wrap(text: str, first: str) -> str:
    """`first` then `text`, wrapped at WIDTH and indented under itself."""
    import textwrap

    return textwrap.fill(
        text, WIDTH, initial_indent=first, subsequent_indent=" " * len(first), break_on_hyphens=False
    )


def _due_text(value: str | None) -> str:
    from datetime import date

    if not value:
        return _("planned")
    try:
        return day(date.fromisoformat(value))
    except ValueError:
        return value


def _event_text(e: Event) -> str:
    if e.kind == "create":
        what = _("created ({status})").format(status=status_label(e.new))
    elif e.kind == "status":
        what = _("status {old} -> {new}").format(old=status_label(e.old), new=status_label(e.new))
    elif e.kind == "assign":
        what = _("assigned to {name}").format(name=e.new) if e.new else _("unassigned")
    elif e.kind == "due":
        what = _("due {old} -> {new}").format(old=_due_text(e.old), new=_due_text(e.new))
    elif e.kind == "check":
        what = _("checklist item {item} {state}").format(item=digits(str(e.old)), state=digits(str(e.new)))
    else:
        what = {"note": _("note"), "archive": _("archived"), "restore": _("restored")}.get(e.kind, e.kind)
    return f"{what}: {e.note}" if e.note else what


def show_task(oe: OpenEngagement, tid: str, state: TaskState) -> None:
    """Details from the playbook, dates from the plan, state and history from the store."""
    found = next(((p, t) for p, t in oe.playbook.tasks() if t.id == tid), None)
    if found is None:  # the playbook itself dropped it since; the history is all there is
        print(_("{id}  (no longer in the playbook)").format(id=tid))
        print(_wrap(status_label(state.status), f"  {_('status'):<12} "))
        print(_("history"))
        _print_history(oe, tid)
        return
    phase, task = found
    scheduled = next((t for t in oe.plan.tasks if t.id == tid), None)
    critical = " [" + _("critical path") + "]" if scheduled and scheduled.critical else ""
    print(f"{tid}  {text(task.name)}{critical}")
    if state.archived:
        print("  " + _("archived: the current answers dropped this task; its history is kept"))
    for label, value in _detail_rows(oe, task, phase, state, scheduled):
        print(_wrap(str(value), f"  {label:<12} "))
    if task.checklist:
        print(_("checklist"))
        for n, item in enumerate(task.checklist, 1):
            done = n <= len(state.checklist) and state.checklist[n - 1]
            print(_wrap(text(item), f"  [{'x' if done else ' '}] {num(n)}. "))
    print(_("history"))
    _print_history(oe, tid)


def _detail_rows(oe: OpenEngagement, task, phase, state: TaskState, scheduled) -> list[tuple[str, str]]:
    pb = oe.playbook
    owner = f"{role_name(pb, task.owner)} ({task.owner})"
    rows = [
        (_("phase"), text(phase.name)),
        (_("status"), status_label(state.status)),
        (_("owner"), owner),
        (_("assignee"), state.assignee or "-"),
    ]
    if scheduled:
        due = state.due or scheduled.finish
        rows += [
            (
                _("planned"),
                ngettext(
                    "{start} to {finish}, {n} working day",
                    "{start} to {finish}, {n} working days",
                    scheduled.duration,
                ).format(start=day(scheduled.start), finish=day(scheduled.finish), n=num(scheduled.duration)),
            ),
            (_("due"), day(due) + (" " + _("(moved from the plan)") if state.due else "")),
        ]
    states = oe.store.tasks()
    depends_on = oe.resolved.task_map()[task.id].depends_on if scheduled else task.depends_on
    deps = ", ".join(
        f"{d} ({status_label(states[d].status) if d in states else _('dropped')})" for d in depends_on
    )
    rows += [
        (_("depends on"), deps or "-"),
        (_("deliverable"), text(task.deliverable) or "-"),
        ("RACI", ", ".join(f"{letter} {role_name(pb, role)}" for role, letter in task.raci.items())),
        (_("gate"), _("yes: must be closed before the phase closes") if task.gate else _("no")),
    ]
    return rows


def _print_history(oe: OpenEngagement, tid: str) -> None:
    for e in oe.store.history(tid):
        stamp = e.at.astimezone()
        at = f"{day(stamp.date())} {digits(stamp.strftime('%H:%M'))}"
        print(f"  {at}  {e.author[:12]:<12}  {_event_text(e)}")
