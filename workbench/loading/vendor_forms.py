"""Read the vendor pack's filled forms back: a commercial form's costs, an evaluator's demo scorecard and a
reference call's scores (the workbooks writers/vendor_forms_xlsx.py makes).

Cells are found by their labels in any of our languages, never by position alone, so a vendor who inserts a
row above the table still reads. Every problem is located as `file:sheet!cell: what is wrong; what was
expected`, and all of a file's problems are reported at once (`FormErrors`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.domain.demo_reconcile import Scorecard
from workbench.domain.locale import format_number
from workbench.domain.rfp_pack import VENDOR_NAME, in_every_language
from workbench.domain.vendor_forms import (
    COMMERCIAL_YEARS,
    COST_ITEM,
    COST_ITEMS,
    CURRENCY,
    DEMO_RANGE,
    DEMO_SCORE,
    EVALUATOR,
    REFERENCE_RANGE,
    REFERENCE_SCORE,
)
from workbench.i18n import _, current_language
from workbench.loading.rfp_responses import normalise_header

SCAN_ROWS = 40


class FormErrors(Exception):
    """One or more located problems that keep the file from being used."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class CommercialOffer:
    currency: str
    costs: dict[str, list[float]]
    """cost item (English key) -> amount per year, year 1 first"""


def _digits(n: int) -> str:
    return format_number(n, current_language())


def _words(message: str) -> set[str]:
    return {normalise_header(text) for text in in_every_language(message)}


def _ref(ws, row: int, column: int) -> str:
    from openpyxl.utils import get_column_letter

    return f"{ws.title}!{get_column_letter(column)}{row}"


@contextmanager
def _sheet(path: Path) -> Iterator[Any]:
    """The workbook's first worksheet (the form), within the archive budget; FormErrors when unreadable."""
    from openpyxl import load_workbook

    from workbench.loading.archive import ArchiveError, open_workbook

    expected = _("expected an .xlsx workbook from the vendor pack")
    try:
        with open_workbook(path, _("not an Excel workbook (.xlsx)")) as handle:
            try:
                wb = load_workbook(handle, data_only=True)
            except Exception:  # zip, XML and openpyxl errors all mean the same thing to the user
                raise FormErrors([f"{path}: {_('cannot open')}; {expected}"]) from None
            yield wb.worksheets[0]
    except ArchiveError as exc:
        raise FormErrors([f"{exc.file}: {exc.message}; {expected}"]) from None


def _find(ws, labels: set[str]) -> tuple[int, int] | None:
    """(row, column) of the first cell whose text is one of `labels`."""
    for row in ws.iter_rows(min_row=1, max_row=SCAN_ROWS):
        for cell in row:
            if isinstance(cell.value, str) and normalise_header(cell.value) in labels:
                return cell.row, cell.column
    return None


def _beside(ws, path: Path, label: str, problems: list[str], required: bool = True) -> str:
    """The text in the cell right of `label` ("" when empty; a problem when required)."""
    found = _find(ws, _words(label))
    if found is None:
        problems.append(
            f"{path}:{ws.title}: "
            + _("no '{label}' cell; expected the form as the pack wrote it").format(label=_(label))
        )
        return ""
    row, column = found
    value = ws.cell(row, column + 1).value
    text = " ".join(str(value).split()) if value is not None else ""
    if not text and required:
        problems.append(
            f"{path}:{_ref(ws, row, column + 1)}: " + _("empty; expected the {label}").format(label=_(label))
        )
    return text


def _number(ws, path: Path, row: int, column: int, problems: list[str]) -> float:
    value = ws.cell(row, column).value
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0.0
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
        return float(value)
    problems.append(
        f"{path}:{_ref(ws, row, column)}: "
        + _("{value!r} is not an amount; expected a number of 0 or more").format(value=value)
    )
    return 0.0


def read_commercial(path: Path) -> CommercialOffer:
    problems: list[str] = []
    with _sheet(path) as ws:
        currency = _beside(ws, path, CURRENCY, problems, required=False).upper()
        top = _find(ws, _words(COST_ITEM))
        costs: dict[str, list[float]] = {}
        if top is None:
            problems.append(
                f"{path}:{ws.title}: "
                + _("no '{label}' table; expected the form as the pack wrote it").format(label=_(COST_ITEM))
            )
        else:
            labels = {normalise_header(text): item for item in COST_ITEMS for text in in_every_language(item)}
            header_row, column = top
            for row in range(header_row + 1, header_row + 1 + 3 * len(COST_ITEMS)):
                item = labels.get(normalise_header(ws.cell(row, column).value))
                if item is not None and item not in costs:
                    costs[item] = [
                        _number(ws, path, row, column + year, problems)
                        for year in range(1, COMMERCIAL_YEARS + 1)
                    ]
            if costs and not any(any(years) for years in costs.values()):
                problems.append(
                    f"{path}:{_ref(ws, header_row + 1, column + 1)}: "
                    + _("no amount in the form; expected the vendor's costs per year")
                )
            for item in COST_ITEMS:
                if item not in costs:
                    problems.append(
                        f"{path}:{ws.title}: "
                        + _("the row '{item}' is missing; expected every cost item of the form").format(
                            item=_(item)
                        )
                    )
    if problems:
        raise FormErrors(problems)
    return CommercialOffer(currency, costs)


def _scores(
    ws, path: Path, label: str, bounds: tuple[int, int], problems: list[str]
) -> dict[str, int | None]:
    """Row id -> score from the table whose header holds `label`; ids from the first column."""
    found = _find(ws, _words(label))
    if found is None:
        problems.append(
            f"{path}:{ws.title}: "
            + _("no '{label}' column; expected the form as the pack wrote it").format(label=_(label))
        )
        return {}
    header_row, column = found
    low, high = bounds
    scores: dict[str, int | None] = {}
    for row in range(header_row + 1, ws.max_row + 1):
        key = ws.cell(row, 1).value
        if key is None or not str(key).strip():
            continue
        value = ws.cell(row, column).value
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if value is None or (isinstance(value, str) and not value.strip()):
            scores[str(key).strip()] = None
        elif isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            scores[str(key).strip()] = value
        else:
            problems.append(
                f"{path}:{_ref(ws, row, column)}: "
                + _("{value!r} is not a score; expected a whole number from {low} to {high}").format(
                    value=value, low=_digits(low), high=_digits(high)
                )
            )
    return scores


def read_scorecard(path: Path) -> Scorecard:
    """One evaluator's demo scorecard: the evaluator's name and a score per demo item (the row's ID)."""
    problems: list[str] = []
    with _sheet(path) as ws:
        evaluator = _beside(ws, path, EVALUATOR, problems)
        scores = _scores(ws, path, DEMO_SCORE, DEMO_RANGE, problems)
        if scores and all(score is None for score in scores.values()):
            problems.append(
                f"{path}:{ws.title}: "
                + _("no score given; expected a score from {low} to {high} for each demo item").format(
                    low=_digits(DEMO_RANGE[0]), high=_digits(DEMO_RANGE[1])
                )
            )
    if problems:
        raise FormErrors(problems)
    return Scorecard(evaluator, scores, path.name)


def read_reference(path: Path) -> list[int]:
    """One reference call's scores, in question order (blank answers left out)."""
    problems: list[str] = []
    with _sheet(path) as ws:
        _beside(ws, path, VENDOR_NAME, problems, required=False)
        scores = _scores(ws, path, REFERENCE_SCORE, REFERENCE_RANGE, problems)
    if problems:
        raise FormErrors(problems)
    return [score for score in scores.values() if score is not None]
