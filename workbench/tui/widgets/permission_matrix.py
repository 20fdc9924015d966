"""The role and permission matrix as a DataTable: one row per role, one column per (object, action), each
cell the scope in its colour.

The rows come from domain.matrix.permission_matrix, the same rows the xlsx and Markdown writers use.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnDoesNotExist, RowDoesNotExist

from workbench.domain.matrix import PermissionMatrix
from workbench.tui.widgets.paged_table import clip

SCOPE_STYLES: dict[str, str] = {"none": "dim", "own": "green", "team": "yellow", "all": "bold red"}
"""The one place scope colours are defined (the only colours not taken from the theme); the cell also
spells the scope, so the colour is never the only signal."""

SCOPE_LABELS: dict[str, str] = {"none": "·", "own": "own", "team": "team", "all": "all"}
ACTION_LETTERS: dict[str, str] = {
    "create": "C",
    "read": "R",
    "update": "U",
    "delete": "D",
    "assign": "A",
    "export": "E",
    "import": "I",
}
"""Column headers: one letter per action keeps a column as narrow as its widest scope ('team')."""
OBJECT_WIDTH = 10
ROLE_WIDTH = 22


def column_key(obj: str, action: str) -> str:
    return f"{obj}:{action}"


def scope_legend() -> Text:
    """One line naming each scope in its colour and each action letter, for above the matrix."""
    text = Text("Scope ", style="bold")
    for scope, style in SCOPE_STYLES.items():
        text.append(f"{SCOPE_LABELS[scope]} {scope}" if scope == "none" else scope, style=style).append(" ")
    text.append(" Actions ", style="bold")
    text.append(" ".join(f"{letter} {action}" for action, letter in ACTION_LETTERS.items()))
    return text


class PermissionMatrixTable(DataTable):
    """Roles down, object/action across; the role column stays put while the rest scrolls sideways."""

    DEFAULT_CSS = """
    PermissionMatrixTable { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(cursor_type="cell", fixed_columns=1, header_height=2, id=id)
        self.matrix: PermissionMatrix | None = None

    def load(self, matrix: PermissionMatrix) -> None:
        """Rebuild the table: columns keyed `object:action`, rows keyed by role id, added in one pass.

        The object name (clipped) sits above its first action only, so each object reads as a group of
        columns; the line under the matrix names the highlighted cell in full."""
        where = self.cursor_coordinate
        self.matrix = matrix
        self.clear(columns=True)
        self.add_column(Text("Role\n", style="bold"), key="role")
        for obj in matrix.objects:
            for i, action in enumerate(obj.actions):
                name = clip(obj.name, OBJECT_WIDTH) if i == 0 else ""
                label = Text(name, style="bold").append(f"\n{ACTION_LETTERS.get(action, action)}", style="")
                self.add_column(label, key=column_key(obj.id, action))
        for row in matrix.rows:
            cells = [Text(clip(row.name, ROLE_WIDTH))]
            for obj in matrix.objects:
                for action in obj.actions:
                    scope = row.scope(obj.id, action)
                    cells.append(Text(SCOPE_LABELS[scope], style=SCOPE_STYLES[scope], justify="center"))
            self.add_row(*cells, key=row.role)
        if self.row_count:
            self.move_cursor(row=where.row, column=where.column, animate=False)

    def move_to_cell(self, role: str | None, obj: str | None = None, action: str | None = None) -> bool:
        """Put the cursor on a role's row and, when known, the object/action column; False when the
        matrix has no such row or column (the finding names something the matrix does not show)."""
        try:
            row = self.get_row_index(role) if role else self.cursor_row
            if obj and action:
                column = self.get_column_index(column_key(obj, action))
            elif obj:
                column = next(
                    i for i, key in enumerate(self.columns) if (key.value or "").startswith(f"{obj}:")
                )
            else:
                column = 0
        except (RowDoesNotExist, ColumnDoesNotExist, StopIteration):
            return False
        self.move_cursor(row=row, column=column, animate=False)
        return True

    def cell_description(self) -> str:
        """What the cursor is on, in words: 'Sales manager may update Lead: own'."""
        if self.matrix is None or not self.row_count:
            return ""
        row = self.matrix.rows[self.cursor_row]
        if self.cursor_column == 0:
            return f"{row.name} ({row.role})"
        key = list(self.columns)[self.cursor_column].value or ""
        obj_id, _, action = key.partition(":")
        name = next((o.name for o in self.matrix.objects if o.id == obj_id), obj_id)
        scope = row.scope(obj_id, action)
        return (
            f"{row.name} may {action} {name}: {scope}"
            if scope != "none"
            else f"{row.name} may not {action} {name}"
        )
