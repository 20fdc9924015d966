"""How the TUI meets a busy state store: notice at once, never freeze, retry off the UI thread.

Another program (a `crmwb task` in a shell, a script) may hold the SQLite write lock. The TUI asks SQLite to
wait only a moment (BUSY_WAIT) before saying so, recognises "busy" from both today's store
(`sqlite3.OperationalError: database is locked`) and a store that raises `StoreBusy`, and opens an
engagement for reading while the lock is held (WAL lets readers in), syncing its task list later.
No Textual here: workers call these functions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from workbench.store.base import StoreBusy

BUSY_WAIT = 0.25
"""seconds a store call may wait for another program's write lock before it is reported busy"""
RETRY_DELAYS = (0.25, 0.5, 1.0, 2.0)
"""pause between attempts while the store stays busy; the last one repeats"""


def is_busy(error: BaseException) -> bool:
    """True when `error` only means "another program is writing": retry later, nothing was written."""
    if isinstance(error, StoreBusy):
        return True
    return isinstance(error, sqlite3.OperationalError) and any(
        word in str(error).lower() for word in ("locked", "busy")
    )


def is_transient(error: BaseException) -> bool:
    """Busy, or the connection was closed under us because an answer save re-opened the engagement:
    trying again (on the new connection) is right."""
    if is_busy(error):
        return True
    return isinstance(error, sqlite3.ProgrammingError) and "closed" in str(error).lower()


def quick_busy(store: object) -> None:
    """Make `store` report a held lock after BUSY_WAIT instead of its default wait (about 10 s)."""
    conn = getattr(store, "conn", None)
    if isinstance(conn, sqlite3.Connection):
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_WAIT * 1000)}")


def write_lock_free(db: Path) -> bool:
    """Whether the write lock of `db` can be taken now (asked without waiting and given back at once).
    A missing file counts as free: opening creates it."""
    if not Path(db).is_file():
        return True
    try:
        conn = sqlite3.connect(db, timeout=BUSY_WAIT, isolation_level=None)
    except sqlite3.Error:
        return True  # let the real open report what is wrong with the file
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError as exc:
        return not is_busy(exc)
    finally:
        conn.close()


def data_version(store: object) -> int | None:
    """A counter that moves when OTHER connections commit: SQLite's PRAGMA data_version, the team store's
    LISTEN/NOTIFY count (PostgresStore.change_counter); None if unknown."""
    counter = getattr(store, "change_counter", None)
    if callable(counter):
        return counter()
    conn = getattr(store, "conn", None)
    if not isinstance(conn, sqlite3.Connection):
        return None
    try:
        return int(conn.execute("PRAGMA data_version").fetchone()[0])
    except sqlite3.Error:
        return None
