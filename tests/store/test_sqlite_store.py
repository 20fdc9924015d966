"""The state store: history on every change, migrations from every version, two processes at once, and a
crash in the middle of a write."""

from __future__ import annotations

import multiprocessing
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from workbench.domain.tracking import Measurement
from workbench.store.migrations import LATEST, MIGRATIONS, migrate, version
from workbench.store.sqlite_store import SQLiteStore, StoreError

ROWS = [("a", "pre_deployment", 2), ("b", "pre_deployment", 0), ("c", "deployment", 1)]


@pytest.fixture
def store(tmp_path):
    with SQLiteStore(tmp_path / "state.db") as s:
        s.sync_tasks(ROWS, "ana")
        yield s


def test_changes_are_kept_with_their_history(store):
    store.set_status("a", "in_progress", "ana")
    store.assign("a", "Reza", "ana")
    store.set_due("a", date(2026, 12, 1), "boris")
    store.add_note("a", "waiting for the sales director", "boris")
    store.check_item("a", 1, True, "ana")
    store.set_status("a", "done", "ana", note="signed off")
    state = store.tasks()["a"]
    assert (state.status, state.assignee, state.due, state.checklist, state.notes) == (
        "done",
        "Reza",
        date(2026, 12, 1),
        [False, True],
        1,
    )
    kinds = [(e.kind, e.old, e.new, e.author) for e in store.history("a")]
    assert kinds == [
        ("create", None, "not_started", "ana"),
        ("status", "not_started", "in_progress", "ana"),
        ("assign", None, "Reza", "ana"),
        ("due", None, "2026-12-01", "boris"),
        ("note", None, None, "boris"),
        ("check", "2", "done", "ana"),
        ("status", "in_progress", "done", "ana"),
    ]
    assert store.history("a")[-1].note == "signed off"


def test_bad_requests_are_refused_clearly(store):
    with pytest.raises(StoreError, match="unknown status 'finished'"):
        store.set_status("a", "finished", "ana")
    with pytest.raises(StoreError, match="no task 'zz'"):
        store.set_status("zz", "done", "ana")
    with pytest.raises(StoreError, match="there is no item 3"):
        store.check_item("a", 2, True, "ana")


def test_answer_changes_archive_and_restore_tasks_with_history(store):
    store.set_status("b", "in_progress", "ana")
    new, archived, restored = store.sync_tasks([("a", "pre_deployment", 2), ("d", "deployment", 0)], "ana")
    assert (new, sorted(archived), restored) == (["d"], ["b", "c"], [])
    assert set(store.tasks()) == {"a", "d"}
    assert store.tasks(include_archived=True)["b"].status == "in_progress"
    with pytest.raises(StoreError, match="archived"):
        store.set_status("b", "done", "ana")
    new, archived, restored = store.sync_tasks(ROWS, "ana")
    assert (new, archived, restored) == ([], ["d"], ["b", "c"])
    assert [e.kind for e in store.history("b")] == ["create", "status", "archive", "restore"]


def test_phase_gate_override_needs_a_reason(store):
    with pytest.raises(StoreError, match="needs a reason"):
        store.close_phase("pre_deployment", "ana", None, ["a"])
    store.close_phase("pre_deployment", "ana", "vendor demo moved; director accepted", ["a"])
    closed = store.closed_phases()["pre_deployment"]
    assert closed["missing"] == ["a"] and closed["override_reason"].startswith("vendor demo")


def test_measurements_round_trip(store):
    store.record_measurements(
        [Measurement("nps", 12, date(2026, 1, 31), "survey"), Measurement("nps", 18.5, date(2026, 2, 28))],
        "ana",
    )
    assert [(m.value, m.measured_on) for m in store.measurements("nps")] == [
        (12.0, date(2026, 1, 31)),
        (18.5, date(2026, 2, 28)),
    ]


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


def _writer(path: str, name: str, count: int) -> None:
    with SQLiteStore(Path(path), timeout=30) as store:
        for i in range(count):
            store.add_note("a", f"{name} {i}", name)
            store.set_status("c", "in_progress" if i % 2 else "blocked", name)


def test_two_processes_write_at_once_and_nothing_is_lost(store, tmp_path):
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(store.path), name, 60)) for name in ("cli", "tui")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    notes = [e.note for e in store.history("a") if e.kind == "note"]
    assert len(notes) == 120
    assert sorted(notes) == sorted([f"{n} {i}" for n in ("cli", "tui") for i in range(60)])
    seqs = [e.seq for e in store.history()]
    assert seqs == sorted(set(seqs))


CRASH = """
import os, sys
from pathlib import Path
from workbench.store.sqlite_store import SQLiteStore
store = SQLiteStore(Path(sys.argv[1]))
orig = store._event
def dying_event(*args, **kwargs):
    orig(*args, **kwargs)
    os._exit(9)  # the process dies after the row change, before the transaction commits
store._event = dying_event
store.set_status("a", "done", "crasher")
"""


def test_a_crash_in_the_middle_of_a_write_leaves_the_store_consistent(store):
    store.set_status("a", "in_progress", "ana")
    before = len(store.history())
    result = subprocess.run(
        [sys.executable, "-c", CRASH, str(store.path)],
        capture_output=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 9
    with SQLiteStore(store.path) as fresh:
        assert fresh.tasks()["a"].status == "in_progress"
        assert len(fresh.history()) == before
        assert fresh.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        fresh.set_status("a", "done", "ana")
        assert fresh.tasks()["a"].status == "done"
