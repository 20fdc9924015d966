"""What both stores share for taking a task change back (StateStore.undo_change): the column each kind of
event changes, and a seam between the check and the writes.

The seam is there for the test that proves the two happen in one transaction: it runs a real second
process that tries to write at exactly that moment, and must see it wait (or be refused as busy), never
slip in. Nothing else registers a hook; with none, calling it costs a list lookup.
"""

from __future__ import annotations

from collections.abc import Callable

UNDO_COLUMNS = {"status": "status", "assign": "assignee", "due": "due"}
"""event kind -> the tasks column it changes"""
CURRENT_INDEX = {"status": 0, "assignee": 1, "due": 2}
"""tasks column -> its place in the stores' `_current` row"""

HOOKS: list[Callable[[], None]] = []
"""called, in order, after the undo's check and before its first write, inside the transaction"""


def between_check_and_write() -> None:
    for hook in list(HOOKS):
        hook()
