"""Creating and opening engagements for the TUI: the same use cases `crmwb new` and `crmwb open` run,
with failures raised as EngagementError (located problems) for a dialog to show, and the store made to
report a held write lock at once.

No Textual here: the app runs these in a worker thread and posts the result as a message."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from workbench.app.session import Session
from workbench.domain.problems import Problem
from workbench.store.engagement import EngagementError


def open_session(folder: Path, author: str) -> Session:
    """Open (and sync) the engagement; a folder without one is an EngagementError, not a crash.

    While another program holds the store's write lock the engagement opens for reading at once
    (`synced` False) instead of waiting for the lock: the app syncs the task list when it is free."""
    import sqlite3

    from workbench.app.engagement import open_engagement
    from workbench.app.store_access import is_busy, quick_busy, write_lock_free
    from workbench.store.base import StoreBusy
    from workbench.store.engagement import STORE_NAME

    folder = Path(folder)
    try:
        viewer = _viewer_session(folder, author)
        if viewer is not None:
            return viewer
        if write_lock_free(folder / STORE_NAME):
            try:
                session = Session.open(folder, author)
            except (sqlite3.OperationalError, StoreBusy) as exc:  # locked between the probe and the sync
                if not is_busy(exc):
                    raise
                session = Session(open_engagement(folder, author, sync=False), author, synced=False)
        else:
            session = Session(open_engagement(folder, author, sync=False), author, synced=False)
        quick_busy(session.opened.store)
        return session
    except (sqlite3.Error, StoreBusy) as exc:
        from workbench.i18n import _

        raise EngagementError(
            [
                Problem(
                    _("the state store cannot be used: {error}").format(error=exc),
                    file=str(Path(folder) / "state.db"),
                )
            ]
        ) from None


def _viewer_session(folder: Path, author: str) -> Session | None:
    """A session opened for reading when the engagement's store lets this user read only (a team
    store's viewer role); None when it may write, or is not a team store. A viewer's sync could only be
    refused, so it is not tried: the task list shows what the editors last saved."""
    from workbench.app.engagement import open_engagement
    from workbench.store.choose import team_address
    from workbench.store.engagement import read

    try:
        team = team_address(read(folder))
    except (EngagementError, OSError):
        return None  # the ordinary open reports it, located
    if team is None:
        return None
    opened = open_engagement(folder, author, sync=False)
    if opened.store.writable():
        opened.store.close()
        return None
    return Session(opened, author, synced=True, read_only=True)


def create_session(
    folder: str, playbook: str, client: str, answers_file: str, author: str, start: date
) -> Session:
    """Create the engagement as `crmwb new` does (the same use case), then open it. Every refusal is an
    EngagementError."""
    from workbench.app.engagement import new_engagement

    created = new_engagement(
        Path(folder), playbook, Path(answers_file) if answers_file.strip() else None, client, start, author
    )
    return open_session(created.engagement.folder, author)
