"""Text and CSV helpers the CRM readers share: strict UTF-8 with a located error, CSV records with their
line numbers, and the column a field starts at (for file:line:col problems)."""

from __future__ import annotations

import csv
import re

from workbench.domain.problems import Problem
from workbench.i18n import _

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""control characters no name or value in an export holds (tab, line feed and carriage return aside)"""
MAX_CONTROL_PROBLEMS = 20


def control_char(text: str) -> int | None:
    """The offset of the first control character in `text`, None when there is none."""
    found = _CONTROL.search(text)
    return found.start() if found else None


def control_problems(text: str, file: str) -> list[Problem]:
    """Each control character (NUL ...) as a located problem, lines counted as the search goes (linear)."""
    problems: list[Problem] = []
    line, line_start, counted = 1, 0, 0
    for found in _CONTROL.finditer(text):
        line += text.count("\n", counted, found.start())
        counted = found.start()
        line_start = text.rfind("\n", 0, found.start()) + 1
        message = _(
            "a control character U+{code:04X}; expected text (names and values never hold one: is the "
            "export damaged?)"
        ).format(code=ord(found.group()))
        problems.append(
            Problem(message, file=file, line=line, column=found.start() - line_start + 1, code="control")
        )
        if len(problems) == MAX_CONTROL_PROBLEMS:
            break
    return problems


def decode_utf8(data: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text (a BOM is dropped), or a problem at the first byte that is not UTF-8."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            Problem(
                f"byte 0x{data[exc.start]:02x} is not UTF-8; expected the file saved as UTF-8 "
                "(re-export it, or convert it from the spreadsheet's encoding)",
                file=file,
                line=line,
                column=column,
                code="encoding",
            )
        ]


def csv_records(text: str, file: str, problems: list[Problem]) -> list[tuple[int, list[str]]]:
    """(line, fields) of every non-blank record; a broken record (NUL, stray quote) ends the read."""
    out: list[tuple[int, list[str]]] = []
    problems += control_problems(text, file)  # errors: the audit stops at exit 2, rows are still checked
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    try:
        for row in reader:
            if len(row) > 1 or (row and row[0].strip()):
                out.append((reader.line_num, row))
    except csv.Error as exc:
        problems.append(
            Problem(f"not readable as CSV: {exc}", file=file, line=reader.line_num + 1, column=1, code="csv")
        )
    return out


def field_column(row: list[str], index: int) -> int:
    """The character column where field `index` starts (exact for unquoted fields)."""
    return 1 + sum(len(cell) + 1 for cell in row[:index])
