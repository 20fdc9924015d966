"""A rich engagement for the RFP document tests: the bundled bank example with every question answered,
internal answers (budget, staff time, readiness) given values that cannot turn up by chance."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import docx
import openpyxl
import yaml

from workbench.domain.playbook import Playbook
from workbench.domain.resolve import resolve
from workbench.loading.catalog import bundled_dir
from workbench.loading.playbooks import load_playbook
from workbench.writers.context import ExportContext

START = date(2026, 1, 5)
CLIENT = {"en": "Northwind Bank", "fa": "بانک نمونه شمال", "ru": "Банк «Северный»"}
DISTINCT = {
    "specialist_time_share": 37.5,
    "sales_team_size": 4219,
    "budget_approved": False,
    "sponsor_named": False,
    "has_it_unit": False,
    "customer_data_state": "spreadsheets",
}
"""internal answers whose rendering is unlike anything else in the pack"""


def rich_answers(pb: Playbook) -> dict[str, Any]:
    example = yaml.safe_load((bundled_dir() / "examples" / "bank.answers.yaml").read_text(encoding="utf-8"))
    answers = dict(example["answers"]) | DISTINCT
    for q in pb.questions:
        if q.id in answers:
            continue
        if q.type == "yes_no":
            answers[q.id] = True
        elif q.type == "choice":
            answers[q.id] = q.options[-1].id
        elif q.type == "multi_choice":
            answers[q.id] = [o.id for o in q.options]
        elif q.type == "number":
            answers[q.id] = q.max if q.max is not None and q.max < 100 else 12
        else:
            answers[q.id] = "Legacy desk system"
    return answers


def bank_context(lang: str, answers: dict[str, Any] | None = None) -> ExportContext:
    loaded = load_playbook("financial-services")
    assert loaded.ok, [str(p) for p in loaded.problems]
    answers = rich_answers(loaded.playbook) if answers is None else answers
    return ExportContext(
        resolve(loaded.playbook, answers), loaded.playbook, answers, CLIENT[lang], START, lang, contact=""
    )


def docx_units(path: Path) -> list[str]:
    """Every paragraph and every table cell of a Word file, as a reader sees them."""
    document = docx.Document(str(path))
    units = [p.text for p in document.paragraphs]
    for table in document.tables:
        units += [cell.text for row in table.rows for cell in row.cells]
    return [u for u in units if u.strip()]


def docx_table(path: Path, header: tuple[str, ...]) -> list[list[str]]:
    """The rows of the first table whose header row is `header` (header excluded)."""
    for table in docx.Document(str(path)).tables:
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        if tuple(rows[0]) == header:
            return rows[1:]
    raise AssertionError(f"no table headed {header}")


def xlsx_units(path: Path) -> list[str]:
    """Every non-empty cell of every sheet, the hidden one too (the vendor receives the file)."""
    book = openpyxl.load_workbook(path)
    return [
        str(v)
        for ws in book.worksheets
        for row in ws.iter_rows(values_only=True)
        for v in row
        if v is not None and str(v).strip()
    ] + [ws.title for ws in book.worksheets]
