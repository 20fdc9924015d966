"""Schema migrations, applied forward in order; `PRAGMA user_version` records how far a database is.

Never edit a released migration: add a new one. Tests build a database at every earlier version, fill it,
migrate it to the latest and check nothing was lost.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Begin = Callable[[sqlite3.Connection], None]

MIGRATIONS: list[str] = [
    # 1: tasks and their history
    """
    CREATE TABLE tasks (
        id TEXT PRIMARY KEY,
        phase TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'not_started'
            CHECK (status IN ('not_started', 'in_progress', 'blocked', 'done', 'skipped')),
        assignee TEXT,
        due TEXT,
        archived INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        task_id TEXT NOT NULL,
        at TEXT NOT NULL,
        author TEXT NOT NULL,
        kind TEXT NOT NULL,
        old TEXT,
        new TEXT,
        note TEXT
    );
    CREATE INDEX events_task ON events (task_id, seq);
    """,
    # 2: KPI measurements
    """
    CREATE TABLE measurements (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kpi_id TEXT NOT NULL,
        value REAL NOT NULL,
        measured_on TEXT NOT NULL,
        source TEXT,
        note TEXT,
        recorded_at TEXT NOT NULL,
        author TEXT NOT NULL
    );
    CREATE INDEX measurements_kpi ON measurements (kpi_id, measured_on);
    """,
    # 3: checklist items and phase gates
    """
    CREATE TABLE checklist (
        task_id TEXT NOT NULL,
        item INTEGER NOT NULL,
        done INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (task_id, item)
    );
    CREATE TABLE phase_gates (
        phase TEXT PRIMARY KEY,
        closed_at TEXT NOT NULL,
        author TEXT NOT NULL,
        override_reason TEXT,
        missing TEXT NOT NULL DEFAULT '[]'
    );
    """,
    # 4: note counts per task (read by every command) from an index alone, not a scan of every event
    """
    CREATE INDEX events_kind ON events (kind, task_id);
    """,
    # 5: plan baselines: each freeze of the plan is kept; one is active (the one forecasts compare with)
    """
    CREATE TABLE baselines (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        created_at TEXT NOT NULL,
        author TEXT NOT NULL,
        reason TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 0,
        go_live TEXT,
        finish TEXT NOT NULL,
        tasks TEXT NOT NULL
    );
    CREATE UNIQUE INDEX baselines_one_active ON baselines (active) WHERE active = 1;
    """,
]

LATEST = len(MIGRATIONS)


def version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, target: int = LATEST, begin: Begin | None = None) -> int:
    """Apply the missing migrations up to `target`, each in its own transaction; returns the new version."""
    current = version(conn)
    if current > LATEST:
        raise RuntimeError(
            f"the state store has schema version {current}, newer than this crmwb knows "
            f"({LATEST}); upgrade crmwb"
        )
    for number in range(current + 1, target + 1):
        with transaction(conn, begin):
            if version(conn) >= number:  # another process migrated while we waited for the lock
                continue
            for statement in MIGRATIONS[number - 1].split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
    return version(conn)


@contextmanager
def transaction(conn: sqlite3.Connection, begin: Begin | None = None) -> Iterator[sqlite3.Connection]:
    """One write transaction, taken with the write lock up front (no upgrade deadlocks between processes);
    `begin` takes that lock (the store passes one that waits and retries per its busy policy)."""
    if begin is None:
        conn.execute("BEGIN IMMEDIATE")
    else:
        begin(conn)
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
