"""Benchmark of an engagement's state store under a long rollout. Run: `python
benchmarks/engagement_bench.py`.

Creates an engagement (core playbook, the retail-chain example answers) in a temporary folder, records
100k task events (status changes, notes and assignments spread over the tasks) and 100k KPI measurements,
then prints how long `status`, `kpi trend --all` and `report` take over them, and the database size.

The events go through the store's public methods (set_status, add_note, assign) with their checks; only
the per-call transaction is replaced by one transaction per batch of 5,000, as a command that changes
many tasks at once would do. A sample of single calls is timed first, with their own transactions.
"""

from __future__ import annotations

import contextlib
import io
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.app.engagement import create, open_engagement  # noqa: E402
from workbench.cli.main import main  # noqa: E402
from workbench.domain.tracking import STATUSES, Measurement, status_report  # noqa: E402
from workbench.store import sqlite_store  # noqa: E402

EVENTS = 100_000
MEASUREMENTS = 100_000
BATCH = 5_000
SAMPLE = 500
START = date(2024, 1, 8)
TODAY = "2025-06-02"


def _change(
    store: sqlite_store.SQLiteStore, rng: random.Random, tasks: list[str], states: dict[str, str]
) -> None:
    """One task event through the store's public API: a status change, a note or an assignment."""
    task = rng.choice(tasks)
    roll = rng.random()
    if roll < 0.5:
        status = rng.choice([s for s in STATUSES if s != states[task]])
        store.set_status(task, status, "bench")
        states[task] = status
    elif roll < 0.8:
        store.add_note(task, f"weekly check-in {rng.randint(1, 10**6)}", "bench")
    else:
        store.assign(task, rng.choice(["Ana", "Boris", "Reza", "Sara", "Olga"]), "bench")


def record_events(store: sqlite_store.SQLiteStore, rng: random.Random) -> tuple[float, float]:
    """(ms per single call with its own transaction, seconds for all EVENTS)."""
    tasks = sorted(store.tasks())
    states = {tid: "not_started" for tid in tasks}
    start = time.perf_counter()
    for _ in range(SAMPLE):
        _change(store, rng, tasks, states)
    single_ms = (time.perf_counter() - start) / SAMPLE * 1000
    real_transaction = sqlite_store.transaction
    sqlite_store.transaction = lambda conn, begin=None: contextlib.nullcontext(conn)  # one per batch instead
    try:
        remaining = EVENTS - SAMPLE
        while remaining > 0:
            with real_transaction(store.conn):
                for _ in range(min(BATCH, remaining)):
                    _change(store, rng, tasks, states)
            remaining -= BATCH
    finally:
        sqlite_store.transaction = real_transaction
    return single_ms, time.perf_counter() - start


def record_measurements(store: sqlite_store.SQLiteStore, kpis: list[str], rng: random.Random) -> float:
    start = time.perf_counter()
    per_kpi = MEASUREMENTS // len(kpis) + 1
    items = [
        Measurement(kpi, round(rng.uniform(0, 100), 1), START + timedelta(days=i * 700 // per_kpi), "bench")
        for kpi in kpis
        for i in range(per_kpi)
    ][:MEASUREMENTS]
    for offset in range(0, len(items), 10_000):
        store.record_measurements(items[offset : offset + 10_000], "bench")
    return time.perf_counter() - start


def best_of(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def quiet_cli(*args: str) -> None:
    with contextlib.redirect_stdout(io.StringIO()):
        code = main([str(a) for a in args])
    assert code == 0, f"crmwb {' '.join(map(str, args))} exited {code}"


def status_once(folder: Path) -> None:
    """What `crmwb status` computes: open (load, resolve, schedule, sync), read the states, report."""
    with open_engagement(folder, "bench") as oe:
        status_report(oe.resolved, oe.plan, oe.store.tasks(), date.fromisoformat(TODAY))


def status_with_forecast(folder: Path) -> None:
    """status_once plus the re-forecast `status` now prints: actual dates from the history, forward pass."""
    from workbench.domain.forecast import forecast

    with open_engagement(folder, "bench") as oe:
        today = date.fromisoformat(TODAY)
        states = oe.store.tasks()
        status_report(oe.resolved, oe.plan, states, today)
        forecast(oe.resolved, oe.plan, states, oe.store.actuals(), today, oe.store.active_baseline())


def subprocess_time(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "workbench", *map(str, args)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def main_bench() -> None:
    rng = random.Random(4)
    answers = yaml.safe_load((ROOT / "playbooks/examples/retail-chain.answers.yaml").read_text("utf-8"))[
        "answers"
    ]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "engagement"
        create(folder, "core", answers, "Benchmark Retail", START, "bench")
        with open_engagement(folder, "bench") as oe:
            kpis = [k.id for k in oe.resolved.kpis]
            single_ms, events_s = record_events(oe.store, rng)
            measures_s = record_measurements(oe.store, kpis, rng)
            counts = [
                oe.store.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("events", "measurements")
            ]
            tasks = len(oe.store.tasks())
        print(
            f"engagement: {tasks} tasks, {counts[0]:,} events, "
            f"{counts[1]:,} measurements over {len(kpis)} KPIs"
        )
        print(f"  one store call (own transaction):   {single_ms:7.2f} ms")
        print(f"  recording {EVENTS:,} task events:       {events_s:7.2f} s (batches of {BATCH:,})")
        print(f"  recording {MEASUREMENTS:,} measurements:    {measures_s:7.2f} s (batches of 10,000)")
        print("in-process, best of 5:")
        print(f"  status (open + states + report):    {best_of(lambda: status_once(folder)):7.3f} s")
        print(f"  status + re-forecast:               {best_of(lambda: status_with_forecast(folder)):7.3f} s")
        print(
            "  crmwb status:                       "
            f"{best_of(lambda: quiet_cli('status', folder, '--today', TODAY)):7.3f} s"
        )
        print(
            "  crmwb plan show:                    "
            f"{best_of(lambda: quiet_cli('plan', folder, 'show', '--today', TODAY)):7.3f} s"
        )
        print(
            "  crmwb kpi trend --all:              "
            f"{best_of(lambda: quiet_cli('kpi', folder, 'trend', '--all')):7.3f} s"
        )
        print(
            "  crmwb report (md + html):           "
            f"{best_of(lambda: quiet_cli('report', folder, '--today', TODAY)):7.3f} s"
        )
        print("as a new process (Python start-up included):")
        print(
            "  crmwb status:                       "
            f"{subprocess_time('status', folder, '--today', TODAY):7.3f} s"
        )
        print(
            f"  crmwb kpi trend --all:              {subprocess_time('kpi', folder, 'trend', '--all'):7.3f} s"
        )
        db = folder / "state.db"
        wal = folder / "state.db-wal"
        print(
            f"database: {db.stat().st_size / 1e6:.1f} MB"
            + (f" (+ {wal.stat().st_size / 1e6:.1f} MB write-ahead log)" if wal.exists() else "")
        )


if __name__ == "__main__":
    main_bench()
