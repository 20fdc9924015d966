"""roles.md and permissions.csv read back: tables per object family, RACI, findings; long-form CSV with a
BOM, every granted right once, formula-looking text neutralised."""

from __future__ import annotations

import csv
import io

from tests.writers.roles_fixtures import EVIL, context
from workbench.writers.roles_csv import write as write_csv
from workbench.writers.roles_text import write_md


def table_after(text: str, heading: str) -> list[list[str]]:
    """The first Markdown table after a heading, as rows of cells (escaped pipes kept inside cells)."""
    lines = text[text.index(heading) :].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.replace("\\|", "\0").strip("|").split("|")]
        rows.append([c.replace("\0", "\\|") for c in cells])
    return rows


def test_markdown_matrix_per_family(tmp_path):
    (path,) = write_md(context(tmp_path), tmp_path / "out")
    text = path.read_text(encoding="utf-8")
    assert path.name == "roles.md" and text.startswith("# Roles and permissions: Mini method\n")
    assert (
        text.index("### Business data")
        < text.index("### Analytics")
        < text.index("### System and administration")
    )
    data = table_after(text, "### Business data")
    assert data[0] == ["Role", "Lead (`lead`)", "Deal (`deal`)"]
    assert data[1] == ["---"] * 3
    assert data[2:] == [
        ["Consultant (`consultant`)", "R:all E:all", "—"],
        ["Specialist (`specialist`)", "C:own R:team U:own A:team", "R:all U:team D:own"],
        [f"{EVIL} (`agent`)", "R:own", "—"],
    ]
    analytics = table_after(text, "### Analytics")
    assert analytics[0] == ["Role", "Report \\| BI (`report`)"]  # a pipe in a name cannot break the table
    assert all(len(row) == 2 for row in analytics)
    system = table_after(text, "### System and administration")
    assert system[2:] == [
        ["Consultant (`consultant`)", "R:all U:all"],
        ["Specialist (`specialist`)", "R:all"],
        [f"{EVIL} (`agent`)", "—"],
    ]


def test_markdown_raci_and_findings(tmp_path):
    text = write_md(context(tmp_path), tmp_path / "out")[0].read_text(encoding="utf-8")
    raci = table_after(text, "## RACI")
    assert raci[0] == ["Phase", "Task", "Owner", "Consultant", "Specialist", EVIL]
    assert raci[2] == ["Pre-deployment", "Write the RFP (`rfp`)", "Consultant", "**A**", "R", "I"]
    assert [row[1] for row in raci[2:]] == [
        "Write the RFP (`rfp`)",
        "Hire a CRM specialist (`hire`)",
        "Select the CRM (`select`)",
        "Set up the service desk (`service_setup`)",
        "Go live (`golive`)",
    ]
    assert raci[-1][:5] == ["Deployment", "Go live (`golive`)", "Specialist", "R", "**A**"]
    findings = text[text.index("## Governance findings") :]
    assert "0 errors, 2 warnings, 1 note." in findings
    assert (
        "- **warning** `sod:sod-settings-export` — consultant / lead / export: consultant holds both update "
        "settings (all) and export lead (all)"
    ) in findings
    assert "  - fix: let the analyst export\n" in findings


def read_csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the file as UTF-8
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_csv_long_form(tmp_path):
    ctx = context(tmp_path)
    (path,) = write_csv(ctx, tmp_path / "out")
    rows = read_csv(path)
    assert path.name == "permissions.csv"
    assert rows[0] == ["role", "object", "action", "scope", "role_name", "object_name"]
    expected = {
        (r.id, o, a, s)
        for r in ctx.playbook.roles
        for o, acts in r.permissions.items()
        for a, s in acts.items()
        if s != "none"
    }
    assert {tuple(row[:4]) for row in rows[1:]} == expected and len(rows) - 1 == len(expected)
    assert ["specialist", "deal", "delete", "own", "Specialist", "Deal"] in rows
    agent = [row for row in rows if row[0] == "agent"]
    assert agent[0] == ["agent", "lead", "read", "own", "'" + EVIL, "Lead"]  # apostrophe: never a formula


def test_csv_in_persian_and_russian(tmp_path):
    fa = read_csv(write_csv(context(tmp_path, lang="fa"), tmp_path / "fa")[0])
    assert ["specialist", "deal", "read", "all", "کارشناس", "معامله"] in fa
    ru = read_csv(write_csv(context(tmp_path, lang="ru"), tmp_path / "ru")[0])
    assert ["specialist", "deal", "read", "all", "Специалист", "Сделка"] in ru
