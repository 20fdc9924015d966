"""Creating and opening engagements for the TUI: the same store and loader calls `crmwb new` and
`crmwb open` make, with failures raised as EngagementError (located problems) for a dialog to show.

No Textual here: the app runs these in a worker thread and posts the result."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from workbench.domain.problems import Problem
from workbench.store.engagement import EngagementError, create, is_engagement
from workbench.tui.session import Session


def plain(answers: dict[str, Any]) -> dict[str, Any]:
    """Answers as plain dicts, lists and scalars (the YAML loader's located lists do not serialise)."""
    return json.loads(json.dumps(answers, ensure_ascii=False, default=str))


def open_session(folder: Path, author: str) -> Session:
    """Open (and sync) the engagement; a folder without one is an EngagementError, not a crash.

    While another program holds the store's write lock the engagement opens for reading at once
    (`synced` False) instead of waiting for the lock: the app syncs the task list when it is free."""
    import sqlite3

    from workbench.store.base import StoreBusy
    from workbench.store.engagement import STORE_NAME, open_engagement
    from workbench.tui.store_access import is_busy, quick_busy, write_lock_free

    folder = Path(folder)
    try:
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

        raise EngagementError([Problem(_("the state store cannot be used: {error}").format(error=exc),
                                       file=str(Path(folder) / "state.db"))]) from None


def create_session(folder: str, playbook: str, client: str, answers_file: str, author: str,
                   start: date) -> Session:
    """Create the engagement as `crmwb new` does, then open it. Every refusal is an EngagementError."""
    from workbench.loading.answers import load_answers
    from workbench.loading.playbooks import load_playbook

    from workbench.i18n import _

    target = Path(folder).expanduser()
    if target.exists() and not target.is_dir():
        raise EngagementError([Problem(_("{folder} is a file; expected a folder for the engagement").format(
            folder=target))])
    if is_engagement(target):
        raise EngagementError([Problem(_("{folder} already holds an engagement; open it instead").format(
            folder=target))])
    loaded = load_playbook(playbook)
    if not loaded.ok:
        raise EngagementError(loaded.problems)
    answers: dict[str, Any] = {}
    from_file = None
    if answers_file.strip():
        got = load_answers(Path(answers_file).expanduser(), loaded.playbook)
        errors = [p for p in got.problems if p.severity == "error"]
        if errors:
            raise EngagementError(errors)
        answers, from_file = plain(got.answers), got.client
    name = (client.strip() or from_file or target.resolve().name).strip()
    create(target, playbook, answers, name, start, author)
    return open_session(target, author)
