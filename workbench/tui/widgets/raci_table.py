"""The RACI: tasks down (grouped by phase), roles across, R/A/C/I in the cells.

Rows come from domain.matrix.raci_table, as in the xlsx and Markdown. Paged like the other big tables:
the 100x playbook has 4,200 tasks.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from rich.text import Text

from workbench.domain.matrix import RaciRow, RaciTable
from workbench.tui.widgets.paged_table import PagedTable, clip

LETTER_STYLES = {"R": "bold", "A": "bold reverse", "C": "", "I": "dim"}
TASK_WIDTH = 40


def two_lines(name: str) -> Text:
    """A role name over two header lines, split at the space nearest the middle, to keep columns narrow."""
    spaces = [i for i, ch in enumerate(name) if ch == " "]
    if not spaces:
        return Text(f"{name}\n")
    cut = min(spaces, key=lambda i: abs(i - len(name) / 2))
    return Text(f"{name[:cut]}\n{name[cut + 1 :]}")


class RaciGrid(PagedTable):
    """The phase name shows on the first row of each phase (and of each page), so phases read as groups."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(fixed_columns=2, header_height=2, id=id)
        self.roles: list[str] = []

    def load(self, raci: RaciTable, keep: str | None = None) -> None:
        roles = [role for role, _ in raci.roles]
        if roles != self.roles or not self.columns:
            self.roles = roles
            self.set_columns(
                [("phase", Text("Phase\n", style="bold")), ("task", Text("Task\n", style="bold"))]
                + [(role, two_lines(name)) for role, name in raci.roles]
            )
        self.set_items(raci.rows, keep=keep)

    def item_key(self, item: RaciRow) -> str:
        return item.task

    def render_item(self, item: RaciRow, position: int) -> Sequence[RenderableType]:
        first = position % self.page_size == 0 or self.items[position - 1].phase != item.phase
        cells: list[RenderableType] = [
            Text(item.phase_name if first else "", style="bold"),
            Text(clip(item.name, TASK_WIDTH)),
        ]
        for role in self.roles:
            letter = item.letters.get(role, "")
            cells.append(Text(letter, style=LETTER_STYLES.get(letter, ""), justify="center"))
        return cells
