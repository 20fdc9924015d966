"""`rfp.xlsx`: the requirement list a vendor fills in, scored by live formulas.

Sheets: Cover (context and instructions), Requirements (one row per requirement; only the response and
comment cells are editable), Scores (weighted score per module and in total, must-haves missed) and a
hidden Scoring sheet (response -> points, and the requirement key `crmwb rfp score` trusts). Every number
on Scores is a formula over the Requirements sheet, so the vendor sees its score change as it answers;
`workbench.domain.rfp.score_vendor` computes the same numbers (tests check both).
"""

from __future__ import annotations

from pathlib import Path

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from workbench.domain.fixed_ids import Priority
from workbench.domain.rfp import RESPONSE_ALIASES, RESPONSES, response_labels
from workbench.domain.rfp_pack import (
    COLUMNS,
    DELIVERED_POINTS,
    KEY_COLUMNS,
    ModuleGroup,
    RfpRow,
    groups,
    priority_label,
)
from workbench.i18n import _, current_language
from workbench.languages import LANGUAGES
from workbench.writers.context import ExportContext, in_client_language
from workbench.writers.rfp_xlsx_cover import row_height, write_cover
from workbench.writers.spreadsheet import finish_table, header, localise_numbers, put, put_formula, sheet_ref
from workbench.writers.xlsx_style import first_sheet, right_to_left, workbook

WIDTHS = {
    "id": 11,
    "module": 16,
    "text": 55,
    "rationale": 38,
    "acceptance": 38,
    "priority": 9,
    "weight": 8,
    "response": 18,
    "comment": 40,
    "points": 8,
    "weighted": 10,
}
COL = {key: get_column_letter(i) for i, (key, _) in enumerate(COLUMNS, start=1)}
"""column key -> letter on the Requirements sheet"""


@in_client_language
def write(ctx: ExportContext, folder: Path) -> list[Path]:
    """Labels, sheet names and drop-down values in the pack's language (the registry runs writers inside
    `use_language(ctx.lang)`); a Persian workbook reads right to left on every sheet."""
    module_groups = groups(ctx.playbook, ctx.lang)
    rows = [row for group in module_groups for row in group.rows]
    wb = workbook(ctx.lang)
    write_cover(first_sheet(wb), ctx)
    lookup = _scoring_sheet(wb.create_sheet("Scoring"), rows)
    requirements = wb.create_sheet(_("Requirements"), 1)
    _requirements_sheet(requirements, rows, lookup)
    _scores_sheet(wb.create_sheet(_("Scores"), 2), module_groups, len(rows), sheet_ref(requirements.title))
    right_to_left(wb, ctx.lang)
    localise_numbers(wb, ctx.lang)
    wb.active = 0
    path = Path(folder) / "rfp.xlsx"
    wb.save(path)
    return [path]


def _scoring_sheet(ws: Worksheet, rows: list[RfpRow]) -> str:
    """Response -> points (labels, then the short forms scoring also accepts) and the requirement key;
    returns the absolute range of the points table for VLOOKUP."""
    header(ws, ["Response label", "Points"], [22, 8])
    shown = {label: [response_labels(lang)[label] for lang in LANGUAGES] for label in RESPONSES}
    table = [(text, points) for label, points in RESPONSES.items() for text in dict.fromkeys(shown[label])]
    table += [(alias, RESPONSES[label]) for alias, label in RESPONSE_ALIASES.items()]
    for r, (label, points) in enumerate(table, start=2):
        put(ws, r, 1, label)
        put(ws, r, 2, points)
    for c, (_key, title) in enumerate(KEY_COLUMNS, start=4):
        put(ws, 1, c, title, style="strong")
        ws.column_dimensions[get_column_letter(c)].width = 16
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate((row.id, row.module, row.priority_label, row.weight), start=4):
            put(ws, r, c, value)
    ws.sheet_state = "hidden"
    ws.protection.sheet = True
    return f"Scoring!$A$2:$B${len(table) + 1}"


def _requirements_sheet(ws: Worksheet, rows: list[RfpRow], lookup: str) -> None:
    header(ws, [_(title) for _key, title in COLUMNS], [WIDTHS[key] for key, _title in COLUMNS])
    ws.row_dimensions[1].height = 30
    index = {key: i for i, (key, _title) in enumerate(COLUMNS, start=1)}
    band, module = False, None
    for r, row in enumerate(rows, start=2):
        if row.module != module:
            band, module = not band, row.module
        look = ("band",) * band + ("muted",) * (row.priority == Priority.WONT)
        for key in ("id", "module", "text", "rationale", "acceptance", "priority", "weight"):
            put(
                ws,
                r,
                index[key],
                row.priority_label if key == "priority" else getattr(row, key),
                wrap=True,
                style=look,
            )
        ws.row_dimensions[r].height = row_height(
            [(getattr(row, k), WIDTHS[k]) for k in ("text", "rationale", "acceptance")], minimum=2
        )
        for key in ("response", "comment"):
            put(ws, r, index[key], None, wrap=True, style="input")
        response = _cleaned(f"{COL['response']}{r}")
        put_formula(
            ws,
            r,
            index["points"],
            f"=IFERROR(VLOOKUP({response},{lookup},2,FALSE),0)",
            style=("decimal", "top"),
        )
        put_formula(
            ws, r, index["weighted"], f"={COL['weight']}{r}*{COL['points']}{r}", style=("decimal", "top")
        )
    last = max(len(rows) + 1, 2)
    shown = list(response_labels(current_language()).values())
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(shown) + '"',
        allow_blank=True,
        showDropDown=False,
        showErrorMessage=True,
        errorStyle="stop",
        errorTitle=_("Choose a response"),
        error=_("Choose one of the listed responses; explain it in the Vendor comment column."),
        showInputMessage=True,
        promptTitle=_("Vendor response"),
        prompt=_("Choose from the list: {responses}").format(responses=", ".join(shown)),
    )
    ws.add_data_validation(validation)
    validation.add(f"{COL['response']}2:{COL['response']}{last}")
    finish_table(ws, len(rows), len(COLUMNS))
    protect(ws)


def _cleaned(cell: str) -> str:
    """The response as domain.rfp.normalise_response sees it: tabs and line breaks as spaces, runs of spaces
    collapsed, ends trimmed (VLOOKUP then ignores case, as the domain does)."""
    for code in (9, 10, 13):
        cell = f'SUBSTITUTE({cell},CHAR({code})," ")'
    return f"TRIM({cell})"


def _scores_sheet(ws: Worksheet, module_groups: list[ModuleGroup], count: int, requirements: str) -> None:
    """Per module: weight, earned, percentage, must-haves missed; then totals. All formulas; priorities are
    counted by the label the Requirements sheet shows, in the pack's language."""
    last = max(count + 1, 2)

    def rng(key: str) -> str:
        return f"{requirements}!${COL[key]}$2:${COL[key]}${last}"

    header(
        ws,
        [
            _("Module"),
            _("Total weight"),
            _("Score earned"),
            _("Score %"),
            _("Requirements"),
            _("Must-haves missed"),
        ],
        [30, 13, 13, 10, 13, 19],
    )
    ws.row_dimensions[1].height = 30
    delivered = f'">="&{DELIVERED_POINTS}'  # the number joins as text in the user's locale: 0,4 or 0.4
    must, wont = priority_label(Priority.MUST), priority_label(Priority.WONT)

    def missed(where: str) -> str:
        return (
            f'COUNTIFS({where}{rng("priority")},"{must}")'
            f'-COUNTIFS({where}{rng("priority")},"{must}",{rng("points")},{delivered})'
        )

    for r, group in enumerate(module_groups, start=2):
        put(ws, r, 1, group.name)
        by_module = f"{rng('module')},$A{r},"
        put_formula(ws, r, 2, f"=SUMIFS({rng('weight')},{rng('module')},$A{r})")
        put_formula(ws, r, 3, f"=SUMIFS({rng('weighted')},{rng('module')},$A{r})", style="decimal")
        put_formula(ws, r, 4, f'=IF(B{r}=0,"",C{r}/B{r})', style="percent-decimal")
        put_formula(ws, r, 5, f"=COUNTIFS({rng('module')},$A{r})")
        put_formula(ws, r, 6, "=" + missed(by_module))
    total = len(module_groups) + 2
    put(ws, total, 1, _("Total"), style="strong")
    for c in (2, 3, 5, 6):
        letter = get_column_letter(c)
        put_formula(
            ws,
            total,
            c,
            f"=SUM({letter}2:{letter}{total - 1})" if total > 2 else "=0",
            style=("strong", "decimal") if c == 3 else "strong",
        )
    put_formula(ws, total, 4, f'=IF(B{total}=0,"",C{total}/B{total})', style=("strong", "percent-decimal"))
    notes = total + 2
    put(ws, notes, 1, _("Must-haves missed"), style="strong")
    put_formula(ws, notes, 2, "=" + missed(""), style="alert")
    put(ws, notes, 3, _("Must requirements answered Roadmap or Not supported, or not answered."))
    put(ws, notes + 1, 1, _("Not answered"))
    put_formula(ws, notes + 1, 2, f'=COUNTIFS({rng("response")},"",{rng("priority")},"<>{wont}")')
    put(ws, notes + 1, 3, _("Requirements (other than Won't) with no response yet."))
    finish_table(ws, len(module_groups) + 1, 6, landscape=False)
    ws.auto_filter.ref = None  # the total row must not be sorted into the modules
    protect(ws)


def protect(ws: Worksheet) -> None:
    """Protected without a password (the Cover says so): against accidents, not against intent.
    Filtering, sorting and resizing stay allowed."""
    ws.protection.sheet = True
    ws.protection.autoFilter = False
    ws.protection.sort = False
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
