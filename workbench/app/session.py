"""A handle on one open engagement and the author of its changes: the same OpenEngagement and store calls
the CLI makes. The TUI's screens call these methods and then refresh; nothing here imports Textual, and
nothing here swaps the open engagement behind a thread's back: `change_answers` returns the re-opened
engagement and the UI thread adopts it.

Saves go through the store's locked merge-write: only what the screen changed is written, on top of what
the CLI or a hand edit saved meanwhile, and the results say what was merged and whether the task list
followed (StoreBusy on state.db leaves the answers saved and the task list for the next open). The task
list is synced under the folder lock, so syncs follow writes in order; the heavier re-open comes after."""

from __future__ import annotations

import gc
import sqlite3
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from workbench.app.engagement import OpenEngagement, open_engagement, sync_answers
from workbench.domain.governance import Finding, check_governance
from workbench.domain.tracking import StatusReport, TaskState, status_report
from workbench.store.base import StoreBusy
from workbench.store.engagement import EngagementError
from workbench.store.engagement_save import SaveResult, save_engagement


@dataclass
class Session:
    opened: OpenEngagement
    author: str
    synced: bool = True
    """False when opened for reading while another program held the write lock: the task list still
    has to follow the answers (the app syncs it in a worker once the lock is free)"""
    read_only: bool = False
    """True for a team store's viewer (the steering committee): the database refuses every change, so the
    interface says so up front and never tries to sync"""

    @classmethod
    def open(cls, folder: Path, author: str) -> Session:
        session = cls(open_engagement(folder, author), author)
        # The loaded playbook is long-lived and acyclic: move it out of the cyclic GC's reach, or every
        # collection walks its ~2 million objects again (the 100x RFP tab showed in 2.1 s, now 0.7 s).
        gc.freeze()
        return session

    @property
    def folder(self) -> Path:
        return self.opened.engagement.folder

    @property
    def client(self) -> str:
        return self.opened.engagement.client

    def states(self) -> dict[str, TaskState]:
        return self.opened.store.tasks()

    def status(self, today: date | None = None) -> StatusReport:
        return status_report(self.opened.resolved, self.opened.plan, self.states(), today or date.today())

    def findings(self) -> list[Finding]:
        """Governance findings, and the Musts against what a small firm can buy (domain/must_capacity)."""
        from workbench.domain.answers import complete_answers
        from workbench.domain.must_capacity import must_capacity_findings

        answers = complete_answers(self.opened.playbook, self.opened.engagement.answers)
        return check_governance(self.opened.resolved) + must_capacity_findings(self.opened.resolved, answers)

    def set_status(self, task_id: str, status: str, note: str | None = None) -> None:
        self.opened.store.set_status(task_id, status, self.author, note)

    def assign(self, task_id: str, assignee: str | None) -> None:
        self.opened.store.assign(task_id, assignee, self.author)

    def add_note(self, task_id: str, note: str) -> None:
        self.opened.store.add_note(task_id, note, self.author)

    def check_item(self, task_id: str, index: int, done: bool) -> None:
        self.opened.store.check_item(task_id, index, done, self.author)

    def save_answers(self, answers: dict, base: dict | None = None) -> SaveResult:
        """Save the answers and adopt the re-opened engagement at once: for a caller that owns the session
        on its own thread (the CLI's tests, scripts). The TUI saves in a worker with `change_answers` and
        adopts on the UI thread."""
        outcome = change_answers(self.opened, self.author, answers, base)
        self.adopt(outcome.opened)
        return outcome.result

    def adopt(self, opened: OpenEngagement) -> None:
        """Show `opened` from now on; the store it replaces is closed (unless it is the same one)."""
        old, self.opened = self.opened, opened
        if old.store is not opened.store:
            old.close()

    def save_overrides(self, overrides: dict) -> SaveResult:
        """Save the RFP edits that differ from the session's; the session's engagement becomes what was
        written (the caller applies the edit to the resolved playbook itself, without a re-open)."""
        current = self.opened.engagement
        result = save_engagement(replace(current), replace(current, overrides=dict(overrides)))
        self.adopt(replace(self.opened, engagement=result.engagement))
        return result

    def close(self) -> None:
        self.opened.close()


@dataclass
class AnswersChanged:
    """What an answer save leaves: the save's result and the engagement to show from now on."""

    result: SaveResult
    opened: OpenEngagement
    """re-opened on the merged answers; or the same store with the written engagement when the task list
    could not follow (`result.sync_error`)"""


def change_answers(
    opened: OpenEngagement, author: str, answers: dict, base: dict | None = None
) -> AnswersChanged:
    """Save the answers that differ from `base` (default: the answers `opened` holds) and re-open, so the
    resolved playbook, plan and task list follow the merged answers. Nothing of `opened` is changed: the
    caller adopts the returned engagement (on its UI thread).

    Raises EditConflict (nothing written) when another writer changed one of the same answers. When the
    file is saved but state.db is busy (`result.sync_busy`), the engagement comes back opened for reading
    on the new answers (resolved playbook and plan follow them): syncing its task list later brings the
    store in step; otherwise `sync_note()` says the task list follows at the next open."""
    current = opened.engagement
    before = replace(current, answers=dict(current.answers if base is None else base))

    def sync(written):
        return sync_answers(opened.store, opened.playbook, written, author)

    result = save_engagement(before, replace(current, answers=dict(answers)), sync=sync)
    if result.sync_error is None:
        try:  # after the folder lock is released: the playbook comes from the cache unless it changed
            return AnswersChanged(result, open_engagement(result.engagement.folder, author))
        except (StoreBusy, sqlite3.Error, EngagementError) as exc:
            result.sync_error = str(exc)
            result.sync_busy = isinstance(exc, StoreBusy)
    try:  # for reading: the plan follows the new answers now, the task list when the lock is free
        return AnswersChanged(result, open_engagement(result.engagement.folder, author, sync=False))
    except (StoreBusy, sqlite3.Error, EngagementError):
        return AnswersChanged(result, replace(opened, engagement=result.engagement))
