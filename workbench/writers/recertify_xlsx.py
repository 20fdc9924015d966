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

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from workbench.domain.access import SCOPES
from workbench.domain.recertify import DECISIONS, ReviewPlan, RoleReview
from workbench.domain.recertify_decisions import COLUMNS, INPUT_COLUMNS
from workbench.writers.spreadsheet import finish_table, header, put

WIDTHS = {"role": 20, "role_name": 26, "object": 20, "action": 10, "scope": 9, "decision": 12,
          "new_scope": 12, "comment": 48}
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
BAND_FILL = PatternFill("solid", fgColor="EEF3F8")
UNLOCKED = Protection(locked=False)
CHECKLIST_SHEET, ABOUT_SHEET = "Checklist", "About"
ABOUT_KEYS = ("Reviewer", "Reviewer name", "Design", "Playbook", "Playbook digest", "Recertification task",
              "Cadence (months)", "Generated", "Review due by", "Roles", "Rights")


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
    """Write every reviewer's checklist into `folder`; returns the paths, main reviewer first."""
    folder = Path(folder)
    paths = []
    for reviewer, reviews in plan.by_reviewer().items():
        wb = Workbook()
        checklist = wb.active
        checklist.title = CHECKLIST_SHEET
        _checklist(checklist, reviews)
        _about(wb.create_sheet(ABOUT_SHEET), plan, reviewer, reviewer_names.get(reviewer, reviewer), reviews,
               meta)
        path = folder / file_name(reviewer)
        wb.save(path)
        paths.append(path)
    return paths


def _checklist(ws: Worksheet, reviews: list[RoleReview]) -> None:
    keys = [key for key, _ in COLUMNS]
    header(ws, [title for _, title in COLUMNS], [WIDTHS[k] for k in keys])
    index = {key: i for i, key in enumerate(keys, start=1)}
    r, band = 1, False
    for review in reviews:
        band = not band
        for right in review.rights:
            r += 1
            values = {"role": right.role, "role_name": review.name, "object": right.object,
                      "action": right.action, "scope": right.scope}
            for key, value in values.items():
                cell = put(ws, r, index[key], value)
                if band:
                    cell.fill = BAND_FILL
            for key in INPUT_COLUMNS:
                cell = put(ws, r, index[key], None, wrap=key == "comment")
                cell.fill, cell.protection = INPUT_FILL, UNLOCKED
    last = max(r, 2)
    _dropdown(ws, index["decision"], last, DECISIONS, "Decision",
              "keep = the right stays; revoke = remove it; change = narrow it to the New scope")
    narrower = tuple(s for s in SCOPES if s != "all")
    _dropdown(ws, index["new_scope"], last, narrower, "New scope",
              "only for change: the narrower scope the right keeps (none, own or team)")
    finish_table(ws, r - 1, len(keys))
    _protect(ws)


def _dropdown(ws: Worksheet, column: int, last: int, values: tuple[str, ...], title: str,
              prompt: str) -> None:
    letter = ws.cell(row=1, column=column).column_letter
    validation = DataValidation(type="list", formula1=f'"{",".join(values)}"', allow_blank=True,
                                showErrorMessage=True, errorStyle="stop", errorTitle=title,
                                error=f"Choose one of: {', '.join(values)}", showInputMessage=True,
                                promptTitle=title, prompt=prompt)
    ws.add_data_validation(validation)
    validation.add(f"{letter}2:{letter}{last}")


def _about(ws: Worksheet, plan: ReviewPlan, reviewer: str, name: str, reviews: list[RoleReview],
           meta: ChecklistMeta) -> None:
    values = (reviewer, name, meta.design, meta.playbook, meta.digest, plan.task or "(none: fallback)",
              plan.cadence_months, meta.generated.isoformat(), meta.due.isoformat(),
              ", ".join(r.role for r in reviews), sum(len(r.rights) for r in reviews))
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 22, 70
    for r, (key, value) in enumerate(zip(ABOUT_KEYS, values), start=1):
        put(ws, r, 1, key).font = Font(bold=True)
        put(ws, r, 2, value, wrap=True)
    notes = [r.note for r in reviews if r.note] + plan.notes
    steps = ["How to fill in: on the Checklist sheet choose a Decision for every row.",
             ("keep: the right stays as designed. revoke: the right is removed. change: the right is "
              "narrowed to the New scope (none, own or team); a recertification never widens a right."),
             ("Explain every revoke and change in Comment. Then return the file; `crmwb audit ENGAGEMENT "
              "--decisions` turns it into the change plan for the design and the CRM."),
             ("The sheets are protected without a password to prevent accidents; only the yellow cells "
              "are for you."), *notes]
    start = len(ABOUT_KEYS) + 2
    for offset, text in enumerate(steps):
        put(ws, start + offset, 1, text, wrap=True).alignment = Alignment(wrap_text=True, vertical="top")
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
