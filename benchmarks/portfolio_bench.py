"""`crmwb portfolio` over 50 engagements with 20,000 task events each, against `status` of each of them.
Run: `python benchmarks/portfolio_bench.py [--engagements 50] [--events 20000]`.

One engagement (core playbook, the retail-chain example answers, SQLite) gets the task events (status
changes, notes, assignments from a seeded generator, through the store's public methods) and KPI values;
it is then copied to make the others (each with its own client name, so the rows differ; the history is
the same size in each). Timed in-process, alternating, best of 5: `crmwb portfolio ROOT --format json`
(target <= 1 s) and, as the baseline measured in the same run, `crmwb status DIR --json` run once per
engagement: what a lead does today to see the same thing.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import random
import shutil
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

START = date(2024, 1, 8)
RUNS = 5
TARGET = 1.0


def fill(folder: Path, events: int, measurements: int) -> None:
    rng = random.Random(16)
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


def quiet(*args: str) -> tuple[float, str]:
    out = io.StringIO()
    began = time.perf_counter()
    with contextlib.redirect_stdout(out):
        code = main(list(args))
    elapsed = time.perf_counter() - began
    assert code == 0, f"{args[0]} exited {code}"
    return elapsed, out.getvalue()


def run(engagements: int, events: int, measurements: int) -> None:
    answers = yaml.safe_load((ROOT / "playbooks/examples/retail-chain.answers.yaml").read_text("utf-8"))[
        "answers"
    ]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "team"
        first = root / "client-01"
        create(first, "core", answers, "Benchmark Retail 01", START, "bench")
        began = time.perf_counter()
        fill(first, events, measurements)
        print(
            f"filled {events:,} task events + {measurements:,} KPI values"
            f" in {time.perf_counter() - began:.1f} s; "
            f"copying to {engagements} engagements"
        )
        folders = [first]
        for i in range(2, engagements + 1):
            folder = root / f"client-{i:02d}"
            shutil.copytree(first, folder)
            file = folder / "engagement.yaml"
            file.write_text(
                file.read_text("utf-8").replace("Benchmark Retail 01", f"Benchmark Retail {i:02d}"), "utf-8"
            )
            folders.append(folder)
        today = (START + timedelta(days=120)).isoformat()
        best_status = best_portfolio = float("inf")
        rows = 0
        for _ in range(RUNS):
            total = sum(quiet("status", str(f), "--json", "--today", today)[0] for f in folders)
            best_status = min(best_status, total)
            elapsed, out = quiet("portfolio", str(root), "--format", "json", "--today", today)
            best_portfolio = min(best_portfolio, elapsed)
            rows = len(json.loads(out)["engagements"])
        assert rows == engagements, f"portfolio listed {rows} of {engagements}"
        print(
            f"best of {RUNS} (in-process): `status --json` x {engagements} {best_status:.2f} s (baseline); "
            f"`portfolio --format json` {best_portfolio:.2f} s for {rows} rows "
            f"(target <= {TARGET:.0f} s) {'OK' if best_portfolio <= TARGET else 'OVER TARGET'}"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engagements", type=int, default=50)
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--measurements", type=int, default=2_000)
    args = parser.parse_args()
    run(args.engagements, args.events, args.measurements)
