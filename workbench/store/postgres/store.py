"""The StateStore protocol on a shared PostgreSQL database: many engagements, many people at once.

Every row carries its engagement id; a store object speaks for one engagement. Each command is one
transaction. Writers to the same engagement take its advisory lock first, so they queue like SQLite's
BEGIN IMMEDIATE (and READ COMMITTED then sees every earlier commit): the lock wait is the busy policy's
`timeout` (PostgreSQL's lock_timeout), after which the policy's retries follow and then StoreBusy, as with
SQLite. A serialisation failure or deadlock (SQLSTATE 40001, 40P01) re-runs the whole command, a bounded
number of times with a growing, jittered pause. Reads run in one REPEATABLE READ snapshot per call and
never wait for writers. A process that dies mid-command loses only its open transaction: the server rolls
it back when the connection drops.

Connections come from psycopg's pool (the TUI calls from worker threads). Rows are checked as they are
read, as in SQLite: a value this program never writes is a StoreDataError naming table, row and value.
"""

from __future__ import annotations

import json
import random
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING, TypeVar

from workbench.domain.defects import Defect
from workbench.domain.tracking import STATUSES, Baseline, Event, Measurement, TaskState
from workbench.domain.uat import UatResult
from workbench.i18n import _
from workbench.store import undo_hooks
from workbench.store.base import StoreBusy
from workbench.store.busy import BusyPolicy
from workbench.store.postgres.address import SCHEMA, check_address, import_psycopg, redacted
from workbench.store.postgres.connections import Connections
from workbench.store.postgres.schema import migrate
from workbench.store.sqlite_store import StoreDataError, StoreError, _now, _row_date, _task_state
from workbench.store.undo_hooks import CURRENT_INDEX, UNDO_COLUMNS

if TYPE_CHECKING:
    from psycopg import Connection

T = TypeVar("T")

WRITE_LOCK_CLASS = 0x63726D77
"""first half of an engagement's advisory lock key ('crmw'); the second is hashtext(engagement id)"""
CONFLICT_RETRIES = 8
"""times a command is re-run after a serialisation failure or deadlock before the error is raised"""
CONFLICT_PAUSE = 0.01
"""seconds before the first re-run; doubles (with jitter) up to CONFLICT_PAUSE_MAX"""
CONFLICT_PAUSE_MAX = 0.5
CONFLICT_STATES = {"40001", "40P01"}
BUSY_STATE = "55P03"  # lock_not_available: lock_timeout expired waiting for another writer
CHANGES_CHANNEL = "crmwb_changes"
"""NOTIFY channel: every committed write says which engagement it changed, and which store object wrote it"""
READ_ONLY_STATE = "42501"  # insufficient_privilege: a viewer's role may not write


class StoreReadOnly(StoreError):
    """The database refused a write because the connected role may only read (see roles.py)."""


class PostgresStore:
    """One engagement's state in a team database at `address` (no password in it: see address.py).

    `engagement` is the id its rows are keyed by; opening creates it if the database does not hold it yet
    (with `create=False`, a missing engagement is a StoreError). `busy` as for SQLiteStore."""

    def __init__(
        self,
        address: str,
        engagement: str,
        busy: BusyPolicy | None = None,
        *,
        create: bool = True,
        pool_size: int = 4,
    ):
        psycopg = import_psycopg()
        from psycopg_pool import ConnectionPool

        params = check_address(address)
        if not engagement.strip():
            raise StoreError(_("an engagement in the team store needs an id"))
        self.address = address
        self.engagement = engagement
        self.path = f"{redacted(address)}#{engagement}"
        """where the rows are, for messages (StoreDataError names it like a state.db path)"""
        self.busy = busy or BusyPolicy.interactive()
        self._errors = psycopg.errors
        self._token = uuid.uuid4().hex
        """names this store object's own NOTIFYs, which change_counter() does not count"""
        self._listener: Connection | None = None
        self._snapshot = threading.local()
        """this thread's open snapshot() connection, if any"""
        self._changes = 0
        self._params: dict = {}
        params.setdefault("connect_timeout", "10")
        params["options"] = (params.get("options", "") + f" -c search_path={SCHEMA}").strip()
        first = None
        try:
            first = psycopg.connect(**params, autocommit=True)
            migrate(first)
            self._register(first, create)
            first.autocommit = False  # as a pool's connections are: every call opens its transaction
        except BaseException as exc:
            if first is not None:
                first.close()
            if not isinstance(exc, psycopg.OperationalError):
                raise
            raise StoreError(
                _("cannot reach the team store at {address}: {reason}").format(
                    address=redacted(address), reason=str(exc).strip()
                )
            ) from None
        self.pool = Connections(
            first,
            lambda: psycopg.connect(**params),
            lambda: ConnectionPool(
                kwargs=params, min_size=1, max_size=pool_size, open=True, name=f"crmwb-{engagement}"
            ),
        )
        self._params = params

    def _register(self, conn, create: bool) -> None:
        """Know the engagement (or create its row), on the connection that migrated."""
        known = conn.execute("SELECT 1 FROM engagements WHERE id = %s", (self.engagement,)).fetchone()
        if known:
            return
        if not create:
            raise StoreError(
                _("the team store at {address} holds no engagement {engagement!r}").format(
                    address=redacted(self.address), engagement=self.engagement
                )
            )
        conn.execute(
            "INSERT INTO engagements (id, created_at) VALUES (%s, %s) ON CONFLICT DO NOTHING",
            (self.engagement, _now()),
        )

    def close(self) -> None:
        self._stop_listening()
        self.pool.close()

    def writable(self) -> bool:
        """Whether the database role may write the engagement's rows (an editor) or only read them (a
        viewer): asked of PostgreSQL, which enforces it either way."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT has_table_privilege(current_user, %s, 'INSERT')", (f"{SCHEMA}.events",)
            ).fetchone()
        return bool(row and row[0])

    # ---- changes made by others
    def change_counter(self) -> int | None:
        """How many writes OTHER store objects (other processes, other laptops) have committed to this
        engagement since this one started listening: the team database's counterpart of SQLite's
        `PRAGMA data_version`, read by the TUI's watcher. LISTEN/NOTIFY: a look is one poll of a socket,
        no query. None when the listening connection cannot be made (the watcher then relies on Ctrl+R)."""
        listener = self._listener or self._listen()
        if listener is None:
            return None
        try:
            for note in listener.notifies(timeout=0):
                token, _space, engagement = note.payload.partition(" ")
                if engagement == self.engagement and token != self._token:
                    self._changes += 1
        except self._errors.Error:
            self._stop_listening()  # a lost connection: listen again at the next look
            return None
        return self._changes

    def _listen(self) -> Connection | None:
        import psycopg

        try:
            listener = psycopg.connect(**self._params, autocommit=True)
            listener.execute(f"LISTEN {CHANGES_CHANNEL}")
        except psycopg.Error:
            return None
        self._listener = listener
        return listener

    def _stop_listening(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            try:
                listener.close()
            except Exception:  # noqa: BLE001 - closing a broken connection: nothing left to save
                pass

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- transactions
    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Every read of this thread inside runs in one read-only transaction (see
        StateStore.snapshot): one BEGIN and COMMIT instead of one pair per read."""
        if getattr(self._snapshot, "conn", None) is not None:
            yield
            return
        with self._read() as conn:
            self._snapshot.conn = conn
            try:
                yield
            finally:
                self._snapshot.conn = None

    @contextmanager
    def _read(self) -> Iterator:
        """One consistent snapshot for a read of several queries; never waits for a writer."""
        from psycopg import IsolationLevel

        shared = getattr(self._snapshot, "conn", None)
        if shared is not None:
            yield shared
            return
        with self.pool.connection() as conn:
            # set on the connection, so the BEGIN itself says it: one round trip less per read
            conn.isolation_level, conn.read_only = IsolationLevel.REPEATABLE_READ, True
            try:
                with conn.transaction():
                    yield conn
            finally:
                if not conn.closed:  # writes use the server's defaults
                    conn.isolation_level, conn.read_only = None, None

    def _write(self, work: Callable[..., T]) -> T:
        """Run `work(conn)` as one transaction holding the engagement's write lock; re-run it on a
        serialisation failure or deadlock, wait for the lock per the busy policy, then StoreBusy."""
        conflicts, busy_attempt, busy_pause = 0, 0, self.busy.first_pause
        while True:
            try:
                with self.pool.connection() as conn:
                    with conn.transaction():
                        conn.execute(f"SET LOCAL lock_timeout = {max(1, int(self.busy.timeout * 1000))}")
                        conn.execute(
                            "SELECT pg_advisory_xact_lock(%s, hashtext(%s))",
                            (WRITE_LOCK_CLASS, self.engagement),
                        )
                        conn.execute("SET LOCAL lock_timeout = 0")
                        result = work(conn)
                        # delivered on commit only, so a listener never sees a change that was rolled back
                        conn.execute(
                            "SELECT pg_notify(%s, %s)", (CHANGES_CHANNEL, f"{self._token} {self.engagement}")
                        )
                        return result
            except self._errors.Error as exc:
                state = getattr(exc, "sqlstate", None)
                if state in CONFLICT_STATES and conflicts < CONFLICT_RETRIES:
                    pause = min(CONFLICT_PAUSE_MAX, CONFLICT_PAUSE * 2**conflicts)
                    conflicts += 1
                    time.sleep(pause * random.uniform(0.5, 1.5))
                    continue
                if state == READ_ONLY_STATE:
                    raise StoreReadOnly(
                        _(
                            "{path}: the team store refused the change: your database role may "
                            "only read this engagement (a viewer)"
                        ).format(path=self.path)
                    ) from None
                if state != BUSY_STATE:
                    raise
                if busy_attempt >= self.busy.retries:
                    raise StoreBusy(
                        _("{path}: another program is writing to this engagement; retry in a moment").format(
                            path=self.path
                        )
                    ) from None
                if self.busy.on_wait:
                    self.busy.on_wait(
                        _(
                            "{path} is busy (another program is writing to it); retrying in {pause:.2g} s"
                        ).format(path=self.path, pause=busy_pause)
                    )
                time.sleep(busy_pause)
                busy_attempt, busy_pause = busy_attempt + 1, busy_pause * 2

    # ---- reading
    def tasks(self, include_archived: bool = False) -> dict[str, TaskState]:
        with self._read() as conn:
            return self._tasks(conn, include_archived)

    def _tasks(self, conn, include_archived: bool) -> dict[str, TaskState]:
        key = (self.engagement,)
        rows = conn.execute(
            "SELECT id, status, assignee, due, archived FROM tasks WHERE engagement = %s"
            + ("" if include_archived else " AND archived = 0"),
            key,
        ).fetchall()
        checks: dict[str, list[bool]] = {}
        for task_id, _item, done in conn.execute(
            "SELECT task_id, item, done FROM checklist WHERE engagement = %s ORDER BY task_id, item", key
        ):
            checks.setdefault(task_id, []).append(bool(done))
        notes = dict(
            conn.execute(
                "SELECT task_id, COUNT(*) FROM events WHERE engagement = %s AND kind = 'note'"
                " GROUP BY task_id",
                key,
            ).fetchall()
        )
        return {row[0]: _task_state(self.path, row, checks, notes) for row in rows}

    def history(self, task_id: str | None = None, limit: int | None = None) -> list[Event]:
        sql = "SELECT seq, task_id, at, author, kind, old, new, note FROM events WHERE engagement = %s"
        args: tuple = (self.engagement,)
        if task_id is not None:
            sql, args = sql + " AND task_id = %s", args + (task_id,)
        sql += " ORDER BY seq DESC" + (f" LIMIT {int(limit)}" if limit else "")
        with self._read() as conn:
            rows = conn.execute(sql, args).fetchall()
            numbers = self._baseline_numbers(conn) if any(row[4] == "baseline" for row in rows) else {}
        return [
            Event(
                seq, tid, self._event_time(seq, at), author, kind, *_numbered(kind, old, new, numbers), note
            )
            for seq, tid, at, author, kind, old, new, note in reversed(rows)
        ]

    def _baseline_numbers(self, conn) -> dict[str, str]:
        """A baseline's row id -> its number within this engagement (1, 2, ...). The team database numbers
        rows across every engagement, so the row id is not what a user of one engagement should see: the
        number is what SQLite gives the same engagement, and what `store move` preserves."""
        ids = conn.execute(
            "SELECT id FROM baselines WHERE engagement = %s ORDER BY id", (self.engagement,)
        ).fetchall()
        return {str(row[0]): str(number) for number, row in enumerate(ids, start=1)}

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
        sql = "SELECT id, kpi_id, value, measured_on, source, note FROM measurements WHERE engagement = %s"
        args: tuple = (self.engagement,)
        if kpi_id is not None:
            sql, args = sql + " AND kpi_id = %s", args + (kpi_id,)
        with self._read() as conn:
            rows = conn.execute(sql + " ORDER BY measured_on, id", args).fetchall()
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
        with self._read() as conn:
            rows = conn.execute(
                "SELECT DISTINCT ON (kpi_id) id, kpi_id, value, measured_on, source, note FROM measurements"
                " WHERE engagement = %s ORDER BY kpi_id, measured_on DESC, id DESC",
                (self.engagement,),
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
        with self._read() as conn:
            rows = conn.execute(
                "SELECT phase, closed_at, author, override_reason, missing FROM phase_gates"
                " WHERE engagement = %s",
                (self.engagement,),
            ).fetchall()
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
        """Task id -> (first went in progress, last went done or skipped), in one grouped query."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT task_id, MIN(CASE WHEN new = 'in_progress' THEN seq END),"
                " MAX(CASE WHEN new IN ('done', 'skipped') THEN seq END)"
                " FROM events WHERE engagement = %s AND kind = 'status' GROUP BY task_id",
                (self.engagement,),
            ).fetchall()
            seqs = sorted({s for _tid, a, b in rows for s in (a, b) if s is not None})
            stamps = conn.execute("SELECT seq, at FROM events WHERE seq = ANY(%s)", (seqs,)).fetchall()
        times = {seq: self._event_time(seq, at) for seq, at in stamps}
        return {tid: (times.get(a) if a else None, times.get(b) if b else None) for tid, a, b in rows}

    def baselines(self) -> list[Baseline]:
        """Every baseline frozen so far, oldest first; at most one is active."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT id, created_at, author, reason, active, go_live, finish, tasks"
                " FROM baselines WHERE engagement = %s ORDER BY id",
                (self.engagement,),
            ).fetchall()
        # numbered within the engagement, as in history(): see _baseline_numbers
        return [replace(self._baseline(row), id=number) for number, row in enumerate(rows, start=1)]

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
    def _event(
        self, conn, task_id: str, author: str, kind: str, old: object, new: object, note: str | None = None
    ) -> None:
        conn.execute(
            "INSERT INTO events (engagement, task_id, at, author, kind, old, new, note)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            (
                self.engagement,
                task_id,
                _now(),
                author,
                kind,
                None if old is None else str(old),
                None if new is None else str(new),
                note,
            ),
        )

    def _current(self, conn, task_id: str) -> tuple:
        row = conn.execute(
            "SELECT status, assignee, due, archived FROM tasks WHERE engagement = %s AND id = %s",
            (self.engagement, task_id),
        ).fetchone()
        if row is None:
            raise StoreError(_("no task {task!r} in this engagement").format(task=task_id))
        if row[3]:
            raise StoreError(
                _("task {task!r} is archived: the current answers dropped it").format(task=task_id)
            )
        return row

    def save_baseline(
        self,
        tasks: dict[str, tuple[date, date]],
        go_live: date | None,
        finish: date,
        reason: str,
        author: str,
    ) -> int:
        """Freeze a plan as the active baseline; the earlier ones are kept, inactive. Returns its number."""
        if not reason.strip():
            raise StoreError(_("a baseline needs a reason"))
        payload = json.dumps({tid: [s.isoformat(), f.isoformat()] for tid, (s, f) in tasks.items()})

        def work(conn) -> int:
            key = (self.engagement,)
            previous = conn.execute(
                "SELECT id FROM baselines WHERE engagement = %s AND active = 1", key
            ).fetchone()
            conn.execute("UPDATE baselines SET active = 0 WHERE engagement = %s AND active = 1", key)
            new_id = conn.execute(
                "INSERT INTO baselines (engagement, created_at, author, reason, active, go_live, finish,"
                " tasks) VALUES (%s, %s, %s, %s, 1, %s, %s, %s) RETURNING id",
                (
                    self.engagement,
                    _now(),
                    author,
                    reason.strip(),
                    go_live.isoformat() if go_live else None,
                    finish.isoformat(),
                    payload,
                ),
            ).fetchone()[0]
            self._event(
                conn, "plan", author, "baseline", previous[0] if previous else None, new_id, reason.strip()
            )
            count = conn.execute("SELECT count(*) FROM baselines WHERE engagement = %s", key).fetchone()[0]
            return int(count)  # its number within the engagement, as baselines() gives it

        return self._write(work)

    def sync_tasks(
        self, resolved: list[tuple[str, str, int]], author: str
    ) -> tuple[list[str], list[str], list[str]]:
        from workbench.domain.tracking import reconcile

        wanted = [tid for tid, _phase, _items in resolved]
        if not any(reconcile(wanted, self.tasks(include_archived=True))):
            return [], [], []  # in step already: no write lock, so reading never waits for a writer
        phases = {tid: (phase, items) for tid, phase, items in resolved}

        def work(conn):
            new, archive, restore = reconcile(wanted, self._tasks(conn, True))
            for tid in new:
                conn.execute(
                    "INSERT INTO tasks (engagement, id, phase) VALUES (%s, %s, %s)",
                    (self.engagement, tid, phases[tid][0]),
                )
                with conn.cursor() as cur:
                    cur.executemany(
                        "INSERT INTO checklist (engagement, task_id, item) VALUES (%s, %s, %s)"
                        " ON CONFLICT DO NOTHING",
                        [(self.engagement, tid, i) for i in range(phases[tid][1])],
                    )
                self._event(conn, tid, author, "create", None, "not_started")
            for tid in archive:
                conn.execute(
                    "UPDATE tasks SET archived = 1 WHERE engagement = %s AND id = %s", (self.engagement, tid)
                )
                self._event(conn, tid, author, "archive", None, None, "dropped by an answer change")
            for tid in restore:
                conn.execute(
                    "UPDATE tasks SET archived = 0, phase = %s WHERE engagement = %s AND id = %s",
                    (phases[tid][0], self.engagement, tid),
                )
                self._event(conn, tid, author, "restore", None, None, "back after an answer change")
            return new, archive, restore

        return self._write(work)

    def set_status(self, task_id: str, status: str, author: str, note: str | None = None) -> None:
        if status not in STATUSES:
            raise StoreError(
                _("unknown status {status!r}; expected one of: {expected}").format(
                    status=status, expected=", ".join(STATUSES)
                )
            )

        def work(conn) -> None:
            old = self._current(conn, task_id)[0]
            if old == status:
                return
            conn.execute(
                "UPDATE tasks SET status = %s WHERE engagement = %s AND id = %s",
                (status, self.engagement, task_id),
            )
            self._event(conn, task_id, author, "status", old, status, note)

        self._write(work)

    def assign(self, task_id: str, assignee: str | None, author: str) -> None:
        def work(conn) -> None:
            old = self._current(conn, task_id)[1]
            conn.execute(
                "UPDATE tasks SET assignee = %s WHERE engagement = %s AND id = %s",
                (assignee, self.engagement, task_id),
            )
            self._event(conn, task_id, author, "assign", old, assignee)

        self._write(work)

    def set_due(self, task_id: str, due: date | None, author: str) -> None:
        new = due.isoformat() if due else None

        def work(conn) -> None:
            old = self._current(conn, task_id)[2]
            conn.execute(
                "UPDATE tasks SET due = %s WHERE engagement = %s AND id = %s", (new, self.engagement, task_id)
            )
            self._event(conn, task_id, author, "due", old, new)

        self._write(work)

    def undo_change(self, task_id: str, change: Sequence[Event], author: str, note: str) -> None:
        """Take `change` back (see domain/task_undo.py): in one transaction holding the engagement's write
        lock and its row in `engagements` (FOR UPDATE), the check that nothing changed the task since and
        the compensating writes, so no writer slips in between."""
        from workbench.domain.task_undo import compensations

        def work(conn) -> None:
            conn.execute("SELECT id FROM engagements WHERE id = %s FOR UPDATE", (self.engagement,))
            rows = conn.execute(
                "SELECT seq, task_id, at, author, kind, old, new, note FROM events"
                " WHERE engagement = %s AND task_id = %s AND kind IN ('status', 'assign', 'due')"
                " ORDER BY seq",
                (self.engagement, task_id),
            ).fetchall()
            history = [Event(r[0], r[1], self._event_time(r[0], r[2]), *r[3:]) for r in rows]
            steps = compensations(history, change)
            undo_hooks.between_check_and_write()
            for kind, value in steps:
                column = UNDO_COLUMNS[kind]
                old = self._current(conn, task_id)[CURRENT_INDEX[column]]
                conn.execute(
                    f"UPDATE tasks SET {column} = %s WHERE engagement = %s AND id = %s",
                    (value, self.engagement, task_id),
                )
                self._event(conn, task_id, author, kind, old, value, note)

        self._write(work)

    def add_note(self, task_id: str, note: str, author: str) -> None:
        if not note.strip():
            raise StoreError(_("a note needs some text"))

        def work(conn) -> None:
            self._current(conn, task_id)
            self._event(conn, task_id, author, "note", None, None, note)

        self._write(work)

    def check_item(self, task_id: str, index: int, done: bool, author: str) -> None:
        def work(conn) -> None:
            self._current(conn, task_id)
            count = conn.execute(
                "SELECT COUNT(*) FROM checklist WHERE engagement = %s AND task_id = %s",
                (self.engagement, task_id),
            ).fetchone()[0]
            if not 0 <= index < count:
                raise StoreError(
                    _("task {task!r} has checklist items 1..{count}; there is no item {item}").format(
                        task=task_id, count=count, item=index + 1
                    )
                )
            conn.execute(
                "UPDATE checklist SET done = %s WHERE engagement = %s AND task_id = %s AND item = %s",
                (int(done), self.engagement, task_id, index),
            )
            self._event(conn, task_id, author, "check", index + 1, "done" if done else "open")

        self._write(work)

    def record_measurements(self, items: list[Measurement], author: str) -> int:
        now = _now()
        rows = [
            (
                self.engagement,
                m.kpi_id,
                float(m.value),
                m.measured_on.isoformat(),
                m.source,
                m.note,
                now,
                author,
            )
            for m in items
        ]

        def work(conn) -> None:
            with conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO measurements (engagement, kpi_id, value, measured_on, source, note,"
                    " recorded_at, author) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                    rows,
                )

        self._write(work)
        return len(items)

    def close_phase(self, phase: str, author: str, override_reason: str | None, missing: list[str]) -> None:
        if missing and not (override_reason or "").strip():
            raise StoreError(
                _("phase {phase} has open gate tasks ({tasks}); closing it anyway needs a reason").format(
                    phase=phase, tasks=", ".join(missing)
                )
            )

        def work(conn) -> None:
            conn.execute(
                "INSERT INTO phase_gates (engagement, phase, closed_at, author, override_reason, missing)"
                " VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (engagement, phase) DO UPDATE SET"
                " closed_at = EXCLUDED.closed_at, author = EXCLUDED.author,"
                " override_reason = EXCLUDED.override_reason, missing = EXCLUDED.missing",
                (self.engagement, phase, _now(), author, override_reason, json.dumps(missing)),
            )
            self._event(conn, f"phase:{phase}", author, "gate", None, "closed", override_reason)

        self._write(work)

    # ---- acceptance testing: the defect log and UAT results (history in events, keyed `defect:N`)
    def defects(self) -> list[Defect]:
        from workbench.store.defect_rows import DEFECT_COLUMNS, defect_from_row

        with self._read() as conn:
            rows = conn.execute(
                f"SELECT {DEFECT_COLUMNS} FROM defects WHERE engagement = %s ORDER BY number",
                (self.engagement,),
            ).fetchall()
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

        def work(conn) -> int:
            number = conn.execute(
                "SELECT COALESCE(MAX(number), 0) + 1 FROM defects WHERE engagement = %s", (self.engagement,)
            ).fetchone()[0]
            conn.execute(
                "INSERT INTO defects (engagement, number, title, severity, requirement, script, status,"
                " owner, created_at, author) VALUES (%s, %s, %s, %s, %s, %s, 'open', %s, %s, %s)",
                (
                    self.engagement,
                    number,
                    title,
                    severity,
                    requirement or None,
                    script or None,
                    owner or None,
                    _now(),
                    author,
                ),
            )
            self._event(conn, history_key(number), author, "defect", None, "open", title)
            return int(number)

        return self._write(work)

    def change_defect(
        self, number: int, field: str, value: str | int | None, author: str, note: str | None = None
    ) -> None:
        from workbench.domain.defects import history_key
        from workbench.store.defect_rows import DEFECT_COLUMNS, checked_change, defect_from_row

        def work(conn) -> None:
            row = conn.execute(
                f"SELECT {DEFECT_COLUMNS} FROM defects WHERE engagement = %s AND number = %s",
                (self.engagement, number),
            ).fetchone()
            if row is None:
                raise StoreError(
                    _("no defect {defect} in this engagement's log").format(defect=f"D-{number}")
                )
            defect = defect_from_row(self.path, row)
            new = checked_change(defect, field, value)
            old = getattr(defect, field)
            if old == new:
                return
            conn.execute(  # field: one of DEFECT_FIELDS, checked above
                f"UPDATE defects SET {field} = %s WHERE engagement = %s AND number = %s",
                (new, self.engagement, number),
            )
            self._event(conn, history_key(number), author, f"defect-{field}", old, new, note)

        self._write(work)

    def record_result(
        self, script: str, result: str, defects: list[int], author: str, note: str | None = None
    ) -> None:
        from workbench.store.defect_rows import checked_result

        def work(conn) -> None:
            rows = conn.execute("SELECT number FROM defects WHERE engagement = %s", (self.engagement,))
            known = {n for (n,) in rows}
            listed = checked_result(result, defects, known)
            conn.execute(
                "INSERT INTO uat_results (engagement, script, result, defects, note, recorded_at, author)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s)",
                (self.engagement, script, result, listed, note, _now(), author),
            )
            self._event(conn, f"uat:{script}", author, "uat-result", None, result, note)

        self._write(work)

    def uat_results(self) -> dict[str, UatResult]:
        """Script id -> its latest result."""
        from workbench.store.defect_rows import RESULT_COLUMNS, result_from_row

        with self._read() as conn:
            rows = conn.execute(
                f"SELECT DISTINCT ON (script) {RESULT_COLUMNS} FROM uat_results WHERE engagement = %s"
                " ORDER BY script, id DESC",
                (self.engagement,),
            ).fetchall()
        return {row[1]: result_from_row(self.path, row) for row in rows}


def _numbered(kind: str, old, new, numbers: dict[str, str]) -> tuple[str | None, str | None]:
    """A baseline event's old/new row ids as the engagement's baseline numbers; other events as they are."""
    if kind != "baseline":
        return old, new
    return (
        numbers.get(str(old), old) if old is not None else None,
        numbers.get(str(new), new) if new is not None else None,
    )
