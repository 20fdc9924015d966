"""Undo of task changes on both stores: earlier changes taken back one after another (newest first), a
change someone made since refuses the undo with nothing written, and the check and the compensating writes
are one transaction: a real second process that writes between them waits for the undo to commit (or is
refused as busy), and never has its change overwritten."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import asdict
from datetime import date
from pathlib import Path

import pytest

from workbench.domain.task_undo import SAME_CHANGE, UndoConflict, last_change
from workbench.store import undo_hooks

ROOT = Path(__file__).resolve().parents[3]
SEPARATE = SAME_CHANGE.total_seconds() + 0.05
"""seconds between two changes made by hand, so they are two changes and not one"""

INTRUDER = """
import json, sys
from tests.store.contract.backends import Spec
spec = Spec(**json.loads(sys.argv[1]))
with spec.open(timeout=20) as store:
    print("ready", flush=True)
    store.assign("a", "intruder", "boris")
print("written", flush=True)
"""


def _undo_last(store, author: str) -> None:
    change = last_change(store.history(), author)
    assert change is not None
    store.undo_change(change[-1].task_id, change, author, "undo")


def test_changes_are_taken_back_newest_first_and_the_history_keeps_them(spec):
    with spec.open() as store:
        store.sync_tasks([("a", "pre_deployment", 0)], "setup")
        store.set_status("a", "in_progress", "ana")
        time.sleep(SEPARATE)
        store.assign("a", "bob", "ana")
        time.sleep(SEPARATE)
        store.set_due("a", date(2026, 3, 2), "ana")
        _undo_last(store, "ana")
        assert (store.tasks()["a"].due, store.tasks()["a"].assignee) == (None, "bob")
        _undo_last(store, "ana")
        _undo_last(store, "ana")
        state = store.tasks()["a"]
        assert (state.status, state.assignee, state.due) == ("not_started", None, None)
        assert last_change(store.history(), "ana") is None
        undos = [(e.kind, e.old, e.new, e.note) for e in store.history("a")][-3:]
        store.set_due("a", date(2026, 4, 1), "ana")  # the TUI's week plan: due date and assignee at once
        store.assign("a", "olga", "ana")
        together = last_change(store.history(), "ana")
        assert together is not None and [e.kind for e in together] == ["due", "assign"]
        assert undos == [
            ("due", "2026-03-02", None, "undo"),
            ("assign", "bob", None, "undo"),
            ("status", "in_progress", "not_started", "undo"),
        ]


def test_a_change_made_since_by_someone_else_refuses_the_undo_and_nothing_is_written(spec):
    with spec.open() as store:
        store.sync_tasks([("a", "pre_deployment", 0)], "setup")
        store.assign("a", "bob", "ana")
        store.set_status("a", "blocked", "boris", "waiting")
        change = last_change(store.history(), "ana")
        assert change is not None and change[-1].kind == "assign"
        before = len(store.history())
        with pytest.raises(UndoConflict) as refused:
            store.undo_change("a", change, "ana", "undo")
        assert refused.value.later.author == "boris" and refused.value.later.new == "blocked"
        assert len(store.history()) == before and store.tasks()["a"].assignee == "bob"
        _undo_last(store, "boris")  # once boris takes his back, ana's is on top again
        _undo_last(store, "ana")
        assert (store.tasks()["a"].status, store.tasks()["a"].assignee) == ("not_started", None)


def test_a_second_process_writing_between_check_and_write_waits_and_keeps_its_change(spec, monkeypatch):
    with spec.open() as store:
        store.sync_tasks([("a", "pre_deployment", 0)], "setup")
        store.assign("a", "bob", "ana")
        change = last_change(store.history(), "ana")
        assert change is not None
        seen: dict[str, object] = {}

        def second_writer_between() -> None:
            proc = subprocess.Popen(
                [sys.executable, "-c", INTRUDER, json.dumps(asdict(spec))],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            assert proc.stdout is not None
            seen["ready"] = proc.stdout.readline().strip()
            time.sleep(1.0)  # time enough to write, were the undo's transaction not holding the lock
            seen["blocked"] = proc.poll() is None
            seen["proc"] = proc

        monkeypatch.setattr(undo_hooks, "HOOKS", [second_writer_between])
        store.undo_change("a", change, "ana", "undo")
        proc = seen["proc"]
        assert isinstance(proc, subprocess.Popen)
        out, err = proc.communicate(timeout=60)
        assert seen["ready"] == "ready" and seen["blocked"] is True, err
        assert proc.returncode == 0 and "written" in out, err
        events = [(e.author, e.kind, e.old, e.new) for e in store.history("a") if e.kind == "assign"]
        assert events == [
            ("ana", "assign", None, "bob"),
            ("ana", "assign", "bob", None),
            ("boris", "assign", None, "intruder"),
        ]
        assert store.tasks()["a"].assignee == "intruder"
