"""plan.xlsx read back with openpyxl: CPM figures and dates, critical rows, Gantt fills, milestones,
safety."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from itertools import pairwise

import pytest
from openpyxl import load_workbook

from tests.writers.plan_example import CRITICAL, EXPECTED, START, example_ctx, example_data
from workbench.domain.plan import schedule
from workbench.loading.playbooks import load_playbook
from workbench.writers import plan_xlsx
from workbench.writers.context import ExportContext
from workbench.writers.plan_xlsx_gantt import FIRST

RED, BLUE, GREY = "C00000", "5B9BD5", "A6A6A6"


def fill(cell) -> str | None:
    return cell.fill.fgColor.rgb[-6:] if cell.fill.fill_type == "solid" else None


def as_date(value) -> date:
    return value.date() if isinstance(value, datetime) else value


@pytest.fixture
def book(tmp_path):
    (path,) = plan_xlsx.write(example_ctx(), tmp_path)
    assert path == tmp_path / "plan.xlsx"
    return load_workbook(path)


def rows_by_id(ws, id_column: int) -> dict[str, int]:
    return {
        ws.cell(row=r, column=id_column).value: r
        for r in range(2, ws.max_row + 1)
        if ws.cell(row=r, column=id_column).value
    }


def test_plan_sheet_holds_the_hand_computed_schedule(book):
    ws = book["Plan"]
    assert book.sheetnames == ["Plan", "Gantt", "Milestones", "Load"]
    titles = [c.value for c in ws[1]][:15]
    assert titles == [
        "Phase",
        "Task ID",
        "Task",
        "Owner",
        "Duration (working days)",
        "Depends on",
        "Early start",
        "Early finish",
        "Late start",
        "Late finish",
        "Slack",
        "Critical",
        "Start date",
        "Finish date",
        "Milestone",
    ]
    ids = [ws.cell(row=r, column=2).value for r in range(2, 12)]
    assert ids == ["a", "b", "c", "n", "m1", "d", "e", "f", "m2", "g"]
    for r in range(2, 12):
        row = [c.value for c in ws[r]][:15]
        es, ef, ls, slack, start, finish = EXPECTED[row[1]]
        assert (row[6], row[7], row[8], row[10]) == (es, ef, ls, slack)
        assert (as_date(row[12]), as_date(row[13])) == (start, finish)
        assert row[11] == ("yes" if row[1] in CRITICAL else "no")
        assert row[3] == "Project lead"
        assert fill(ws.cell(row=r, column=3)) == ("FCE4D6" if row[1] in CRITICAL else None)
    assert ws.cell(row=7, column=6).value == "a"  # d's own dependency
    assert ws.cell(row=8, column=6).value == "end of Pre-deployment"  # e waits for the phase gate
    assert ws.cell(row=6, column=15).value == "yes" and ws.cell(row=2, column=15).value in ("", None)
    assert ws.cell(row=2, column=13).number_format == "yyyy-mm-dd"
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:P11"
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1"


def test_critical_flags_match_the_critical_path(book):
    ws = book["Plan"]
    flagged = [
        ws.cell(row=r, column=2).value for r in range(2, 12) if ws.cell(row=r, column=12).value == "yes"
    ]
    plan = schedule(example_ctx().playbook, START)
    assert flagged == [t.id for t in plan.critical_path()] == CRITICAL


def test_gantt_fills_the_working_days_each_task_runs(book):
    ws = book["Gantt"]
    axis = [
        as_date(ws.cell(row=1, column=c).value)
        for c in range(FIRST, ws.max_column + 1)
        if ws.cell(row=1, column=c).value
    ]
    days = [date(2026, 1, d) for d in (5, 6, 7, 8, 9, 12, 13, 14, 15, 16, 19, 20)]
    assert axis == days  # one column per working day: the project is short
    rows = rows_by_id(ws, 1)
    for tid, (_, _, _, _, start, finish) in EXPECTED.items():
        cells = [ws.cell(row=rows[tid], column=FIRST + i) for i in range(len(days))]
        filled = [days[i] for i, c in enumerate(cells) if fill(c)]
        duration = EXPECTED[tid][1] - EXPECTED[tid][0]
        assert filled == ([d for d in days if start <= d <= finish] if duration else []), tid
        colours = {fill(c) for c in cells if fill(c)}
        assert colours <= ({RED} if tid in CRITICAL else {BLUE})
    assert [fill(ws.cell(row=rows["e"], column=FIRST + i)) for i in (5, 6)] == [BLUE, BLUE]
    assert [fill(ws.cell(row=rows["d"], column=FIRST + i)) for i in range(5, 9)] == [RED] * 4
    marks = {
        tid: [days[i] for i in range(len(days)) if ws.cell(row=rows[tid], column=FIRST + i).value == "◆"]
        for tid in EXPECTED
    }
    assert marks == {
        "a": [],
        "b": [],
        "c": [],
        "n": [],
        "m1": [date(2026, 1, 9)],
        "d": [],
        "e": [],
        "f": [date(2026, 1, 16)],
        "m2": [date(2026, 1, 16)],
        "g": [],
    }


def test_gantt_has_phase_bands_and_frozen_task_columns(book):
    ws = book["Gantt"]
    bands = {
        ws.cell(row=r, column=2).value: r
        for r in range(2, ws.max_row + 1)
        if ws.cell(row=r, column=1).value is None
        and ws.cell(row=r, column=2).value in ("Pre-deployment", "Deployment", "Post-deployment")
    }
    assert list(bands) == ["Pre-deployment", "Deployment", "Post-deployment"]
    spans = {
        name: [i for i in range(12) if fill(ws.cell(row=r, column=FIRST + i)) == GREY]
        for name, r in bands.items()
    }
    assert spans == {
        "Pre-deployment": [0, 1, 2, 3, 4],
        "Deployment": [5, 6, 7, 8, 9],
        "Post-deployment": [10, 11],
    }
    assert bands["Pre-deployment"] == 2 and ws.cell(row=3, column=1).value == "a"
    assert ws.freeze_panes == ws.cell(row=2, column=FIRST).coordinate


def test_long_plans_get_one_column_per_week(tmp_path):
    data = example_data()
    data["phases"][0]["tasks"][1]["duration_days"] = 80  # b: 16 weeks
    (path,) = plan_xlsx.write(example_ctx(data), tmp_path)
    ws = load_workbook(path)["Gantt"]
    axis = [
        as_date(ws.cell(row=1, column=c).value)
        for c in range(FIRST, ws.max_column + 1)
        if isinstance(ws.cell(row=1, column=c).value, datetime)
    ]
    assert axis[0] == START and all(b - a == timedelta(weeks=1) for a, b in pairwise(axis))
    plan = {t.id: t for t in schedule(example_ctx(data).playbook, START).tasks}
    rows = rows_by_id(ws, 1)
    for tid, task in plan.items():
        weeks = [m for m in axis if m <= task.finish and task.start < m + timedelta(days=7)]
        filled = [axis[i] for i in range(len(axis)) if fill(ws.cell(row=rows[tid], column=FIRST + i))]
        assert filled == (weeks if task.duration else []), tid
    assert axis[-1] <= plan["g"].finish < axis[-1] + timedelta(days=7)


def test_milestones_sheet_lists_phase_ends_and_flagged_tasks(book):
    ws = book["Milestones"]
    rows = [tuple(c.value for c in row)[:6] for row in ws.iter_rows(min_row=2) if row[0].value]
    assert [(r[0], r[2], r[3], as_date(r[4]), r[5]) for r in rows] == [
        ("Pre-deployment", "task", "m1", date(2026, 1, 9), "yes"),
        ("Pre-deployment", "phase end", None, date(2026, 1, 9), None),
        ("Deployment", "task", "f", date(2026, 1, 16), "yes"),
        ("Deployment", "task", "m2", date(2026, 1, 16), "yes"),
        ("Deployment", "phase end", None, date(2026, 1, 16), None),
        ("Post-deployment", "phase end", None, date(2026, 1, 20), None),
    ]


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    data = example_data()
    data["phases"][0]["tasks"][0]["name"] = "=cmd|' /C calc'!A0"
    data["phases"][1]["name"] = "+SUM(1,2)"
    data["roles"][0]["name"] = '=HYPERLINK("http://evil.example","click")'
    (path,) = plan_xlsx.write(example_ctx(data), tmp_path)
    book = load_workbook(path)
    for ws, row, column, text in (
        (book["Plan"], 2, 3, "=cmd|' /C calc'!A0"),
        (book["Plan"], 2, 4, '=HYPERLINK("http://evil.example","click")'),
        (book["Plan"], 7, 1, "+SUM(1,2)"),
        (book["Gantt"], 3, 2, "=cmd|' /C calc'!A0"),
        (book["Milestones"], 4, 1, "+SUM(1,2)"),
    ):
        cell = ws.cell(row=row, column=column)
        assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True), (ws.title, row, column)


def test_core_playbook_plan_is_complete(tmp_path):
    loaded = load_playbook("core")
    assert loaded.ok and loaded.playbook.phases, [str(p) for p in loaded.problems]
    ctx = ExportContext(loaded.playbook, loaded.playbook, {}, "Acme", START)
    (path,) = plan_xlsx.write(ctx, tmp_path)
    book = load_workbook(path)
    plan = schedule(loaded.playbook, START)
    ws = book["Plan"]
    assert ws.max_row - 1 >= len(plan.tasks)
    flagged = {
        ws.cell(row=r, column=2).value
        for r in range(2, len(plan.tasks) + 2)
        if ws.cell(row=r, column=12).value == "yes"
    }
    assert flagged == {t.id for t in plan.critical_path()}
    assert all(ws.cell(row=r, column=3).value for r in range(2, len(plan.tasks) + 2))
