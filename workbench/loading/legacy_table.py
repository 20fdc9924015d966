"""Reading a legacy export for a data audit: CSV in UTF-8 (with or without BOM), cp1251 or cp1256
(detected, or given), or an xlsx workbook's first sheet (openpyxl, read-only). The rows are streamed, so a
million-row export is never held whole; the file is opened for reading only and never changed.

Also the consultant's field-mapping workbook: legacy column -> field, one pair per row."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.i18n import _
from workbench.loading.activity_encoding import detect
from workbench.loading.bounded import open_regular

CODECS = {
    "utf-8": "utf-8-sig",
    "utf8": "utf-8-sig",
    "utf-8-sig": "utf-8-sig",
    "cp1251": "cp1251",
    "windows-1251": "cp1251",
    "cp1256": "cp1256",
    "windows-1256": "cp1256",
}
"""what `--encoding` accepts"""
DELIMITERS = ",;\t|"


class LegacyReadError(ValueError):
    """The export cannot be read; `file`, `line` and the message (what is wrong; what was expected)."""

    def __init__(self, message: str, file: str, line: int = 1) -> None:
        super().__init__(f"{file}:{line}:1: {message}")
        self.message, self.file, self.line = message, file, line


@dataclass
class LegacyTable:
    headers: list[str]
    rows: Iterator[list[Any]]
    """data rows, the first being row 2 of the file"""
    encoding: str
    """'xlsx' or the CSV's encoding as detected or given"""


def is_xlsx(path: Path) -> bool:
    return path.suffix.lower() in (".xlsx", ".xlsm")


@contextmanager
def open_table(path: Path, encoding: str | None = None) -> Iterator[LegacyTable]:
    """The export's header row and a stream of its rows; LegacyReadError when it cannot be read."""
    if is_xlsx(path):
        with _xlsx(path) as table:
            yield table
        return
    with open_regular(path, _("the export")) as handle:
        label, codec = _encoding(handle, path, encoding)
        handle.seek(0)
        text = io.TextIOWrapper(handle, encoding=codec, newline="")
        try:
            first = text.readline()
            delimiter = max(DELIMITERS, key=first.count)
            text.seek(0)
            reader = csv.reader(text, delimiter=delimiter)
            headers = next(reader, [])
            if not any(h.strip() for h in headers):
                raise LegacyReadError(
                    _("the file has no header row; expected the column names on line 1"), str(path)
                )
            yield LegacyTable([h.strip() for h in headers], _checked(reader, path), label)
        except UnicodeDecodeError as exc:
            raise LegacyReadError(
                _(
                    "the file is not {encoding} throughout ({reason}); expected one encoding "
                    "for the whole file"
                ).format(encoding=label, reason=exc.reason),
                str(path),
            ) from None


def _encoding(handle: Any, path: Path, given: str | None) -> tuple[str, str]:
    if given:
        codec = CODECS.get(given.lower())
        if codec is None:
            raise LegacyReadError(
                _("unknown encoding {name}; expected one of: {names}").format(
                    name=repr(given), names="utf-8, cp1251, cp1256"
                ),
                str(path),
            )
        return given, codec
    try:
        return detect(handle)
    except ValueError as exc:
        raise LegacyReadError(str(exc), str(path)) from None


def _checked(reader: Any, path: Path) -> Iterator[list[Any]]:
    try:
        yield from reader
    except csv.Error as exc:
        raise LegacyReadError(
            _("the CSV is malformed: {reason}; expected quoted fields closed on their line").format(
                reason=exc
            ),
            str(path),
            reader.line_num,
        ) from None


@contextmanager
def _xlsx(path: Path) -> Iterator[LegacyTable]:
    from openpyxl import load_workbook

    with open_regular(path, _("the export")) as handle:
        try:
            wb = load_workbook(handle, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
            raise LegacyReadError(
                _("cannot read the workbook: {reason}; expected an xlsx file").format(reason=exc), str(path)
            ) from None
        try:
            rows = wb.worksheets[0].iter_rows(values_only=True)
            headers = next(rows, ())
            yield LegacyTable(
                ["" if h is None else str(h).strip() for h in headers], (list(r) for r in rows), "xlsx"
            )
        finally:
            wb.close()


def read_mapping(path: Path) -> dict[str, str]:
    """legacy column -> field id or label, from the first two columns of the mapping workbook's sheets (a
    header row, then one pair per row); rows whose second cell is empty are skipped."""
    with open_table(path) as table:
        pairs = {
            str(r[0]).strip(): str(r[1]).strip()
            for r in table.rows
            if len(r) > 1 and r[0] not in (None, "") and r[1] not in (None, "")
        }
    if not pairs:
        raise LegacyReadError(
            _(
                "the mapping workbook maps no column; expected the legacy column in column A "
                "and the field in column B"
            ),
            str(path),
            2,
        )
    return pairs
