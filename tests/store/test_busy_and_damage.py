"""state.db held by another program, missing, emptied or holding rows this program never writes: each
is a clear message and a documented exit code, never a wait of seconds, a silent reset or exit 70.

A held lock is met by real `crmwb` processes (the lock is between programs); a damaged or missing store is
met by the same `main(argv)` in this process (`run_cli`), which returns the code the process exits with."""

from __future__ import annotations

import inspect
import sqlite3

import pytest
import yaml

from tests.engagement.concurrency_helpers import crmwb, write_lock_held
from tests.engagement.lifecycle_helpers import answers_of, fresh_engagement, states
from workbench.store.base import StateStore, StoreBusy
from workbench.store.sqlite_store import SQLiteStore

QUICK = {"CRMWB_BUSY_RETRIES": "1"}
TASK = "pre-01-kickoff"


# ---- busy
def test_a_held_write_lock_raises_store_busy_and_reading_still_works(tmp_path):
    folder = fresh_engagement(tmp_path)
    with write_lock_held(folder / "state.db"), SQLiteStore(folder / "state.db") as store:
        assert store.tasks()[TASK].status == "not_started"  # WAL: readers never wait for the writer
        with pytest.raises(StoreBusy, match="another program is writing to state.db; retry in a moment"):
            store.set_status(TASK, "done", "ana")
        assert store.busy.timeout == 0.25 and store.busy.retries == 0
    assert states(folder)[TASK].status == "not_started"


def test_the_wait_is_configurable(tmp_path, monkeypatch):
    monkeypatch.setenv("CRMWB_BUSY_TIMEOUT_MS", "40")
    with SQLiteStore(tmp_path / "state.db") as store:
        assert store.busy.timeout == 0.04


def test_the_cli_retries_then_exits_75_with_a_clear_message_and_status_reads_meanwhile(tmp_path):
    folder = fresh_engagement(tmp_path)
    with write_lock_held(folder / "state.db"):
        changed = crmwb("task", str(folder), "start", TASK, env=QUICK)
        status = crmwb("status", str(folder), env=QUICK)
    assert changed.returncode == 75, changed.stderr
    assert "is busy (another program is writing to it); retrying in 0.25 s" in changed.stderr
    assert "another program is writing to state.db; retry in a moment" in changed.stderr
    assert "internal error" not in changed.stderr
    assert status.returncode == 0 and "Example" in status.stdout
    assert states(folder)[TASK].status == "not_started"
    after = crmwb("task", str(folder), "start", TASK)
    assert after.returncode == 0 and states(folder)[TASK].status == "in_progress"


def test_a_busy_store_after_an_answer_save_says_what_was_saved_and_the_next_command_syncs(tmp_path):
    folder = fresh_engagement(tmp_path)
    with write_lock_held(folder / "state.db"):
        result = crmwb(
            "diff", str(folder), "--set", "loyalty_programme=no", "--apply", env={"CRMWB_BUSY_RETRIES": "0"}
        )
    assert result.returncode == 0, result.stderr
    assert "The answers are saved in" in result.stderr and "the task list is not updated yet" in result.stderr
    assert "The next crmwb command on this folder, or opening it again, updates it" in result.stderr
    assert answers_of(folder)["loyalty_programme"] is False
    assert not any(s.archived for s in states(folder).values())  # not synced yet
    assert crmwb("status", str(folder)).returncode == 0  # the next command re-syncs
    assert any(s.archived for s in states(folder).values())


def test_a_session_save_with_a_busy_store_keeps_the_answers_and_says_the_task_list_follows(tmp_path):
    from workbench.app.session import Session

    folder = fresh_engagement(tmp_path)
    session = Session.open(folder, "tui")
    try:
        answers = {**session.opened.engagement.answers, "loyalty_programme": False}
        with write_lock_held(folder / "state.db"):
            result = session.save_answers(answers)
        assert result.written and result.sync_error and "another program is writing" in result.sync_error
        assert "the task list is not updated yet" in result.sync_note()
        assert answers_of(folder)["loyalty_programme"] is False
        assert session.opened.engagement.answers["loyalty_programme"] is False
    finally:
        session.close()
    reopened = Session.open(folder, "tui")
    try:
        assert any(s.archived for s in reopened.opened.store.tasks(include_archived=True).values())
    finally:
        reopened.close()


# ---- missing or empty store
@pytest.mark.parametrize("damage", ["missing", "empty"])
def test_a_lost_store_is_refused_not_recreated(tmp_path, damage, run_cli):
    from workbench.app.session import Session
    from workbench.store.engagement import EngagementError

    folder = fresh_engagement(tmp_path)
    store = folder / "state.db"
    if damage == "missing":
        store.unlink()
    else:
        store.write_bytes(b"")
    code, _out, err = run_cli("status", folder)
    assert code == 2
    state = "the file is missing" if damage == "missing" else "the file is empty (0 bytes)"
    assert f"state.db: error: {state}, but engagement.yaml records an engagement with a history" in err
    assert f"crmwb store reinit {folder} --confirm" in err
    with pytest.raises(EngagementError, match="records an engagement with a history"):
        Session.open(folder, "tui")
    assert (store.exists() and store.stat().st_size) == (False if damage == "missing" else 0)


def test_reinit_needs_confirm_then_starts_a_new_history_and_keeps_the_old_file(tmp_path, run_cli):
    folder = fresh_engagement(tmp_path)
    assert run_cli("task", folder, "start", TASK)[0] == 0
    code, _out, err = run_cli("store", "reinit", folder)
    assert code == 2 and "add --confirm" in err
    assert states(folder)[TASK].status == "in_progress"
    code, out, err = run_cli("store", "reinit", folder, "--confirm")
    assert code == 0, err
    kept = sorted(folder.glob("state.db.replaced-*"))
    assert kept and f"kept as {kept[0]}" in out
    assert states(folder)[TASK].status == "not_started"
    with SQLiteStore(kept[0]) as old:
        assert old.tasks()[TASK].status == "in_progress"


def test_a_hand_written_engagement_without_history_still_gets_a_store(tmp_path, run_cli):
    folder = fresh_engagement(tmp_path)
    (folder / "state.db").unlink()
    doc = yaml.safe_load((folder / "engagement.yaml").read_text(encoding="utf-8"))
    del doc["created"], doc["revision"]
    (folder / "engagement.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    assert run_cli("status", folder)[0] == 0
    assert states(folder)[TASK].status == "not_started"


# ---- rows this program never writes
def _poke(folder, sql: str) -> None:
    conn = sqlite3.connect(folder / "state.db", isolation_level=None)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute(sql)
    conn.close()


@pytest.mark.parametrize(
    ("sql", "command", "expected"),
    [
        (
            f"UPDATE tasks SET status = 'exploded' WHERE id = '{TASK}'",
            ("status",),
            f"table tasks, row {TASK}: status 'exploded'; expected one of: not_started, in_progress, "
            "blocked, done, "
            "skipped",
        ),
        (
            f"UPDATE tasks SET due = 'not-a-date' WHERE id = '{TASK}'",
            ("task", "list"),
            f"table tasks, row {TASK}: due 'not-a-date'; expected a date YYYY-MM-DD",
        ),
        (
            f"UPDATE events SET at = 'yesterday' WHERE task_id = '{TASK}'",
            ("task", "show", TASK),
            "table events, row 1: at 'yesterday'; expected an ISO date and time",
        ),
    ],
)
def test_a_bad_row_is_a_located_error_exit_2(tmp_path, sql, command, expected, run_cli):
    folder = fresh_engagement(tmp_path)
    if command[0] == "task" and command[1] == "show":
        seq = (
            sqlite3.connect(folder / "state.db")
            .execute("SELECT MIN(seq) FROM events WHERE task_id = ?", (TASK,))
            .fetchone()[0]
        )
        expected = expected.replace("row 1", f"row {seq}")
    _poke(folder, sql)
    code, _out, err = run_cli(command[0], folder, *command[1:])
    assert code == 2, err
    assert f"{folder / 'state.db'}" in err and expected in err
    assert "internal error" not in err


# ---- the protocol
def test_sqlite_store_implements_the_state_store_protocol_exactly():
    wanted = {n: f for n, f in vars(StateStore).items() if callable(f) and not n.startswith("_")}
    assert {"tasks", "history", "sync_tasks", "set_status", "close"} <= set(wanted)
    for name, method in wanted.items():
        mine = getattr(SQLiteStore, name)
        assert inspect.signature(mine) == inspect.signature(method), name


def test_interfaces_see_the_store_through_the_protocol():
    import typing

    from workbench.app.engagement import OpenEngagement

    assert typing.get_type_hints(OpenEngagement)["store"] is StateStore


def test_a_bad_measurement_date_is_a_located_error_exit_2(tmp_path, run_cli):
    folder = fresh_engagement(tmp_path)
    code, _out, err = run_cli("kpi", folder, "record", "active_user_rate", "50", "--date", "2026-02-01")
    assert code == 0, err
    _poke(folder, "UPDATE measurements SET measured_on = '31/02/2026'")
    row = sqlite3.connect(folder / "state.db").execute("SELECT id FROM measurements").fetchone()[0]
    code, _out, err = run_cli("kpi", folder, "list")
    assert code == 2, err
    where = f"{folder / 'state.db'}: table measurements, row {row}"
    assert f"{where}: measured_on '31/02/2026'; expected a date YYYY-MM-DD" in err


def test_reading_a_store_behind_the_answers_while_another_program_writes_shows_it_with_a_warning(tmp_path):
    folder = fresh_engagement(tmp_path)
    path = folder / "engagement.yaml"
    text = path.read_text(encoding="utf-8")  # a hand edit: the task list has to follow at the next command
    path.write_text(text.replace("loyalty_programme: true", "loyalty_programme: false"), encoding="utf-8")
    with write_lock_held(folder / "state.db"):
        result = crmwb("status", str(folder), env={"CRMWB_BUSY_RETRIES": "0"})
    assert result.returncode == 0, result.stderr
    assert "the task list does not follow the latest answers yet" in result.stdout + result.stderr
    assert not any(s.archived for s in states(folder).values())
    assert crmwb("status", str(folder)).returncode == 0
    assert any(s.archived for s in states(folder).values())
