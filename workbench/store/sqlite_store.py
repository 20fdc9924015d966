"""The embedded state store: one SQLite file per engagement, WAL mode, one transaction per command.

Every change appends an event with its time and author, so the history of a task is never lost; an
interrupted command rolls back whole. The CLI and the TUI may write at the same time: writers take the
lock up front (BEGIN IMMEDIATE) and wait for each other as the busy policy says (briefly, then StoreBusy;
the CLI retries a few times first). Readers never wait for writers (WAL).

Rows are checked as they are read: a row the program cannot have written (a hand-edited status, a date
that does not parse) is a StoreDataError naming the table, the row and the value, never a crash.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

from workbench.domain.defects import Defect
from workbench.domain.tracking import STATUSES, Baseline, Event, Measurement, TaskState
from workbench.domain.uat import UatResult
from workbench.i18n import _
from workbench.store import undo_hooks
from workbench.store.busy import BusyPolicy, begin_immediate, busy_as_store_busy
from workbench.store.migrations import migrate, transaction
from workbench.store.undo_hooks import CURRENT_INDEX, UNDO_COLUMNS


class StoreError(Exception):
    """A request the store refuses (unknown task, bad status...): the message says what and why."""


class StoreDataError(StoreError):
    """A row in state.db holds a value this program never writes; `message` names table, row and value."""

    def __init__(self, path: Path | str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


def _row_date(
    path: Path | str,
    where,
    column: str,
    text: str | None,
    parse=date.fromisoformat,
    expected: str = "a date YYYY-MM-DD",
):
    """`where` names the row, or is a function that names it: called only for a bad value, so reading
    thousands of good rows never translates a label (it was a quarter of `measurements()`'s time)."""
    if text is None:
        return None
    try:
        return parse(text)
    except (TypeError, ValueError):
        where = where() if callable(where) else where
        raise StoreDataError(
            path,
            _("{where}: {column} {value!r}; expected {expected}").format(
                where=where, column=column, value=text, expected=expected
            ),
        ) from None


def _task_state(
    path: Path | str, row: tuple, checks: dict[str, list[bool]], notes: dict[str, int]
) -> TaskState:
    tid, status, assignee, due, archived = row
    where = _("table tasks, row {task}").format(task=tid)
    if status not in STATUSES:
        raise StoreDataError(
            path,
            _("{where}: status {value!r}; expected one of: {expected}").format(
                where=where, value=status, expected=", ".join(STATUSES)
            ),
        )
    return TaskState(
        tid,
        status,
        assignee,
        _row_date(path, where, "due", due),
        checks.get(tid, []),
        bool(archived),
        notes.get(tid, 0),
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


class SQLiteStore:
    """The StateStore protocol on one SQLite file. `busy` says how long to wait for another writer
    (default: briefly, then StoreBusy); `timeout` alone is a shorthand for that wait, in seconds."""

    def __init__(self, path: Path, timeout: float | None = None, busy: BusyPolicy | None = None):
        self.path = Path(path)
        self.busy = busy or (BusyPolicy(timeout=timeout) if timeout is not None else BusyPolicy.interactive())
        with busy_as_store_busy(self.path):
            self.conn = sqlite3.connect(
                self.path, timeout=self.busy.timeout, isolation_level=None, check_same_thread=False
            )
            try:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
                self.conn.execute("PRAGMA foreign_keys = ON")
                migrate(self.conn, begin=self._begin)
            except BaseException:
                self.conn.close()
                raise

    def _begin(self, conn: sqlite3.Connection) -> None:
        begin_immediate(conn, self.busy, self.path)

    def _write(self):
        """One write transaction, the lock taken up front per the busy policy."""
        return transaction(self.conn, self._begin)

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Nothing to do here (see StateStore.snapshot): the reads are local and quick, and this one
        connection is shared by the TUI's threads, so a read transaction held open here would make a
        worker's write on it fail instead of waiting."""
        yield

    def writable(self) -> bool:
        """Whether changes can be saved here: state.db and its folder writable by this user."""
        return os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK)

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- reading
    def tasks(self, include_archived: bool = False) -> dict[str, TaskState]:
        rows = self.conn.execute(
            "SELECT id, status, assignee, due, archived FROM tasks"
            + ("" if include_archived else " WHERE archived = 0")
        ).fetchall()
        checks: dict[str, list[bool]] = {}
        for task_id, _item, done in self.conn.execute(
            "SELECT task_id, item, done FROM checklist ORDER BY task_id, item"
        ):
            checks.setdefault(task_id, []).append(bool(done))
        notes = dict(
            self.conn.execute("SELECT task_id, COUNT(*) FROM events WHERE kind = 'note' GROUP BY task_id")
        )
        return {row[0]: _task_state(self.path, row, checks, notes) for row in rows}

    def history(self, task_id: str | None = None, limit: int | None = None) -> list[Event]:
        sql = "SELECT seq, task_id, at, author, kind, old, new, note FROM events"
        args: tuple = ()
        if task_id is not None:
            sql, args = sql + " WHERE task_id = ?", (task_id,)
        sql += " ORDER BY seq DESC" + (f" LIMIT {int(limit)}" if limit else "")
        rows = self.conn.execute(sql, args).fetchall()
        return [
            Event(seq, tid, self._event_time(seq, at), author, kind, old, new, note)
            for seq, tid, at, author, kind, old, new, note in reversed(rows)
        ]

    def _event_time(self, seq: int, at: str) -> datetime:
        return _row_date(
            self.path,
            lambda: _("table events, row {seq}").format(seq=seq),
            "at",
            at,
            datetime.fromisoformat,
            "an ISO date and time",
        )

    def measurements(self, kpi_id: str | None = None) -> list[Measurement]:
        sql = "SELECT id, kpi_id, value, measured_on, source, note FROM measurements"
        args: tuple = ()
        if kpi_id is not None:
            sql, args = sql + " WHERE kpi_id = ?", (kpi_id,)
        rows = self.conn.execute(sql + " ORDER BY measured_on, id", args).fetchall()
        return [
            Measurement(
                k,
                v,
                _row_date(
                    self.path, lambda i=i: _("table measurements, row {id}").format(id=i), "measured_on", d
                ),
                s,
                n,
            )
            for i, k, v, d, s, n in rows
        ]

    def latest_measurements(self) -> dict[str, Measurement]:
        """The latest value of each KPI, picked by the database: the portfolio reads fifty engagements."""
        rows = self.conn.execute(
            "SELECT id, kpi_id, value, measured_on, source, note FROM (SELECT *, ROW_NUMBER() OVER"
            " (PARTITION BY kpi_id ORDER BY measured_on DESC, id DESC) AS rank FROM measurements)"
            " WHERE rank = 1"
        ).fetchall()
        return {
            k: Measurement(
                k,
                v,
                _row_date(
                    self.path, lambda i=i: _("table measurements, row {id}").format(id=i), "measured_on", d
                ),
                s,
                n,
            )
            for i, k, v, d, s, n in rows
        }

    def closed_phases(self) -> dict[str, dict]:
        rows = self.conn.execute("SELECT phase, closed_at, author, override_reason, missing FROM phase_gates")
        return {
            phase: {
                "closed_at": at,
                "author": author,
                "override_reason": reason,
                "missing": json.loads(missing),
            }
            for phase, at, author, reason, missing in rows
        }

    def actuals(self) -> dict[str, tuple[datetime | None, datetime | None]]:
        """Task id -> (when it first went in progress, when it last went to done or skipped), from the
        history; one grouped query over the status events, so forecasting never reads every event."""
        rows = self.conn.execute(
            "SELECT task_id, MIN(CASE WHEN new = 'in_progress' THEN seq END),"
            " MAX(CASE WHEN new IN ('done', 'skipped') THEN seq END)"
            " FROM events WHERE kind = 'status' GROUP BY task_id"
        ).fetchall()
        seqs = {s for _tid, a, b in rows for s in (a, b) if s is not None}
        times: dict[int, datetime] = {}
        for chunk in range(0, len(seqs), 500):
            part = sorted(seqs)[chunk : chunk + 500]
            marks = ",".join("?" * len(part))
            for seq, at in self.conn.execute(f"SELECT seq, at FROM events WHERE seq IN ({marks})", part):
                times[seq] = self._event_time(seq, at)
        return {tid: (times.get(a) if a else None, times.get(b) if b else None) for tid, a, b in rows}

    def baselines(self) -> list[Baseline]:
        """Every baseline frozen so far, oldest first; at most one is active."""
        rows = self.conn.execute(
            "SELECT id, created_at, author, reason, active, go_live, finish, tasks FROM baselines ORDER BY id"
        ).fetchall()
        return [self._baseline(row) for row in rows]

    def active_baseline(self) -> Baseline | None:
        return next((b for b in self.baselines() if b.active), None)

    def _baseline(self, row: tuple) -> Baseline:
        bid, at, author, reason, active, go_live, finish, tasks = row
        where = _("table baselines, row {id}").format(id=bid)
        try:
            raw = json.loads(tasks)
            dates = {tid: (date.fromisoformat(s), date.fromisoformat(f)) for tid, (s, f) in raw.items()}
        except (TypeError, ValueError, AttributeError):
            raise StoreDataError(
                self.path,
                _("{where}: tasks {value!r}; expected a JSON map of task id to [start, finish]").format(
                    where=where, value=tasks[:60]
                ),
            ) from None
        return Baseline(
            bid,
            _row_date(self.path, where, "created_at", at, datetime.fromisoformat, "an ISO date and time"),
            author,
            reason,
            bool(active),
            _row_date(self.path, where, "go_live", go_live),
            _row_date(self.path, where, "finish", finish),
            dates,
        )

    # ---- writing
    def save_baseline(
        self,
        tasks: dict[str, tuple[date, date]],
        go_live: date | None,
        finish: date,
        reason: str,
        author: str,
    ) -> int:
        """Freeze a plan as the active baseline; the earlier ones are kept, inactive. Returns its id."""
        if not reason.strip():
            raise StoreError(_("a baseline needs a reason"))
        payload = json.dumps({tid: [s.isoformat(), f.isoformat()] for tid, (s, f) in tasks.items()})
        with self._write():
            previous = self.conn.execute("SELECT id FROM baselines WHERE active = 1").fetchone()
            self.conn.execute("UPDATE baselines SET active = 0 WHERE active = 1")
            cursor = self.conn.execute(
                "INSERT INTO baselines (created_at, author, reason, active, go_live, finish, tasks)"
                " VALUES (?, ?, ?, 1, ?, ?, ?)",
                (
                    _now(),
                    author,
                    reason.strip(),
                    go_live.isoformat() if go_live else None,
                    finish.isoformat(),
                    payload,
                ),
            )
            new_id = cursor.lastrowid
            assert new_id is not None  # an INSERT always sets it
            self._event("plan", author, "baseline", previous[0] if previous else None, new_id, reason.strip())
        return new_id

    def _event(
        self,
        task_id: str,
        author: str,
        kind: str,
        old: object,
        new: object,
        note: str | None = None,
        at: str | None = None,
    ) -> None:
        self.conn.execute(
            "INSERT INTO events (task_id, at, author, kind, old, new, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                task_id,
                at or _now(),
                author,
                kind,
                None if old is None else str(old),
                None if new is None else str(new),
                note,
            ),
        )

    def _current(self, task_id: str) -> tuple:
        row = self.conn.execute(
            "SELECT status, assignee, due, archived FROM tasks WHERE id = ?", (task_id,)
        ).fetchone()
        if row is None:
            raise StoreError(_("no task {task!r} in this engagement").format(task=task_id))
        if row[3]:
            raise StoreError(
                _("task {task!r} is archived: the current answers dropped it").format(task=task_id)
            )
        return row

    def sync_tasks(
        self, resolved: list[tuple[str, str, int]], author: str
    ) -> tuple[list[str], list[str], list[str]]:
        from workbench.domain.tracking import reconcile

        wanted = [tid for tid, _, _ in resolved]
        if not any(reconcile(wanted, self.tasks(include_archived=True))):
            return [], [], []  # in step already: no write lock, so reading never waits for a writer
        with self._write():
            stored = self.tasks(include_archived=True)
            new, archive, restore = reconcile(wanted, stored)
            phases = {tid: (phase, items) for tid, phase, items in resolved}
            for tid in new:
                self.conn.execute("INSERT INTO tasks (id, phase) VALUES (?, ?)", (tid, phases[tid][0]))
                self.conn.executemany(
                    "INSERT OR IGNORE INTO checklist (task_id, item) VALUES (?, ?)",
                    [(tid, i) for i in range(phases[tid][1])],
                )
                self._event(tid, author, "create", None, "not_started")
            for tid in archive:
                self.conn.execute("UPDATE tasks SET archived = 1 WHERE id = ?", (tid,))
                self._event(tid, author, "archive", None, None, "dropped by an answer change")
            for tid in restore:
                self.conn.execute(
                    "UPDATE tasks SET archived = 0, phase = ? WHERE id = ?", (phases[tid][0], tid)
                )
                self._event(tid, author, "restore", None, None, "back after an answer change")
        return new, archive, restore

    def set_status(self, task_id: str, status: str, author: str, note: str | None = None) -> None:
        if status not in STATUSES:
            raise StoreError(
                _("unknown status {status!r}; expected one of: {expected}").format(
                    status=status, expected=", ".join(STATUSES)
                )
            )
        with self._write():
            old = self._current(task_id)[0]
            if old == status:
                return
            self.conn.execute("UPDATE tasks SET status = ? WHERE id = ?", (status, task_id))
            self._event(task_id, author, "status", old, status, note)

    def assign(self, task_id: str, assignee: str | None, author: str) -> None:
        with self._write():
            old = self._current(task_id)[1]
            self.conn.execute("UPDATE tasks SET assignee = ? WHERE id = ?", (assignee, task_id))
            self._event(task_id, author, "assign", old, assignee)

    def set_due(self, task_id: str, due: date | None, author: str) -> None:
        with self._write():
            old = self._current(task_id)[2]
            new = due.isoformat() if due else None
            self.conn.execute("UPDATE tasks SET due = ? WHERE id = ?", (new, task_id))
            self._event(task_id, author, "due", old, new)

    def undo_change(self, task_id: str, change: Sequence[Event], author: str, note: str) -> None:
        """Take `change` back (see domain/task_undo.py): the check that nothing changed the task since
        and the compensating writes in one BEGIN IMMEDIATE transaction, so no writer slips in between."""
        from workbench.domain.task_undo import compensations

        with self._write():
            steps = compensations(self.history(task_id), change)
            undo_hooks.between_check_and_write()
            for kind, value in steps:
                column = UNDO_COLUMNS[kind]
                old = self._current(task_id)[CURRENT_INDEX[column]]
                self.conn.execute(f"UPDATE tasks SET {column} = ? WHERE id = ?", (value, task_id))
                self._event(task_id, author, kind, old, value, note)

    def add_note(self, task_id: str, note: str, author: str) -> None:
        if not note.strip():
            raise StoreError(_("a note needs some text"))
        with self._write():
            self._current(task_id)
            self._event(task_id, author, "note", None, None, note)

    def check_item(self, task_id: str, index: int, done: bool, author: str) -> None:
        with self._write():
            self._current(task_id)
            count = self.conn.execute(
                "SELECT COUNT(*) FROM checklist WHERE task_id = ?", (task_id,)
            ).fetchone()[0]
            if not 0 <= index < count:
                raise StoreError(
                    _("task {task!r} has checklist items 1..{count}; there is no item {item}").format(
                        task=task_id, count=count, item=index + 1
                    )
                )
            self.conn.execute(
                "UPDATE checklist SET done = ? WHERE task_id = ? AND item = ?", (int(done), task_id, index)
            )
            self._event(task_id, author, "check", index + 1, "done" if done else "open")

    def record_measurements(self, items: list[Measurement], author: str) -> int:
        now = _now()
        with self._write():
            self.conn.executemany(
                "INSERT INTO measurements (kpi_id, value, measured_on, source, note, recorded_at, author)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (m.kpi_id, float(m.value), m.measured_on.isoformat(), m.source, m.note, now, author)
                    for m in items
                ],
            )
        return len(items)

    def close_phase(self, phase: str, author: str, override_reason: str | None, missing: list[str]) -> None:
        if missing and not (override_reason or "").strip():
            raise StoreError(
                _("phase {phase} has open gate tasks ({tasks}); closing it anyway needs a reason").format(
                    phase=phase, tasks=", ".join(missing)
                )
            )
        with self._write():
            self.conn.execute(
                "INSERT OR REPLACE INTO phase_gates (phase, closed_at, author, override_reason, missing)"
                " VALUES (?, ?, ?, ?, ?)",
                (phase, _now(), author, override_reason, json.dumps(missing)),
            )
            self._event(f"phase:{phase}", author, "gate", None, "closed", override_reason)

    # ---- acceptance testing: the defect log and UAT results (history in events, keyed `defect:N`)
    def defects(self) -> list[Defect]:
        from workbench.store.defect_rows import DEFECT_COLUMNS, defect_from_row

        rows = self.conn.execute(f"SELECT {DEFECT_COLUMNS} FROM defects ORDER BY number").fetchall()
        return [defect_from_row(self.path, row) for row in rows]

    def log_defect(
        self,
        title: str,
        severity: int,
        requirement: str | None,
        script: str | None,
        owner: str | None,
        author: str,
    ) -> int:
        from workbench.domain.defects import history_key
        from workbench.store.defect_rows import new_defect

        title, severity = new_defect(title, severity)
        with self._write():
            number = self.conn.execute("SELECT COALESCE(MAX(number), 0) + 1 FROM defects").fetchone()[0]
            self.conn.execute(
                "INSERT INTO defects (number, title, severity, requirement, script, status, owner,"
                " created_at, author) VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?)",
                (number, title, severity, requirement or None, script or None, owner or None, _now(), author),
            )
            self._event(history_key(number), author, "defect", None, "open", title)
        return int(number)

    def change_defect(
        self, number: int, field: str, value: str | int | None, author: str, note: str | None = None
    ) -> None:
        from workbench.domain.defects import history_key
        from workbench.store.defect_rows import checked_change

        with self._write():
            defect = self._defect(number)
            new = checked_change(defect, field, value)
            old = getattr(defect, field)
            if old == new:
                return
            # the column is one of DEFECT_FIELDS: checked_change refused any other
            self.conn.execute(f"UPDATE defects SET {field} = ? WHERE number = ?", (new, number))
            self._event(history_key(number), author, f"defect-{field}", old, new, note)

    def _defect(self, number: int) -> Defect:
        from workbench.store.defect_rows import DEFECT_COLUMNS, defect_from_row

        sql = f"SELECT {DEFECT_COLUMNS} FROM defects WHERE number = ?"
        row = self.conn.execute(sql, (number,)).fetchone()
        if row is None:
            raise StoreError(_("no defect {defect} in this engagement's log").format(defect=f"D-{number}"))
        return defect_from_row(self.path, row)

    def record_result(
        self, script: str, result: str, defects: list[int], author: str, note: str | None = None
    ) -> None:
        from workbench.store.defect_rows import checked_result

        with self._write():
            known = {n for (n,) in self.conn.execute("SELECT number FROM defects")}
            listed = checked_result(result, defects, known)
            self.conn.execute(
                "INSERT INTO uat_results (script, result, defects, note, recorded_at, author)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (script, result, listed, note, _now(), author),
            )
            self._event(f"uat:{script}", author, "uat-result", None, result, note)

    def uat_results(self) -> dict[str, UatResult]:
        """Script id -> its latest result."""
        from workbench.store.defect_rows import RESULT_COLUMNS, result_from_row

        rows = self.conn.execute(
            f"SELECT {RESULT_COLUMNS} FROM (SELECT *, ROW_NUMBER() OVER"
            " (PARTITION BY script ORDER BY id DESC) AS rank FROM uat_results) WHERE rank = 1"
        ).fetchall()
        return {row[1]: result_from_row(self.path, row) for row in rows}
