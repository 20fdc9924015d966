"""The RACI: tasks down (grouped by phase), roles across, R/A/C/I in the cells.

Rows come from domain.matrix.raci_table, as in the xlsx and Markdown. Paged like the other big tables:
the 100x playbook has 4,200 tasks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import RenderableType
from rich.text import Text

from workbench.domain.matrix import RaciRow, RaciTable
from workbench.i18n import _
from workbench.tui.bidi import visual
from workbench.tui.widgets.paged_table import PagedTable, clip

LETTER_STYLES = {"R": "bold", "A": "bold reverse", "C": "", "I": "dim"}
TASK_WIDTH = 40
NARROW_TASK_WIDTH = 22
NARROW_PHASE_WIDTH = 12
NARROW_ROLE_WIDTH = 10
"""At 80 columns the phase and the task (which stay put) leave room for three or four roles."""


def two_lines(name: str, width: int | None = None) -> Text:
    """A role name over two header lines, split at the space nearest the middle, to keep columns narrow;
    each line clipped to `width` when given (a narrow terminal)."""
    spaces = [i for i, ch in enumerate(name) if ch == " "]
    first, second = (name, "") if not spaces else _halves(name, spaces)
    if width is not None:
        first, second = clip(first, width), clip(second, width)
    return Text(f"{visual(first)}\n{visual(second)}")


def _halves(name: str, spaces: list[int]) -> tuple[str, str]:
    cut = min(spaces, key=lambda i: abs(i - len(name) / 2))
    return name[:cut], name[cut + 1 :]


class RaciGrid(PagedTable):
    """The phase name shows on the first row of each phase (and of each page), so phases read as groups."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(fixed_columns=2, header_height=2, id=id)
        self.roles: list[str] = []
        self.role_names: list[tuple[str, str]] = []

    def load(self, raci: RaciTable, keep: str | None = None) -> None:
        roles = [role for role, _ in raci.roles]
        if roles != self.roles or not self.columns:
            self.roles, self.role_names = roles, list(raci.roles)
            self.set_columns(self.narrow_columns())
        self.set_items(raci.rows, keep=keep)

    def narrow_columns(self) -> list[tuple[str, Any]]:
        """Phase and task headings, then each role over two lines (clipped in a narrow terminal)."""
        width = NARROW_ROLE_WIDTH if self.narrow else None
        return [
            ("phase", Text(visual(_("Phase")) + "\n", style="bold")),
            ("task", Text(visual(_("Task")) + "\n", style="bold")),
        ] + [(role, two_lines(name, width)) for role, name in self.role_names]

    def item_key(self, item: RaciRow) -> str:
        return item.task

    def render_item(self, item: RaciRow, position: int) -> Sequence[RenderableType]:
        first = position % self.page_size == 0 or self.items[position - 1].phase != item.phase
        phase = item.phase_name if first else ""
        cells: list[RenderableType] = [
            Text(clip(phase, NARROW_PHASE_WIDTH) if self.narrow else phase, style="bold"),
            Text(clip(item.name, NARROW_TASK_WIDTH if self.narrow else TASK_WIDTH)),
        ]
        for role in self.roles:
            letter = item.letters.get(role, "")
            cells.append(Text(letter, style=LETTER_STYLES.get(letter, ""), justify="center"))
        return cells
