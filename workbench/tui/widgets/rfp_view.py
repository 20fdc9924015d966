"""The RFP tab: filters (module, priority, search), the paged requirement table, a status line with the
Must-have share of the weight, and the highlighted requirement in full.

Filtering runs over a plain list before anything is rendered, so a 17,000-requirement catalogue filters
as fast as a small one; the table only ever holds one page.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Input, Select, Static

from workbench.domain.governance import MUST_WEIGHT_LIMIT, must_weight_share
from workbench.domain.locale import format_number, format_percent
from workbench.domain.playbook import Playbook
from workbench.domain.requirements import PRIORITIES
from workbench.domain.rfp_pack import priority_label
from workbench.domain.text import tr
from workbench.i18n import N_, _, current_language
from workbench.tui.bidi import visual
from workbench.tui.widgets.bidi_text import BidiText
from workbench.tui.widgets.paged_table import PagedTable
from workbench.tui.widgets.rfp_table import RfpRow, RfpTable, filter_rows, rfp_rows
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
        Binding(
            "slash", "search", N_("Search"), id="rfp.search", tooltip=N_("Search requirement ids and texts")
        ),
        Binding(
            "escape",
            "back_to_table",
            N_("Table"),
            show=False,
            id="rfp.back",
            tooltip=N_("Leave the filters and return to the table"),
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
            yield Select[str]([], prompt=visual(_("All modules")), compact=True, id="rfp-module")
            yield Select[str](
                [(visual(priority_label(p)), p) for p in PRIORITIES],
                prompt=visual(_("All priorities")),
                compact=True,
                id="rfp-priority",
            )
            yield Input(placeholder=visual(_("/ search id or text")), compact=True, id="rfp-search")
        yield RfpTable(id="rfp-table")
        yield Static(id="rfp-status")
        with VerticalScroll(id="rfp-detail"):
            yield BidiText(id="rfp-detail-text")

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
        options = [(visual(tr(m.name, self.lang)), m.id) for m in pb.modules]
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
        found = filter_rows(rows, module, priority, search, self.lang)
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

    def values(self, req_id: str) -> tuple[str, int] | None:
        """The requirement's priority and weight as shown (None: no such requirement)."""
        row = self._by_id.get(req_id)
        return (row.priority, row.weight) if row else None

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
        lang = current_language()

        def n(value: int) -> str:
            return format_number(value, lang)

        text = _("Page {page}/{pages} · {first}–{last} of {total}").format(
            page=n(info.page),
            pages=n(info.pages),
            first=n(info.first),
            last=n(info.last),
            total=n(info.total),
        )
        if info.total != len(self.rows):
            text += " " + _("(of {count})").format(count=n(len(self.rows)))
        if share is not None:
            text += " · " + _("Must-haves {share} of weight").format(
                share=format_percent(round(share * 100), lang)
            )
        status = Content(visual(text))
        if share is not None and share > MUST_WEIGHT_LIMIT:
            status += Content.styled(
                visual(
                    " ⚠ "
                    + _("over {limit}").format(limit=format_percent(round(MUST_WEIGHT_LIMIT * 100), lang))
                ),
                "$warning",
            )
        self.query_one("#rfp-status", Static).update(status, layout=False)  # one line, fixed size

    def _show_detail(self, row: RfpRow | None) -> None:
        shown = (row.id, row.priority, row.weight) if row else None
        if shown == self._detail_shown:  # a page turn and its cursor move both ask: lay out once
            return
        self._detail_shown = shown
        lines: list[tuple[str, str]] = []
        if row is not None:
            weight = _("weight {weight}").format(weight=format_number(row.scored_weight, current_language()))
            lines = [
                (f"{row.id}  {row.module_name} · {priority_label(row.priority)} · {weight}", "bold"),
                (row.text, ""),
            ]
            lines += [
                (f"{label}: {value}", "")
                for label, value in ((_("Why"), row.rationale), (_("Acceptance"), row.acceptance))
                if value
            ]
        self.query_one("#rfp-detail-text", BidiText).set_lines(lines)

    # ---- actions
    def action_search(self) -> None:
        self.query_one("#rfp-search", Input).focus()

    def action_back_to_table(self) -> None:
        self.table.focus()
