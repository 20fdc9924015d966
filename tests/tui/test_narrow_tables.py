"""The wide tables at 80 columns (issue 15): the permission matrix and the RACI keep their header rows and
their label columns in place while the rest scrolls (DataTable's fixed rows and columns), and the RACI
and the plan take a narrow form below 100 columns, so data shows beside the fixed columns; a resize
across that line lays them out again."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.deliverables_support import START, DeliverablesHost, copy_engagement, make_engagement
from tests.tui.helpers import settle
from workbench.domain.plan_timeline import Timeline, timeline
from workbench.tui.colours import theme_colour
from workbench.tui.widgets.permission_matrix import ACTION_LETTERS, PermissionMatrixTable
from workbench.tui.widgets.plan_table import NARROW_TASK_WIDTH, PlanTable
from workbench.tui.widgets.plan_timeline import GLYPHS, cells_for
from workbench.tui.widgets.raci_table import RaciGrid


@pytest.fixture(scope="module")
def retail_template(tmp_path_factory) -> Path:
    return make_engagement(tmp_path_factory.mktemp("narrow") / "retail")


@pytest.fixture
def retail(retail_template, tmp_path) -> Path:
    return copy_engagement(retail_template, tmp_path / "e")


def shown(table, y: int) -> str:
    """What the table draws on its line `y` (0 is the top of its header), as plain text."""
    return table.render_line(y).text


def fixed_width(table, count: int) -> int:
    """The columns the first `count` columns take on screen (cell padding included)."""
    return sum(column.get_render_width(table) for column in list(table.columns.values())[:count])


def task_width(plan: PlanTable) -> int:
    return list(plan.columns.values())[2].get_render_width(plan)


def drawn_timeline(plan: PlanTable) -> Timeline:
    """Check the Gantt column against domain.plan_timeline: the heading is the axis, each row on the page
    the task's cells (its forecast dates once read), a critical bar in the theme's error colour."""
    assert plan.plan is not None
    line = timeline(plan.plan.start, plan.plan.finish, cells_for(plan.app.size.width, plan.narrow), "en")
    assert plan.columns["timeline"].label.plain == line.axis("en")
    rows = plan.items[: plan.row_count]
    assert len(rows) >= 10
    for item in rows:
        fc = plan.forecast.get(item.id)
        dates = (fc.start, fc.finish, fc.baseline_finish) if fc else (item.start, item.finish, None)
        expected = "".join(GLYPHS[c] for c in line.cells(dates[0], dates[1], baseline=dates[2], today=START))
        assert plan.get_cell(item.id, "timeline").plain == expected
    critical = next(item for item in rows if item.critical)
    bar = plan.get_cell(critical.id, "timeline")
    assert theme_colour(plan.app, "error") in {span.style.color for span in bar.spans}
    return line


async def test_the_matrix_keeps_the_role_column_and_the_header_while_scrolling(retail):
    app = DeliverablesHost(retail, initial="roles")
    async with app.run_test(size=(80, 16)) as pilot:  # a small tmux pane: the roles overflow too
        await settle(pilot)
        table = app.screen.query_one(PermissionMatrixTable)
        table.focus()
        first_role = table.matrix.rows[0].name
        for _ in range(25):
            await pilot.press("right")
        for _ in range(12):
            await pilot.press("down")
        await settle(pilot)
        assert table.scroll_x > 0 and table.scroll_y > 0
        assert shown(table, 0).lstrip().startswith("Role")  # the header row stays on top
        letters = shown(table, 1).split()  # the action letters of the columns scrolled into view
        assert letters and set(letters) <= set(ACTION_LETTERS.values())
        row = table.matrix.rows[int(table.scroll_y)]
        assert shown(table, 2).lstrip().startswith(row.name[:12]) and row.name != first_role


async def test_the_raci_keeps_phase_and_task_and_the_role_headings_while_scrolling(retail):
    app = DeliverablesHost(retail, initial="raci")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(RaciGrid)
        table.scroll_to(x=table.max_scroll_x, y=table.max_scroll_y, animate=False, immediate=True)
        await settle(pilot)
        assert table.scroll_x > 0 and table.scroll_y > 0
        heading = shown(table, 0)
        assert heading.split()[:2] == ["Phase", "Task"]
        last = table.items[min(len(table.items), table.page_size) - 1]  # the page's last task, in sight
        assert any(last.name[:12] in shown(table, y) for y in range(2, table.size.height))


async def test_the_raci_and_the_plan_narrow_below_100_columns_and_widen_again(retail):
    app = DeliverablesHost(retail, initial="raci")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        raci = app.screen.query_one(RaciGrid)
        assert fixed_width(raci, 2) <= 42  # phase and task leave room for three or more roles
        assert len(raci.columns) - 2 >= 3 and fixed_width(raci, 5) <= 80
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert fixed_width(raci, 2) > 50  # the task names whole again (clipped at 40)

        app.screen.show_tab("plan")
        await settle(pilot)
        plan = app.screen.query_one(PlanTable)
        wide, wide_line = task_width(plan), drawn_timeline(plan)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert task_width(plan) <= NARROW_TASK_WIDTH + 2 < wide
        assert fixed_width(plan, 5) <= 78  # mark, phase, task, the Gantt and the start in sight
        narrow_line = drawn_timeline(plan)  # a compact Gantt: a coarser scale in fewer cells
        assert narrow_line.width < wide_line.width and narrow_line.scale in {"month", "quarter"}
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert raci.narrow is False and task_width(plan) == wide
