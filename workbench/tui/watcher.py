"""Notices changes made elsewhere (a `crmwb task` in a shell, a hand edit of engagement.yaml) and
refreshes the open view; also brings the task list up to date when the engagement was opened for reading.

Cheap on purpose: every POLL_SECONDS a thread worker asks SQLite's `PRAGMA data_version` (which moves
only when ANOTHER connection committed) and stats engagement.yaml. Only the handlers on the UI thread
swap state; screens re-read through their own workers (`refresh_data`), keeping cursor and filters.

The first look at a store (after opening, or after the store object was replaced) is only a baseline, and
it can come late: it needs the store lock, which the screen's first read may hold, so it is skipped and
taken at a later tick. A change made by another program before that late baseline would be folded into
it and never shown (issue 10's flaky "CLI change shows by itself"). So a baseline is also treated as a
change: the screen re-reads and engagement.yaml is compared with what is open. And the comparison with the
last look is made on the UI thread, where `seen` is written, never against a copy a worker read earlier."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from workbench.i18n import N_, _
from workbench.tui import messages as m

if TYPE_CHECKING:
    from workbench.app.session import Session
    from workbench.tui.app import WorkbenchApp

POLL_SECONDS = 1.5
SYNC_LABEL = N_("Bring the task list up to date with the answers")
"""the sync job's label, marked here and translated when the job is queued and when it is recognised"""


def _stamp(session: Session) -> int | None:
    try:
        return session.opened.engagement.file.stat().st_mtime_ns
    except OSError:
        return None


class Watcher:
    def __init__(self, app: WorkbenchApp) -> None:
        self.app = app
        self.seen: tuple[int, int | None, int | None] | None = None
        """(id of the store object, its data_version, engagement.yaml's mtime) when last looked; written on
        the UI thread only"""

    def start(self) -> None:
        self.app.set_interval(POLL_SECONDS, self.check, name="watch engagement")

    def forget(self) -> None:
        """Another engagement (or another store connection): the next look sets a new baseline."""
        self.seen = None

    def check(self, force: bool = False) -> None:
        session = self.app.session
        if session is None:
            return
        self.app.run_worker(
            partial(self._look, session, force),
            thread=True,
            exclusive=True,
            group="watch",
            exit_on_error=False,
            name="watch engagement",
            description="watch engagement",
        )

    def _look(self, session: Session, force: bool) -> None:
        from workbench.app.store_access import data_version  # here: the start screen never loads the store

        lock = self.app.store_queue.lock
        if not lock.acquire(timeout=2 if force else 0):
            return  # a change is waiting for the store: look again at the next tick
        try:
            store = session.opened.store
            version = data_version(store)
        finally:
            lock.release()
        look = (id(store), version, _stamp(session))
        if force or look != self.seen:  # a quick filter only: `changed` decides on the UI thread
            self.app.post_message(m.ExternalChange(*look, force))

    # ---- on the UI thread
    def changed(self, message: m.ExternalChange) -> None:
        session = self.app.session
        if session is None:
            return
        store_id = id(session.opened.store)
        if message.store_id != store_id:
            return  # a look at a store replaced since: the next tick looks at the new one
        seen, self.seen = self.seen, (store_id, message.data_version, message.yaml_stamp)
        first = seen is None or seen[0] != store_id  # a baseline, perhaps taken after a change: re-read
        store_changed = message.force or first or (seen is not None and message.data_version != seen[1])
        yaml_changed = message.force or first or (seen is not None and message.yaml_stamp != seen[2])
        if yaml_changed:
            self.app.run_worker(
                partial(self._reopen, session, store_changed),
                thread=True,
                exclusive=True,
                group="reopen",
                exit_on_error=False,
                name="re-read",
                description="re-read",
            )
        elif store_changed:
            self.refresh_screen()

    def refresh_screen(self) -> None:
        if not self.app.screen_stack:  # closing down
            return
        refresh = getattr(self.app.screen, "refresh_data", None)
        if refresh is not None:
            refresh()

    def _reopen(self, session: Session, store_changed: bool) -> None:
        """engagement.yaml changed: re-open only if what it says differs from what is open (our own
        saves change the file too)."""
        from workbench.app.engagement import open_engagement
        from workbench.app.store_access import quick_busy, write_lock_free
        from workbench.store.engagement import STORE_NAME, EngagementError, read

        current = session.opened.engagement
        try:
            on_disk = read(current.folder)
        except EngagementError as exc:  # a hand edit in progress, or a broken file: keep what is open
            self.app.call_from_thread(
                self.app.notify,
                _(
                    "engagement.yaml changed elsewhere and cannot be read ({problems}); the view keeps the "
                    "last "
                    "good version."
                ).format(problems=exc),
                severity="warning",
                timeout=8,
            )
            return
        if (on_disk.answers, on_disk.overrides, on_disk.client, on_disk.start) == (
            current.answers,
            current.overrides,
            current.client,
            current.start,
        ):
            if store_changed:
                self.app.call_from_thread(self.refresh_screen)
            return
        synced = write_lock_free(current.folder / STORE_NAME)
        opened = open_engagement(current.folder, session.author, sync=synced)
        quick_busy(opened.store)
        self.app.post_message(m.EngagementReloaded(opened, synced))

    def reloaded(self, message: m.EngagementReloaded) -> None:
        session = self.app.session
        if session is None or session.folder != message.opened.engagement.folder:
            message.opened.close()
            return
        with self.app.store_queue.lock:
            session.adopt(message.opened)
        session.synced = message.synced
        self.forget()
        if message.notice:
            self.app.notify(_("engagement.yaml changed elsewhere; the view follows it."), timeout=3)
        self.refresh_screen()
        if not message.synced:
            self.sync_later(session)

    def sync_later(self, session: Session) -> None:
        """Sync the task list with the answers through the store queue (retried while the store is busy)."""
        from workbench.store.engagement import task_rows
        from workbench.tui.store_queue import StoreJob

        def sync() -> None:
            session.opened.store.sync_tasks(task_rows(session.opened.resolved), session.author)

        self.app.store_queue.submit(StoreJob(_(SYNC_LABEL), sync, self.app))
