"""`crmwb store reinit DIR --confirm`: start a new, empty task history for an engagement on purpose;
`crmwb store move DIR --to URL|sqlite`: move its state between state.db and a team database;
`crmwb store grant URL [--viewer LOGIN] [--editor LOGIN]`: set up the team database's editor and viewer roles.

crmwb never re-creates a missing or empty state.db by itself for an engagement that had one (its task
history would be gone without a word). When the file is really lost, this command is the deliberate way
on: the old file, if any, is kept beside it as `state.db.replaced-<time>` (with its -wal/-shm), then a
new store is made from the current answers, every task not started.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from workbench.cli.engagement_args import add_author_argument, fail
from workbench.cli.exit_codes import ExitCode
from workbench.i18n import _, ngettext


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    reinit = sub.add_parser(
        "reinit",
        help=_("start a new, empty task history (keeps the old state.db aside)"),
        description=_(
            "crmwb never re-creates a missing or empty state.db by itself for an engagement that had one "
            "(its task history would be gone without a word). When the file is really lost, this command "
            "is the deliberate way on: the old file, if any, is kept beside it as "
            "`state.db.replaced-<time>` (with its -wal/-shm), then a new store is made from the current "
            "answers, every task not started."
        ),
    )
    reinit.add_argument("folder", type=Path, metavar="DIR", help=_("the engagement folder"))
    reinit.add_argument("--confirm", action="store_true", help=_("yes, start the task history again"))
    add_author_argument(reinit)
    move = sub.add_parser(
        "move",
        help=_("move the engagement's state to a team database or back to state.db"),
        description=_(
            "Copies every task, event, note, KPI value, baseline and archive row "
            "to the target, verifies each table (row count and content hash), and only then "
            "switches `store:` in engagement.yaml. The source is left as it was (a state.db is "
            "kept as state.db.moved-<time>). A failure at any step changes nothing."
        ),
    )
    move.add_argument("folder", type=Path, metavar="DIR", help=_("the engagement folder"))
    move.add_argument(
        "--to",
        required=True,
        metavar="URL|sqlite",
        help=_("a PostgreSQL address (no password in it), or 'sqlite' for state.db"),
    )

    grant = sub.add_parser(
        "grant",
        help=_("set up the team database's editor and viewer roles, and add people to them"),
        description=_(
            "Creates the group roles crmwb_editor (may change engagements) and crmwb_viewer "
            "(may only read: status, report, portfolio, the TUI read-only) if missing, grants them the team "
            "schema, and makes each --editor/--viewer login a member. PostgreSQL itself then refuses a "
            "viewer's change. Run it as the database's administrator; running it again changes nothing."
        ),
    )
    grant.add_argument("address", metavar="URL", help=_("the team database's address (no password in it)"))
    grant.add_argument(
        "--editor",
        action="append",
        default=[],
        metavar="LOGIN",
        help=_("an existing login role to make an editor (repeatable)"),
    )
    grant.add_argument(
        "--viewer",
        action="append",
        default=[],
        metavar="LOGIN",
        help=_("an existing login role to make a viewer (repeatable)"),
    )


def _set_aside(store: Path) -> list[Path]:
    """Rename state.db and its -wal/-shm to *.replaced-<time>; an empty file is simply removed."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = []
    for path in (store, store.with_name(store.name + "-wal"), store.with_name(store.name + "-shm")):
        if not path.exists():
            continue
        if path == store and path.stat().st_size == 0:
            path.unlink()
            continue
        target = path.with_name(f"{path.name}.replaced-{stamp}")
        path.rename(target)
        kept.append(target)
    return kept


def run(args: argparse.Namespace) -> int:
    if args.action == "move":
        return _move(args)
    if args.action == "grant":
        return _grant(args)
    return _reinit(args)


def _move(args: argparse.Namespace) -> int:
    from workbench.app.store_move import MoveFailed, MoveRefused, move_store
    from workbench.cli.engagement_args import say_waiting
    from workbench.cli.local import num
    from workbench.cli.output import print_problems
    from workbench.store.busy import BusyPolicy
    from workbench.store.engagement import EngagementError

    def progress(step: str) -> None:
        print(_("crmwb store move: {step}").format(step=step), file=sys.stderr)

    try:
        result = move_store(args.folder, args.to, BusyPolicy.command_line(say_waiting), progress)
    except EngagementError as exc:
        print_problems(exc.problems)
        return ExitCode.BAD_INPUT
    except (MoveRefused, MoveFailed) as exc:
        return fail("store move", str(exc))
    total = sum(s.rows for s in result.tables.values())
    print(
        ngettext(
            "Moved {rows} row to {target}; every table verified (row count and content hash).",
            "Moved {rows} rows to {target}; every table verified (row count and content hash).",
            total,
        ).format(rows=num(total), target=result.target)
    )
    for name, table in result.tables.items():
        print(f"  {name}: {num(table.rows)}")
    if result.set_aside:
        print(
            _("The previous state.db is kept, unchanged, as {path} (not deleted).").format(
                path=result.set_aside[0]
            )
        )
    else:
        print(
            _(
                "The previous state stays where it was, unchanged and no longer used: {source} (not deleted)."
            ).format(source=result.source)
        )
    return ExitCode.OK


def _grant(args: argparse.Namespace) -> int:
    from workbench.store.postgres import EDITOR, VIEWER, add_members, grant_roles
    from workbench.store.postgres.address import import_psycopg
    from workbench.store.sqlite_store import StoreError

    try:
        psycopg = import_psycopg()  # a StoreError naming the [team] extra when it is not installed
    except StoreError as exc:
        return fail("store grant", str(exc))
    try:
        address = args.address.strip()
        grant_roles(address)  # refuses an address holding a password, as every team-store address
        add_members(address, [(login, EDITOR) for login in args.editor] + [(v, VIEWER) for v in args.viewer])
    except (StoreError, psycopg.Error) as exc:
        return fail("store grant", str(exc).strip())
    print(
        _("The team roles are ready: {editor} may change engagements, {viewer} may only read them.").format(
            editor=EDITOR, viewer=VIEWER
        )
    )
    for login in args.editor:
        print(_("  {login}: editor").format(login=login))
    for login in args.viewer:
        print(_("  {login}: viewer").format(login=login))
    return ExitCode.OK


def _reinit(args: argparse.Namespace) -> int:
    from workbench.app.engagement import open_engagement
    from workbench.cli.output import print_problems
    from workbench.store.author import current_author
    from workbench.store.engagement import EngagementError, read
    from workbench.store.file_lock import folder_lock

    if not args.confirm:
        message = _(
            "reinit starts the task history of {folder} again (task states, notes and history are "
            "not carried over); add --confirm to do it"
        )
        return fail("store", message.format(folder=args.folder))
    try:
        engagement = read(args.folder)
        with folder_lock(engagement.folder):
            kept = _set_aside(engagement.store_path)
            open_engagement(engagement.folder, current_author(args.author), new_store=True).close()
    except EngagementError as exc:
        print_problems(exc.problems)
        return ExitCode.BAD_INPUT
    print(_("Started a new task history in {store}.").format(store=engagement.store_path))
    for path in kept:
        print(_("  the previous file is kept as {path}").format(path=path), file=sys.stdout)
    return ExitCode.OK
