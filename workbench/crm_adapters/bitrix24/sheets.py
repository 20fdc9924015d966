"""Reading the Bitrix24 workbook back, filled in from the live portal: the sheets found by their header
rows in any of our languages (an administrator may rename, reorder or add sheets), each row with its
number, every problem located as file, row and column with the sheet and cell named in the message.

The workbook is opened within the archive budget (`open_workbook`: a zip bomb is refused before openpyxl
sees it), read-only and values only; anything openpyxl cannot read is one located error, never a
traceback. openpyxl is imported here, when a workbook is read.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from workbench.crm_adapters.bitrix24.words import folded
from workbench.domain.problems import Problem
from workbench.i18n import _
from workbench.loading.archive import ArchiveError, open_workbook

HEADER_SCAN_ROWS = 10
DAMAGED = (SyntaxError, ValueError, KeyError, TypeError, IndexError, EOFError, OSError, zipfile.BadZipFile)
DAMAGED += (zlib.error,)


@dataclass
class Table:
    """One sheet's table: the columns found (key -> 0-based index) and its rows after the header."""

    file: str
    sheet: str
    columns: dict[str, int]
    rows: list[tuple[int, tuple[Any, ...]]] = field(default_factory=list)

    def text(self, row: tuple[Any, ...], key: str) -> str:
        index = self.columns.get(key)
        value = row[index] if index is not None and index < len(row) else None
        return "" if value is None else " ".join(str(value).split())

    def problem(self, number: int, key: str, message: str, severity: str = "error") -> Problem:
        """A problem at one cell: file:row:column, the sheet and the cell named first in the message."""
        column = self.columns.get(key, 0) + 1
        cell = f"{get_column_letter(column)}{number}"
        where = _("sheet {sheet!r}, cell {cell}").format(sheet=self.sheet, cell=cell)
        return Problem(
            f"{where}: {message}", (), self.file, number, column, severity=severity, code="bitrix24"
        )


def workbook_files(path: Path) -> list[Path]:
    """The workbooks at `path`: the file itself, or a folder's .xlsx files (sorted)."""
    path = Path(path)
    if path.is_dir():
        return sorted(
            p for p in path.iterdir() if p.suffix.lower() == ".xlsx" and not p.name.startswith("~$")
        )
    return [path]


def _header(row: tuple[Any, ...], titles: dict[str, str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, value in enumerate(row):
        key = titles.get(folded(value))
        if key is not None and key not in found:
            found[key] = index
    return found


def find_tables(wb: Any, file: str, titles: dict[str, str], required: set[str]) -> Iterator[Table]:
    """Every sheet whose header row (within the first rows) names all of `required`; `titles` maps a
    folded header word in any language to its column key."""
    for ws in wb.worksheets:
        rows = ws.iter_rows(values_only=True)
        for number, row in enumerate(rows, start=1):
            if number > HEADER_SCAN_ROWS:
                break
            columns = _header(row or (), titles)
            if required <= set(columns):
                table = Table(file, ws.title, columns)
                table.rows = [(n, r or ()) for n, r in enumerate(rows, start=number + 1) if any(r or ())]
                yield table
                break


def open_tables(path: Path, read: Any) -> list[Problem]:
    """Open the workbook and call `read(wb, file)` (which returns its problems); an unreadable workbook
    or damaged sheet is one located error."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    file = str(path)
    expected = _("expected the Bitrix24 workbook (xlsx) crmwb crm-export wrote, filled in")
    try:
        with open_workbook(path, _("not an xlsx workbook")) as handle:
            try:
                wb = load_workbook(handle, read_only=True, data_only=True)
            except (InvalidFileException, *DAMAGED) as exc:
                reason = _("cannot read the workbook: {reason}").format(reason=exc)
                return [Problem(f"{reason}; {expected}", file=file, code="unreadable")]
            try:
                return list(read(wb, file))
            except DAMAGED as exc:
                reason = _("cannot read the workbook: {reason}").format(reason=f"{type(exc).__name__}: {exc}")
                return [Problem(f"{reason}; {expected}", file=file, code="unreadable")]
            finally:
                wb.close()
    except ArchiveError as exc:
        reason = _("cannot read the workbook: {reason}").format(reason=exc.message)
        return [Problem(f"{reason}; {expected}", file=exc.file, code=exc.code)]
