"""What the concurrency safeguards cost and save. Run: `python benchmarks/concurrency_bench.py [WRITES]`.

1. An answer save: the old plain atomic rewrite of engagement.yaml next to the locked re-read, merge and
   write every writer now goes through (`save_engagement`), WRITES times each (default 200).
2. A write while another process holds `BEGIN EXCLUSIVE` on state.db: how long until the call gives up,
   with the old 10 s SQLite timeout next to the interactive policy (250 ms, then StoreBusy).
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.app.engagement import create
from workbench.store.base import StoreBusy
from workbench.store.engagement import read
from workbench.store.engagement_save import save_engagement  # noqa: E402
from workbench.store.sqlite_store import SQLiteStore  # noqa: E402
from workbench.writers.atomic import write_text_atomic  # noqa: E402

HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("held", flush=True)
sys.stdin.readline()
"""


def saves(folder: Path, writes: int) -> tuple[float, float]:
    engagement = read(folder)
    began = time.perf_counter()
    for i in range(writes):  # the old way: the whole engagement the writer loaded, written back
        engagement.answers["target_go_live_months"] = 1 + i % 36
        write_text_atomic(engagement.file, engagement.to_yaml())
    old = (time.perf_counter() - began) / writes
    began = time.perf_counter()
    for i in range(writes):
        base = read(folder)
        save_engagement(base, replace(base, answers={**base.answers, "target_go_live_months": 1 + i % 36}))
    new = (time.perf_counter() - began) / writes
    return old, new


def give_up_after(store_path: Path, **kwargs) -> float:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "held"
    try:
        with SQLiteStore(store_path, **kwargs) as store:
            began = time.perf_counter()
            try:
                store.set_status("pre-01-kickoff", "in_progress", "bench")
            except (StoreBusy, sqlite3.OperationalError):
                pass
            return time.perf_counter() - began
    finally:
        holder.communicate("\n")


def main() -> None:
    writes = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "bench"
        create(folder, "core", {}, "Bench", date(2026, 1, 5), "bench")
        old, new = saves(folder, writes)
        print(
            f"answer save, {writes} writes: plain rewrite {old * 1000:.2f} ms, "
            f"locked read-merge-write {new * 1000:.2f} ms ({new / old:.1f}x)"
        )
        slow = give_up_after(folder / "state.db", timeout=10.0)
        quick = give_up_after(folder / "state.db")
        print(
            f"write under a held lock gives up after: old 10 s timeout {slow:.2f} s, "
            f"interactive policy {quick:.2f} s"
        )


if __name__ == "__main__":
    main()
