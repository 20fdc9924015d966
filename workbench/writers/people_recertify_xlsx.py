"""One people-recertification checklist per manager: `people-review-<manager>.xlsx`.

Sheet Review: one row per role each of the manager's people holds in the CRM (person, name, department,
account, role, its name, whether the design gives it to the person), then the manager's columns:
Decision (drop-down keep / revoke / change), New role (for change) and Comment. Everything else is locked
(no password: against accidents, not intent). Sheet About: the manager, the CRM, the design and how to fill
it in. `crmwb people-audit --decisions` reads it back in any of the three languages.
"""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from workbench.domain.people_recertify import DECISIONS, ReviewLine
from workbench.domain.vocabulary import decision_label
from workbench.i18n import N_, _, current_language
from workbench.writers.spreadsheet import finish_table, header, put
from workbench.writers.xlsx_style import first_sheet, right_to_left, workbook

COLUMNS = (
    ("person", N_("Person"), 12),
    ("name", N_("Name"), 28),
    ("department", N_("Department"), 18),
    ("account", N_("Account"), 28),
    ("role", N_("Role"), 20),
    ("role_name", N_("Role name"), 26),
    ("designed", N_("In the design"), 12),
    ("decision", N_("Decision"), 12),
    ("new_role", N_("New role"), 20),
    ("comment", N_("Comment"), 44),
)
"""key, English title (written in the current language), width"""
INPUT = ("decision", "new_role", "comment")
REVIEW_SHEET, ABOUT_SHEET = N_("Review"), N_("About")
ABOUT_KEYS = (N_("Manager"), N_("Manager name"), N_("CRM"), N_("Design"), N_("People"), N_("Roles held"))


def file_name(manager: str) -> str:
    return f"people-review-{re.sub(r'[^A-Za-z0-9_.-]+', '_', manager) or 'no-manager'}.xlsx"


def write(
    lines: dict[str, list[ReviewLine]],
    names: dict[str, str],
    role_names: dict[str, str],
    target: str,
    design: str,
    folder: Path,
) -> list[Path]:
    """A checklist per manager into `folder`, in the current language; `names`: person id -> name."""
    paths = []
    for manager, rows in lines.items():
        wb = workbook(current_language())
        ws = first_sheet(wb)
        ws.title = _(REVIEW_SHEET)
        _review(ws, rows, role_names)
        _about(wb.create_sheet(_(ABOUT_SHEET)), manager, names.get(manager, ""), target, design, rows)
        right_to_left(wb, current_language())
        path = folder / file_name(manager)
        wb.save(path)
        paths.append(path)
    return paths


def _review(ws: Worksheet, rows: list[ReviewLine], role_names: dict[str, str]) -> None:
    header(ws, [_(title) for _k, title, _w in COLUMNS], [w for _k, _t, w in COLUMNS])
    index = {key: i for i, (key, _t, _w) in enumerate(COLUMNS, start=1)}
    for r, line in enumerate(rows, start=2):
        values = {
            "person": line.person,
            "name": line.name,
            "department": line.department,
            "account": line.account,
            "role": line.role,
            "role_name": role_names.get(line.role, line.role),
            "designed": _("yes") if line.designed else _("no"),
        }
        for key, value in values.items():
            put(ws, r, index[key], value, style=() if line.designed else "band")
        for key in INPUT:
            put(ws, r, index[key], None, wrap=key == "comment", style="input")
    keep, revoke, change = (decision_label(d) for d in DECISIONS)
    letter = get_column_letter(index["decision"])
    validation = DataValidation(
        type="list",
        formula1=f'"{keep},{revoke},{change}"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop",
        errorTitle=_("Decision"),
        error=_("Choose one of: {values}").format(values=", ".join((keep, revoke, change))),
        showInputMessage=True,
        promptTitle=_("Decision"),
        prompt=_(
            "{keep} = the person keeps the role; {revoke} = remove it; {change} = "
            "replace it with the New role"
        ).format(keep=keep, revoke=revoke, change=change),
    )
    ws.add_data_validation(validation)
    validation.add(f"{letter}2:{letter}{max(len(rows) + 1, 2)}")
    finish_table(ws, len(rows), len(COLUMNS))
    ws.protection.sheet = True
    ws.protection.autoFilter = False
    ws.protection.sort = False
    ws.protection.formatColumns = False


def _about(ws: Worksheet, manager: str, name: str, target: str, design: str, rows: list[ReviewLine]) -> None:
    values = (
        manager or _("(no manager)"),
        name,
        target,
        design,
        len({r.person or r.account for r in rows}),
        len(rows),
    )
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 22, 70
    for r, (key, value) in enumerate(zip(ABOUT_KEYS, values, strict=True), start=1):
        put(ws, r, 1, _(key), style="strong")
        put(ws, r, 2, value, wrap=True)
    keep, revoke, change = (decision_label(d) for d in DECISIONS)
    steps = [
        _(
            "How to fill in: on the {sheet} sheet choose a {decision} for every row: is this access still "
            "needed for the person's work?"
        ).format(sheet=_(REVIEW_SHEET), decision=_("Decision")),
        _(
            "{keep}: the person keeps the role. {revoke}: the role is removed from the account. {change}: "
            "the role is replaced by the New role (a role id of the design)."
        ).format(keep=keep, revoke=revoke, change=change),
        _(
            "Rows shaded grey are roles the design does not give the person: decide them first. Explain "
            "every {revoke} and {change} in the Comment column and return the file."
        ).format(revoke=revoke, change=change),
    ]
    for offset, text in enumerate(steps, start=len(ABOUT_KEYS) + 2):
        put(ws, offset, 1, text, wrap=True)
        ws.merge_cells(start_row=offset, start_column=1, end_row=offset, end_column=2)
        ws.row_dimensions[offset].height = 32
    ws.protection.sheet = True
