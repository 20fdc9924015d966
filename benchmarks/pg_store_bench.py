"""`status` on the PostgreSQL team store against SQLite, for the same engagement, in one run.
Run: `python benchmarks/pg_store_bench.py [--events 20000]`.

Starts its own throwaway PostgreSQL server (initdb + postgres on a unix socket in a temporary folder, as
the tests do), creates the same engagement twice (core playbook, the retail-chain example answers): once
with its state.db, once in the team database. Both get the same task events (status changes, notes and
assignments from one seeded generator, each through the store's public methods in its own transaction)
and the same KPI values. Then it times `crmwb status DIR --json` in-process on each, alternating, best of
7, and prints both and the ratio (target: PostgreSQL within 2x of SQLite). The two JSON outputs must be
byte-identical, or the run fails.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
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
from workbench.domain.tracking import STATUSES, Measurement  # noqa: E402
from workbench.store.choose import STORE_ENV  # noqa: E402
from workbench.store.postgres.local_server import start  # noqa: E402

START = date(2024, 1, 8)
RUNS = 7
TARGET = 2.0


@contextlib.contextmanager
def store_env(address: str):
    before = os.environ.get(STORE_ENV)
    os.environ[STORE_ENV] = address
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(STORE_ENV, None)
        else:
            os.environ[STORE_ENV] = before


def fill(folder: Path, events: int, measurements: int) -> float:
    """The same history on whichever store the environment selects; seconds taken."""
    rng = random.Random(16)
    began = time.perf_counter()
    with open_engagement(folder, "bench") as oe:
        store = oe.store
        tasks = sorted(store.tasks())
        states = {tid: "not_started" for tid in tasks}
        for _ in range(events):
            task, roll = rng.choice(tasks), rng.random()
            if roll < 0.5:
                states[task] = rng.choice([s for s in STATUSES if s != states[task]])
                store.set_status(task, states[task], "bench")
            elif roll < 0.8:
                store.add_note(task, f"weekly check-in {rng.randint(1, 10**6)}", "bench")
            else:
                store.assign(task, rng.choice(["Ana", "Boris", "Reza", "Sara", "Olga"]), "bench")
        kpis = [k.id for k in oe.resolved.kpis]
        store.record_measurements(
            [
                Measurement(k, round(rng.uniform(0, 100), 1), START + timedelta(days=7 * i), "bench")
                for k in kpis
                for i in range(measurements // len(kpis))
            ],
            "bench",
        )
    return time.perf_counter() - began


def status_json(folder: Path) -> tuple[float, str]:
    out = io.StringIO()
    began = time.perf_counter()
    with contextlib.redirect_stdout(out):
        code = main(["status", str(folder), "--json"])
    elapsed = time.perf_counter() - began
    assert code in (0, 1), f"status exited {code}"
    return elapsed, out.getvalue()


def run(events: int, measurements: int) -> None:
    answers = yaml.safe_load((ROOT / "playbooks/examples/retail-chain.answers.yaml").read_text("utf-8"))[
        "answers"
    ]
    with start() as server, tempfile.TemporaryDirectory() as tmp:
        folders = {"sqlite": Path(tmp) / "local", "postgresql": Path(tmp) / "team"}
        addresses = {"sqlite": "", "postgresql": server.address()}
        for name, folder in folders.items():
            with store_env(addresses[name]):
                create(folder, "core", answers, "Benchmark Retail", START, "bench")
                took = fill(folder, events, measurements)
            print(
                f"{name:>10}: filled {events:,} task events + {measurements:,} KPI values in {took:.1f} s "
                f"({took / events * 1000:.2f} ms per event, one transaction each)"
            )
        best = {name: float("inf") for name in folders}
        outputs = {}
        for _ in range(RUNS):
            for name, folder in folders.items():
                with store_env(addresses[name]):
                    elapsed, outputs[name] = status_json(folder)
                best[name] = min(best[name], elapsed)
        assert outputs["sqlite"] == outputs["postgresql"], "status --json differs between the backends"
        ratio = best["postgresql"] / best["sqlite"]
        print(
            f"status --json, best of {RUNS} (in-process): SQLite {best['sqlite'] * 1000:.0f} ms (baseline), "
            f"PostgreSQL {best['postgresql'] * 1000:.0f} ms; ratio {ratio:.2f}x (target <= {TARGET:.0f}x) "
            f"{'OK' if ratio <= TARGET else 'OVER TARGET'}; outputs byte-identical"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--measurements", type=int, default=2_000)
    args = parser.parse_args()
    run(args.events, args.measurements)
