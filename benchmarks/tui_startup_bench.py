"""Start-up of the workbench TUI next to a bare Textual app, in the same run.

Run: `python benchmarks/tui_startup_bench.py [RUNS]` (prints figures; asserts nothing).

1. In process (Textual already imported), headless via `run_test`: from constructing the app to its first
   screen's Ready event, for a bare Textual app (Header, a Static, Footer), the workbench's start screen,
   the workbench opened on an engagement (which includes loading and resolving its playbook), and the
   way `crmwb open` does it: its loading screen first, then (second figure) the engagement's section.
2. Cold, in a fresh interpreter: from `python` starting to the first screen being ready, imports included,
   for the same bare app, the workbench's start screen and `crmwb open`'s loading screen.
   `tui_first_screen_bench.py` times the whole `crmwb` processes instead.
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
BARE_IMPORTS = (
    "from textual.app import App\nfrom textual.widgets import Footer, Header, Static\n"
    "class Bare(App):\n    def compose(self):\n        yield Header()\n        yield Static('hello')\n"
    "        yield Footer()"
)


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
    """`cls` with a Ready handler that notes the time (Textual calls it as well as the class's own); the
    workbench also notes when an engagement's section is painted after the engagement is installed."""

    class Timed(cls):
        ready_at: float | None = None
        opened_at: float | None = None

        def on_ready(self) -> None:
            self.ready_at = time.perf_counter()

        async def install_session(self, session, section=None) -> None:
            await super().install_session(session, section)
            self.call_after_refresh(self._painted)

        def _painted(self) -> None:
            self.opened_at = time.perf_counter()

    return Timed


async def time_to_ready(make, opened: bool = False) -> float:
    """Seconds from constructing the app to its Ready event (the first screen composed and shown), or
    with `opened`, to the section of the engagement opened behind the loading screen being painted."""
    start = time.perf_counter()
    app = make()
    async with app.run_test(headless=True, size=SIZE):
        while app.ready_at is None or (opened and app.opened_at is None):
            await asyncio.sleep(0.005)
    return (app.opened_at if opened else app.ready_at) - start


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:7.0f} ms (min {min(samples) * 1000:.0f})"


def in_process(runs: int) -> None:
    from workbench.app.engagements import open_session
    from workbench.cli.demo_cmd import ensure_demo
    from workbench.tui.app import WorkbenchApp

    state = tempfile.mkdtemp(prefix="crmwb-bench-state-")
    os.environ["XDG_STATE_HOME"] = state  # never touch the real recent list
    folder = ensure_demo(Path(tempfile.mkdtemp(prefix="crmwb-bench-")) / "demo", date(2026, 3, 18))
    bare, ours = timed(bare_app_class()), timed(WorkbenchApp)
    today = date(2026, 3, 18)
    cases = [
        ("bare Textual app", bare),
        ("workbench, start screen", lambda: ours(author="bench", today=today)),
        (
            "workbench, on an engagement",
            lambda: ours(open_session(folder, "bench"), author="bench", today=today, section="phases"),
        ),
    ]
    opening = lambda: ours(author="bench", today=today, section="phases", opening=folder)  # noqa: E731
    asyncio.run(time_to_ready(bare))  # warm-up: the first app pays for lazy imports inside Textual
    print(f"in process, headless, {SIZE[0]}x{SIZE[1]}, median of {runs} (construct -> first screen ready):")
    rounds = [(label, make, False) for label, make in cases]
    rounds += [("crmwb open: loading screen", opening, False), ("crmwb open: its section", opening, True)]
    samples: dict[str, list[float]] = {label: [] for label, _, _ in rounds}
    for _ in range(runs):  # round by round, so a machine slowing down mid-run moves every case alike
        for label, make, opened in rounds:
            samples[label].append(asyncio.run(time_to_ready(make, opened)))
    for label, figures in samples.items():
        print(f"  {label:<30} {median_ms(figures)}")


def cold(runs: int) -> None:
    from benchmarks.child import compile_like_an_install
    from workbench.cli.demo_cmd import ensure_demo

    compile_like_an_install()

    env = {**os.environ, "XDG_STATE_HOME": tempfile.mkdtemp(prefix="crmwb-bench-state-")}
    folder = ensure_demo(Path(tempfile.mkdtemp(prefix="crmwb-bench-")) / "demo", date(2026, 3, 18))
    scripts = [
        ("bare Textual app", COLD.format(imports=BARE_IMPORTS, base="Bare", make="Timed()")),
        (
            "workbench, start screen",
            COLD.format(
                imports="from workbench.tui.app import WorkbenchApp",
                base="WorkbenchApp",
                make="Timed(author='bench')",
            ),
        ),
        (
            "crmwb open: loading screen",
            COLD.format(
                imports="from pathlib import Path\nfrom workbench.tui.app import WorkbenchApp",
                base="WorkbenchApp",
                make=f"Timed(author='bench', opening=Path({str(folder)!r}))",
            ),
        ),
    ]
    print(
        f"cold, fresh interpreter, median of {runs} (python start -> first screen ready, imports included):"
    )
    for label, script in scripts:
        samples = []
        for _ in range(runs):
            out = subprocess.run(
                [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, env=env, check=True
            ).stdout
            samples.append(float(out.strip().splitlines()[-1]))
        print(f"  {label:<30} {median_ms(samples)}")


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    in_process(count)
    cold(count)
