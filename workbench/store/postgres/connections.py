"""The team store's connections: one for a command, a pool only when calls overlap.

A command (`status`, `task done`) makes its calls one after another, so the connection opened first
(the one that migrated the schema) serves them all: one connect per command instead of two, which is
most of what `status` costs over SQLite. A call that finds that connection busy (another thread of the
TUI, or a write made inside a read snapshot) takes one from a psycopg pool that is only made then.
A connection that broke (the server restarted) is replaced before it is handed out again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


class Connections:
    def __init__(self, first: Any, connect: Callable[[], Any], make_pool: Callable[[], Any]) -> None:
        self._first = first
        self._connect = connect
        self._make_pool = make_pool
        self._pool: Any = None
        self._free = threading.Lock()
        """held while the first connection is lent out"""
        self._making = threading.Lock()

    @contextmanager
    def connection(self) -> Iterator[Any]:
        if not self._free.acquire(blocking=False):
            with self._overflow().connection() as conn:
                yield conn
            return
        try:
            if self._first.closed or self._first.broken:
                self._first = self._connect()
            yield self._first
        finally:
            self._tidy(self._first)
            self._free.release()

    @staticmethod
    def _tidy(conn: Any) -> None:
        """Hand the connection back as the pool would: outside any transaction."""
        from psycopg.pq import TransactionStatus

        if not conn.closed and conn.info.transaction_status != TransactionStatus.IDLE:
            conn.rollback()

    def _overflow(self) -> Any:
        with self._making:
            if self._pool is None:
                self._pool = self._make_pool()
            return self._pool

    def close(self) -> None:
        with self._making:
            if self._pool is not None:
                self._pool.close()
        self._first.close()
