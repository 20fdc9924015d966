"""What only the SQLite store has: its file's migrations from every earlier version, and the released
migration texts that must never change. What every store does (history, refusals, busy, crashes, many
processes at once) is the contract suite in tests/store/contract/, run on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from workbench.store.migrations import LATEST, MIGRATIONS, migrate, render, version
from workbench.store.sqlite_store import SQLiteStore


def fill_at_version(path: Path, target: int) -> None:
    """A database as an older crmwb left it, with data in every table that existed then."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target)
    conn.execute(
        "INSERT INTO tasks (id, phase, status, assignee) VALUES ('old', 'deployment', 'blocked', 'Olga')"
    )
    conn.execute(
        "INSERT INTO events (task_id, at, author, kind, old, new) VALUES "
        "('old', '2025-01-01T00:00:00+00:00', 'olga', 'status', 'not_started', 'blocked')"
    )
    if target >= 2:
        conn.execute(
            "INSERT INTO measurements (kpi_id, value, measured_on, recorded_at, author) VALUES "
            "('nps', 7, '2025-01-31', '2025-02-01T00:00:00+00:00', 'olga')"
        )
    conn.close()


@pytest.mark.parametrize("start", range(0, LATEST))
def test_migrates_forward_from_every_earlier_version(tmp_path, start):
    path = tmp_path / "state.db"
    if start:
        fill_at_version(path, start)
    with SQLiteStore(path) as store:
        assert version(store.conn) == LATEST == len(MIGRATIONS)
        if start:
            assert store.tasks()["old"].status == "blocked" and store.history("old")[0].author == "olga"
            store.close_phase("deployment", "ana", "test", ["old"])
        if start >= 2:
            assert store.measurements("nps")[0].value == 7.0


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "state.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    with pytest.raises(RuntimeError, match="upgrade crmwb"):
        SQLiteStore(path)


RELEASED = "48734b262d975141d46fd9038c68e995fadb9f6a87819c9912613c60ed8f38e6"
"""sha256 of the five released migrations' SQLite text; a new migration extends the check, never edits it"""


def test_released_migrations_render_to_the_same_sqlite_text():
    assert hashlib.sha256("\x00".join(MIGRATIONS[:5]).encode()).hexdigest() == RELEASED
    assert render("sqlite") == MIGRATIONS and len(render("postgresql")) == LATEST
