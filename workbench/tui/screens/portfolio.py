"""The portfolio of the engagements this person works on, from the start screen (`p`): the same rows as
`crmwb portfolio` (the use case `workbench.app.portfolio`, read-only), for the recent engagements and, when
$CRMWB_STORE names a team store, every engagement it holds. Sort (`s`, `r`), filter (`f`), and Enter opens
the highlighted engagement.

Reading fifty engagements takes about a second, so it runs in a thread worker; the table says so meanwhile."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.cells import cell_len
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Label, Static

from workbench.domain.locale import format_number
from workbench.i18n import N_, _, current_language, ngettext
from workbench.store.engagement_file import is_engagement
from workbench.tui import messages as m
from workbench.tui.bidi import visual
from workbench.tui.screens.base import WorkbenchScreen

FILTER_CYCLE = ("", "late", "blocked", "at-risk", "off-track")
"""`f` steps through these: none, then each filter of `crmwb portfolio --filter`"""


class PortfolioScreen(WorkbenchScreen):
    SECTION = "start"
    HELP = N_(
        "Every engagement you work on, one row each: phase, progress, late, blocked and at-risk tasks, "
        "forecast go-live against the target, KPIs off track and the next gate. Enter opens one."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", N_("Back"), id="portfolio.back", tooltip=N_("Back to the start screen")),
        Binding(
            "enter", "open", N_("Open"), id="portfolio.open", tooltip=N_("Open the highlighted engagement")
        ),
        Binding("s", "next_sort", N_("Sort"), id="portfolio.sort", tooltip=N_("Sort by the next column")),
        Binding("r", "reverse", N_("Reverse"), id="portfolio.reverse", tooltip=N_("Reverse the order")),
        Binding(
            "f",
            "next_filter",
            N_("Filter"),
            id="portfolio.filter",
            tooltip=N_("Show only engagements with late, blocked or at-risk tasks, or KPIs off track"),
        ),
    ]

    def __init__(self, folders: list[Path], store: str | None = None) -> None:
        super().__init__()
        self.folders = folders
        self.store = store
        self.all_rows: list = []
        self.shown: list = []
        self.sort_column = "client"
        self.descending = False
        self.filter = ""

    def compose_body(self) -> ComposeResult:
        yield Label(visual(_("Portfolio")), classes="pane-title", id="portfolio-title")
        yield Static(visual(_("Reading the engagements…")), id="portfolio-state", classes="hint")
        yield DataTable(id="portfolio", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        from workbench.app.portfolio_view import COLUMNS

        table = self.query_one("#portfolio", DataTable)
        for key, title in COLUMNS:
            table.add_column(visual(_(title)), key=key)
        self.read_rows()

    @work(thread=True, exclusive=True, group="portfolio", exit_on_error=False, description="read portfolio")
    def read_rows(self) -> None:
        from workbench.app.portfolio import build

        portfolio = build(self.folders, self.store, self.wb.today)
        self.app.call_from_thread(self._show, portfolio.rows)

    def _show(self, rows: list) -> None:
        self.all_rows = rows
        self.refill()

    def refill(self) -> None:
        """The rows again, filtered and sorted as chosen; the highlighted engagement stays highlighted."""
        from workbench.app.portfolio import FILTERS, keep, sort
        from workbench.app.portfolio_view import COLUMNS, cells

        table = self.query_one("#portfolio", DataTable)
        current = self._current_folder()
        self.shown = sort(
            keep(self.all_rows, [self.filter] if self.filter else []), self.sort_column, self.descending
        )
        shown = [[visual(c) for c in cells(row)] for row in self.shown]
        table.clear(columns=True)  # columns as wide as their text, set here and not left to the table's
        # idle-time measuring, which on a busy machine sometimes left them at their headings' width
        for index, (key, title) in enumerate(COLUMNS):
            label = visual(_(title))
            width = max([cell_len(str(label)), *(cell_len(str(line[index])) for line in shown)])
            table.add_column(label, key=key, width=width)
        for row, line in zip(self.shown, shown, strict=True):
            table.add_row(*line, key=row.folder or row.engagement_id)
        titles = dict(COLUMNS)
        order = _("descending") if self.descending else _("ascending")
        state = ngettext(
            "{count} engagement · sorted by {column}, {order}",
            "{count} engagements · sorted by {column}, {order}",
            len(self.shown),
        ).format(
            count=format_number(len(self.shown), current_language()),
            column=_(titles.get(self.sort_column, "")),
            order=order,
        )
        if self.filter:
            state += " · " + _(FILTERS[self.filter])
        if not self.shown:
            state = (
                _("No engagement matches this filter: f shows the next one, or all.")
                if self.all_rows
                else _("No engagements yet: open or create one from the start screen, and it is listed here.")
            )
        self.query_one("#portfolio-state", Static).update(visual(state))
        if current is not None:
            for index, row in enumerate(self.shown):
                if row.folder == current:
                    table.move_cursor(row=index)

    def _current_folder(self) -> str | None:
        table = self.query_one("#portfolio", DataTable)
        if not self.shown or table.cursor_row is None or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row].folder

    def action_next_sort(self) -> None:
        from workbench.app.portfolio import SORTS

        self.sort_column = SORTS[(SORTS.index(self.sort_column) + 1) % len(SORTS)]
        self.refill()

    def action_reverse(self) -> None:
        self.descending = not self.descending
        self.refill()

    def action_next_filter(self) -> None:
        self.filter = FILTER_CYCLE[(FILTER_CYCLE.index(self.filter) + 1) % len(FILTER_CYCLE)]
        self.refill()

    def action_back(self) -> None:
        self.dismiss()

    @on(DataTable.RowSelected, "#portfolio")
    def _selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        folder = self._current_folder()
        if not folder or not is_engagement(folder):
            self.notify(
                _("This engagement has no folder on this computer; open its folder, or copy it here."),
                severity="warning",
            )
            return
        self.dismiss()
        self.app.post_message(m.OpenEngagementRequested(Path(folder)))
