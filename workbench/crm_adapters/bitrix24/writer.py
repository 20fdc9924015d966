"""The design as a Bitrix24 configuration workbook, `bitrix24-crm-roles.xlsx`, in the words of Bitrix24's
own settings screen in the current language, which an administrator applies by hand (Bitrix24 has no
documented import of CRM roles) and fills back from the live portal for the audit.

Sheets: Instructions (how to apply it and how to fill it back); Roles (one row per Bitrix24 role, so a
role with no rights is not missed); Access permissions (one row per role x entity, a column per right,
each cell a drop-down of the level words); Users (empty, for the portal's users and their roles, the
people audit's input); Lists (hidden: the drop-downs' words; a level word may hold a comma, which an
inline list cannot). Persian sheets read right to left; user text is kept inert (formula injection).
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from workbench.crm_adapters.bitrix24.model import LEVEL_OF, entity_groups, plan, role_names
from workbench.crm_adapters.bitrix24.words import (
    LEVELS,
    RIGHTS,
    column_words,
    entity_word,
    level_words,
    right_words,
    sheet_words,
    yes_no_words,
)
from workbench.domain.crm import written_names
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.playbook import Playbook
from workbench.domain.text import local_text
from workbench.i18n import _, current_language
from workbench.writers.atomic import write_bytes_atomic
from workbench.writers.spreadsheet import finish_table, header, put, sheet_ref
from workbench.writers.xlsx_style import first_sheet, right_to_left, workbook

FILE_NAME = "bitrix24-crm-roles.xlsx"
PERMISSION_COLUMNS = ("role", "entity", "code")
USER_COLUMNS = ("login", "name", "email", "active", "department", "admin", "roles")
USER_ROWS = 500
"""rows of the Users sheet given the yes/no drop-downs"""


def write(pb: Playbook, mapping: CrmMapping, folder: Path) -> list[Path]:
    """The workbook in `folder`, in the current language."""
    lang = current_language()
    sheets, columns = sheet_words(), column_words()
    wb = workbook(lang)
    _instructions(first_sheet(wb), pb, sheets)
    _roles(wb.create_sheet(sheets["roles"]), pb, mapping, columns, lang)
    permissions = wb.create_sheet(sheets["permissions"])
    users = wb.create_sheet(sheets["users"])
    lists = wb.create_sheet(sheets["lists"])
    _lists(lists)
    _permissions(permissions, pb, mapping, columns, sheet_ref(lists.title))
    _users(users, columns, sheet_ref(lists.title))
    lists.sheet_state = "hidden"
    right_to_left(wb, lang)
    buffer = io.BytesIO()
    wb.save(buffer)
    path = Path(folder) / FILE_NAME
    write_bytes_atomic(path, buffer.getvalue())
    return [path]


def _lists(ws: Worksheet) -> None:
    """Column A: the level words; column B: yes and no."""
    for row, word in enumerate(level_words().values(), start=1):
        put(ws, row, 1, word)
    for row, word in enumerate(yes_no_words().values(), start=1):
        put(ws, row, 2, word)


def _dropdown(ws: Worksheet, source: str, cells: str, prompt: str) -> None:
    validation = DataValidation(
        type="list",
        formula1=source,
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop",
        error=_("Choose one of the list's values"),
        showInputMessage=True,
        prompt=prompt,
    )
    ws.add_data_validation(validation)
    validation.add(cells)


def _instructions(ws: Worksheet, pb: Playbook, sheets: dict[str, str]) -> None:
    ws.title = sheets["instructions"]
    ws.column_dimensions["A"].width = 110
    words = level_words()
    lines = [
        _("Bitrix24 CRM access permissions for the design {design}").format(design=f"{pb.id} {pb.version}"),
        _("1. In Bitrix24 open CRM > Settings > Access permissions."),
        _("2. Add a role for every row of the {sheet} sheet, with the name in its first column.").format(
            sheet=sheets["roles"]
        ),
        _(
            "3. In each role set every entity's rights to the levels on the {sheet} sheet; an empty cell "
            "is {none}."
        ).format(sheet=sheets["permissions"], none=words[""]),
        _("4. Assign each role to the employees who hold it, then save."),
        _(
            "To audit the live portal: set every level of the {permissions} sheet as the portal shows it, "
            "add rows for roles the portal has beyond these, list every user and the roles they hold on "
            "the {users} sheet, and run {audit} (and {people})."
        ).format(
            permissions=sheets["permissions"],
            users=sheets["users"],
            audit=f"`crmwb audit DESIGN --from bitrix24 {FILE_NAME}`",
            people=f"`crmwb people-audit ENGAGEMENT --crm bitrix24 --users {FILE_NAME}`",
        ),
        _(
            "{subdepartments} and {open} have no scope in the design: the audit reads them as {all}, so "
            "a widening is never hidden."
        ).format(subdepartments=words["F"], open=words["O"], all=words["X"]),
        _(
            "The design's rights Bitrix24 cannot hold (the assign right, objects with no entity) are "
            "listed in limitations.md beside this workbook."
        ),
    ]
    for row, line in enumerate(lines, start=1):
        put(ws, row, 1, line, wrap=True, style="strong" if row == 1 else ())


def _roles(ws: Worksheet, pb: Playbook, mapping: CrmMapping, columns: dict[str, str], lang: str) -> None:
    header(ws, [columns["role"], columns["playbook_role"], columns["summary"]], [32, 22, 80])
    by_id = pb.role_map()
    names = role_names(pb, mapping)
    for row, (role, name) in enumerate(names.items(), start=2):
        put(ws, row, 1, name)
        put(ws, row, 2, role)
        put(ws, row, 3, local_text(by_id[role].summary, lang), wrap=True)
    finish_table(ws, len(names), 3)


def _permissions(
    ws: Worksheet, pb: Playbook, mapping: CrmMapping, columns: dict[str, str], lists: str
) -> None:
    rights = right_words()
    header(
        ws,
        [columns[k] for k in PERMISSION_COLUMNS] + [rights[r] for r in RIGHTS],
        [32, 24, 16] + [22] * len(RIGHTS),
    )
    levels, _matrix = plan(pb, mapping)
    entities = list(entity_groups(pb, mapping))
    system = sorted({name for names in mapping.system_rights.values() for name in names or ()})
    by_id = pb.role_map()
    row, band = 1, False
    for role, name in role_names(pb, mapping).items():
        band = not band
        held = set(written_names(by_id[role], mapping))
        rows = [(e, levels[role].get(e, {})) for e in entities]
        rows += [(s, {"WRITE": LEVEL_OF["all"]} if s in held else {}) for s in system]
        row = _role_rows(ws, row, name, rows, "band" if band else ())
    first = get_column_letter(len(PERMISSION_COLUMNS) + 1)
    last = get_column_letter(len(PERMISSION_COLUMNS) + len(RIGHTS))
    words = level_words()
    _dropdown(
        ws,
        f"{lists}!$A$1:$A${len(LEVELS)}",
        f"{first}2:{last}{max(row, 2) + 200}",
        _("The level of the right: {levels}").format(levels="; ".join(words.values())),
    )
    finish_table(ws, row - 1, len(PERMISSION_COLUMNS) + len(RIGHTS))


def _role_rows(
    ws: Worksheet, row: int, name: str, rows: list[tuple[str, dict[str, str]]], style: str | tuple
) -> int:
    """One role's rows: entity by entity, every right's level word (No access where it has none)."""
    words = level_words()
    for entity, granted in rows:
        row += 1
        put(ws, row, 1, name, style=style)
        put(ws, row, 2, entity_word(entity), style=style)
        put(ws, row, 3, entity, style=style)
        for column, right in enumerate(RIGHTS, start=len(PERMISSION_COLUMNS) + 1):
            put(ws, row, column, words[granted.get(right, "")], style="input")
    return row


def _users(ws: Worksheet, columns: dict[str, str], lists: str) -> None:
    header(ws, [columns[k] for k in USER_COLUMNS], [24, 32, 30, 10, 24, 14, 48])
    for key in ("active", "admin"):
        letter = get_column_letter(USER_COLUMNS.index(key) + 1)
        _dropdown(ws, f"{lists}!$B$1:$B$2", f"{letter}2:{letter}{USER_ROWS}", columns[key])
    finish_table(ws, 0, len(USER_COLUMNS))
