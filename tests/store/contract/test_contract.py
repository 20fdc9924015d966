"""The state store contract: what every backend does, tested on SQLite and on a real PostgreSQL server.
History on every change, clear refusals, archive and restore, gates, KPI values, baselines, a busy writer,
and a process dying in the middle of a write."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path

import pytest

from tests.store.contract.backends import Spec, write_lock_held
from workbench.domain.tracking import Measurement
from workbench.store.base import StateStore, StoreBusy
from workbench.store.sqlite_store import StoreError

ROOT = Path(__file__).resolve().parents[3]
ROWS = [("a", "pre_deployment", 2), ("b", "pre_deployment", 0), ("c", "deployment", 1)]


@pytest.fixture
def store(spec):
    with spec.open() as s:
        s.sync_tasks(ROWS, "ana")
        yield s


def test_both_stores_implement_the_state_store_protocol_exactly():
    from workbench.store.postgres import PostgresStore
    from workbench.store.sqlite_store import SQLiteStore

    wanted = {n: f for n, f in vars(StateStore).items() if callable(f) and not n.startswith("_")}
    assert {"tasks", "history", "sync_tasks", "set_status", "close"} <= set(wanted)
    for cls in (SQLiteStore, PostgresStore):
        for name, method in wanted.items():
            assert inspect.signature(getattr(cls, name)) == inspect.signature(method), (cls.__name__, name)


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
    assert [e.kind for e in store.history(limit=2)] == ["check", "status"]
    assert store.actuals()["a"][0] == store.history("a")[1].at
    assert store.actuals()["a"][1] == store.history("a")[-1].at


def test_bad_requests_are_refused_clearly(store):
    with pytest.raises(StoreError, match="unknown status 'finished'"):
        store.set_status("a", "finished", "ana")
    with pytest.raises(StoreError, match="no task 'zz'"):
        store.set_status("zz", "done", "ana")
    with pytest.raises(StoreError, match="there is no item 3"):
        store.check_item("a", 2, True, "ana")
    with pytest.raises(StoreError, match="a note needs some text"):
        store.add_note("a", "  ", "ana")
    assert [e.kind for e in store.history("a")] == ["create"]


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
    assert store.sync_tasks(ROWS, "ana") == ([], [], [])


def test_phase_gate_override_needs_a_reason(store):
    with pytest.raises(StoreError, match="needs a reason"):
        store.close_phase("pre_deployment", "ana", None, ["a"])
    store.close_phase("pre_deployment", "ana", "vendor demo moved; director accepted", ["a"])
    closed = store.closed_phases()["pre_deployment"]
    assert closed["missing"] == ["a"] and closed["override_reason"].startswith("vendor demo")
    store.close_phase("pre_deployment", "boris", None, [])  # closing again replaces the record
    assert store.closed_phases()["pre_deployment"]["author"] == "boris"


def test_measurements_round_trip(store):
    store.record_measurements(
        [
            Measurement("nps", 12, date(2026, 1, 31), "survey"),
            Measurement("nps", 18.5, date(2026, 2, 28)),
            Measurement("churn", 0.1 + 0.2, date(2026, 1, 31)),
        ],
        "ana",
    )
    assert [(m.value, m.measured_on, m.source) for m in store.measurements("nps")] == [
        (12.0, date(2026, 1, 31), "survey"),
        (18.5, date(2026, 2, 28), None),
    ]
    assert store.measurements("churn")[0].value == 0.1 + 0.2  # a double, not a 4-byte float
    assert len(store.measurements()) == 3
    store.record_measurements([Measurement("nps", 20, date(2026, 2, 28))], "ana")  # same day, recorded later
    latest = store.latest_measurements()
    assert {k: (m.value, m.measured_on) for k, m in latest.items()} == {
        "nps": (20.0, date(2026, 2, 28)),
        "churn": (0.1 + 0.2, date(2026, 1, 31)),
    }


def test_baselines_keep_every_freeze_and_one_is_active(store):
    assert store.active_baseline() is None and store.baselines() == []
    first = store.save_baseline(
        {"a": (date(2026, 1, 5), date(2026, 1, 9))}, None, date(2026, 3, 1), "kickoff", "ana"
    )
    second = store.save_baseline(
        {"a": (date(2026, 1, 12), date(2026, 1, 16))},
        date(2026, 4, 1),
        date(2026, 3, 8),
        " scope change ",
        "boris",
    )
    assert [(b.id, b.active) for b in store.baselines()] == [(first, False), (second, True)]
    active = store.active_baseline()
    assert (active.reason, active.go_live, active.tasks["a"]) == (
        "scope change",
        date(2026, 4, 1),
        (date(2026, 1, 12), date(2026, 1, 16)),
    )
    assert [(e.kind, e.old, e.new) for e in store.history("plan")] == [
        ("baseline", None, str(first)),
        ("baseline", str(first), str(second)),
    ]
    with pytest.raises(StoreError, match="needs a reason"):
        store.save_baseline({}, None, date(2026, 3, 1), " ", "ana")


def test_engagements_do_not_see_each_other(spec, tmp_path):
    other = Spec(
        spec.backend,
        str(tmp_path / "other.db") if spec.backend == "sqlite" else spec.where,
        spec.engagement + "-other",
    )
    with spec.open() as mine, other.open() as theirs:
        mine.sync_tasks(ROWS, "ana")
        theirs.sync_tasks([("a", "deployment", 1)], "olga")
        theirs.set_status("a", "blocked", "olga")
        theirs.record_measurements([Measurement("nps", 3, date(2026, 1, 1))], "olga")
        assert mine.tasks()["a"].status == "not_started" and len(mine.tasks()) == 3
        assert [e.author for e in mine.history()] == ["ana"] * 3 and mine.measurements() == []
        assert theirs.tasks()["a"].checklist == [False] and len(theirs.history()) == 2


def test_baselines_are_numbered_within_their_engagement(spec, tmp_path):
    """A team database numbers rows across engagements; a user sees baseline 1, 2 of their own."""
    other = Spec(
        spec.backend,
        str(tmp_path / "other.db") if spec.backend == "sqlite" else spec.where,
        spec.engagement + "-other",
    )
    plan = {"a": (date(2026, 1, 5), date(2026, 1, 9))}
    with spec.open() as mine, other.open() as theirs:
        assert theirs.save_baseline(plan, None, date(2026, 3, 1), "theirs", "olga") == 1
        assert theirs.save_baseline(plan, None, date(2026, 3, 1), "theirs again", "olga") == 2
        assert mine.save_baseline(plan, None, date(2026, 3, 1), "kickoff", "ana") == 1
        assert mine.save_baseline(plan, None, date(2026, 3, 2), "slip", "ana") == 2
        assert [b.id for b in mine.baselines()] == [1, 2]
        assert [(e.old, e.new) for e in mine.history("plan")] == [(None, "1"), ("1", "2")]


def test_a_held_write_lock_raises_store_busy_and_reading_still_works(store, spec):
    with write_lock_held(spec):
        assert store.tasks()["a"].status == "not_started"  # readers never wait for the writer
        with pytest.raises(StoreBusy, match="another program is writing to"):
            store.set_status("a", "done", "ana")
    assert store.tasks()["a"].status == "not_started"
    store.set_status("a", "done", "ana")
    assert store.tasks()["a"].status == "done"


CRASH = """
import json, os, sys
from tests.store.contract.backends import Spec
store = Spec(**json.loads(sys.argv[1])).open()
orig = store._event
def dying_event(*args, **kwargs):
    orig(*args, **kwargs)
    os._exit(9)  # the process dies after the row change, before the transaction commits
store._event = dying_event
store.set_status("a", "done", "crasher")
"""


def test_a_crash_in_the_middle_of_a_write_leaves_the_store_consistent(store, spec):
    store.set_status("a", "in_progress", "ana")
    before = len(store.history())
    result = subprocess.run(
        [sys.executable, "-c", CRASH, json.dumps(asdict(spec))], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 9, result.stderr
    with spec.open() as fresh:
        assert fresh.tasks()["a"].status == "in_progress"
        assert len(fresh.history()) == before
        if spec.backend == "sqlite":
            assert fresh.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        fresh.set_status("a", "done", "ana")
        assert fresh.tasks()["a"].status == "done"
