"""`roles.xlsx`: the permission matrix coloured by scope, the RACI, the governance findings and the roles.

Sheets: Permissions (roles x objects/actions, two header rows, cells the findings point at framed in
red with a comment), RACI (tasks by phase x roles), Findings (each linked to its matrix cell), Roles.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from workbench.domain.governance import Finding, check_governance
from workbench.domain.matrix import PermissionMatrix, RaciTable, permission_matrix, raci_table
from workbench.domain.system_rights import label as right_label
from workbench.domain.text import local_text, tr
from workbench.domain.vocabulary import action_label, raci_meaning, scope_label, scope_meaning, severity_label
from workbench.i18n import _
from workbench.writers.atomic import atomic_path
from workbench.writers.context import ExportContext, in_client_language
from workbench.writers.spreadsheet import finish_table, fit_to_page, header, put
from workbench.writers.xlsx_style import apply, first_sheet, right_to_left, workbook

RACI_LETTERS = ("R", "A", "C", "I")
"""each has its named style `raci-<letter>`; scopes are painted `scope-<scope>`: grey, green, amber, red,
the wider the scope, the hotter the colour (xlsx_style)"""
SEVERITY_STYLES = {"error": "severity-error", "warning": "severity-warning", "info": "severity-info"}
FIXED = 2
"""Role id and role name: the frozen columns left of the matrix."""


@in_client_language
def write(ctx: ExportContext, folder: Path) -> list[Path]:
    """Every label in the client's language; cells keep the scope colours, so the matrix reads the same."""
    pb, lang = ctx.playbook, ctx.lang
    findings = check_governance(pb)
    matrix = permission_matrix(pb, lang, include=[(cell[1], cell[2]) for f in findings if (cell := f.cell)])
    wb = workbook(lang)
    matrix_sheet = first_sheet(wb)
    cells = _permissions(matrix_sheet, matrix, findings)
    _raci(wb.create_sheet("RACI"), raci_table(pb, lang))
    _findings(wb.create_sheet(_("Findings")), findings, cells, matrix_sheet.title)
    _roles(wb.create_sheet(_("Roles")), ctx)
    right_to_left(wb, lang)
    target = Path(folder) / "roles.xlsx"
    with atomic_path(target) as tmp:
        wb.save(tmp)
    return [target]


def _permissions(ws: Worksheet, matrix: PermissionMatrix, findings: list[Finding]) -> dict[tuple, str]:
    """Write the matrix; returns (role, object, action) -> cell coordinate, for links from Findings."""
    ws.title = _("Permissions")
    columns = matrix.columns()
    header(
        ws,
        [_("Role id"), _("Role")] + [action_label(action) for _o, action in columns],
        [20, 30] + [9] * len(columns),
        row=2,
    )
    for column in range(1, FIXED + 1):
        apply(ws.cell(row=1, column=column), "header")
    column = FIXED + 1
    for obj in matrix.objects:
        title = obj.name if obj.name == obj.id else f"{obj.name} ({obj.id})"
        put(ws, 1, column, title, style="header-centred")
        if len(obj.actions) > 1:
            ws.merge_cells(
                start_row=1, start_column=column, end_row=1, end_column=column + len(obj.actions) - 1
            )
        column += len(obj.actions)
    firsts = {FIXED + 1 + i for i, (obj, action) in enumerate(columns) if i == 0 or columns[i - 1][0] != obj}
    where: dict[tuple, str] = {}
    flagged = {f.cell for f in findings if f.cell}
    labels = {scope: scope_label(scope) for scope in ("none", "own", "team", "all")}
    for r, row in enumerate(matrix.rows, start=3):
        put(ws, r, 1, row.role)
        put(ws, r, 2, row.name)
        for c, (obj, action) in enumerate(columns, start=FIXED + 1):
            scope = row.scope(obj, action)
            # a rule between objects, so the eye finds each object's block; a finding frames its cell
            look = (
                ("scope-" + scope,)
                + ("object-start",) * (c in firsts)
                + ("finding",) * ((row.role, obj, action) in flagged)
            )
            cell = put(ws, r, c, labels.get(scope) or scope_label(scope), style=look)
            where[(row.role, obj, action)] = cell.coordinate
    notes: dict[str, list[str]] = {}
    for finding in findings:
        if finding.cell in where:
            notes.setdefault(where[finding.cell], []).append(
                _("{severity} {rule}: {message}\nfix: {fix}").format(
                    severity=severity_label(finding.severity),
                    rule=finding.rule,
                    message=finding.message,
                    fix=finding.fix,
                )
            )
    for coordinate, lines in notes.items():
        ws[coordinate].comment = Comment("\n\n".join(lines), "crmwb check", width=360, height=160)
    finish_table(ws, len(matrix.rows), FIXED + len(columns), header_row=2, title_rows="1:2")
    ws.freeze_panes = ws.cell(row=3, column=FIXED + 1).coordinate
    # too wide for one page: print at full size on A3 across pages, role columns repeated on each
    fit_to_page(ws, False)
    ws.page_setup.paperSize = ws.PAPERSIZE_A3
    ws.print_title_cols = f"A:{get_column_letter(FIXED)}"
    _legend(ws, len(matrix.rows) + 5)
    return where


def _legend(ws: Worksheet, row: int) -> None:
    put(ws, row, 1, _("Legend"), style="strong")
    for offset, scope in enumerate(("none", "own", "team", "all"), start=1):
        put(ws, row + offset, 1, scope_label(scope), style="scope-" + scope)
        put(ws, row + offset, 2, scope_meaning(scope))
    put(ws, row + 5, 1, _("finding"), style="finding")
    put(ws, row + 5, 2, _("a governance finding points at this cell: see its comment and the Findings sheet"))


def _raci(ws: Worksheet, table: RaciTable) -> None:
    names = dict(table.roles)
    header(
        ws,
        [_("Phase"), _("Task id"), _("Task"), _("Owner")] + [name for _r, name in table.roles],
        [16, 22, 56, 26] + [12] * len(table.roles),
    )
    for column in range(5, 5 + len(table.roles)):
        apply(ws.cell(row=1, column=column), "header-centred")
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
                    put(ws, r, c, letter, style="raci-" + letter)
    finish_table(ws, len(table.rows), 4 + len(table.roles))
    ws.freeze_panes = "E2"
    for offset, letter in enumerate(RACI_LETTERS, start=2):
        put(ws, r + offset + 1, 4, letter, style="raci-" + letter)
        put(ws, r + offset + 1, 3, raci_meaning(letter))


def _findings(ws: Worksheet, findings: list[Finding], cells: dict[tuple, str], matrix_sheet: str) -> None:
    titles = [
        _("Severity"),
        _("Rule"),
        _("Role"),
        _("Object"),
        _("Action"),
        _("Task"),
        _("Message"),
        _("Fix"),
        _("Matrix cell"),
    ]
    header(ws, titles, [10, 22, 18, 16, 10, 16, 60, 50, 12])
    for r, finding in enumerate(findings, start=2):
        values = [
            severity_label(finding.severity),
            finding.rule,
            finding.role,
            finding.object,
            action_label(finding.action) if finding.action else None,
            finding.task,
            finding.message,
            finding.fix,
        ]
        for c, value in enumerate(values, start=1):
            put(ws, r, c, value if value is not None else "", wrap=c >= 7)
        if finding.severity in SEVERITY_STYLES:
            apply(ws.cell(row=r, column=1), SEVERITY_STYLES[finding.severity])
        coordinate = cells.get(finding.cell) if finding.cell else None
        if coordinate:
            link, quoted = put(ws, r, 9, coordinate), matrix_sheet.replace("'", "''")
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{quoted}'!{coordinate}")
            apply(link, "link")
    if not findings:
        put(ws, 2, 1, "—")
        put(ws, 2, 7, _("no governance findings"))
    finish_table(ws, max(len(findings), 1), len(titles))


def _roles(ws: Worksheet, ctx: ExportContext) -> None:
    header(
        ws,
        [_("Role id"), _("Name"), _("Summary"), _("CRM access"), _("System rights"), _("Duties")],
        [18, 26, 50, 40, 36, 70],
    )
    for r, role in enumerate(ctx.playbook.roles, start=2):
        put(ws, r, 1, role.id)
        put(ws, r, 2, tr(role.name, ctx.lang))
        put(ws, r, 3, local_text(role.summary, ctx.lang), wrap=True)
        put(ws, r, 4, local_text(role.access, ctx.lang), wrap=True)
        put(
            ws,
            r,
            5,
            "\n".join(f"• {right_label(right, ctx.lang)}" for right in role.system_rights) or "—",
            wrap=True,
        )
        put(ws, r, 6, "\n".join(f"• {local_text(duty, ctx.lang)}" for duty in role.duties), wrap=True)
    finish_table(ws, len(ctx.playbook.roles), 6)
