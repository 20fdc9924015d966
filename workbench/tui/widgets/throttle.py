"""Run a view update at most once per interval while keys repeat.

Updating a Static (a detail pane, a status line) re-lays out the screen; doing that for every row the
cursor passes while an arrow key is held costs more than moving the cursor itself. The first call runs at
once (so a single key press shows its result immediately), later calls inside the interval collapse into
one that runs when the interval ends, with the latest value.
"""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic
from typing import Any

from textual.timer import Timer
from textual.widget import Widget

INTERVAL = 0.08
"""Seconds; below the ~100 ms at which a lagging pane starts to feel slow."""


class Throttle:
    def __init__(self, owner: Widget, action: Callable[[Any], None], interval: float = INTERVAL) -> None:
        self.owner = owner
        self.action = action
        self.interval = interval
        self._last = float("-inf")
        self._timer: Timer | None = None
        self._value: Any = None

    def __call__(self, value: Any) -> None:
        self._value = value
        if self._timer is not None:
            return
        wait = self._last + self.interval - monotonic()
        if wait <= 0:
            self._run()
        else:
            self._timer = self.owner.set_timer(wait, self._flush)

    def _flush(self) -> None:
        self._timer = None
        self._run()

    def _run(self) -> None:
        self._last = monotonic()
        self.action(self._value)
