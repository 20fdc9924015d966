"""Read a filled-in vendor RFP workbook back: who the vendor is, what it answered, what could not be read.

Vendors do things to workbooks: sort or reorder rows, insert columns, add sheets, rename the sheet, type
"Yes, via plugin" into the response column, delete rows. So nothing here relies on positions: the
requirements table is the sheet whose header row has an ID and a response column, columns are found by
their header text, and requirements are matched by id. What scoring needs (id, module, priority, weight)
comes from the hidden Scoring sheet when it is there, out of the vendor's reach, else from the visible
columns. openpyxl is imported only when a workbook is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.domain.requirements import Requirement
from workbench.domain.rfp import normalise_response
from workbench.domain.rfp_pack import (
    COLUMNS,
    KEY_COLUMNS,
    VENDOR_NAME,
    in_every_language,
    parse_priority,
    scoring_requirement,
)
from workbench.i18n import _

HEADER_SCAN_ROWS = 30
_EXTRA_SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": ("id", "requirement id", "req id", "req. id", "ref", "reference"),
    "module": ("module",),
    "priority": ("priority", "moscow"),
    "weight": ("weight",),
    "response": ("vendor response", "response", "your response"),
}
_SHOWN = dict(COLUMNS)
SYNONYMS: dict[str, tuple[str, ...]] = {
    key: words + tuple(sorted({" ".join(t.split()).casefold() for t in in_every_language(_SHOWN[key])}))
    for key, words in _EXTRA_SYNONYMS.items()
}
"""Header words per column: common English variants plus our own header in every language we write."""
_VENDOR_LABELS = {" ".join(t.split()).casefold() for t in in_every_language(VENDOR_NAME)}
_COVER_NAMES = {t.casefold() for t in in_every_language("Cover")}


class RfpReadError(Exception):
    """The file cannot be scored at all (not an xlsx, no requirements table); the message names the file."""


@dataclass(frozen=True)
class ReadProblem:
    file: str
    cell: str | None
    """a reference like Requirements!H12, or None for the file as a whole"""
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.cell}: {self.message}" if self.cell else f"{self.file}: {self.message}"


@dataclass
class VendorWorkbook:
    path: Path
    vendor: str
    requirements: list[Requirement]
    responses: dict[str, Any]
    """requirement id -> what the vendor wrote (raw)"""
    problems: list[ReadProblem] = field(default_factory=list)


@dataclass
class _Table:
    sheet: str
    header_row: int
    header: tuple
    columns: dict[str, int]
    """column key -> 0-based index"""
    rows: list[tuple[int, tuple]]
    """(row number, values)"""


def list_mismatches(books: list[VendorWorkbook]) -> list[ReadProblem]:
    """Vendors who were sent different requirement lists cannot be compared fairly: say so."""
    from workbench.domain.locale import format_number
    from workbench.i18n import current_language

    def num(n: int) -> str:
        return format_number(n, current_language())

    if not books:
        return []
    first = {r.id for r in books[0].requirements}
    found = []
    for book in books[1:]:
        ids = {r.id for r in book.requirements}
        if ids != first:
            found.append(
                ReadProblem(
                    book.path.name,
                    None,
                    _(
                        "its requirement list differs from that of {file} ({missing} missing, {extra} "
                        "extra); the "
                        "scores are not directly comparable"
                    ).format(
                        file=books[0].path.name, missing=num(len(first - ids)), extra=num(len(ids - first))
                    ),
                )
            )
    return found


def normalise_header(value: object) -> str:
    return " ".join(str(value).replace("’", "'").split()).strip(" *:").casefold() if value is not None else ""


def _find_columns(values: Iterable[object], wanted: dict[str, tuple[str, ...]]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, value in enumerate(values):
        text = normalise_header(value)
        for key, names in wanted.items():
            if key not in found and text in names:
                found[key] = index
    return found


def _table(ws, wanted: dict[str, tuple[str, ...]], required: set[str]) -> _Table | None:
    """The first row within the first HEADER_SCAN_ROWS that holds every required header, and the rows
    below."""
    rows = ws.iter_rows(values_only=True)
    for number, values in enumerate(rows, start=1):
        if number > HEADER_SCAN_ROWS:
            return None
        columns = _find_columns(values, wanted)
        if required <= set(columns):
            return _Table(ws.title, number, values, columns, list(enumerate(rows, start=number + 1)))
    return None


def _cell(table: _Table, key: str, row: int) -> str:
    """An Excel reference like Requirements!H12 or 'Reqs (Acme)'!I4."""
    from openpyxl.utils import get_column_letter

    sheet = table.sheet
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", sheet):
        sheet = "'" + sheet.replace("'", "''") + "'"
    return f"{sheet}!{get_column_letter(table.columns[key] + 1)}{row}"


def _value(values: tuple, index: int | None) -> Any:
    if index is None or index >= len(values):
        return None
    value = values[index]
    return value.strip() or None if isinstance(value, str) else value


def _text_id(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip() or None


def _vendor_name(wb) -> str | None:
    """The cell right of the Cover's 'Vendor name' label (any sheet, the Cover first)."""
    sheets = sorted(wb.worksheets, key=lambda ws: ws.title.casefold() not in _COVER_NAMES)
    for ws in sheets:
        for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            if number > 60:
                break
            for index, value in enumerate(values):
                if normalise_header(value) in _VENDOR_LABELS:
                    name = next((v for v in values[index + 1 :] if v not in (None, "")), None)
                    return " ".join(str(name).split()) or None if name is not None else None
    return None


def read_responses(path: Path) -> VendorWorkbook:
    """Read one filled workbook; raises RfpReadError when it cannot be scored at all. The workbook is
    inflated within its budget first (a 2 MB file may unpack to gigabytes), then read from the same handle."""
    from openpyxl import load_workbook

    from workbench.loading.archive import ArchiveError, open_workbook

    path = Path(path)
    try:
        with open_workbook(path, _("not an Excel workbook (.xlsx)")) as handle:
            try:
                wb = load_workbook(handle, read_only=True, data_only=True)
            except Exception as exc:  # zip, XML and openpyxl errors all mean the same thing to the user
                raise RfpReadError(f"{path}: cannot open: not an Excel workbook (.xlsx)") from exc
            try:
                return _read(wb, path)
            except RfpReadError:
                raise
            except (
                Exception
            ) as exc:  # a damaged sheet inside a valid zip: this file fails, the others are scored
                raise RfpReadError(f"{path}: cannot read: {type(exc).__name__}: {exc}") from exc
            finally:
                wb.close()
    except ArchiveError as exc:
        prefix = "" if exc.code == "io" else _("cannot open: ")
        raise RfpReadError(f"{exc.file}: {prefix}{exc.message}") from None


def _read(wb, path: Path) -> VendorWorkbook:
    name = path.name
    worksheets = [ws for ws in wb.worksheets if hasattr(ws, "iter_rows")]
    key_wanted: dict[str, tuple[str, ...]] = {key: (normalise_header(title),) for key, title in KEY_COLUMNS}
    key, key_sheet = None, None
    for ws in sorted(worksheets, key=lambda ws: ws.title.casefold() != "scoring"):
        key = _table(ws, key_wanted, set(key_wanted))
        if key is not None and "response" not in _find_columns(key.header, SYNONYMS):
            key_sheet = ws.title
            break
        key = None
    table = None
    for ws in worksheets:
        if ws.title != key_sheet:
            table = _table(ws, SYNONYMS, {"id", "response"})
            if table is not None:
                break
    if table is None:
        raise RfpReadError(
            f"{path}: no requirements table: no sheet has a header row with 'ID' and "
            "'Vendor response' columns"
        )
    problems: list[ReadProblem] = []
    visible = _visible_rows(table, name, problems)
    if key is not None:
        requirements = _from_key(key, table, visible, name, problems)
    else:
        problems.append(
            ReadProblem(
                name,
                None,
                "no hidden Scoring sheet: module, priority and weight were taken from the visible columns",
            )
        )
        requirements = _from_visible(table, visible, name, problems)
    responses = {rid: row["response"] for rid, row in visible.items()}
    return VendorWorkbook(path, _vendor_name(wb) or path.stem, requirements, responses, problems)


def _visible_rows(table: _Table, name: str, problems: list[ReadProblem]) -> dict[str, dict[str, Any]]:
    """Requirement id -> {row, module, priority, weight, response} from the vendor's sheet."""
    found: dict[str, dict[str, Any]] = {}
    for number, values in table.rows:
        rid = _text_id(_value(values, table.columns["id"]))
        response = _value(values, table.columns["response"])
        if rid is None:
            if response is not None:
                problems.append(
                    ReadProblem(
                        name,
                        _cell(table, "response", number),
                        f"response {response!r} has no requirement id; ignored",
                    )
                )
            continue
        if rid in found:
            problems.append(
                ReadProblem(
                    name,
                    _cell(table, "id", number),
                    f"requirement {rid} appears again "
                    f"(first in row {found[rid]['row']}); this row is ignored",
                )
            )
            continue
        found[rid] = {
            "row": number,
            "response": response,
            **{k: _value(values, table.columns.get(k)) for k in ("module", "priority", "weight")},
        }
        if response is not None and normalise_response(response) is None:
            problems.append(
                ReadProblem(
                    name,
                    _cell(table, "response", number),
                    f"response {str(response)!r} to {rid} is not one of the "
                    "listed responses; counted as not answered",
                )
            )
    return found


def _from_key(
    key: _Table, table: _Table, visible: dict[str, dict[str, Any]], name: str, problems: list[ReadProblem]
) -> list[Requirement]:
    """Requirements from the hidden key; the vendor's visible rows are only checked against it."""
    requirements = []
    for _row, values in key.rows:
        rid = _text_id(_value(values, key.columns["id"]))
        priority = parse_priority(_value(values, key.columns["priority"]))
        weight = _value(values, key.columns["weight"])
        if rid is None or priority is None or not isinstance(weight, (int, float)):
            continue
        module = str(_value(values, key.columns["module"]) or "")
        requirements.append(scoring_requirement(rid, module, priority, weight))
        seen = visible.get(rid)
        if seen is None:
            problems.append(
                ReadProblem(
                    name,
                    None,
                    f"requirement {rid} is missing from the {table.sheet} sheet; counted as not answered",
                )
            )
            continue
        if "weight" in table.columns and seen["weight"] != weight:
            problems.append(
                ReadProblem(
                    name,
                    _cell(table, "weight", seen["row"]),
                    f"weight of {rid} changed from {weight} to {seen['weight']!r}; the original is used",
                )
            )
        if "priority" in table.columns and parse_priority(seen["priority"]) != priority:
            problems.append(
                ReadProblem(
                    name,
                    _cell(table, "priority", seen["row"]),
                    f"priority of {rid} changed to {seen['priority']!r}; the original is used",
                )
            )
    known = {r.id for r in requirements}
    for rid, seen in visible.items():
        if rid not in known:
            problems.append(
                ReadProblem(
                    name,
                    _cell(table, "id", seen["row"]),
                    f"unknown requirement id {rid!r}; its response is ignored",
                )
            )
    return requirements


def _from_visible(
    table: _Table, visible: dict[str, dict[str, Any]], name: str, problems: list[ReadProblem]
) -> list[Requirement]:
    """Requirements from the vendor's own columns; a missing column is reported and defaulted."""
    for key, default in (
        ("priority", "every requirement counted as Should"),
        ("weight", "every weight is 1"),
    ):
        if key not in table.columns:
            problems.append(
                ReadProblem(name, None, f"no {key.capitalize()} column on {table.sheet}: {default}")
            )
    requirements = []
    for rid, seen in visible.items():
        priority = parse_priority(seen["priority"]) if "priority" in table.columns else "should"
        weight = seen["weight"] if "weight" in table.columns else 1
        if priority is None or not isinstance(weight, (int, float)) or isinstance(weight, bool):
            what = "priority" if priority is None else "weight"
            problems.append(
                ReadProblem(
                    name,
                    _cell(table, what, seen["row"]),
                    f"{what} of {rid} is unreadable ({seen[what]!r}); not scored",
                )
            )
            continue
        requirements.append(scoring_requirement(rid, str(seen["module"] or ""), priority, weight))
    return requirements
