"""First open of every TUI section on the demo engagement, next to a bare Textual screen switch (issue 15).

Run: `python benchmarks/tui_section_open_bench.py [RUNS]` (prints figures; asserts nothing).

Every measurement is a fresh process and a fresh app (headless 120x40, driven by Pilot through
`run_test`), so every open is a first open, the imports it pulls in included, as a user's is. The app is
opened on the demo engagement and left to settle (its workers done); then the clock runs from the key
press to the new screen being mounted and painted (its first screen update handed to the driver,
which headless does not write out, so terminal output is left out on both sides). Sections open from
Phases (Phases itself from the start screen); Help (F1) opens over Phases;
each Deliverables tab but the first is timed from its activation (as a click or `]` does) to its
content being filled and painted, in an app opened on the Deliverables.

The yardstick, measured round by round in the same run: a bare Textual app (Header, a Static, Footer)
switching by a key to a second mode of the same make. Issue 15's target: every first open <= 300 ms.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import date
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZE = (120, 40)
TODAY = date(2026, 3, 18)
TARGET_MS = 300
PATIENCE = 60.0
"""seconds a measurement may wait for the paint before the run fails (rather than hangs)"""
BARE = "bare Textual app, screen switch"
TABS = ("rfp", "roles", "raci", "processes", "kpis", "plan")


def bare_switch_app():
    """A bare Textual app with two modes (Header, a Static, Footer); `s` switches to the second."""
    from textual.app import App
    from textual.screen import Screen
    from textual.widgets import Footer, Header, Static

    class Plain(Screen):
        def compose(self):
            yield Header()
            yield Static("hello")
            yield Footer()

    class BareSwitch(App):
        MODES = {"one": Plain, "two": Plain}  # noqa: RUF012
        DEFAULT_MODE = "one"
        BINDINGS = [("s", "switch_mode('two')", "Switch")]  # noqa: RUF012

    return BareSwitch()


def first_paint(app, ready: Callable) -> asyncio.Future:
    """A future set when the app next hands a screen update to its driver (`App._display`, which headless
    does not write out) while `ready(app)` holds: the new screen's first paint."""
    done = asyncio.get_running_loop().create_future()
    display = app._display

    def timed_display(screen, renderable) -> None:
        display(screen, renderable)
        if renderable is not None and not done.done() and screen is app.screen and ready(app):
            done.set_result(time.perf_counter())

    app._display = timed_display
    return done


def workbench_cases(folder: Path) -> dict[str, Callable[[], Awaitable[float]]]:
    """Each measured open by its label, as a coroutine function timing one first open in a fresh app."""
    from workbench.app.engagements import open_session
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.sections import SECTIONS

    def make(section: str) -> Callable:
        return lambda: WorkbenchApp(
            open_session(folder, "bench"), author="bench", today=TODAY, section=section
        )

    def on_mode(mode: str) -> Callable:
        return lambda app: app.current_mode == mode and app.screen.is_mounted

    def help_shown(app) -> bool:
        return type(app.screen).__name__ == "HelpScreen" and app.screen.is_mounted

    cases: dict[str, Callable[[], Awaitable[float]]] = {}
    for s in SECTIONS:
        origin = "start" if s.id == "phases" else "phases"
        cases[f"{s.key.upper()} {s.label}"] = partial(timed_press, make(origin), s.key, on_mode(s.id))
    cases["F1 Help (over Phases)"] = partial(timed_press, make("phases"), "f1", help_shown)
    for tab in TABS[1:]:
        cases[f"F5 Deliverables, tab {tab}"] = partial(timed_tab, make("deliverables"), tab)
    return cases


async def settled(app) -> None:
    """The first section shown and its workers (a sync, a load) done: only the open itself is timed."""
    for _ in range(1000):  # at most 5 s: a worker that runs on (a watcher) is not the open's business
        if all(w.is_finished for w in app.workers):
            return
        await asyncio.sleep(0.005)


async def timed_press(make: Callable, key: str, changed: Callable) -> float:
    """Seconds from pressing `key` in a fresh app until `changed(app)` holds and the screen is painted."""
    app = make()
    async with app.run_test(headless=True, size=SIZE) as pilot:
        await settled(app)
        await pilot.pause()
        painted = first_paint(app, changed)
        start = time.perf_counter()
        await pilot.press(key)
        return await asyncio.wait_for(painted, PATIENCE) - start


def tab_shown(app, tab: str) -> bool:
    return app.screen.active_tab == tab and tab in app.screen._loaded


async def timed_tab(make: Callable, tab: str) -> float:
    """Seconds from activating the Deliverables tab `tab` (as its click or `]` does) to it being filled
    and painted, in a fresh app opened on the Deliverables' first tab."""
    app = make()
    async with app.run_test(headless=True, size=SIZE) as pilot:
        await settled(app)
        await pilot.pause()
        painted = first_paint(app, lambda app: tab_shown(app, tab))
        start = time.perf_counter()
        app.screen.show_tab(tab)
        return await asyncio.wait_for(painted, PATIENCE) - start


def bare_case() -> Callable[[], Awaitable[float]]:
    return partial(timed_press, bare_switch_app, "s", lambda app: app.current_mode == "two")


def child(label: str, folder: Path) -> None:
    """One measurement in this fresh interpreter: imports the open pulls in are paid, as a user's are."""
    cases = {BARE: bare_case(), **workbench_cases(folder)}
    print(asyncio.run(cases[label]()))


def in_child(label: str, folder: Path) -> float:
    out = subprocess.run(
        [sys.executable, __file__, "--child", label, str(folder)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=PATIENCE * 2,
    )
    if out.returncode != 0:
        raise SystemExit(f"{label}: exit {out.returncode}\n{out.stderr[-2000:]}")
    return float(out.stdout.strip().splitlines()[-1])


def main(runs: int) -> None:
    from workbench.cli.demo_cmd import ensure_demo

    os.environ["XDG_STATE_HOME"] = tempfile.mkdtemp(prefix="crmwb-bench-state-")  # no real recent list
    os.environ["CRMWB_CONFIG_DIR"] = tempfile.mkdtemp(prefix="crmwb-bench-config-")
    folder = ensure_demo(Path(tempfile.mkdtemp(prefix="crmwb-bench-")) / "demo", TODAY)
    labels = [BARE, *workbench_cases(folder)]
    in_child(BARE, folder)  # warm-up: .pyc files, the page cache
    samples: dict[str, list[float]] = {label: [] for label in labels}
    for _ in range(runs):  # round by round: a machine slowing down mid-run moves every case alike
        for label in labels:
            samples[label].append(in_child(label, folder))
    base = statistics.median(samples[BARE])
    print(f"first open, key press -> mounted and painted, fresh process each, headless {SIZE[0]}x{SIZE[1]}")
    print(f"  {runs} runs; target: every first open <= {TARGET_MS} ms (issue 15)")
    print(f"  {'':<36}{'min':>9}{'median':>10}{'x bare':>9}")
    for label, figures in samples.items():
        median = statistics.median(figures)
        verdict = "" if label == BARE else ("ok" if median * 1000 <= TARGET_MS else "OVER")
        print(
            f"  {label:<36}{min(figures) * 1000:>6.0f} ms{median * 1000:>7.0f} ms"
            f"{median / base:>8.1f}x  {verdict}"
        )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], Path(sys.argv[3]))
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
