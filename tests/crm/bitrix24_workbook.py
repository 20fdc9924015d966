"""Editing a Bitrix24 workbook as an administrator filling it back from the portal would: one level cell
changed, a row added; each edit asserts it found what it changes (an edit that changes nothing fails)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

RIGHT_COLUMN = {"READ": 4, "ADD": 5, "WRITE": 6, "DELETE": 7, "EXPORT": 8, "IMPORT": 9}
"""the Access permissions sheet's columns: Role, Entity, Code, then the rights"""
PERMISSIONS = 3
"""the Access permissions sheet's position (Instructions, Roles, Access permissions, Users, Lists)"""


def workbook_in(folder: Path) -> Path:
    (path,) = Path(folder).glob("*.xlsx")
    return path


def set_level(folder: Path, role: str, code: str, right: str, word: str) -> tuple[int, int]:
    """Set one role x entity row's right to `word`; returns the (row, column) changed."""
    path = workbook_in(folder)
    wb = load_workbook(path)
    ws = wb.worksheets[PERMISSIONS - 1]
    rows = [r for r in range(2, ws.max_row + 1) if (ws.cell(r, 1).value, ws.cell(r, 3).value) == (role, code)]
    assert len(rows) == 1, (role, code, rows)
    column = RIGHT_COLUMN[right]
    ws.cell(rows[0], column).value = word
    wb.save(path)
    return rows[0], column


def add_row(folder: Path, sheet: int, values: list[str]) -> int:
    """Append a row to the sheet at position `sheet` (1-based); returns its number."""
    path = workbook_in(folder)
    wb = load_workbook(path)
    ws = wb.worksheets[sheet - 1]
    row = ws.max_row + 1
    for column, value in enumerate(values, start=1):
        ws.cell(row, column).value = value
    wb.save(path)
    return row
