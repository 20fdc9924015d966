"""How wide each column of the task list is: the task's name gets the room, the owner and the assignee
what they need up to a cap, and when the width is short they shrink, then go (owner first): the details
pane shows both in full. Plain arithmetic on character counts, so it is tested without a screen."""

from __future__ import annotations

NAME_MIN = 16
FLEX_MIN = 8
FLEX_MAX = {"owner": 24, "assignee": 20}
"""the most an owner or assignee column takes; a longer value is cut there and read in the details"""
ORDER = ("critical", "name", "status", "owner", "assignee", "due")


def layout(available: int, longest: dict[str, int], padding: int = 1) -> dict[str, int]:
    """Column key -> width, in display order, for a table `available` cells wide.

    `longest` holds the widest value (or header) of each column: status and due are fixed at theirs, the
    name takes 55% of what the fixed columns leave (or all it needs), the assignee and the owner
    share the rest (the assignee first) down to FLEX_MIN each, and a column that cannot have that much is
    left out (the owner first)."""
    fixed = {"critical": 1, "status": longest.get("status", 9), "due": longest.get("due", 10)}
    flex = {key: max(FLEX_MIN, min(longest.get(key, 0), cap)) for key, cap in FLEX_MAX.items()}
    while True:
        columns = len(fixed) + 1 + len(flex)
        room = available - sum(fixed.values()) - 2 * padding * columns - 1
        name = min(max(longest.get("name", 0), NAME_MIN), max(NAME_MIN, room * 11 // 20))
        spare = room - name
        if spare >= FLEX_MIN * len(flex) or not flex:
            flex = _shrunk(flex, spare)
            widths = {**fixed, **flex, "name": max(NAME_MIN, room - sum(flex.values()))}
            return {key: widths[key] for key in ORDER if key in widths}
        flex.pop("owner" if "owner" in flex else "assignee")


def _shrunk(flex: dict[str, int], spare: int) -> dict[str, int]:
    """The flexible columns cut to fit `spare`, none below FLEX_MIN: the assignee (a person's name, read
    when looking for one's own work) keeps what it needs first, the owner (a role, the same for many rows)
    gets the rest."""
    if sum(flex.values()) <= spare or len(flex) <= 1:
        return {key: min(width, spare) for key, width in flex.items()}
    assignee = min(flex["assignee"], spare - FLEX_MIN)
    return {"owner": spare - assignee, "assignee": assignee}
