"""One recertification checklist per reviewer: `recertification-<reviewer>.xlsx`.

Sheet Checklist: one row per role x object x action the design grants (role, object, action, scope), then
the reviewer's columns: Decision (drop-down keep / revoke / change), New scope (for change; drop-down) and
Comment. Everything else is locked, so what `crmwb audit --decisions` reads back is the right the reviewer
saw; the sheet is protected without a password (against accidents, not intent) and filtering stays on.
Sheet About: who reviews, which design (id, version, digest), the cadence and the due date, and how to
fill it in; the reader takes the reviewer from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from workbench.domain.access import SCOPES
from workbench.domain.locale import format_short_date
from workbench.domain.recertify import DECISIONS, ReviewPlan, RoleReview
from workbench.domain.recertify_decisions import COLUMNS, INPUT_COLUMNS
from workbench.domain.vocabulary import action_label, decision_label, scope_label
from workbench.i18n import N_, _, current_language
from workbench.writers.spreadsheet import finish_table, header, put
from workbench.writers.xlsx_style import first_sheet, right_to_left, workbook

WIDTHS = {
    "role": 20,
    "role_name": 26,
    "object": 20,
    "action": 10,
    "scope": 9,
    "decision": 12,
    "new_scope": 12,
    "comment": 48,
}
CHECKLIST_SHEET, ABOUT_SHEET = N_("Checklist"), N_("About")
ABOUT_KEYS = (
    N_("Reviewer"),
    N_("Reviewer name"),
    N_("Design"),
    N_("Playbook"),
    N_("Playbook digest"),
    N_("Recertification task"),
    N_("Cadence (months)"),
    N_("Generated"),
    N_("Review due by"),
    N_("Roles"),
    N_("Rights"),
)
"""English; written in the current language (the reader takes the reviewer in any language)"""


@dataclass(frozen=True)
class ChecklistMeta:
    design: str
    playbook: str
    """id and version"""
    digest: str
    generated: date
    due: date


def file_name(reviewer: str) -> str:
    return f"recertification-{reviewer}.xlsx"


def write(plan: ReviewPlan, reviewer_names: dict[str, str], meta: ChecklistMeta, folder: Path) -> list[Path]:
    """Write every reviewer's checklist into `folder`, labels and values in the current language (the
    caller's `use_language`); returns the paths, main reviewer first."""
    folder = Path(folder)
    paths = []
    for reviewer, reviews in plan.by_reviewer().items():
        wb = workbook(current_language())
        checklist = first_sheet(wb)
        checklist.title = _(CHECKLIST_SHEET)
        _checklist(checklist, reviews)
        _about(
            wb.create_sheet(_(ABOUT_SHEET)),
            plan,
            reviewer,
            reviewer_names.get(reviewer, reviewer),
            reviews,
            meta,
        )
        right_to_left(wb, current_language())  # Persian reads right to left
        path = folder / file_name(reviewer)
        wb.save(path)
        paths.append(path)
    return paths


def _checklist(ws: Worksheet, reviews: list[RoleReview]) -> None:
    keys = [key for key, _title in COLUMNS]
    header(ws, [_(title) for _key, title in COLUMNS], [WIDTHS[k] for k in keys])
    index = {key: i for i, key in enumerate(keys, start=1)}
    r, band = 1, False
    for review in reviews:
        band = not band
        for right in review.rights:
            r += 1
            values = {
                "role": right.role,
                "role_name": review.name,
                "object": right.object,
                "action": action_label(right.action),
                "scope": scope_label(right.scope),
            }
            for key, value in values.items():
                put(ws, r, index[key], value, style="band" if band else ())
            for key in INPUT_COLUMNS:  # the only unlocked cells
                put(ws, r, index[key], None, wrap=key == "comment", style="input")
    last = max(r, 2)
    keep, revoke, change = (decision_label(d) for d in DECISIONS)
    _dropdown(
        ws,
        index["decision"],
        last,
        (keep, revoke, change),
        _("Decision"),
        _("{keep} = the right stays; {revoke} = remove it; {change} = narrow it to the New scope").format(
            keep=keep, revoke=revoke, change=change
        ),
    )
    narrower = tuple(scope_label(s) for s in SCOPES if s != "all")
    _dropdown(
        ws,
        index["new_scope"],
        last,
        narrower,
        _("New scope"),
        _("only for {change}: the narrower scope the right keeps ({scopes})").format(
            change=change, scopes=", ".join(narrower)
        ),
    )
    finish_table(ws, r - 1, len(keys))
    _protect(ws)


def _dropdown(
    ws: Worksheet, column: int, last: int, values: tuple[str, ...], title: str, prompt: str
) -> None:
    letter = get_column_letter(column)
    validation = DataValidation(
        type="list",
        formula1=f'"{",".join(values)}"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop",
        errorTitle=title,
        error=_("Choose one of: {values}").format(values=", ".join(values)),
        showInputMessage=True,
        promptTitle=title,
        prompt=prompt,
    )
    ws.add_data_validation(validation)
    validation.add(f"{letter}2:{letter}{last}")


def _about(
    ws: Worksheet, plan: ReviewPlan, reviewer: str, name: str, reviews: list[RoleReview], meta: ChecklistMeta
) -> None:
    lang = current_language()
    values = (
        reviewer,
        name,
        meta.design,
        meta.playbook,
        meta.digest,
        plan.task or _("(none: fallback)"),
        plan.cadence_months,
        format_short_date(meta.generated, lang),
        format_short_date(meta.due, lang),
        ", ".join(r.role for r in reviews),
        sum(len(r.rights) for r in reviews),
    )
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 22, 70
    for r, (key, value) in enumerate(zip(ABOUT_KEYS, values), start=1):
        put(ws, r, 1, _(key), style="strong")
        put(ws, r, 2, value, wrap=True)
    notes = [r.note for r in reviews if r.note] + plan.notes
    keep, revoke, change = (decision_label(d) for d in DECISIONS)
    steps = [
        _("How to fill in: on the {sheet} sheet choose a {decision} for every row.").format(
            sheet=_(CHECKLIST_SHEET), decision=_("Decision")
        ),
        _(
            "{keep}: the right stays as designed. {revoke}: the right is removed. {change}: the right is "
            "narrowed to the New scope ({scopes}); a recertification never widens a right."
        ).format(
            keep=keep,
            revoke=revoke,
            change=change,
            scopes=", ".join(scope_label(s) for s in SCOPES if s != "all"),
        ),
        _(
            "Explain every {revoke} and {change} in the Comment column. Then return the file; `crmwb audit "
            "ENGAGEMENT --decisions` turns it into the change plan for the design and the CRM."
        ).format(revoke=revoke, change=change),
        _(
            "The sheets are protected without a password to prevent accidents; only the yellow cells "
            "are for you."
        ),
        *notes,
    ]
    start = len(ABOUT_KEYS) + 2
    for offset, text in enumerate(steps):
        put(ws, start + offset, 1, text, wrap=True)
        ws.merge_cells(start_row=start + offset, start_column=1, end_row=start + offset, end_column=2)
        ws.row_dimensions[start + offset].height = 32
    ws.protection.sheet = True


def _protect(ws: Worksheet) -> None:
    """Protected without a password: filtering, sorting and resizing stay allowed."""
    ws.protection.sheet = True
    ws.protection.autoFilter = False
    ws.protection.sort = False
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
