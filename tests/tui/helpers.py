"""Small helpers for Pilot journeys: settle the app (workers and messages) and read what a widget shows."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Static
from textual.worker import WorkerCancelled

from workbench.tui.widgets.bidi_text import BidiText


async def settle(pilot: Pilot) -> None:
    """Wait until no worker runs and the messages they posted are handled (never a sleep): a request can
    take a few message hops before its worker starts, so idle must hold three times in a row. A failed worker
    still fails the test (WorkerFailed)."""
    idle = 0
    for _ in range(100):
        await pilot.pause()
        busy = [w for w in pilot.app.workers if not w.is_finished]
        if busy:
            idle = 0
            try:
                await pilot.app.workers.wait_for_complete(busy)
            except WorkerCancelled:  # an exclusive worker replaced by a newer one (or its screen closed):
                pass  # not an error; the next round waits for whatever still runs
            continue
        idle += 1
        if idle == 3:
            return
    raise AssertionError("the app did not settle")


def text_of(widget: Static | BidiText) -> str:
    """The logical text a widget shows (a BidiText's before it is laid out for the terminal)."""
    return widget.text if isinstance(widget, BidiText) else str(widget.content)


async def open_phases(pilot: Pilot):
    """The Phases screen and its task list once the first read of the store is shown."""
    from workbench.tui.screens.phases import PhasesScreen
    from workbench.tui.widgets.task_table import TaskTable

    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, PhasesScreen)
    return screen, screen.query_one(TaskTable)
