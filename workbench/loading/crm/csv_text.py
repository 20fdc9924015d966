"""Text and CSV helpers the CRM readers share: strict UTF-8 with a located error, CSV records with their
line numbers, and the column a field starts at (for file:line:col problems)."""

from __future__ import annotations

import csv

from workbench.domain.problems import Problem


def decode_utf8(data: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text (a BOM is dropped), or a problem at the first byte that is not UTF-8."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(f"byte 0x{data[exc.start]:02x} is not UTF-8; expected the file saved as UTF-8 "
                              "(re-export it, or convert it from the spreadsheet's encoding)", file=file,
                              line=line, column=column, code="encoding")]


def csv_records(text: str, file: str, problems: list[Problem]) -> list[tuple[int, list[str]]]:
    """(line, fields) of every non-blank record; a broken record (NUL, stray quote) ends the read."""
    out = []
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    try:
        for row in reader:
            if len(row) > 1 or (row and row[0].strip()):
                out.append((reader.line_num, row))
    except csv.Error as exc:
        problems.append(Problem(f"not readable as CSV: {exc}", file=file, line=reader.line_num + 1, column=1,
                                code="csv"))
    return out


def field_column(row: list[str], index: int) -> int:
    """The character column where field `index` starts (exact for unquoted fields)."""
    return 1 + sum(len(cell) + 1 for cell in row[:index])
