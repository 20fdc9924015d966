"""A DataTable that shows a long list one page at a time.

A plain DataTable measures and stores every row it is given (about 40 s for 100k rows), so the big views
(RFP, RACI, plan, KPIs of a 100x playbook) keep their items in a plain list, filter that list, and hand
the table only the current page. Cells are rendered when a page is shown, not when items are loaded,
which also lets a theme change re-colour the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.console import RenderableType
from rich.style import Style
from textual import events, on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from workbench.i18n import N_, _
from workbench.tui.bidi import paint

PAGE_SIZE = 100
"""Rows per page: big enough to scroll a screenful many times over, small enough to show at once."""
NARROW_BELOW = 100
"""Terminal columns below which the wide tables take their narrow form (`PagedTable.narrow`): an 80-column
SSH session or tmux pane must still show data beside the fixed label columns."""


@dataclass(frozen=True)
class PageInfo:
    """Where the table is in its item list, for a status line."""

    page: int
    pages: int
    first: int
    """1-based index of the first item on the page (0 when there are no items)"""
    last: int
    total: int


class PagedTable(DataTable):
    """Subclasses name the columns (`COLUMNS`) and say how an item becomes a key and a row of cells."""

    COLUMNS: ClassVar[list[tuple[str, Any]]] = []
    """(column key, label) in display order; keys are stable, so `update_cell` can target them. A str
    label is an N_ constant, translated when the columns are set."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "n", "next_page", N_("Next page"), id="table.next_page", tooltip=N_("Show the next page of rows")
        ),
        Binding(
            "p",
            "previous_page",
            N_("Prev page"),
            id="table.previous_page",
            tooltip=N_("Show the previous page of rows"),
        ),
    ]

    class PageChanged(Message):
        """A new page (or a new item list) is showing."""

        def __init__(self, table: PagedTable, info: PageInfo) -> None:
            super().__init__()
            self.table = table
            self.info = info

        @property
        def control(self) -> PagedTable:
            return self.table

    def __init__(
        self,
        *,
        page_size: int = PAGE_SIZE,
        fixed_columns: int = 1,
        header_height: int = 1,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(
            cursor_type="row",
            fixed_columns=fixed_columns,
            header_height=header_height,
            id=id,
            classes=classes,
        )
        self.page_size = page_size
        self.page = 0
        self.items: Sequence[Any] = []
        self._keys: dict[str, int] | None = None
        self.column_spec: list[tuple[str, Any]] = list(self.COLUMNS)
        self._ends: tuple[int, bool, bool] | None = None
        """(pages, on the first, on the last) when the paging keys were last refreshed"""
        self._focus_pending = False
        self._narrow_shown: bool | None = None
        """`narrow` when the page was last laid out, to re-lay it when a resize crosses NARROW_BELOW"""

    @property
    def narrow(self) -> bool:
        """The terminal is narrower than NARROW_BELOW: label columns are clipped shorter (render_item and
        the column headings read this), so the fixed columns leave room for the data."""
        return self.app.size.width < NARROW_BELOW

    @on(events.Resize)
    def _narrow_or_wide(self) -> None:
        narrow = self.narrow
        if self._narrow_shown is not None and narrow != self._narrow_shown:
            self.narrow_changed()
        self._narrow_shown = narrow

    def narrow_changed(self) -> None:
        """The terminal crossed NARROW_BELOW: set the columns again (a column never shrinks by itself) and
        lay the page out again; tables whose headings follow the width override `narrow_columns`."""
        row = self.cursor_row
        self.set_columns(self.narrow_columns())
        self.show_page(self.page, row)

    def narrow_columns(self) -> list[tuple[str, Any]]:
        """The column spec for the current width (the same at every width unless a table says otherwise)."""
        return self.column_spec

    # ---- for subclasses
    def item_key(self, item: Any) -> str:
        raise NotImplementedError

    def render_item(self, item: Any, position: int) -> Sequence[RenderableType]:
        """The cells of one row; `position` is the item's index in the whole (filtered) list."""
        raise NotImplementedError

    def painted(self, item: Any, position: int) -> list[RenderableType]:
        """The row's cells laid out for the terminal (Persian shaped, reordered, right-aligned): the one
        place every paged table's text is prepared for drawing; the items keep their logical text."""
        return [paint(cell) for cell in self.render_item(item, position)]

    # ---- loading and paging
    def on_mount(self) -> None:
        if not self.columns:
            self.set_columns(self.column_spec)
        self.app.theme_changed_signal.subscribe(self, lambda _: self.show_page(self.page, self.cursor_row))

    def set_columns(self, spec: list[tuple[str, Any]]) -> None:
        """Replace the columns (for tables whose columns follow the data, such as RACI's roles)."""
        self.column_spec = list(spec)
        self.clear(columns=True)
        for key, label in self.column_spec:
            # a str label is an N_ constant, laid out here; a Text label comes laid out by its table
            self.add_column(paint(_(label)) if isinstance(label, str) and label.strip() else label, key=key)

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.items) // self.page_size))

    @property
    def _index(self) -> dict[str, int]:
        """Item key -> position, built when first asked for (not on every keystroke of a search)."""
        if self._keys is None:
            self._keys = {self.item_key(item): i for i, item in enumerate(self.items)}
        return self._keys

    @property
    def info(self) -> PageInfo:
        first = self.page * self.page_size
        last = min(first + self.page_size, len(self.items))
        return PageInfo(self.page + 1, self.pages, first + 1 if last else 0, last, len(self.items))

    def set_items(self, items: Sequence[Any], keep: str | None = None) -> None:
        """Show a new item list; the cursor stays on `keep` (an item key) when it is still in the list."""
        self.items = items
        self._keys = None
        where = self._index.get(keep) if keep is not None else None
        self.show_page(
            0 if where is None else where // self.page_size, 0 if where is None else where % self.page_size
        )

    def show_page(self, page: int, row: int = 0) -> None:
        """Replace the rows with page `page` in one pass (add_rows cannot take keys, so add_row in a loop)."""
        if not self.columns:
            self.set_columns(self.column_spec)
        self.page = min(max(page, 0), self.pages - 1)
        start = self.page * self.page_size
        self.clear()
        for position in range(start, min(start + self.page_size, len(self.items))):
            item = self.items[position]
            self.add_row(*self.painted(item, position), key=self.item_key(item))
        if self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1), animate=False)
        ends = (self.pages, self.page == 0, self.page + 1 == self.pages)
        if ends != self._ends:  # the footer re-lays itself out: only when keys change
            self._ends = ends
            self.refresh_bindings()
        self.post_message(self.PageChanged(self, self.info))

    def refresh_item(self, key: str) -> None:
        """Re-render one item's row in place (after an edit), if it is on this page."""
        position = self._index.get(key)
        if position is None or position // self.page_size != self.page:
            return
        cells = self.painted(self.items[position], position)
        for (column, _label), value in zip(self.column_spec, cells):
            self.update_cell(key, column, value)

    def go_to(self, key: str) -> bool:
        """Show the page holding `key` and put the cursor on it; False when it is not in the list."""
        position = self._index.get(key)
        if position is None:
            return False
        if position // self.page_size != self.page:
            self.show_page(position // self.page_size, position % self.page_size)
        else:
            self.move_cursor(row=position % self.page_size, animate=False)
        return True

    @property
    def current_item(self) -> Any | None:
        """The item under the cursor (None on an empty table)."""
        if not self.row_count:
            return None
        position = self.page * self.page_size + self.cursor_row
        return self.items[position] if position < len(self.items) else None

    def focus(self, scroll_visible: bool = True) -> PagedTable:
        """A table still loading its rows cannot take the focus; it takes it once the rows are in."""
        if self.loading:
            self._focus_pending = True
            return self
        return super().focus(scroll_visible)

    def watch_loading(self, loading: bool) -> None:
        if not loading and self._focus_pending:
            self._focus_pending = False
            self.call_after_refresh(self.focus)

    # ---- actions
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # one page: no paging keys at all; several: the key that leads nowhere is greyed out
        if action == "next_page":
            return False if self.pages == 1 else (self.page + 1 < self.pages or None)
        if action == "previous_page":
            return False if self.pages == 1 else (self.page > 0 or None)
        return super().check_action(action, parameters)

    def action_next_page(self) -> None:
        if self.page + 1 < self.pages:
            self.show_page(self.page + 1)

    def action_previous_page(self) -> None:
        if self.page > 0:
            self.show_page(self.page - 1)

    def action_cursor_down(self) -> None:
        """Moving down off the last row of a page turns the page, so the list reads as one."""
        if self.row_count and self.cursor_row == self.row_count - 1 and self.page + 1 < self.pages:
            self.show_page(self.page + 1, 0)
        else:
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if self.row_count and self.cursor_row == 0 and self.page > 0:
            self.show_page(self.page - 1, self.page_size - 1)
        else:
            super().action_cursor_up()


def theme_style(widget: DataTable, variable: str, bold: bool = False) -> Style:
    """A Rich style in a theme colour ($error, $success, $accent...), for cells: DataTable renders Rich
    renderables, which cannot name theme variables themselves (see workbench.tui.colours)."""
    from workbench.tui.colours import theme_style as resolved

    return resolved(widget.app, variable, bold)


def clip(text: str, width: int) -> str:
    """Cut a cell's text to `width` with an ellipsis, so one long name cannot widen a whole column."""
    return text if len(text) <= width else text[: width - 1] + "…"
