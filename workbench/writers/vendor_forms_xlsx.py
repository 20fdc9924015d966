"""The vendor pack's fillable workbooks beside rfp.xlsx: `commercial-form.xlsx` (the vendor's costs per
item and year in the engagement's currency), `demo-scorecard.xlsx` (one copy per evaluator: a 0-5 score per
scripted demo item) and `reference-check.xlsx` (one copy per reference call: a 1-5 score per question).

`crmwb rfp evaluate` reads them back (loading/vendor_forms.py) by their labels, in any of our languages.
Only the yellow cells are editable; scores and amounts are validated where they are typed; every text from
the playbook goes through `put`, so nothing a cell shows can run as a formula.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from workbench.domain.locale import format_number
from workbench.domain.rfp_pack import VENDOR_NAME, groups
from workbench.domain.vendor_forms import (
    COMMERCIAL_FILE,
    COMMERCIAL_SHEET,
    COMMERCIAL_YEARS,
    COST_ITEM,
    COST_ITEMS,
    CURRENCIES,
    CURRENCY,
    DEMO_FILE,
    DEMO_RANGE,
    DEMO_SCORE,
    DEMO_SHEET,
    EVALUATOR,
    REFERENCE_FACTS,
    REFERENCE_FILE,
    REFERENCE_QUESTIONS,
    REFERENCE_RANGE,
    REFERENCE_SCORE,
    REFERENCE_SHEET,
    demo_items,
)
from workbench.i18n import _, current_language, ngettext
from workbench.writers.context import ExportContext, in_client_language
from workbench.writers.rfp_xlsx import protect
from workbench.writers.spreadsheet import header, localise_numbers, put, put_formula
from workbench.writers.xlsx_style import first_sheet, right_to_left, workbook

TABLE_ROW = 7
"""the header row of each form's table (the rows above hold the title and the name cells)"""


@in_client_language
def write(ctx: ExportContext, folder: Path) -> list[Path]:
    folder = Path(folder)
    made = []
    for name, fill in (
        (COMMERCIAL_FILE, _commercial),
        (DEMO_FILE, _demo),
        (REFERENCE_FILE, _reference),
    ):
        wb = workbook(ctx.lang)
        fill(first_sheet(wb), ctx)
        right_to_left(wb, ctx.lang)
        localise_numbers(wb, ctx.lang)
        wb.save(folder / name)
        made.append(folder / name)
    return made


def _heading(ws: Worksheet, ctx: ExportContext, title: str, labels: list[tuple[str, str | None]]) -> None:
    """The title, then one yellow input cell right of each label (prefilled with the value given)."""
    put(ws, 1, 1, title, style="title")
    put(ws, 2, 1, ctx.client, style="strong")
    for r, (label, value) in enumerate(labels, start=3):
        put(ws, r, 1, label, style="strong")
        put(ws, r, 2, value, style="input")


def _validate(
    ws: Worksheet,
    cells: str,
    rule: str,
    title: str,
    kind: Literal["whole", "decimal"],
    bounds: tuple[str, str | None],
) -> None:
    """Refuse anything but `kind` within `bounds` (low, high or None) in `cells`, telling the typist `rule`
    before and after."""
    low, high = bounds
    validation = DataValidation(
        type=kind,
        operator="between" if high is not None else "greaterThanOrEqual",
        formula1=low,
        formula2=high,
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop",
        errorTitle=title,
        error=rule,
        showInputMessage=True,
        promptTitle=title,
        prompt=rule,
    )
    ws.add_data_validation(validation)
    validation.add(cells)


def _scores(ws: Worksheet, column: int, first: int, last: int, bounds: tuple[int, int], title: str) -> None:
    lang = current_language()
    low, high = bounds
    rule = _("a whole number from {low} to {high}").format(
        low=format_number(low, lang), high=format_number(high, lang)
    )
    letter = get_column_letter(column)
    cells = f"{letter}{first}:{letter}{max(last, first)}"
    _validate(ws, cells, rule, title, "whole", (str(low), str(high)))


def _commercial(ws: Worksheet, ctx: ExportContext) -> None:
    ws.title = _(COMMERCIAL_SHEET)
    currency = CURRENCIES.get(str(ctx.answers.get("country") or "").upper())
    _heading(ws, ctx, _("Commercial form"), [(_(VENDOR_NAME), None), (_(CURRENCY), currency)])
    put(
        ws,
        5,
        1,
        _("Amounts per year, without VAT, in the currency above; leave a cost you do not charge empty."),
    )
    years = [_("Year {n}").format(n=format_number(n, ctx.lang)) for n in range(1, COMMERCIAL_YEARS + 1)]
    header(ws, [_(COST_ITEM), *years, _("Notes")], [36, *[14] * COMMERCIAL_YEARS, 40], row=TABLE_ROW)
    first = TABLE_ROW + 1
    for r, item in enumerate(COST_ITEMS, start=first):
        put(ws, r, 1, _(item))
        for c in range(2, COMMERCIAL_YEARS + 3):
            put(ws, r, c, None, style="input" if c == COMMERCIAL_YEARS + 2 else ("input", "number"))
    last = first + len(COST_ITEMS) - 1
    total = last + 1
    put(ws, total, 1, _("Total"), style="strong")
    for c in range(2, COMMERCIAL_YEARS + 2):
        letter = get_column_letter(c)
        put_formula(ws, total, c, f"=SUM({letter}{first}:{letter}{last})", style=("strong", "number"))
    for r, n in enumerate((3, COMMERCIAL_YEARS), start=total + 2):
        put(ws, r, 1, ngettext("Over {n} year", "Over {n} years", n).format(n=format_number(n, ctx.lang)))
        put_formula(ws, r, 2, f"=SUM(B{total}:{get_column_letter(1 + n)}{total})", style=("strong", "number"))
    amounts = f"B{first}:{get_column_letter(COMMERCIAL_YEARS + 1)}{last}"
    rule = _("an amount of 0 or more")
    _validate(ws, amounts, rule, _(COST_ITEM), "decimal", ("0", None))
    protect(ws)


def _demo(ws: Worksheet, ctx: ExportContext) -> None:
    ws.title = _(DEMO_SHEET)
    _heading(ws, ctx, _("Scripted demonstration"), [(_(VENDOR_NAME), None), (_(EVALUATOR), None)])
    put(ws, 5, 1, _("One copy per evaluator: score each scenario from 0 (not shown) to 5 (fully shown)."))
    titles = [
        _("ID"),
        _("Module"),
        _("Scenario"),
        _("What the evaluators check"),
        _(DEMO_SCORE),
        _("Comment"),
    ]
    header(ws, titles, [11, 16, 50, 45, 12, 40], row=TABLE_ROW)
    items = demo_items(groups(ctx.playbook, ctx.lang))
    for r, item in enumerate(items, start=TABLE_ROW + 1):
        for c, value in enumerate((item.id, item.module, item.scenario, item.check), start=1):
            put(ws, r, c, value, wrap=True)
        put(ws, r, 5, None, style="input")
        put(ws, r, 6, None, wrap=True, style="input")
    _scores(ws, 5, TABLE_ROW + 1, TABLE_ROW + len(items), DEMO_RANGE, _(DEMO_SCORE))
    protect(ws)


def _reference(ws: Worksheet, ctx: ExportContext) -> None:
    ws.title = _(REFERENCE_SHEET)
    facts: list[tuple[str, str | None]] = [(_(VENDOR_NAME), None)]
    facts += [(_(label), None) for label in REFERENCE_FACTS]
    _heading(ws, ctx, _("Reference-check sheet"), facts)
    top = 3 + len(facts) + 1
    header(ws, ["#", _("Question"), _("Answer"), _(REFERENCE_SCORE)], [30, 60, 50, 12], row=top)
    for r, question in enumerate(REFERENCE_QUESTIONS, start=top + 1):
        put(ws, r, 1, format_number(r - top, ctx.lang))
        put(ws, r, 2, _(question), wrap=True)
        put(ws, r, 3, None, wrap=True, style="input")
        put(ws, r, 4, None, style="input")
    _scores(ws, 4, top + 1, top + len(REFERENCE_QUESTIONS), REFERENCE_RANGE, _(REFERENCE_SCORE))
    protect(ws)
