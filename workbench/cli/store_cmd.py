"""`crmwb store reinit DIR --confirm`: start a new, empty task history for an engagement on purpose.

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
from workbench.i18n import _


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    reinit = sub.add_parser(
        "reinit",
        help="start a new, empty task history (keeps the old state.db aside)",
        description=__doc__.split("\n\n")[1].replace("\n", " "),
    )
    reinit.add_argument("folder", type=Path, metavar="DIR", help="the engagement folder")
    reinit.add_argument("--confirm", action="store_true", help="yes, start the task history again")
    add_author_argument(reinit)


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
