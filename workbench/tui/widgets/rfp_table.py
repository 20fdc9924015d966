"""The RFP requirements as a paged table, with keys to re-prioritise and re-weight the highlighted one.

The table never saves anything: an edit key posts `EditRequested` and the screen writes the override and
re-opens the engagement, so the export and every other view see the same numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message

from workbench.domain.playbook import Playbook
from workbench.domain.requirements import PRIORITIES, scored_weight
from workbench.domain.text import tr
from workbench.tui.widgets.paged_table import PagedTable, clip

PRIORITY_LABELS = {"must": "Must", "should": "Should", "could": "Could", "wont": "Won't"}
_PRIORITY_STYLES = {"must": "bold", "should": "", "could": "italic", "wont": "dim"}
MODULE_WIDTH = 16


@dataclass(slots=True)
class RfpRow:
    """One requirement as the view shows it; priority and weight change in place when edited."""

    id: str
    module: str
    module_name: str
    priority: str
    weight: int
    text: str
    rationale: str
    acceptance: str
    haystack: str
    """id and texts in lower case, so a search is one `in` test"""

    @property
    def scored_weight(self) -> int:
        """What the requirement weighs in the export and the score (0 for a Won't-have); `weight` is the
        weight it was given, kept for when it is promoted again."""
        return int(scored_weight(self.priority, self.weight))


def rfp_rows(pb: Playbook, lang: str = "en") -> list[RfpRow]:
    """The resolved playbook's requirements in catalogue order, with every text in `lang`."""
    modules = {m.id: tr(m.name, lang) for m in pb.modules}
    rows = []
    for r in pb.requirements:
        text, rationale, acceptance = tr(r.text, lang), tr(r.rationale, lang), tr(r.acceptance, lang)
        rows.append(
            RfpRow(
                r.id,
                r.module,
                modules.get(r.module, r.module),
                r.priority,
                r.weight,
                text,
                rationale,
                acceptance,
                f"{r.id}\n{text}\n{rationale}\n{acceptance}".lower(),
            )
        )
    return rows


def filter_rows(
    rows: Sequence[RfpRow], module: str | None, priority: str | None, search: str
) -> list[RfpRow]:
    """Rows of one module and priority (None = any) whose id or texts contain every word of `search`."""
    words = search.lower().split()
    return [
        r
        for r in rows
        if (module is None or r.module == module)
        and (priority is None or r.priority == priority)
        and all(w in r.haystack for w in words)
    ]


def weight_bar(weight: int) -> str:
    return f"{weight} {'●' * weight}{'·' * (5 - weight)}"


class RfpTable(PagedTable):
    """Requirements, one line each; the text column takes whatever width the others leave."""

    COLUMNS: ClassVar[list[tuple[str, str]]] = [
        ("id", "ID"),
        ("module", "Module"),
        ("priority", "Priority"),
        ("weight", "Weight"),
        ("text", "Requirement"),
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "priority('must')", "Must", id="rfp.must", tooltip="Make the requirement a Must-have"),
        Binding("s", "priority('should')", "Should", id="rfp.should", tooltip="Make it a Should-have"),
        Binding("c", "priority('could')", "Could", id="rfp.could", tooltip="Make it a Could-have"),
        Binding("w", "priority('wont')", "Won't", id="rfp.wont", tooltip="Leave it out of this release"),
        *(
            Binding(
                str(n),
                f"weight({n})",
                f"Weight {n}",
                show=False,
                id=f"rfp.weight_{n}",
                tooltip=f"Set the weight to {n}",
            )
            for n in range(1, 6)
        ),
        Binding(
            "plus,equals_sign",
            "weight_step(1)",
            "Weight +",
            id="rfp.weight_up",
            tooltip="Raise the weight by one (1-5)",
        ),
        Binding(
            "minus",
            "weight_step(-1)",
            "Weight −",
            id="rfp.weight_down",
            tooltip="Lower the weight by one (1-5)",
        ),
    ]

    class EditRequested(Message):
        """The user wants requirement `req_id` to have this priority and weight."""

        def __init__(self, req_id: str, priority: str, weight: int) -> None:
            super().__init__()
            self.req_id = req_id
            self.priority = priority
            self.weight = weight

    def item_key(self, item: RfpRow) -> str:
        return item.id

    text_width = 60
    """Characters of requirement text per row: what the table's width leaves after the other columns."""

    def render_item(self, item: RfpRow, position: int) -> Sequence[RenderableType]:
        # Text, never str: a str cell is read as Rich markup, and requirement texts may hold brackets.
        return (
            Text(item.id),
            Text(clip(item.module_name, MODULE_WIDTH)),
            Text(PRIORITY_LABELS[item.priority], style=_PRIORITY_STYLES[item.priority]),
            Text(weight_bar(item.scored_weight)),
            Text(clip(item.text, self.text_width)),
        )

    def on_resize(self) -> None:
        """Fit the requirement text to the width, so the table never scrolls sideways."""
        others = sum(c.get_render_width(self) for key, c in self.columns.items() if key != "text")
        width = max(self.size.width - others - 2 * self.cell_padding - self.scrollbar_size_vertical, 12)
        if width != self.text_width:
            self.text_width = width
            row = self.cursor_row
            self.set_columns(self.column_spec)  # a column keeps its widest cell; start the widths afresh
            self.show_page(self.page, row)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("priority", "weight", "weight_step"):
            return self.current_item is not None or None
        return super().check_action(action, parameters)

    def action_priority(self, priority: str) -> None:
        item = self.current_item
        if item is not None and priority in PRIORITIES and priority != item.priority:
            self.post_message(self.EditRequested(item.id, priority, item.weight))

    def action_weight(self, weight: int) -> None:
        item = self.current_item
        if item is not None and weight != item.weight:
            self.post_message(self.EditRequested(item.id, item.priority, weight))

    def action_weight_step(self, step: int) -> None:
        item = self.current_item
        if item is not None:
            self.action_weight(min(5, max(1, item.weight + step)))
