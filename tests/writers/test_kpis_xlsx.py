"""kpis.xlsx read back with openpyxl: the plan grouped by phase, measures, tracking periods and formulas."""

from __future__ import annotations

import os
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from tests.conftest import SOFFICE, libreoffice_convert, tool_mark
from tests.writers.plan_example import example_ctx, example_data
from workbench.loading.playbooks import load_playbook
from workbench.writers import kpis_xlsx
from workbench.writers.context import ExportContext
from workbench.writers.kpis_xlsx_tracking import FIRST_PERIOD, PERIODS


def as_date(value):
    return value.date() if isinstance(value, datetime) else value


def values(ws, row: int, last: int | None = None) -> list:
    return [c.value for c in ws[row]][:last]


@pytest.fixture
def book(tmp_path):
    (path,) = kpis_xlsx.write(example_ctx(), tmp_path)
    assert path == tmp_path / "kpis.xlsx"
    return load_workbook(path)


def test_kpi_plan_sheet_groups_kpis_by_phase(book):
    ws = book["KPI plan"]
    assert book.sheetnames == ["KPI plan", "Measures", "Tracking"]
    assert ws["A1"].value == "KPI plan: Acme" and "go-live on 2026-01-16" in ws["A2"].value
    assert values(ws, 3) == [
        "ID",
        "KPI",
        "Kind",
        "Definition",
        "Formula",
        "Formula in words",
        "Unit",
        "Direction",
        "Owner",
        "Source",
        "Cadence",
        "Baseline",
        "Target",
        "Target date",
    ]
    assert ws["A4"].value == "Deployment: adoption" and ws["A4"].fill.fgColor.rgb.endswith("DDEBF7")
    row = values(ws, 5)
    assert row[:13] == [
        "adoption_rate",
        "Active users",
        "adoption",
        "Share of licensed users active in the last 30 days.",
        "active / licensed * 100",
        "Active users (30 days) / Licensed users × 100",
        "%",
        "↑ higher is better",
        "Project lead",
        "Login log",
        "monthly",
        "measure before go-live",
        85,
    ]
    assert as_date(row[13]) == date(2026, 4, 16) and ws["N5"].number_format == "yyyy-mm-dd"
    assert ws["A6"].value == "Post-deployment: business outcomes"
    conversion, reply = values(ws, 7), values(ws, 8)
    assert (conversion[0], conversion[8], conversion[11], conversion[12]) == (
        "conversion",
        "Sponsor",
        12.5,
        20,
    )
    assert as_date(conversion[13]) == date(2027, 1, 16)
    assert (reply[0], reply[7], reply[13]) == ("reply_time", "↓ lower is better", None)
    assert ws.freeze_panes == "A4" and ws.auto_filter.ref == "A3:N8" and ws.print_title_rows == "$3:$3"
    assert ws.page_setup.orientation == "landscape" and ws.column_dimensions["D"].width == 50


def test_measures_sheet_says_which_kpis_use_each_measure(book):
    ws = book["Measures"]
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert values(ws, 1) == ["ID", "Measure", "Source", "Unit", "Used by KPIs"]
    assert rows["won"] == (
        "won",
        "Deals won",
        "CRM",
        "count",
        "Lead conversion (conversion); First reply time (reply_time)",
    )
    assert rows["hours"][3] == "hours"
    assert rows["unused"][4] == "not used by any KPI in this plan"
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:E7"


def test_tracking_sheet_has_twelve_periods_per_cadence_from_go_live(book):
    ws = book["Tracking"]
    head = values(ws, 3)
    assert head[:10] == [
        "ID",
        "KPI",
        "Cadence",
        "Unit",
        "Direction",
        "Baseline",
        "Target",
        "Target date",
        "Latest",
        "Latest vs target",
    ]
    assert head[FIRST_PERIOD - 1 :] == [f"Period {i}" for i in range(1, 13)]
    labels = {
        ws.cell(row=r, column=3).value: [
            ws.cell(row=r, column=FIRST_PERIOD + i).value for i in range(PERIODS)
        ]
        for r in range(4, ws.max_row + 1)
        if ws.cell(row=r, column=2).value is None
    }
    assert labels["weekly"][:2] == ["2026-W03", "2026-W04"] and len(labels["weekly"]) == 12
    assert labels["monthly"] == [f"2026-{m:02d}" for m in range(1, 13)]
    assert labels["quarterly"] == [f"{y} Q{q}" for y in (2026, 2027, 2028) for q in (1, 2, 3, 4)]
    rows = {ws.cell(row=r, column=1).value: r for r in range(4, ws.max_row + 1)}
    order = [ws.cell(row=r, column=1).value for r in range(4, ws.max_row + 1)]
    assert order == [
        "Weekly KPIs",
        "reply_time",
        "Monthly KPIs",
        "adoption_rate",
        "Quarterly KPIs",
        "conversion",
    ]
    r = rows["adoption_rate"]
    assert values(ws, r, 8)[:7] == [
        "adoption_rate",
        "Active users",
        "monthly",
        "%",
        "↑ higher is better",
        None,
        85,
    ]
    assert as_date(ws.cell(row=r, column=8).value) == date(2026, 4, 16)
    assert ws.cell(row=rows["conversion"], column=6).value == 12.5
    assert all(ws.cell(row=r, column=FIRST_PERIOD + i).value is None for i in range(PERIODS))
    assert ws.cell(row=r, column=FIRST_PERIOD).fill.fgColor.rgb.endswith("FFF2CC")
    assert ws.freeze_panes == "C4" and ws.auto_filter.ref == "A3:V9"


def test_tracking_formulas_compare_the_latest_value_with_the_target(book):
    ws = book["Tracking"]
    rows = {ws.cell(row=r, column=1).value: r for r in range(4, ws.max_row + 1)}
    up, down = rows["adoption_rate"], rows["reply_time"]
    latest = ws.cell(row=up, column=9).value
    assert latest.startswith('=IF(COUNT(K7:V7)=0,"",INDEX(K7:V7,') and "ISNUMBER(K7:V7)" in latest
    assert ws.cell(row=up, column=10).value == '=IF(I7="","",IF(I7>=G7,"met","not met"))'
    assert ws.cell(row=down, column=10).value == f'=IF(I{down}="","",IF(I{down}<=G{down},"met","not met"))'
    validation = ws.data_validations.dataValidation[0]
    assert validation.type == "decimal" and f"K{up}:V{up}" in str(validation.sqref)
    rules = [rule for cf in ws.conditional_formatting for rule in cf.rules]
    assert sorted(rule.formula[0] for rule in rules) == ['"met"', '"not met"']


@tool_mark(SOFFICE is None, reason="LibreOffice is not installed")
def test_tracking_formulas_calculate_in_libreoffice(book, tmp_path, libreoffice_profile):
    ws = book["Tracking"]
    rows = {ws.cell(row=r, column=1).value: r for r in range(4, ws.max_row + 1)}
    up, down, empty = rows["adoption_rate"], rows["reply_time"], rows["conversion"]
    ws.cell(row=up, column=FIRST_PERIOD, value=80)
    ws.cell(row=up, column=FIRST_PERIOD + 2, value=86.5)  # a gap in between, as real tracking has
    ws.cell(row=down, column=FIRST_PERIOD, value=3)
    ws.cell(row=down, column=FIRST_PERIOD + 1, value=5)
    filled = tmp_path / "filled.xlsx"
    book.save(filled)
    out = tmp_path / "out"
    [calculated] = libreoffice_convert(
        [filled], out, "xlsx", libreoffice_profile, timeout=180, env={**os.environ, "HOME": str(tmp_path)}
    )
    calc = load_workbook(calculated, data_only=True)["Tracking"]
    assert (calc.cell(row=up, column=9).value, calc.cell(row=up, column=10).value) == (86.5, "met")
    assert (calc.cell(row=down, column=9).value, calc.cell(row=down, column=10).value) == (5, "not met")
    assert calc.cell(row=empty, column=9).value in ("", None)


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    data = example_data()
    data["kpis"][0]["name"] = "=cmd|' /C calc'!A0"
    data["measures"][0]["name"] = '=HYPERLINK("http://evil.example","click")'
    data["roles"][0]["name"] = "@SUM(1)"
    (path,) = kpis_xlsx.write(example_ctx(data, client="-2+3"), tmp_path)
    book = load_workbook(path)
    plan, measures, tracking = book["KPI plan"], book["Measures"], book["Tracking"]
    for cell, text in (
        (plan["B5"], "=cmd|' /C calc'!A0"),
        (plan["F5"], '=HYPERLINK("http://evil.example","click") / Licensed users × 100'),
        (plan["I5"], "@SUM(1)"),
        (measures["B2"], '=HYPERLINK("http://evil.example","click")'),
        (measures["E2"], "=cmd|' /C calc'!A0 (adoption_rate)"),
        (tracking["B7"], "=cmd|' /C calc'!A0"),
    ):
        assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True), cell.coordinate
    assert plan["A1"].value == "KPI plan: -2+3"


def test_core_playbook_kpis_are_all_written(tmp_path):
    loaded = load_playbook("core")
    assert loaded.ok and loaded.playbook.kpis, [str(p) for p in loaded.problems]
    ctx = ExportContext(loaded.playbook, loaded.playbook, {}, "Acme", date(2026, 1, 5))
    (path,) = kpis_xlsx.write(ctx, tmp_path)
    book = load_workbook(path)
    ids = {kpi.id for kpi in loaded.playbook.kpis}
    plan_ids = {r[0] for r in book["KPI plan"].iter_rows(min_row=4, values_only=True) if r[1]}
    tracking_ids = {r[0] for r in book["Tracking"].iter_rows(min_row=4, values_only=True) if r[1]}
    assert plan_ids == tracking_ids == ids
    words = [r[5] for r in book["KPI plan"].iter_rows(min_row=4, values_only=True) if r[1]]
    assert not any("_" in w for w in words)  # every measure id became its name
