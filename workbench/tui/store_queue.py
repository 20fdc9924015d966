"""Store changes from the TUI, one at a time and in the order asked, in a thread worker: the UI thread
never waits for SQLite. A busy store (another program writing) is reported at once to the screen that
asked (StoreWaiting) and the change is retried until it lands (StoreDone) or is refused (StoreRefused).

One lock (`StoreQueue.lock`) guards the engagement's SQLite connection: every worker, reading or writing,
holds it while it talks to the store, and gives it back between retries so that reads go on."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.tui import messages as m

if TYPE_CHECKING:
    from textual.app import App
    from textual.message_pump import MessagePump


@dataclass
class StoreJob:
    label: str
    """what the person asked for, in their words ("Start 'Kick-off'"): notifications name it"""
    change: Callable[[], Any]
    reply_to: MessagePump
    after: Callable[[], Any] | None = None
    """read once the change landed (under the lock); its value comes back in StoreDone.result"""


class StoreQueue:
    def __init__(self, app: App) -> None:
        self.app = app
        self.lock = threading.RLock()
        self._jobs: deque[StoreJob] = deque()
        self._guard = threading.Lock()
        self._running = False
        self.stopping = False

    @property
    def pending(self) -> list[str]:
        """Labels of the changes not written yet (the one being tried included)."""
        with self._guard:
            return [job.label for job in self._jobs]

    def submit(self, job: StoreJob) -> None:
        with self._guard:
            self._jobs.append(job)
            if self._running:
                return
            self._running = True
        self.app.run_worker(
            self._drain,
            thread=True,
            group="store",
            exit_on_error=False,
            name="store changes",
            description="store changes",
        )

    def _drain(self) -> None:
        while True:
            with self._guard:
                if not self._jobs or self.stopping:
                    self._running = False
                    return
                job = self._jobs[0]
            try:
                self._run(job)
            finally:
                with self._guard:
                    if self._jobs and self._jobs[0] is job:
                        self._jobs.popleft()

    def _run(self, job: StoreJob) -> None:
        from workbench.app.store_access import RETRY_DELAYS, is_busy, is_transient
        from workbench.store.sqlite_store import StoreError  # here: the start screen never loads the store

        attempt = 0
        while not self.stopping:
            try:
                with self.lock:
                    job.change()
                    result = job.after() if job.after is not None else None
            except StoreError as exc:
                job.reply_to.post_message(m.StoreRefused(job.label, str(exc)))
                return
            except Exception as exc:  # noqa: BLE001 — busy is retried, anything else is reported
                if not is_transient(exc):
                    self.app.call_from_thread(self.app.report_error, exc, job.label)  # type: ignore[attr-defined]
                    return
                if attempt == 0 and is_busy(exc):
                    job.reply_to.post_message(m.StoreWaiting(job.label))
                time.sleep(RETRY_DELAYS[min(attempt, len(RETRY_DELAYS) - 1)])
                attempt += 1
                continue
            job.reply_to.post_message(m.StoreDone(job.label, result, waited=attempt > 0))
            return
