"""Three vendors' returned packs, made the way they are in real life: the pack's own blank workbooks
(`crmwb rfp pack`'s rfp.xlsx, commercial form, demo scorecard and reference check) filled in with
openpyxl, one folder per vendor, two evaluators' scorecards each.

The numbers are chosen so the outcome is known without the code under test (see the test module):
Alpha has the best fit, Beta the lowest eligible price, Gamma the lowest price of all but misses a Must.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from tests.writers.rfp_fixtures import DATA, context
from workbench.domain.rfp import response_labels
from workbench.domain.rfp_pack import COLUMNS, VENDOR_NAME
from workbench.i18n import gettext_in
from workbench.writers import rfp_xlsx, vendor_forms_xlsx

EVALUATION = DATA / "evaluation.yaml"
REQUIREMENTS = ["R1", "R3", "R2", "R4", "R5", "R6"]
TABLE = vendor_forms_xlsx.TABLE_ROW

VENDORS: dict[str, dict] = {
    "Alpha": {
        "responses": {rid: "Fully supported" for rid in REQUIREMENTS},
        "costs": {"Licences or subscriptions": [20_000] * 5, "Implementation and configuration": [25_000]},
        "demo": {"Ali": {"R1": 5, "R6": 4}, "Olga": {"R1": 4, "R6": 4}},
        "references": [[4, 4, 4, 4, 4, 4, 4]],
    },
    "Beta": {
        "responses": {rid: "Configuration" for rid in REQUIREMENTS},
        "costs": {"Licences or subscriptions": [12_000] * 5, "Implementation and configuration": [40_000]},
        "demo": {"Ali": {"R1": 3, "R6": 3}, "Olga": {"R1": 5, "R6": 3}},
        "references": [[5, 5, 5, 5, 5, 5, 5]],
    },
    "Gamma": {
        "responses": {**{rid: "Fully supported" for rid in REQUIREMENTS}, "R6": "Not supported"},
        "costs": {"Licences or subscriptions": [10_000] * 5, "Training": [5_000, 5_000]},
        "demo": {"Ali": {"R1": 5, "R6": 5}, "Olga": {"R1": 5, "R6": 5}},
        "references": [[5, 5, 5, 5, 5, 5, 5], [4, 4, 4, 4, 4, 4, 4]],
    },
}
"""vendor -> what it answers, its costs per item and year, each evaluator's demo scores, its references"""


def blank_pack(folder: Path, lang: str = "en") -> Path:
    """The pack as `crmwb rfp pack` writes it: rfp.xlsx and the three forms."""
    folder.mkdir(parents=True, exist_ok=True)
    ctx = context(EVALUATION, lang=lang)
    rfp_xlsx.write(ctx, folder)
    vendor_forms_xlsx.write(ctx, folder)
    return folder


def fill_requirements(source: Path, target: Path, responses: dict[str, str], vendor: str, lang: str) -> Path:
    """rfp.xlsx answered in the pack's language, as the vendor picks from the drop-down (any language's
    sheet names: the Requirements sheet is the second, its columns in `COLUMNS` order)."""
    wb = openpyxl.load_workbook(source)
    ws = wb.worksheets[1]
    shown = response_labels(lang)
    column = [key for key, _title in COLUMNS].index("response") + 1
    for row in range(2, ws.max_row + 1):
        rid = ws.cell(row, 1).value
        if rid in responses:
            ws.cell(row, column).value = shown[responses[rid]]
    cover = wb.worksheets[0]
    label = next(c for c in cover["A"] if c.value == gettext_in(lang, VENDOR_NAME))
    cover.cell(label.row, 2).value = vendor
    wb.save(target)
    return target


def fill_commercial(source: Path, target: Path, costs: dict[str, list[float]], currency: str = "EUR") -> Path:
    wb = openpyxl.load_workbook(source)
    ws = wb.worksheets[0]
    ws["B4"] = currency
    english = list(vendor_forms_xlsx.COST_ITEMS)
    for item, years in costs.items():
        row = TABLE + 1 + english.index(item)
        for year, amount in enumerate(years, start=2):
            ws.cell(row, year).value = amount
    wb.save(target)
    return target


def fill_scorecard(source: Path, target: Path, evaluator: str, scores: dict[str, object]) -> Path:
    wb = openpyxl.load_workbook(source)
    ws = wb.worksheets[0]
    ws["B4"] = evaluator
    for row in range(TABLE + 1, ws.max_row + 1):
        item = ws.cell(row, 1).value
        if item in scores:
            ws.cell(row, 5).value = scores[item]
    wb.save(target)
    return target


def fill_reference(source: Path, target: Path, scores: list[int]) -> Path:
    wb = openpyxl.load_workbook(source)
    ws = wb.worksheets[0]
    ws["B4"] = "Reference Customer LLC"
    header = next(r for r in range(1, 30) if ws.cell(r, 4).value is not None and ws.cell(r, 1).value == "#")
    for offset, score in enumerate(scores, start=1):
        ws.cell(header + offset, 4).value = score
    wb.save(target)
    return target


def vendor_packs(root: Path, blank: Path, vendors: dict[str, dict] | None = None, lang: str = "en") -> Path:
    """One folder per vendor under `root`, each with its filled workbooks."""
    for vendor, pack in (vendors or VENDORS).items():
        folder = root / vendor
        folder.mkdir(parents=True)
        fill_requirements(blank / "rfp.xlsx", folder / "rfp.xlsx", pack["responses"], vendor, lang)
        fill_commercial(blank / "commercial-form.xlsx", folder / "commercial-form.xlsx", pack["costs"])
        for evaluator, scores in pack["demo"].items():
            fill_scorecard(
                blank / "demo-scorecard.xlsx",
                folder / f"demo-scorecard-{evaluator.lower()}.xlsx",
                evaluator,
                scores,
            )
        for n, scores in enumerate(pack["references"], start=1):
            fill_reference(blank / "reference-check.xlsx", folder / f"reference-check-{n}.xlsx", scores)
    return root
