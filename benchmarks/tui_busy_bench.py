"""The TUI while another program holds the engagement's write lock, next to what it did before, in the
same run.

Run: `python benchmarks/tui_busy_bench.py` (prints figures; asserts nothing; about 25 s, most of it the
baseline waiting for the lock as the old code did).

A second process holds `BEGIN EXCLUSIVE` on state.db throughout. Measured:
1. Opening the engagement: before, `open_engagement` (sync under the write lock: waits for the lock, then
   fails); now, the TUI's `open_session` (reads at once, syncs later).
2. A task change: before, the store call on the UI thread with the store's own wait (the UI frozen
   until it fails); now, how long until the TUI knows the store is busy and can say so (the change
   itself is retried in a worker).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HOLDER = (
    "import sqlite3, sys\nconn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
    "conn.execute('BEGIN EXCLUSIVE')\nprint('locked', flush=True)\nsys.stdin.readline()\n"
)


def timed(call) -> tuple[float, str]:
    start = time.perf_counter()
    try:
        call()
        outcome = "ok"
    except Exception as exc:  # noqa: BLE001 — the outcome is a figure here
        outcome = f"{type(exc).__name__}: {exc}"
    return time.perf_counter() - start, outcome


def main() -> None:
    from workbench.app.engagement import create, open_engagement
    from workbench.app.engagements import open_session

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "acme"
        create(folder, "core", {}, "Acme", date(2026, 2, 2), "bench")
        holder = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(folder / "state.db")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        try:
            before, outcome_before = timed(lambda: open_engagement(folder, "bench").close())
            sessions = []
            after, outcome_after = timed(lambda: sessions.append(open_session(folder, "bench")))
            print(f"open a locked engagement   before {before:6.2f} s ({outcome_before})")
            print(f"{'':28}now    {after:6.2f} s ({outcome_after}; task list synced later)")

            session = sessions[0]
            task_id = next(iter(session.states()))
            with open_engagement(folder, "bench", sync=False) as old:
                before, outcome_before = timed(lambda: old.store.set_status(task_id, "in_progress", "bench"))
            after, outcome_after = timed(lambda: session.set_status(task_id, "in_progress"))
            busy = "reported busy" if "locked" in outcome_after else outcome_after
            print(f"task key, store locked     before {before:6.2f} s on the UI thread ({outcome_before})")
            print(
                f"{'':28}now    {after:6.2f} s in a worker until 'busy' is shown ({busy}); "
                "retried until it lands"
            )
            session.close()
        finally:
            assert holder.stdin is not None
            holder.stdin.write("\n")
            holder.stdin.close()
            holder.wait()


if __name__ == "__main__":
    main()
