"""Many real processes on one engagement: 8 writers × 200 task events and 200 KPI values each, all kept
exactly once; and a writer killed with SIGKILL inside its transaction loses that transaction only. On
SQLite and on PostgreSQL (the team store's reason to exist)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections import Counter
from dataclasses import asdict
from pathlib import Path

from workbench.store.busy import BusyPolicy

ROOT = Path(__file__).resolve().parents[3]
PROCESSES, EACH = 8, 200

WRITER = """
import json, sys
from datetime import date, timedelta
from tests.store.contract.backends import Spec
from workbench.domain.tracking import Measurement
spec, name, count = Spec(**json.loads(sys.argv[1])), sys.argv[2], int(sys.argv[3])
with spec.open(timeout=60) as store:
    for i in range(count):
        store.add_note("a", f"{name} {i}", name)
        value = Measurement("nps", i, date(2026, 1, 1) + timedelta(days=i), name, str(i))
        store.record_measurements([value], name)
        if i % 20 == 0:
            store.set_status("c", "in_progress" if i % 40 else "blocked", name)
"""


def test_eight_processes_write_at_once_and_every_event_and_value_is_kept_once(spec):
    with spec.open() as store:
        store.sync_tasks([("a", "pre_deployment", 0), ("c", "deployment", 0)], "setup")
    names = [f"w{n}" for n in range(PROCESSES)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, json.dumps(asdict(spec)), name, str(EACH)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in names
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err[-2000:]
    with spec.open() as store:
        notes = Counter(e.note for e in store.history("a") if e.kind == "note")
        assert sum(notes.values()) == PROCESSES * EACH == 1600
        assert set(notes) == {f"{n} {i}" for n in names for i in range(EACH)} and max(notes.values()) == 1
        values = Counter((m.source, m.note, m.value) for m in store.measurements("nps"))
        assert sum(values.values()) == 1600 and max(values.values()) == 1
        assert set(values) == {(n, str(i), float(i)) for n in names for i in range(EACH)}
        seqs = [e.seq for e in store.history()]
        assert seqs == sorted(set(seqs))
        status_events = [e for e in store.history("c") if e.kind == "status"]
        assert all(e.old != e.new for e in status_events)  # each change saw the one committed before it
        assert store.tasks()["c"].status == status_events[-1].new


KILLED = """
import json, sys, time
from tests.store.contract.backends import Spec
store = Spec(**json.loads(sys.argv[1])).open()
for i in range(5):
    store.add_note("a", f"kept {i}", "victim")
orig = store._event
def stalls(*args, **kwargs):
    orig(*args, **kwargs)
    print("inside", flush=True)  # the status row and its event are written, the commit has not happened
    time.sleep(600)
store._event = stalls
store.set_status("a", "done", "victim")
"""


def test_a_writer_killed_mid_transaction_loses_only_its_open_transaction(spec):
    with spec.open() as store:
        store.sync_tasks([("a", "pre_deployment", 0)], "setup")
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED, json.dumps(asdict(spec))],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout.readline().strip() == "inside", proc.stderr.read()[-2000:]
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    with spec.open(busy=BusyPolicy(timeout=30)) as store:
        assert store.tasks()["a"].status == "not_started"
        assert [e.note for e in store.history("a") if e.kind == "note"] == [f"kept {i}" for i in range(5)]
        assert [e.kind for e in store.history("a")] == ["create"] + ["note"] * 5
        store.set_status("a", "done", "ana")  # the dead writer's lock is gone
        assert store.tasks()["a"].status == "done"
