"""The state store's interface. SQLite is the embedded default; a shared PostgreSQL store for teams would
implement the same protocol (see the README), so commands and the TUI never see which one they use."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Protocol

from workbench.domain.defects import Defect
from workbench.domain.tracking import Baseline, Event, Measurement, TaskState
from workbench.domain.uat import UatResult


class StateStore(Protocol):
    def tasks(self, include_archived: bool = False) -> dict[str, TaskState]: ...

    def history(self, task_id: str | None = None, limit: int | None = None) -> list[Event]: ...

    def sync_tasks(
        self, resolved: list[tuple[str, str, int]], author: str
    ) -> tuple[list[str], list[str], list[str]]:
        """Create, archive and restore tasks to match the resolved playbook: (id, phase, checklist length)."""
        ...

    def set_status(self, task_id: str, status: str, author: str, note: str | None = None) -> None: ...

    def assign(self, task_id: str, assignee: str | None, author: str) -> None: ...

    def set_due(self, task_id: str, due: date | None, author: str) -> None: ...

    def undo_change(self, task_id: str, change: Sequence[Event], author: str, note: str) -> None:
        """Record the compensating events of `change` (one task's events, oldest first) with `note`; the
        check that nothing changed the task since (domain.task_undo.UndoConflict) and the writes are one
        write transaction."""
        ...

    def add_note(self, task_id: str, note: str, author: str) -> None: ...

    def check_item(self, task_id: str, index: int, done: bool, author: str) -> None: ...

    def record_measurements(self, items: list[Measurement], author: str) -> int: ...

    def measurements(self, kpi_id: str | None = None) -> list[Measurement]: ...

    def latest_measurements(self) -> dict[str, Measurement]:
        """KPI id -> its latest value (by date, then by recording order): on track or not needs only it."""
        ...

    def close_phase(
        self, phase: str, author: str, override_reason: str | None, missing: list[str]
    ) -> None: ...

    def closed_phases(self) -> dict[str, dict]: ...

    def actuals(self) -> dict[str, tuple[datetime | None, datetime | None]]:
        """Task id -> (first went in progress, last went done or skipped)."""
        ...

    def baselines(self) -> list[Baseline]: ...

    def active_baseline(self) -> Baseline | None: ...

    def save_baseline(
        self,
        tasks: dict[str, tuple[date, date]],
        go_live: date | None,
        finish: date,
        reason: str,
        author: str,
    ) -> int: ...

    def defects(self) -> list[Defect]:
        """The defect log, by number."""
        ...

    def log_defect(
        self,
        title: str,
        severity: int,
        requirement: str | None,
        script: str | None,
        owner: str | None,
        author: str,
    ) -> int:
        """A new open defect, numbered after the last one; returns its number."""
        ...

    def change_defect(
        self, number: int, field: str, value: str | int | None, author: str, note: str | None = None
    ) -> None:
        """One field of a defect (status along the defect path, severity, owner, requirement, script,
        title), with a history event; an impossible status move is a StoreError saying which are possible."""
        ...

    def record_result(
        self, script: str, result: str, defects: list[int], author: str, note: str | None = None
    ) -> None:
        """A UAT script's result ("pass" or "fail") with the defects it found; earlier results are kept."""
        ...

    def uat_results(self) -> dict[str, UatResult]:
        """Script id -> its latest result."""
        ...

    def close(self) -> None: ...

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads made inside agree with each other (one snapshot): a report that reads tasks, baselines
        and KPIs sees them as of one moment, and a team store answers them in one transaction."""
        ...

    def writable(self) -> bool:
        """Whether this user may change the engagement here (a team store's viewer may not): interfaces
        say "read-only" up front instead of letting each change be refused."""
        ...


class StoreBusy(Exception):
    """Another program holds the write lock longer than this call is willing to wait.

    Interfaces report it at once ("another program is writing; retrying…") and retry off the UI thread;
    nothing was written by the call that raised it."""
