"""The task list of a phase: one row per task with its critical-path marker, status, owner, assignee and
due date. Row keys are task ids and column keys are stable, so an edit updates its cells in place."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.widgets import DataTable

from workbench.domain.locale import format_short_date
from workbench.domain.tracking import CLOSED, TaskView
from workbench.i18n import N_, _, current_language
from workbench.tui.bidi import paint
from workbench.tui.widgets.paged_table import clip, theme_style
from workbench.tui.widgets.task_columns import NAME_MIN, layout

STATUS_LABELS = {
    "not_started": N_("○ to do"),
    "in_progress": N_("◐ doing"),
    "blocked": N_("■ blocked"),
    "done": N_("● done"),
    "skipped": N_("– skipped"),
}
"""translated where shown: `status_label`"""
STATUS_COLOURS = {"in_progress": "accent", "blocked": "warning", "done": "success", "skipped": "text-muted"}
HEADERS = {
    "critical": "★",
    "name": N_("Task"),
    "status": N_("Status"),
    "owner": N_("Owner"),
    "assignee": N_("Assignee"),
    "due": N_("Due"),
}
"""column key -> its header (an N_ constant, the star aside); widths follow the text (task_columns.py)"""


def status_label(status: str) -> str:
    return _(STATUS_LABELS[status]) if status in STATUS_LABELS else status


class TaskTable(DataTable):
    DEFAULT_CSS = """
    TaskTable { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, id=id)
        self.today = date.today()
        self.views: dict[str, TaskView] = {}
        self.widths: dict[str, int] = {}
        """column key -> width of the columns shown (task_columns.layout)"""
        self.owner_names: dict[str, str] = {}
        """role id -> its name in the interface language (the screen sets it)"""

    def on_mount(self) -> None:
        self._columns(self._layout([]))
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._restyle())

    @property
    def name_width(self) -> int:
        """The characters a task name gets before it is cut (the details pane shows it whole)."""
        return self.widths.get("name", NAME_MIN)

    def _header(self, key: str) -> str:
        return HEADERS[key] if key == "critical" else _(HEADERS[key])

    def _layout(self, views: list[TaskView]) -> dict[str, int]:
        """The widths for these rows at the table's width: the longest value of each column (or header)."""
        lang = current_language()
        longest = {key: len(self._header(key)) for key in HEADERS}

        def widest(key: str, values: list[str]) -> None:
            longest[key] = max([longest[key], *map(len, values)])

        widest("status", [status_label(s) for s in STATUS_LABELS])
        widest("due", [format_short_date(self.today, lang)])
        widest("name", [v.name for v in views])
        widest("owner", [self.owner_names.get(v.owner, v.owner) for v in views])
        widest("assignee", [v.assignee or "" for v in views])
        return layout(self._room(len(views)), longest, self.cell_padding)

    def _room(self, rows: int) -> int:
        """The width the columns may share: the table's, less the vertical scrollbar when `rows` will not
        fit. Not the current scrollable width, which still reflects the rows before a resize cleared them:
        a layout made without the scrollbar the new rows bring would overflow by its width."""
        overflows = rows + self.header_height > self.content_region.height
        return self.content_region.width - (self.styles.scrollbar_size_vertical if overflows else 0)

    def _columns(self, widths: dict[str, int]) -> None:
        self.widths = widths
        self.clear(columns=True)
        for key, width in widths.items():
            header = self._header(key)
            self.add_column(header if key == "critical" else paint(header), key=key, width=width)

    def on_resize(self) -> None:
        """Give the task name the room at the new width (owner and assignee what they need)."""
        self.set_tasks(list(self.views.values()), self.today, self.current_id)

    def cells(self, view: TaskView) -> list[Text | str]:
        late = view.due < self.today and view.status not in CLOSED
        colour = STATUS_COLOURS.get(view.status)
        lang = current_language()
        width = self.widths
        # clipped in reading order before the layout, so a long Persian name keeps its beginning
        cells = {
            "critical": Text("★", style=theme_style(self, "accent", bold=True)) if view.critical else "",
            "name": Text(clip(view.name, width.get("name", 0))),
            "status": Text(status_label(view.status), style=theme_style(self, colour) if colour else ""),
            "owner": Text(clip(self.owner_names.get(view.owner, view.owner), width.get("owner", 0))),
            "assignee": Text(clip(view.assignee or "", width.get("assignee", 0))),
            "due": Text(
                format_short_date(view.due, lang), style=theme_style(self, "error", bold=True) if late else ""
            ),
        }
        return [paint(cells[key]) for key in width]  # laid out for the terminal here, never in the views

    def set_tasks(self, views: list[TaskView], today: date, keep: str | None = None) -> None:
        """Replace the rows in one pass (the columns too, when these rows want other widths); the cursor
        stays on `keep` when it is still listed."""
        self.today = today
        self.views = {v.id: v for v in views}
        widths = self._layout(views)
        if widths != self.widths:
            self._columns(widths)
        self.clear()
        for view in views:
            self.add_row(*self.cells(view), key=view.id)
        ids = [v.id for v in views]
        if keep in ids:
            self.move_cursor(row=ids.index(keep), animate=False)

    def update_task(self, view: TaskView) -> None:
        """Re-render one row after an edit (status, assignee...)."""
        if view.id not in self.views:
            return
        self.views[view.id] = view
        for key, value in zip(self.widths, self.cells(view)):
            self.update_cell(view.id, key, value)

    def _restyle(self) -> None:
        for view in self.views.values():
            self.update_task(view)

    @property
    def current_id(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
