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
from workbench.domain.rfp_pack import priority_label
from workbench.domain.search import every_language, foreign_words, matches, search_key, search_words
from workbench.domain.text import LocalText, tr
from workbench.i18n import N_
from workbench.tui.widgets.paged_table import PagedTable, clip

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
    haystack: str = ""
    """id and texts folded by `search_key`, so a search is one `in` test per word; made by the first
    search that needs it (`search_haystack`), not when the rows load"""
    sources: tuple[LocalText | None, ...] = ()
    """the requirement's texts in every language: a search in another script finds it in any of them (a
    Persian consultant pasting the Russian wording of a colleague)"""
    every_haystack: str = ""
    """the haystack with the texts of every language, made by the first search that needs it"""

    def search_haystack(self, every: bool = False) -> str:
        """The folded id and texts; `every`: in every language of the playbook, not only the row's."""
        if every and self.sources:
            if not self.every_haystack:
                self.every_haystack = search_key("\n".join([self.id, *every_language(self.sources)]))
            return self.every_haystack
        if not self.haystack:
            self.haystack = search_key(f"{self.id}\n{self.text}\n{self.rationale}\n{self.acceptance}")
        return self.haystack

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
                sources=(r.text, r.rationale, r.acceptance),
            )
        )
    return rows


def filter_rows(
    rows: Sequence[RfpRow], module: str | None, priority: str | None, search: str, lang: str = "en"
) -> list[RfpRow]:
    """Rows of one module and priority (None = any) whose id or texts contain every word of `search`,
    however its Persian or Russian was typed (workbench.domain.search). The rows are in `lang`; a word in
    another script is looked for in the texts of every language."""
    words = search_words(search)
    every = foreign_words(words, lang)
    return [
        r
        for r in rows
        if (module is None or r.module == module)
        and (priority is None or r.priority == priority)
        and (not words or matches(words, r.search_haystack(every)))
    ]


def weight_bar(weight: int) -> str:
    from workbench.domain.locale import localize_digits
    from workbench.i18n import current_language

    return f"{localize_digits(str(weight), current_language())} {'●' * weight}{'·' * (5 - weight)}"


class RfpTable(PagedTable):
    """Requirements, one line each; the text column takes whatever width the others leave."""

    COLUMNS: ClassVar[list[tuple[str, str]]] = [
        ("id", N_("ID")),
        ("module", N_("Module")),
        ("priority", N_("Priority")),
        ("weight", N_("Weight")),
        ("text", N_("Requirement")),
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "m", "priority('must')", N_("Must"), id="rfp.must", tooltip=N_("Make the requirement a Must-have")
        ),
        Binding(
            "s", "priority('should')", N_("Should"), id="rfp.should", tooltip=N_("Make it a Should-have")
        ),
        Binding("c", "priority('could')", N_("Could"), id="rfp.could", tooltip=N_("Make it a Could-have")),
        Binding(
            "w", "priority('wont')", N_("Won't"), id="rfp.wont", tooltip=N_("Leave it out of this release")
        ),
        *(
            Binding(
                str(n),
                f"weight({n})",
                N_("Weight 1-5"),
                show=False,
                id=f"rfp.weight_{n}",
                tooltip=N_("Set the weight to the number pressed"),
            )
            for n in range(1, 6)
        ),
        Binding(
            "plus,equals_sign",
            "weight_step(1)",
            N_("Weight +"),
            id="rfp.weight_up",
            tooltip=N_("Raise the weight by one (1-5)"),
        ),
        Binding(
            "minus",
            "weight_step(-1)",
            N_("Weight −"),
            id="rfp.weight_down",
            tooltip=N_("Lower the weight by one (1-5)"),
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
            Text(priority_label(item.priority), style=_PRIORITY_STYLES[item.priority]),
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
