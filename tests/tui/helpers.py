"""Small helpers for Pilot journeys: settle the app (workers and messages) and read what a widget shows."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import DataTable, Static
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


async def painted(pilot: Pilot) -> None:
    """Settle, then lay out and paint the screens under a dialog, so a snapshot shows them as they are.

    Why: opening a dialog moves the focus off the screen below, so that screen's footer recomposes (other
    keys apply) and needs a layout. Textual lays a screen out only from its own idle handler, which a
    screen under a modal no longer gets: its layout stays pending, and the dim layer is drawn from the old
    layout, which still names the removed footer keys; whether those are painted blank or as before
    depends on when their caches go, so the week dialogs' snapshots differed run to run. Here each such
    screen does the layout Textual would do on its next update (`_on_timer_update`, which also marks the
    top screen for a repaint), and the loop waits until nothing on the stack is pending."""
    await settle(pilot)
    app = pilot.app
    still = 0
    for _ in range(100):
        below = [screen for screen in app._background_screens if _layout_pending(screen)]
        working = any(not worker.is_finished for worker in app.workers)  # rows still to come (a loaded
        # machine can start a screen's worker after settle's quiet rounds: the portfolio's once came late)
        if not below and not working and not (_layout_pending(app.screen) or app.screen._repaint_required):
            still += 1
            if still == 3:  # as in settle: a layout can start a resize handler that changes more
                return
        else:
            still = 0
        for screen in below:
            screen._on_timer_update()
        await pilot.pause()
    raise AssertionError("the screens were not painted")


def _layout_pending(screen) -> bool:
    """A layout, a scroll, a recompose, callbacks after the next refresh or widgets to paint are waiting
    (a screen under a dialog keeps its `_repaint_required` set after each update: the top screen repaints
    what it covers), or a table has rows whose column widths it has not measured yet (it does so when its
    own queue is idle, which can come after the app's: the portfolio once showed its columns at their
    headings' width)."""
    return bool(
        screen._layout_required
        or screen._scroll_required
        or screen._recompose_required
        or screen._dirty_widgets
        or screen._callbacks  # call_after_refresh work not run yet (a relabelled tab's underline is moved so)
        or any(table._require_update_dimensions or table._updated_cells for table in screen.query(DataTable))
    )
