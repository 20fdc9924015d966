"""The xlsx style module: no writer keeps its own colours or style objects, every deliverable read back with
openpyxl carries the named styles, Persian workbooks read right to left, and styling never undoes the quote
prefix that keeps formula-looking text inert."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

import workbench.writers
from tests.writers.rfp_fixtures import context
from workbench.writers import kpis_xlsx, plan_xlsx, rfp_xlsx, roles_xlsx
from workbench.writers.spreadsheet import put, put_date, put_number
from workbench.writers.xlsx_style import ROLES, apply, role_names, workbook

WRITERS = Path(workbench.writers.__file__).parent
COLOUR = re.compile(r"""["'](?:[0-9A-Fa-f]{2})?[0-9A-Fa-f]{6}["']""")
STYLE_OBJECT = re.compile(r"\b(?:Font|PatternFill|Border|Side|Alignment|Protection|NamedStyle)\(")
CORE_ANSWERS = {"modules": ["marketing", "sales", "service"]}


def xlsx_writers() -> list[Path]:
    return sorted(
        p
        for p in WRITERS.rglob("*.py")
        if "openpyxl" in p.read_text(encoding="utf-8") and p.name != "xlsx_style.py"
    )


def test_no_colour_or_style_object_outside_the_style_module():
    writers = xlsx_writers()
    assert len(writers) >= 10, writers  # the grep below looks at the real writers
    found = [
        f"{path.name}:{number}: {line.strip()}"
        for path in writers
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if COLOUR.search(line) or STYLE_OBJECT.search(line)
    ]
    assert found == []


def test_the_grep_would_catch_a_colour_and_a_style_object():
    assert COLOUR.search('FILL = PatternFill("solid", fgColor="FFC7CE")')
    assert STYLE_OBJECT.search("cell.font = Font(bold=True)")


@pytest.fixture(scope="module")
def books(tmp_path_factory) -> dict[str, dict]:
    """Every xlsx deliverable of the core playbook in English and Persian, read back."""
    out: dict[str, dict] = {}
    for lang in ("en", "fa"):
        ctx = context("core", answers=CORE_ANSWERS, lang=lang)
        folder = tmp_path_factory.mktemp(lang)
        out[lang] = {
            module.__name__.rsplit(".", 1)[1]: load_workbook(module.write(ctx, folder)[0])
            for module in (rfp_xlsx, roles_xlsx, kpis_xlsx, plan_xlsx)
        }
    return out


def styled(ws) -> list:
    return [cell for row in ws.iter_rows() for cell in row if cell.style != "Normal"]


def test_every_header_row_has_the_header_style(books):
    assert len(books["en"]) >= 4
    for name, book in books["en"].items():
        for ws in book.worksheets:
            if ws.sheet_state != "visible" or ws.title in ("Cover",):
                continue
            header_row = {"KPI plan": 3, "Tracking": 3, "Permissions": 2}.get(ws.title, 1)
            first = ws.cell(row=header_row, column=1)
            assert first.style == "crmwb header", (name, ws.title, first.style)
            assert first.fill.fgColor.rgb.endswith(ROLES["header"]["fill"]) and first.font.b


def test_the_named_styles_carry_each_look(books):
    rfp, roles, kpis, plan = (books["en"][n] for n in ("rfp_xlsx", "roles_xlsx", "kpis_xlsx", "plan_xlsx"))
    requirements = rfp["Requirements"]
    response = requirements["I2"]
    assert response.style == role_names(["input", "wrapped"]) and not response.protection.locked
    assert response.fill.fgColor.rgb.endswith(ROLES["input"]["fill"]) and response.alignment.wrap_text
    assert {c.style for c in styled(requirements) if c.row > 1 and c.column == 1} <= {
        role_names(look + ("wrapped",)) for look in ((), ("band",), ("muted",), ("band", "muted"))
    }
    share = rfp["Scores"]["D2"]
    assert share.style == "crmwb percent-decimal" and share.number_format == "0.0%"
    permissions = roles["Permissions"]
    scopes = {c.style.split()[1] for c in styled(permissions) if c.row > 2 and c.column > 2 and c.value}
    assert scopes == {"scope-none", "scope-own", "scope-team", "scope-all"}
    period = kpis["Tracking"].cell(row=5, column=11)
    assert period.style == "crmwb input"
    gantt = plan["Gantt"]
    bars = {c.style for c in styled(gantt) if c.row > 1 and c.column > 5 and not c.value}
    assert {"crmwb bar", "crmwb bar-critical", "crmwb bar-phase"} <= bars
    assert gantt.cell(row=2, column=4).style == "crmwb strong date"  # the first phase's band row
    tasks = plan["Plan"]
    critical = [r for r in range(2, tasks.max_row) if tasks.cell(row=r, column=12).value == "yes"]
    assert critical and tasks.cell(row=critical[0], column=12).style == "crmwb critical alert"
    # a workbook defines each look once: far fewer named styles than styled cells
    assert 5 < len(plan.named_styles) < 40 < sum(len(styled(ws)) for ws in plan.worksheets)


def test_persian_workbooks_read_right_to_left(books):
    for lang, rtl in (("fa", True), ("en", False)):
        assert len(books[lang]) >= 4
        for name, book in books[lang].items():
            for ws in book.worksheets:
                assert bool(ws.sheet_view.rightToLeft) is rtl, (lang, name, ws.title)
                cells = styled(ws)
                assert cells, (name, ws.title)
                assert {c.alignment.readingOrder for c in cells} == ({2} if rtl else {0}), (name, ws.title)


def test_persian_numbers_and_dates_keep_their_localisation(books):
    plan = books["fa"]["plan_xlsx"].worksheets[0]
    assert plan["E2"].number_format.startswith("[$-03000429]")  # duration in Persian digits
    assert isinstance(plan["M2"].value, str) and plan["M2"].value[:2] == "۱۴"  # a Solar Hijri date as text
    scores = books["fa"]["rfp_xlsx"].worksheets[2]
    assert scores["D2"].number_format == "[$-03000429]0.0%"


def test_a_style_never_undoes_the_quote_prefix(tmp_path):
    wb = workbook("ru")
    ws = wb.active
    put(ws, 1, 1, "=cmd|' /C calc'!A0", style=("band", "wrapped"))
    apply(put(ws, 2, 1, "@SUM(A1)"), "muted")  # a style given after the text
    put_date(ws, 3, 1, date(2026, 4, 12), "ru", style="strong")
    put_number(ws, 4, 1, 0.25, "ru", "0%")
    wb.save(tmp_path / "t.xlsx")
    ws = load_workbook(tmp_path / "t.xlsx").active
    for cell, style in ((ws["A1"], "crmwb band wrapped"), (ws["A2"], "crmwb muted")):
        assert (cell.data_type, cell.quotePrefix, cell.style) == ("s", True, style)
    day = ws["A3"]
    assert (day.style, day.number_format, day.font.b) == ("crmwb strong date", "[$-419]dd.mm.yyyy", True)
    assert (ws["A4"].style, ws["A4"].number_format) == ("crmwb percent", "[$-419]0%")
