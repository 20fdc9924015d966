"""After an answer save failed half-way: say exactly what was saved, and keep the session usable.

Saving answers writes engagement.yaml, then re-opens the engagement so the task list follows (a store
sync). When the sync fails (another program holds the write lock) the answers ARE saved; only the task
list is behind, and the old store connection may already be closed. No Textual here."""

from __future__ import annotations

import sqlite3
from typing import Any

from workbench.app.engagement import OpenEngagement, open_engagement
from workbench.app.session import Session
from workbench.app.store_access import is_busy, quick_busy
from workbench.i18n import _
from workbench.store.engagement import EngagementError, read


def answers_on_disk(session: Session) -> dict[str, Any] | None:
    """The answers engagement.yaml holds now, or None when it cannot be read."""
    try:
        return read(session.folder).answers
    except (EngagementError, OSError):
        return None


def failure_message(error: BaseException, written: bool) -> str:
    what = f"{type(error).__name__}: {error}"
    if written and is_busy(error):
        return _(
            "The answers are saved in engagement.yaml. The task list is not updated yet: another "
            "program is writing to state.db ({error}). It is updated as soon as that program has "
            "finished."
        ).format(error=what)
    if written:
        return _(
            "The answers are saved in engagement.yaml. The task list could not be updated ({error}); "
            "the next time the engagement opens it is."
        ).format(error=what)
    return _(
        "The answers were not saved ({error}). They are still on screen; change an answer to try again."
    ).format(error=what)


def store_closed(opened: OpenEngagement) -> bool:
    conn = getattr(opened.store, "conn", None)
    if not isinstance(conn, sqlite3.Connection):
        return False
    try:
        conn.execute("SELECT 1")
    except sqlite3.ProgrammingError:
        return True
    return False


def reopen_for_reading(session: Session) -> OpenEngagement | None:
    """A fresh read-only open when the failed save left the session on a closed store; else None."""
    if not store_closed(session.opened):
        return None
    opened = open_engagement(session.folder, session.author, sync=False)
    quick_busy(opened.store)
    return opened
