"""The RFP tab: filters (module, priority, search), the paged requirement table, a status line with the
Must-have share of the weight, and the highlighted requirement in full.

Filtering runs over a plain list before anything is rendered, so a 17,000-requirement catalogue filters
as fast as a small one; the table only ever holds one page.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Input, Select, Static

from workbench.domain.governance import MUST_WEIGHT_LIMIT, must_weight_share
from workbench.domain.playbook import Playbook
from workbench.domain.requirements import PRIORITIES
from workbench.domain.text import tr
from workbench.tui.widgets.paged_table import PagedTable
from workbench.tui.widgets.rfp_table import PRIORITY_LABELS, RfpRow, RfpTable, filter_rows, rfp_rows
from workbench.tui.widgets.throttle import Throttle


class RfpView(Vertical):
    """Holds every requirement row; shows the filtered ones."""

    DEFAULT_CSS = """
    RfpView { height: 1fr; }
    RfpView #rfp-filters { height: 1; }
    RfpView #rfp-filters Select { width: 26; margin-right: 1; }
    RfpView #rfp-filters Input { width: 1fr; }
    RfpView RfpTable { height: 1fr; }
    RfpView #rfp-status { height: 1; background: $panel; padding: 0 1; }
    RfpView #rfp-detail { height: 30%; min-height: 4; max-height: 12; border-top: solid $primary-muted;
                          padding: 0 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", id="rfp.search", tooltip="Search requirement ids and texts"),
        Binding(
            "escape",
            "back_to_table",
            "Table",
            show=False,
            id="rfp.back",
            tooltip="Leave the filters and return to the table",
        ),
    ]

    def __init__(self, lang: str = "en", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self.rows: list[RfpRow] = []
        self._by_id: dict[str, RfpRow] = {}
        self._detail = Throttle(self, self._show_detail)
        self._module_options: list[tuple[str, str]] = []
        self._share: float | None = None
        self._detail_shown: tuple | None = None
        self._last: tuple[str | None, str | None, str, list[RfpRow]] | None = None
        """the last filter and its result: typing on narrows that result instead of every row"""

    def compose(self) -> ComposeResult:
        with Horizontal(id="rfp-filters"):
            yield Select[str]([], prompt="All modules", compact=True, id="rfp-module")
            yield Select[str](
                [(PRIORITY_LABELS[p], p) for p in PRIORITIES],
                prompt="All priorities",
                compact=True,
                id="rfp-priority",
            )
            yield Input(placeholder="/ search id or text", compact=True, id="rfp-search")
        yield RfpTable(id="rfp-table")
        yield Static(id="rfp-status")
        with VerticalScroll(id="rfp-detail"):
            yield Static(id="rfp-detail-text")

    @property
    def table(self) -> RfpTable:
        return self.query_one(RfpTable)

    def load(self, pb: Playbook) -> None:
        """(Re)load the rows from a resolved playbook, keeping the filters and the highlighted requirement."""
        current = self.table.current_item
        self.rows = rfp_rows(pb, self.lang)
        self._by_id = {r.id: r for r in self.rows}
        self._last = None
        self._share = must_weight_share((r.priority, r.weight) for r in self.rows)
        modules = self.query_one("#rfp-module", Select)
        options = [(tr(m.name, self.lang), m.id) for m in pb.modules]
        if options != self._module_options:
            self._module_options = options
            with modules.prevent(Select.Changed):
                modules.set_options(options)
        self.refilter(keep=current.id if current else None)

    def refilter(self, keep: str | None = None) -> None:
        module = self.query_one("#rfp-module", Select).selection
        priority = self.query_one("#rfp-priority", Select).selection
        search = self.query_one("#rfp-search", Input).value
        rows: list[RfpRow] = self.rows
        if self._last and self._last[:2] == (module, priority) and search.startswith(self._last[2]):
            rows = self._last[3]  # every row the longer search matches, the shorter one matched too
        found = filter_rows(rows, module, priority, search)
        self._last = (module, priority, search, found)
        self.table.set_items(found, keep=keep)

    def apply_edit(self, req_id: str, priority: str, weight: int) -> None:
        """Show a saved edit: the row, the Must-have share and, when the priority filter now hides the
        row, the list without it."""
        row = self._by_id.get(req_id)
        if row is None:
            return
        row.priority, row.weight = priority, weight
        self._last = None
        self._share = must_weight_share((r.priority, r.weight) for r in self.rows)
        row_filtered_out = self.query_one("#rfp-priority", Select).selection not in (None, priority)
        if row_filtered_out:
            self.refilter(keep=req_id)
        else:
            self.table.refresh_item(req_id)
        self._show_status()
        self._show_detail(row)

    def show_priority(self, priority: str | None) -> None:
        """Filter to one priority (None: all) and put the focus on the table."""
        select = self.query_one("#rfp-priority", Select)
        if priority is None:
            select.clear()
        else:
            select.value = priority
        self.table.focus()

    # ---- events
    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self.refilter()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.refilter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.table.focus()

    def on_paged_table_page_changed(self, event: PagedTable.PageChanged) -> None:
        event.stop()
        self._show_status()
        self._detail(self.table.current_item)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._detail(self._by_id.get(event.row_key.value or ""))

    def _show_status(self) -> None:
        info = self.table.info
        share = self._share
        status = Content(
            f"Page {info.page}/{info.pages} · {info.first:,}–{info.last:,} of {info.total:,}"
            + (f" (of {len(self.rows):,})" if info.total != len(self.rows) else "")
        )
        if share is not None:
            status += Content(f" · Must-haves {share:.0%} of weight")
            if share > MUST_WEIGHT_LIMIT:
                status += Content.from_markup(f" [$warning]⚠ over {MUST_WEIGHT_LIMIT:.0%}[/]")
        self.query_one("#rfp-status", Static).update(status, layout=False)  # one line, fixed size

    def _show_detail(self, row: RfpRow | None) -> None:
        shown = (row.id, row.priority, row.weight) if row else None
        if shown == self._detail_shown:  # a page turn and its cursor move both ask: lay out once
            return
        self._detail_shown = shown
        text = Text()
        if row is not None:
            text.append(f"{row.id}", style="bold").append(
                f"  {row.module_name} · {PRIORITY_LABELS[row.priority]} · weight {row.scored_weight}\n"
            )
            text.append(row.text)
            for label, value in (("Why", row.rationale), ("Acceptance", row.acceptance)):
                if value:
                    text.append(f"\n{label}: ", style="bold").append(value)
        self.query_one("#rfp-detail-text", Static).update(text)

    # ---- actions
    def action_search(self) -> None:
        self.query_one("#rfp-search", Input).focus()

    def action_back_to_table(self) -> None:
        self.table.focus()
