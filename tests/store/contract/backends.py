"""The two store backends as the contract suite sees them: a picklable spec (child processes open the
same store from it), a way to open it, and a way to hold its write lock from outside, as another program
would."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from workbench.store.busy import BusyPolicy
from workbench.store.sqlite_store import SQLiteStore


@dataclass(frozen=True)
class Spec:
    backend: str  # "sqlite" or "postgresql"
    where: str  # the state.db path, or the libpq address of the team database
    engagement: str = ""

    def open(self, busy: BusyPolicy | None = None, timeout: float | None = None):
        if timeout is not None:
            busy = BusyPolicy(timeout=timeout)
        if self.backend == "sqlite":
            return SQLiteStore(Path(self.where), busy=busy)
        from workbench.store.postgres import PostgresStore

        return PostgresStore(self.where, self.engagement, busy=busy)


@contextmanager
def write_lock_held(spec: Spec) -> Iterator[None]:
    """Another program's write transaction on the same engagement, open for the duration."""
    if spec.backend == "sqlite":
        conn = sqlite3.connect(spec.where, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            conn.execute("ROLLBACK")
            conn.close()
        return
    import psycopg

    from workbench.store.postgres.store import WRITE_LOCK_CLASS

    with psycopg.connect(spec.where) as conn:
        conn.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (WRITE_LOCK_CLASS, spec.engagement))
        try:
            yield
        finally:
            conn.rollback()
