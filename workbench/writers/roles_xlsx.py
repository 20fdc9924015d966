"""`roles.xlsx`: the permission matrix coloured by scope, the RACI, the governance findings and the roles.

Sheets: Permissions (roles x objects/actions, two header rows, cells the findings point at framed in
red with a comment), RACI (tasks by phase x roles), Findings (each linked to its matrix cell), Roles.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from workbench.domain.governance import Finding, check_governance
from workbench.domain.matrix import PermissionMatrix, RaciTable, permission_matrix, raci_table
from workbench.domain.system_rights import label as right_label
from workbench.domain.text import RTL_LANGUAGES, local_text, tr
from workbench.domain.vocabulary import action_label, raci_meaning, scope_label, scope_meaning, severity_label
from workbench.i18n import _
from workbench.writers.atomic import atomic_path
from workbench.writers.context import ExportContext, in_client_language
from workbench.writers.spreadsheet import HEADER_FILL, HEADER_FONT, finish_table, header, put

SCOPE_COLOURS = {"none": ("EDEDED", "808080"), "own": ("C6EFCE", "006100"), "team": ("FFEB9C", "9C5700"),
                 "all": ("FFC7CE", "9C0006")}
"""scope -> (fill, font) colours: grey, green, amber, red: the wider the scope, the hotter the colour."""
RACI_COLOURS = {"R": "BDD7EE", "A": "F8CBAD", "C": "FFE699", "I": "EDEDED"}
SEVERITY_COLOURS = {"error": "FFC7CE", "warning": "FFEB9C", "info": "DDEBF7"}
FINDING_SIDE = Side(style="medium", color="C00000")
FINDING_BORDER = Border(left=FINDING_SIDE, right=FINDING_SIDE, top=FINDING_SIDE, bottom=FINDING_SIDE)
OBJECT_BORDER = Border(left=Side(style="thin", color="1F4E78"))
CENTRE = Alignment(horizontal="center", vertical="center")
FIXED = 2
"""Role id and role name: the frozen columns left of the matrix."""


def _fill(colour: str) -> PatternFill:
    return PatternFill("solid", fgColor=colour)


def _header_cell(ws: Worksheet, row: int, column: int, title: str) -> None:
    cell = put(ws, row, column, title)
    cell.fill, cell.font, cell.alignment = HEADER_FILL, HEADER_FONT, CENTRE


def _paint_scope(cell, scope: str) -> None:
    fill, font = SCOPE_COLOURS[scope]
    cell.fill, cell.font, cell.alignment = _fill(fill), Font(color=font), CENTRE


@in_client_language
def write(ctx: ExportContext, folder: Path) -> list[Path]:
    """Every label in the client's language; cells keep the scope colours, so the matrix reads the same."""
    pb, lang = ctx.playbook, ctx.lang
    findings = check_governance(pb)
    matrix = permission_matrix(pb, lang, include=[(f.object, f.action) for f in findings if f.cell])
    wb = Workbook()
    cells = _permissions(wb.active, matrix, findings)
    _raci(wb.create_sheet("RACI"), raci_table(pb, lang))
    _findings(wb.create_sheet(_("Findings")), findings, cells, wb.active.title)
    _roles(wb.create_sheet(_("Roles")), ctx)
    if lang in RTL_LANGUAGES:
        for ws in wb.worksheets:
            ws.sheet_view.rightToLeft = True
    target = Path(folder) / "roles.xlsx"
    with atomic_path(target) as tmp:
        wb.save(tmp)
    return [target]


def _permissions(ws: Worksheet, matrix: PermissionMatrix, findings: list[Finding]) -> dict[tuple, str]:
    """Write the matrix; returns (role, object, action) -> cell coordinate, for links from Findings."""
    ws.title = _("Permissions")
    columns = matrix.columns()
    header(ws, [_("Role id"), _("Role")] + [action_label(action) for _o, action in columns],
           [20, 30] + [9] * len(columns), row=2)
    for column in range(1, FIXED + 1):
        ws.cell(row=1, column=column).fill = HEADER_FILL
    column = FIXED + 1
    for obj in matrix.objects:
        _header_cell(ws, 1, column, obj.name if obj.name == obj.id else f"{obj.name} ({obj.id})")
        if len(obj.actions) > 1:
            ws.merge_cells(start_row=1, start_column=column, end_row=1, end_column=column + len(obj.actions) - 1)
        column += len(obj.actions)
    firsts = {FIXED + 1 + i for i, (obj, action) in enumerate(columns) if i == 0 or columns[i - 1][0] != obj}
    where: dict[tuple, str] = {}
    for r, row in enumerate(matrix.rows, start=3):
        put(ws, r, 1, row.role)
        put(ws, r, 2, row.name)
        for c, (obj, action) in enumerate(columns, start=FIXED + 1):
            scope = row.scope(obj, action)
            cell = put(ws, r, c, scope_label(scope))
            _paint_scope(cell, scope)
            if c in firsts:  # a rule between objects, so the eye finds each object's block
                cell.border = OBJECT_BORDER
            where[(row.role, obj, action)] = cell.coordinate
    notes: dict[str, list[str]] = {}
    for finding in findings:
        if finding.cell in where:
            notes.setdefault(where[finding.cell], []).append(
                _("{severity} {rule}: {message}\nfix: {fix}").format(
                    severity=severity_label(finding.severity), rule=finding.rule, message=finding.message,
                    fix=finding.fix))
    for coordinate, lines in notes.items():
        ws[coordinate].border = FINDING_BORDER
        ws[coordinate].comment = Comment("\n\n".join(lines), "crmwb check", width=360, height=160)
    finish_table(ws, len(matrix.rows), FIXED + len(columns), header_row=2, title_rows="1:2")
    ws.freeze_panes = ws.cell(row=3, column=FIXED + 1)
    # too wide for one page: print at full size on A3 across pages, role columns repeated on each
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.page_setup.paperSize = ws.PAPERSIZE_A3
    ws.print_title_cols = f"A:{get_column_letter(FIXED)}"
    _legend(ws, len(matrix.rows) + 5)
    return where


def _legend(ws: Worksheet, row: int) -> None:
    put(ws, row, 1, _("Legend")).font = Font(bold=True)
    for offset, scope in enumerate(("none", "own", "team", "all"), start=1):
        _paint_scope(put(ws, row + offset, 1, scope_label(scope)), scope)
        put(ws, row + offset, 2, scope_meaning(scope))
    marker = put(ws, row + 5, 1, _("finding"))
    marker.border = FINDING_BORDER
    put(ws, row + 5, 2, _("a governance finding points at this cell: see its comment and the Findings sheet"))


def _raci(ws: Worksheet, table: RaciTable) -> None:
    names = dict(table.roles)
    header(ws, [_("Phase"), _("Task id"), _("Task"), _("Owner")] + [name for _r, name in table.roles],
           [16, 22, 56, 26] + [12] * len(table.roles))
    for column in range(5, 5 + len(table.roles)):
        ws.cell(row=1, column=column).alignment = Alignment(wrap_text=True, horizontal="center",
                                                            vertical="center")
    r = 1
    for _phase, phase_name, rows in table.phases():
        for row in rows:
            r += 1
            put(ws, r, 1, phase_name)
            put(ws, r, 2, row.task)
            put(ws, r, 3, row.name)
            put(ws, r, 4, names.get(row.owner, row.owner))
            for c, (role, _name) in enumerate(table.roles, start=5):
                letter = row.letters.get(role)
                if letter:
                    cell = put(ws, r, c, letter)
                    cell.fill, cell.alignment = _fill(RACI_COLOURS[letter]), CENTRE
                    cell.font = Font(bold=letter == "A")
    finish_table(ws, len(table.rows), 4 + len(table.roles))
    ws.freeze_panes = "E2"
    for offset, letter in enumerate(RACI_COLOURS, start=2):
        cell = put(ws, r + offset + 1, 4, letter)
        cell.fill, cell.alignment = _fill(RACI_COLOURS[letter]), CENTRE
        put(ws, r + offset + 1, 3, raci_meaning(letter))


def _findings(ws: Worksheet, findings: list[Finding], cells: dict[tuple, str], matrix_sheet: str) -> None:
    titles = [_("Severity"), _("Rule"), _("Role"), _("Object"), _("Action"), _("Task"), _("Message"), _("Fix"),
              _("Matrix cell")]
    header(ws, titles, [10, 22, 18, 16, 10, 16, 60, 50, 12])
    for r, finding in enumerate(findings, start=2):
        values = [severity_label(finding.severity), finding.rule, finding.role, finding.object,
                  action_label(finding.action) if finding.action else None, finding.task,
                  finding.message, finding.fix]
        for c, value in enumerate(values, start=1):
            put(ws, r, c, value if value is not None else "", wrap=c >= 7)
        ws.cell(row=r, column=1).fill = _fill(SEVERITY_COLOURS.get(finding.severity, "FFFFFF"))
        coordinate = cells.get(finding.cell) if finding.cell else None
        if coordinate:
            link, quoted = put(ws, r, 9, coordinate), matrix_sheet.replace("'", "''")
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{quoted}'!{coordinate}")
            link.font = Font(color="0563C1", underline="single")
    if not findings:
        put(ws, 2, 1, "—")
        put(ws, 2, 7, _("no governance findings"))
    finish_table(ws, max(len(findings), 1), len(titles))


def _roles(ws: Worksheet, ctx: ExportContext) -> None:
    header(ws, [_("Role id"), _("Name"), _("Summary"), _("CRM access"), _("System rights"), _("Duties")],
           [18, 26, 50, 40, 36, 70])
    for r, role in enumerate(ctx.playbook.roles, start=2):
        put(ws, r, 1, role.id)
        put(ws, r, 2, tr(role.name, ctx.lang))
        put(ws, r, 3, local_text(role.summary, ctx.lang), wrap=True)
        put(ws, r, 4, local_text(role.access, ctx.lang), wrap=True)
        put(ws, r, 5, "\n".join(f"• {right_label(right, ctx.lang)}" for right in role.system_rights) or "—",
            wrap=True)
        put(ws, r, 6, "\n".join(f"• {local_text(duty, ctx.lang)}" for duty in role.duties), wrap=True)
    finish_table(ws, len(ctx.playbook.roles), 6)
