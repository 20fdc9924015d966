"""`crmwb open DIR`: the engagement starts opening in a thread of its own before the TUI is imported.

Importing Textual and building the app take about as long as opening a `core` engagement (reading its
cached playbook, resolving it against the answers, syncing the task list). When the engagement was opened
by the app's worker after the loading screen's first frame, the two ran one after the other, with a frame,
a refresh and a message in between; started here, they overlap, and the app usually finds the engagement
open when it mounts and shows its section as its first screen. The loading screen appears only while the
engagement is still opening (a big one), and a failure reaches the app exactly as the worker's would.

The thread keeps the interface language the command started with, so the texts it writes (warnings) are
in that language whatever the app sets meanwhile.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.app.session import Session


def start_opening(folder: Path, author: str) -> Future[Session]:
    """Open the engagement in `folder` in a daemon thread (nothing it does needs finishing if the person
    quits first: the store's sync is one transaction); the future holds the session or open_session's
    exception."""
    from workbench.app.engagements import open_session  # imported in the caller's thread, not the new one
    from workbench.i18n import current_language, use_language

    language = current_language()
    future: Future[Session] = Future()

    def run() -> None:
        try:
            with use_language(language):
                session = open_session(folder, author)
        except BaseException as exc:  # noqa: BLE001 — handed on whole, as a worker would get it
            future.set_exception(exc)
        else:
            future.set_result(session)

    threading.Thread(target=run, name="crmwb-open", daemon=True).start()
    return future
