"""roles.xlsx read back with openpyxl: every matrix cell against the playbook, colours, headers, RACI,
findings linked to the cells they point at, and role text that looks like a formula staying text."""

from __future__ import annotations

import openpyxl
import pytest

from tests.writers.roles_fixtures import EVIL, context, roles_data
from workbench.writers.roles_xlsx import write
from workbench.writers.xlsx_style import ROLES


@pytest.fixture
def book(tmp_path):
    ctx = context(tmp_path)
    (path,) = write(ctx, tmp_path / "out")
    assert path.name == "roles.xlsx"
    return ctx, openpyxl.load_workbook(path)


def test_sheets(book):
    _, wb = book
    assert wb.sheetnames == ["Permissions", "RACI", "Findings", "Roles"]


def header_columns(ws) -> list[tuple[str, str]]:
    """(object id, action) per matrix column, read from the two header rows and the merged ranges."""
    merged = {r.min_col: r.max_col for r in ws.merged_cells.ranges if r.min_row == 1}
    columns, column = [], 3
    while ws.cell(row=1, column=column).value:
        title = ws.cell(row=1, column=column).value
        obj = title[title.rindex("(") + 1 : -1]
        for c in range(column, merged.get(column, column) + 1):
            columns.append((obj, ws.cell(row=2, column=c).value))
        column = merged.get(column, column) + 1
    return columns


def test_permissions_cells_match_the_playbook(book):
    ctx, wb = book
    ws = wb["Permissions"]
    columns = header_columns(ws)
    assert columns[:5] == [
        ("lead", "create"),
        ("lead", "read"),
        ("lead", "update"),
        ("lead", "assign"),
        ("lead", "export"),
    ]
    assert ("settings", "update") in columns and ("report", "read") in columns
    assert ("deal", "delete") in columns and ("deal", "create") not in columns  # nobody creates deals
    granted = {
        (o, a)
        for r in ctx.playbook.roles
        for o, acts in r.permissions.items()
        for a, s in acts.items()
        if s != "none"
    }
    assert granted <= set(columns)  # every granted right has a column
    roles = ctx.playbook.roles
    assert [ws.cell(row=3 + i, column=1).value for i in range(len(roles))] == [r.id for r in roles]
    for i, role in enumerate(roles):
        for c, (obj, action) in enumerate(columns, start=3):
            cell = ws.cell(row=3 + i, column=c)
            assert cell.value == role.scope(obj, action), (role.id, obj, action)
            assert cell.style.startswith(f"crmwb scope-{cell.value}")  # the scope's named style
            assert cell.fill.fgColor.rgb[-6:] == ROLES[f"scope-{cell.value}"]["fill"]
    assert ws["E4"].value == "own" and ws["D4"].value == "team"  # specialist: lead update own, read team


def test_scope_colours_differ_and_a_legend_explains_them(book):
    _, wb = book
    ws = wb["Permissions"]
    assert len({ROLES[f"scope-{scope}"]["fill"] for scope in ("none", "own", "team", "all")}) == 4
    legend = {row[0].value: row[1].value for row in ws.iter_rows(min_row=6) if row[0].value}
    assert (
        legend["Legend"] is None
        and legend["own"] == "records the user owns"
        and legend["all"] == "every record"
    )


def test_permissions_headers_frozen_and_merged(book):
    _, wb = book
    ws = wb["Permissions"]
    assert ws.freeze_panes == "C3"
    assert ws["C1"].value == "Lead (lead)" and "C1:G1" in {str(r) for r in ws.merged_cells.ranges}
    assert [ws.cell(row=2, column=c).value for c in (1, 2)] == ["Role id", "Role"]
    assert ws.auto_filter.ref.startswith("A2:")
    assert ws.print_title_rows == "$1:$2" and ws.print_title_cols == "$A:$B"


def test_finding_cells_are_framed_commented_and_linked(book):
    _, wb = book
    ws, findings = wb["Permissions"], wb["Findings"]
    rows = list(findings.iter_rows(min_row=2, values_only=True))
    sod = next(r for r in rows if r[1] == "sod:sod-settings-export")
    assert sod[:5] == ("warning", "sod:sod-settings-export", "consultant", "lead", "export")
    assert sod[7] == "let the analyst export"
    coordinate = sod[8]
    target = ws[coordinate]
    assert (ws.cell(row=target.row, column=1).value, target.value) == ("consultant", "all")
    assert header_columns(ws)[target.column - 3] == ("lead", "export")
    assert target.border.left.style == "medium" and target.border.left.color.rgb.endswith("C00000")
    assert (
        "sod:sod-settings-export" in target.comment.text
        and "fix: let the analyst export" in target.comment.text
    )
    link = findings.cell(row=rows.index(sod) + 2, column=9).hyperlink
    assert link.location == f"'Permissions'!{coordinate}"
    assert ws["C3"].comment is None  # cells without findings stay plain
    assert [r[0] for r in rows] == sorted((r[0] for r in rows), key=["error", "warning", "info"].index)


def test_raci_sheet(book):
    ctx, wb = book
    ws = wb["RACI"]
    head = [c.value for c in ws[1]]
    assert head == ["Phase", "Task id", "Task", "Owner", "Consultant", "Specialist", EVIL]
    tasks = [(p, t) for p, t in ctx.playbook.tasks()]
    assert [ws.cell(row=2 + i, column=2).value for i in range(len(tasks))] == [
        "rfp",
        "hire",
        "select",
        "service_setup",
        "golive",
    ]
    role_ids = ["consultant", "specialist", "agent"]
    for i, (phase, task) in enumerate(tasks, start=2):
        assert ws.cell(row=i, column=1).value == str(phase.name)
        assert (
            ws.cell(row=i, column=4).value
            == {"consultant": "Consultant", "specialist": "Specialist"}[task.owner]
        )
        for c, role in enumerate(role_ids, start=5):
            assert ws.cell(row=i, column=c).value == task.raci.get(role)
    assert ws["E2"].value == "A" and ws["E2"].font.b and ws["E2"].fill.fgColor.rgb.endswith("F8CBAD")
    assert ws["G2"].value == "I" and ws["H2"].value is None
    assert ws.freeze_panes == "E2"


def test_roles_sheet_and_formula_text_stays_text(book):
    _, wb = book
    ws = wb["Roles"]
    agent = next(row for row in ws.iter_rows(min_row=2) if row[0].value == "agent")
    assert [c.value for c in agent] == [
        "agent",
        EVIL,
        "+1 calls the client",
        "@SUM(A1)",
        "—",
        "• -2 duties start with a minus",
    ]
    for cell in agent[1:4]:
        assert cell.data_type == "s" and cell.quotePrefix
    names = [c for sheet in wb for row in sheet.iter_rows() for c in row if c.value == EVIL]
    assert len(names) == 3 and all(c.data_type == "s" and c.quotePrefix for c in names)
    assert not [c for sheet in wb for row in sheet.iter_rows() for c in row if c.data_type == "f"]


def test_persian_export_is_right_to_left(tmp_path):
    ctx = context(tmp_path, roles_data(), lang="fa")
    wb = openpyxl.load_workbook(write(ctx, tmp_path / "out")[0])
    assert all(ws.sheet_view.rightToLeft for ws in wb)
    assert wb.worksheets[0]["B4"].value == "کارشناس"
    assert "معامله (deal)" in [c.value for c in wb.worksheets[0][1]]


def test_a_playbook_without_findings_says_so(tmp_path):
    data = roles_data()
    data["governance"]["separation_of_duties"] = []
    data["requirements"] = [r for r in data["requirements"] if r["priority"] != "must"]
    data["job_profiles"].append({**data["job_profiles"][0], "id": "consultant"})
    wb = openpyxl.load_workbook(write(context(tmp_path, data), tmp_path / "out")[0])
    assert [c.value for c in wb["Findings"][2]][:1] == ["—"]
    assert wb["Findings"]["G2"].value == "no governance findings"
