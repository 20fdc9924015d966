"""The task list of a phase: one row per task with its critical-path marker, status, owner, assignee and
due date. Row keys are task ids and column keys are stable, so an edit updates its cells in place."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.widgets import DataTable

from workbench.domain.tracking import CLOSED, TaskView
from workbench.tui.widgets.paged_table import theme_style

STATUS_LABELS = {
    "not_started": "○ to do",
    "in_progress": "◐ doing",
    "blocked": "■ blocked",
    "done": "● done",
    "skipped": "– skipped",
}
STATUS_COLOURS = {"in_progress": "accent", "blocked": "warning", "done": "success", "skipped": "text-muted"}
COLUMNS = (
    ("critical", "★", 1),
    ("name", "Task", 0),
    ("status", "Status", 9),
    ("owner", "Owner", 14),
    ("assignee", "Assignee", 10),
    ("due", "Due", 10),
)
"""(key, label, width); the name column takes what the others leave (0 here)."""
NAME_MIN = 16


class TaskTable(DataTable):
    DEFAULT_CSS = """
    TaskTable { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, id=id)
        self.today = date.today()
        self.views: dict[str, TaskView] = {}
        self.name_width = NAME_MIN

    def on_mount(self) -> None:
        self._columns(NAME_MIN)
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._restyle())

    def _columns(self, name_width: int) -> None:
        self.name_width = name_width
        self.clear(columns=True)
        for key, label, width in COLUMNS:
            self.add_column(label, key=key, width=width or name_width)

    def on_resize(self) -> None:
        """Give the task name whatever width the other columns leave, so every column shows."""
        fixed = sum(width + 2 * self.cell_padding for _, _, width in COLUMNS if width)
        wanted = max(NAME_MIN, self.scrollable_content_region.width - fixed - 2 * self.cell_padding - 1)
        if wanted != self.name_width:
            keep = self.current_id
            self._columns(wanted)
            self.set_tasks(list(self.views.values()), self.today, keep)

    def cells(self, view: TaskView) -> list[Text | str]:
        late = view.due < self.today and view.status not in CLOSED
        colour = STATUS_COLOURS.get(view.status)
        return [
            Text("★", style=theme_style(self, "accent", bold=True)) if view.critical else "",
            view.name,
            Text(
                STATUS_LABELS.get(view.status, view.status), style=theme_style(self, colour) if colour else ""
            ),
            view.owner,
            view.assignee or "",
            Text(view.due.isoformat(), style=theme_style(self, "error", bold=True) if late else ""),
        ]

    def set_tasks(self, views: list[TaskView], today: date, keep: str | None = None) -> None:
        """Replace the rows in one pass; the cursor stays on `keep` when it is still listed."""
        self.today = today
        self.views = {v.id: v for v in views}
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
        for (key, _, _), value in zip(COLUMNS, self.cells(view)):
            self.update_cell(view.id, key, value)

    def _restyle(self) -> None:
        for view in self.views.values():
            self.update_task(view)

    @property
    def current_id(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
