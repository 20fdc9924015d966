"""How long a call waits for another program's SQLite write lock, and what it does after.

Interactive calls (the TUI) wait only briefly and raise StoreBusy, so the screen can say so at once and
never freezes for seconds. The CLI retries a few times with a growing pause, saying so on stderr, before
giving up with a clear message. `CRMWB_BUSY_TIMEOUT_MS` and `CRMWB_BUSY_RETRIES` tune both.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from workbench.i18n import _
from workbench.store.base import StoreBusy

DEFAULT_TIMEOUT_MS = 250
CLI_RETRIES = 4
_BUSY_CODES = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED (extended codes keep these in the low byte)


def _env_number(name: str, default: float) -> float:
    try:
        return max(0.0, float(os.environ.get(name, "")))
    except ValueError:
        return default


@dataclass(frozen=True)
class BusyPolicy:
    """`timeout` seconds of SQLite's own wait per attempt, then `retries` more attempts after pauses of
    `first_pause`, doubling; `on_wait(message)` hears about each pause (the CLI prints it)."""

    timeout: float = DEFAULT_TIMEOUT_MS / 1000
    retries: int = 0
    first_pause: float = 0.25
    on_wait: Callable[[str], None] | None = None

    @classmethod
    def interactive(cls) -> BusyPolicy:
        return cls(timeout=_env_number("CRMWB_BUSY_TIMEOUT_MS", DEFAULT_TIMEOUT_MS) / 1000)

    @classmethod
    def command_line(cls, on_wait: Callable[[str], None] | None = None) -> BusyPolicy:
        retries = int(_env_number("CRMWB_BUSY_RETRIES", CLI_RETRIES))
        return cls(
            timeout=_env_number("CRMWB_BUSY_TIMEOUT_MS", DEFAULT_TIMEOUT_MS) / 1000,
            retries=retries,
            on_wait=on_wait,
        )


def is_busy(exc: BaseException) -> bool:
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _BUSY_CODES
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def busy_error(path: object) -> StoreBusy:
    return StoreBusy(_("{path}: another program is writing to state.db; retry in a moment").format(path=path))


@contextmanager
def busy_as_store_busy(path: object) -> Iterator[None]:
    """SQLite's 'database is locked' becomes StoreBusy with a message a person can act on."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        if is_busy(exc):
            raise busy_error(path) from None
        raise


def begin_immediate(conn: sqlite3.Connection, policy: BusyPolicy, path: object) -> None:
    """Take the write lock up front, retrying per `policy`; nothing has been written when this raises."""
    pause = policy.first_pause
    for attempt in range(policy.retries + 1):
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if not is_busy(exc):
                raise
            if attempt == policy.retries:
                raise busy_error(path) from None
        if policy.on_wait:
            policy.on_wait(
                _("{path} is busy (another program is writing to it); retrying in {pause:.2g} s").format(
                    path=path, pause=pause
                )
            )
        time.sleep(pause)
        pause *= 2
