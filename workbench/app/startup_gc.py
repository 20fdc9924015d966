"""The cyclic garbage collector paused while the TUI starts, and resumed once its first working screen is
painted.

Why: starting the workbench allocates a few hundred thousand objects that all live as long as the
process (modules, pydantic's validators, the stylesheet, the playbook, the widgets). Each time the
allocation count passes the collector's threshold it walks the objects of the generations due, and the
oldest one holds everything imported so far; none of it is garbage. Measured with
`benchmarks/tui_first_screen_bench.py`, those walks were about a quarter of the CPU time of `crmwb` to its
start screen. So the collector is off from the command line's first step to the first working screen;
then everything alive is moved to the permanent generation (`gc.freeze`, which later collections skip)
and the collector is switched back on for the rest of the session.

The price: a reference cycle that was created during start-up and dropped before the first screen stays
in memory (frozen, never collected). The start-up makes few of them (`tests/tui/test_startup.py` counts them).
Reference counting, which frees nearly everything, is never paused.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_paused_here = False
"""True while the collector is off because of `paused_until_first_screen` (not someone else's choice)"""


@contextmanager
def paused_until_first_screen() -> Iterator[None]:
    """Pause the collector for a TUI start; `first_screen_painted` resumes it. Whatever happens, the
    collector is as it was when the block ends (a command that never showed a screen, an error)."""
    global _paused_here
    if not gc.isenabled():  # somebody else paused it: theirs to resume
        yield
        return
    gc.disable()
    _paused_here = True
    try:
        yield
    finally:
        if _paused_here:
            _paused_here = False
            gc.enable()


def first_screen_painted() -> None:
    """Freeze what start-up built and switch the collector back on (a no-op unless start-up paused it)."""
    global _paused_here
    if _paused_here:
        _paused_here = False
        gc.freeze()
        gc.enable()
