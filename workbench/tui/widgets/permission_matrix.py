"""The role and permission matrix as a DataTable: one row per role, one column per (object, action), each
cell the scope in its colour.

The rows come from domain.matrix.permission_matrix, the same rows the xlsx and Markdown writers use.
Below NARROW_BELOW terminal columns (an 80-column SSH session or tmux pane) the matrix takes a compact
form: each cell a one-character scope mark (the legend above names each mark in words) and object names
clipped shorter, because the scope words (Russian and Persian "team", "all") made each column as wide as
the longest of them and left one or two action columns in sight in Russian and Persian.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text
from textual import events, on
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnDoesNotExist, RowDoesNotExist

from workbench.domain.matrix import PermissionMatrix
from workbench.domain.vocabulary import action_label, scope_label
from workbench.i18n import _, current_language
from workbench.languages import RTL_LANGUAGES
from workbench.tui.bidi import paint, visual
from workbench.tui.widgets.paged_table import NARROW_BELOW, clip

SCOPE_STYLES: dict[str, str] = {"none": "dim", "own": "green", "team": "yellow", "all": "bold red"}
"""The one place scope colours are defined (the only colours not taken from the theme); the cell also
spells the scope, so the colour is never the only signal."""

SCOPE_LABELS: dict[str, str] = {"none": "·"}
"""a cell's mark where it is not the scope's word (`scope_label`, in the interface language)"""


COMPACT_MARKS: dict[str, str] = {"none": "·", "own": "○", "team": "◑", "all": "●"}
"""a cell's mark in the compact form: the more filled, the wider the scope, alike in every language"""


def cell_label(scope: str, compact: bool = False) -> str:
    if compact:
        return COMPACT_MARKS[scope]
    return SCOPE_LABELS.get(scope) or scope_label(scope)


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
COMPACT_OBJECT_WIDTH = 4
"""an object's name over its first action column in the compact form (the line under the matrix names it
in full): wider, it would widen that column beyond its one-character marks"""
COMPACT_ROLE_WIDTH = 14


def column_key(obj: str, action: str) -> str:
    return f"{obj}:{action}"


def is_compact(width: int) -> bool:
    """The matrix takes its compact form in a terminal `width` columns wide."""
    return width < NARROW_BELOW


def scope_legend(compact: bool = False, width: int = 0) -> Text:
    """The line naming each scope in its colour and each action letter, for above the matrix. The letters
    (C R U D A E I, the CRUD letters people know) stay in every language; the legend says each in words.
    The scopes come first, so the compact form's marks are read even where the line is cut.

    Right to left (Persian), a line laid out left to right read backwards and left each mark between two
    words, belonging to either. There the legend is broken into lines of `width` cells in reading order,
    then each line is put in display order: its first entry on the right, each mark on the right of its
    word, so it is read first."""
    entries = _legend_entries(compact)
    if current_language() not in RTL_LANGUAGES:
        text = Text(style="bold")  # bold underlies every entry's own style, as it always has here
        for index, entry in enumerate(entries):
            if entry.heading:  # set apart: "Scope ", then "  Actions "
                text.append(f" {entry.word} " if index else f"{entry.word} ", style="bold" if index else "")
                continue
            text.append(f"{entry.mark} {entry.word}" if entry.mark else entry.word, style=entry.style)
            if index < len(entries) - 1:
                text.append(" ")
        return text
    lines: list[list[tuple[str, str]]] = [[]]
    used = 0
    for entry in entries:
        shown = f"{entry.word} {entry.mark}" if entry.mark else entry.word
        if lines[-1] and width and used + 1 + len(shown) > width:
            lines.append([])
            used = 0
        lines[-1].append((shown, entry.style))
        used += len(shown) + 1
    text = Text(justify="right")
    for number, line in enumerate(lines):
        if number:
            text.append("\n")
        for index, (shown, style) in enumerate(reversed(line)):
            text.append(" " if index else "").append(shown, style=style)
    return text


class LegendEntry(NamedTuple):
    mark: str
    """the scope's mark or the action's letter ('' for a heading, and for a scope spelt out in full)"""
    word: str
    """laid out for the terminal"""
    style: str
    heading: bool = False


def _legend_entries(compact: bool) -> list[LegendEntry]:
    """The legend's entries in reading order: the scopes, then the actions, each after its heading."""
    entries = [LegendEntry("", visual(_("Scope")), "bold", heading=True)]
    for scope, style in SCOPE_STYLES.items():
        mark = COMPACT_MARKS[scope] if compact else SCOPE_LABELS.get(scope, "")
        entries.append(LegendEntry(mark, visual(scope_label(scope)), style))
    entries.append(LegendEntry("", visual(_("Actions")), "bold", heading=True))
    entries += [
        LegendEntry(letter, visual(action_label(action)), "") for action, letter in ACTION_LETTERS.items()
    ]
    return entries


class PermissionMatrixTable(DataTable):
    """Roles down, object/action across; the role column stays put while the rest scrolls sideways."""

    DEFAULT_CSS = """
    PermissionMatrixTable { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(cursor_type="cell", fixed_columns=1, header_height=2, id=id)
        self.matrix: PermissionMatrix | None = None
        self.compact = False
        """the form the matrix was last laid out in (see is_compact)"""

    @on(events.Resize)
    def _compact_or_full(self) -> None:
        """A resize across NARROW_BELOW lays the matrix out again: a column never shrinks by itself."""
        if self.matrix is not None and is_compact(self.app.size.width) != self.compact:
            self.load(self.matrix)

    def load(self, matrix: PermissionMatrix) -> None:
        """Rebuild the table: columns keyed `object:action`, rows keyed by role id, added in one pass.

        The object name (clipped) sits above its first action only, so each object reads as a group of
        columns; the line under the matrix names the highlighted cell in full."""
        where = self.cursor_coordinate
        self.matrix = matrix
        self.compact = compact = is_compact(self.app.size.width)
        object_width, role_width = (
            (COMPACT_OBJECT_WIDTH, COMPACT_ROLE_WIDTH) if compact else (OBJECT_WIDTH, ROLE_WIDTH)
        )
        self.clear(columns=True)
        self.add_column(Text(visual(_("Role")) + "\n", style="bold"), key="role")
        for obj in matrix.objects:
            for i, action in enumerate(obj.actions):
                name = visual(clip(obj.name, object_width)) if i == 0 else ""
                label = Text(name, style="bold").append(f"\n{ACTION_LETTERS.get(action, action)}", style="")
                self.add_column(label, key=column_key(obj.id, action))
        for row in matrix.rows:
            cells = [paint(Text(clip(row.name, role_width)))]
            for obj in matrix.objects:
                for action in obj.actions:
                    scope = row.scope(obj.id, action)
                    label = visual(cell_label(scope, compact))
                    cells.append(Text(label, style=SCOPE_STYLES[scope], justify="center"))
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
            return visual(f"{row.name} ({row.role})")
        key = list(self.columns)[self.cursor_column].value or ""
        obj_id, _sep, action = key.partition(":")
        name = next((o.name for o in self.matrix.objects if o.id == obj_id), obj_id)
        scope = row.scope(obj_id, action)
        if scope == "none":
            return visual(
                _("{role} may not {action} {object}").format(
                    role=row.name, action=action_label(action), object=name
                )
            )
        return visual(
            _("{role} may {action} {object}: {scope}").format(
                role=row.name, action=action_label(action), object=name, scope=scope_label(scope)
            )
        )
