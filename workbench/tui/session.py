"""The TUI's handle on one open engagement: the same OpenEngagement and store calls the CLI makes, plus
the author of changes. Screens call these methods and then refresh; nothing here imports Textual."""

from __future__ import annotations

import gc
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from workbench.domain.governance import Finding, check_governance
from workbench.domain.tracking import StatusReport, TaskState, status_report
from workbench.store.engagement import OpenEngagement, open_engagement, save_answers


@dataclass
class Session:
    opened: OpenEngagement
    author: str
    synced: bool = True
    """False when opened for reading while another program held the write lock: the task list still
    has to follow the answers (the app syncs it in a worker once the lock is free)"""

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
        return check_governance(self.opened.resolved)

    def set_status(self, task_id: str, status: str, note: str | None = None) -> None:
        self.opened.store.set_status(task_id, status, self.author, note)

    def assign(self, task_id: str, assignee: str | None) -> None:
        self.opened.store.assign(task_id, assignee, self.author)

    def add_note(self, task_id: str, note: str) -> None:
        self.opened.store.add_note(task_id, note, self.author)

    def check_item(self, task_id: str, index: int, done: bool) -> None:
        self.opened.store.check_item(task_id, index, done, self.author)

    def save_answers(self, answers: dict) -> None:
        """Save the answers and re-open, so the resolved playbook, plan and task list follow them."""
        save_answers(self.opened.engagement, answers)
        folder = self.folder
        self.opened.close()
        self.opened = open_engagement(folder, self.author)

    def close(self) -> None:
        self.opened.close()
