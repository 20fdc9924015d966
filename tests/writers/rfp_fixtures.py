"""Shared helpers for the RFP pack tests: a context from tests/data/rfp/tricky.yaml (mini plus formula-like
text, a Won't item, translations) and a "vendor" that fills a written workbook with openpyxl."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl

from workbench.domain.resolve import resolve
from workbench.loading.playbooks import load_playbook
from workbench.writers.context import ExportContext

DATA = Path(__file__).parent.parent / "data"
TRICKY = DATA / "tricky.yaml"
ANSWERS = {
    "business_model": "both",
    "modules": ["sales", "service"],
    "has_specialist": True,
    "specialist_share": 40,
    "notes": "=cmd|' /C calc'!A0",
}
ORDER = ["R1", "R3", "R2", "R4", "R5", "R6"]
"""Requirement ids as the pack lists them: by module (sales, service, reports), playbook order within."""


def context(ref: Path | str = TRICKY, answers: dict | None = None, lang: str = "en") -> ExportContext:
    loaded = load_playbook(ref)
    assert loaded.ok, [str(p) for p in loaded.problems]
    answers = ANSWERS if answers is None else answers
    return ExportContext(
        resolve(loaded.playbook, answers), loaded.playbook, answers, "Acme Retail", date(2026, 1, 5), lang
    )


def write_pack(folder: Path, **kwargs) -> Path:
    from workbench.writers import rfp_xlsx

    folder.mkdir(parents=True, exist_ok=True)
    [path] = rfp_xlsx.write(context(**kwargs), folder)
    return path


def fill(
    source: Path,
    target: Path,
    responses: dict[str, object],
    vendor: str | None = None,
    sheet: str = "Requirements",
) -> Path:
    """Answer by requirement id, as a vendor would in Excel; returns the saved copy."""
    wb = openpyxl.load_workbook(source)
    ws = wb[sheet]
    headers = [c.value for c in ws[1]]
    id_col, response_col = headers.index("ID") + 1, headers.index("Vendor response") + 1
    for row in range(2, ws.max_row + 1):
        rid = ws.cell(row, id_col).value
        if rid in responses:
            ws.cell(row, response_col).value = responses[rid]
    if vendor is not None:
        cover = wb["Cover"]
        label = next(c for c in cover["A"] if c.value == "Vendor name")
        cover.cell(label.row, 2).value = vendor
    wb.save(target)
    return target
