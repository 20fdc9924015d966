"""Start-up of the workbench TUI next to a bare Textual app, in the same run.

Run: `python benchmarks/tui_startup_bench.py [RUNS]` (prints figures; asserts nothing).

1. In process (Textual already imported), headless via `run_test`: from constructing the app to its first
   screen's Ready event, for a bare Textual app (Header, a Static, Footer), the workbench's start screen,
   and the workbench opened on an engagement (which includes loading and resolving its playbook).
2. Cold, in a fresh interpreter: from `python` starting to the first screen being ready, imports included,
   for the same bare app and the workbench's start screen.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZE = (120, 40)
COLD = """
import sys, time
start = time.perf_counter()
{imports}
class Timed({base}):
    def on_ready(self) -> None:
        print(time.perf_counter() - start)
        self.exit()
app = {make}
app.run(headless=True, size=(120, 40))
"""
BARE_IMPORTS = ("from textual.app import App\nfrom textual.widgets import Footer, Header, Static\n"
                "class Bare(App):\n    def compose(self):\n        yield Header()\n        yield Static('hello')\n"
                "        yield Footer()")


def bare_app_class():
    from textual.app import App
    from textual.widgets import Footer, Header, Static

    class Bare(App):
        def compose(self):
            yield Header()
            yield Static("hello")
            yield Footer()

    return Bare


def timed(cls):
    """`cls` with a Ready handler that notes the time (Textual calls it as well as the class's own)."""

    class Timed(cls):
        ready_at: float | None = None

        def on_ready(self) -> None:
            self.ready_at = time.perf_counter()

    return Timed


async def time_to_ready(make) -> float:
    """Seconds from constructing the app to its Ready event (the first screen composed and shown)."""
    start = time.perf_counter()
    app = make()
    async with app.run_test(headless=True, size=SIZE) as pilot:
        while app.ready_at is None:
            await pilot.pause()
    return app.ready_at - start


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:7.0f} ms (min {min(samples) * 1000:.0f})"


def in_process(runs: int) -> None:
    from workbench.cli.demo_cmd import ensure_demo
    from workbench.tui.app import WorkbenchApp
    from workbench.app.engagements import open_session

    state = tempfile.mkdtemp(prefix="crmwb-bench-state-")
    os.environ["XDG_STATE_HOME"] = state  # never touch the real recent list
    folder = ensure_demo(Path(tempfile.mkdtemp(prefix="crmwb-bench-")) / "demo", date(2026, 3, 18))
    bare, ours = timed(bare_app_class()), timed(WorkbenchApp)
    today = date(2026, 3, 18)
    cases = [("bare Textual app", bare),
             ("workbench, start screen", lambda: ours(author="bench", today=today)),
             ("workbench, on an engagement", lambda: ours(open_session(folder, "bench"), author="bench",
                                                          today=today, section="phases"))]
    asyncio.run(time_to_ready(bare))  # warm-up: the first app pays for lazy imports inside Textual
    print(f"in process, headless, {SIZE[0]}x{SIZE[1]}, median of {runs} (construct -> first screen ready):")
    for label, make in cases:
        samples = [asyncio.run(time_to_ready(make)) for _ in range(runs)]
        print(f"  {label:<30} {median_ms(samples)}")


def cold(runs: int) -> None:
    env = {**os.environ, "XDG_STATE_HOME": tempfile.mkdtemp(prefix="crmwb-bench-state-")}
    scripts = [("bare Textual app", COLD.format(imports=BARE_IMPORTS, base="Bare", make="Timed()")),
               ("workbench, start screen", COLD.format(imports="from workbench.tui.app import WorkbenchApp",
                                                       base="WorkbenchApp", make="Timed(author='bench')"))]
    print(f"cold, fresh interpreter, median of {runs} (python start -> first screen ready, imports included):")
    for label, script in scripts:
        samples = []
        for _ in range(runs):
            out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT,
                                 env=env, check=True).stdout
            samples.append(float(out.strip().splitlines()[-1]))
        print(f"  {label:<30} {median_ms(samples)}")


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    in_process(count)
    cold(count)
