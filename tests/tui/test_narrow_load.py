"""The plan's load table at 80 columns (issue 15): when the weeks do not fit beside the role, availability
and peak columns, it counts in months, each month's cell the sum of its weeks' shares; at 120 columns, and
back after a resize, it counts in weeks again."""

from __future__ import annotations

from tests.tui.conftest import TODAY
from tests.tui.helpers import settle, text_of
from workbench.domain.locale import format_number
from workbench.tui.app import make_app
from workbench.tui.widgets.load_table import LoadTable, RoleLoad, month_of
from workbench.tui.widgets.plan_table import PlanView


def week_shares(item: RoleLoad) -> list[float]:
    return [item.share(w.load) for w in item.weeks]


async def open_load(pilot) -> LoadTable:
    await settle(pilot)
    pilot.app.screen.show_tab("plan")
    await settle(pilot)
    await pilot.press("l")
    await settle(pilot)
    return pilot.app.screen.query_one(LoadTable)


async def test_the_load_counts_in_months_at_80_columns_and_in_weeks_at_120(seeded):
    app = make_app(seeded, today=TODAY, section="deliverables")
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_load(pilot)
        weeks = table.loads[0].weeks
        assert table.months is None and len(table.columns) == 3 + len(weeks) > 8
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert table.months is not None and 2 <= len(table.months) < len(weeks)
        assert len(table.columns) == 3 + len(table.months)
        # the months partition the weeks in order, each week under the month of its first day
        assert [i for _heading, indices in table.months for i in indices] == list(range(len(weeks)))
        for heading, indices in table.months:
            assert {month_of(weeks[i].week, "en") for i in indices} == {
                month_of(weeks[indices[0]].week, "en")
            }
            assert heading == month_of(weeks[indices[0]].week, "en")[1]
        busy = [item for item in table.items if any(week_shares(item))]
        assert busy
        for item in busy:  # a month's load is the sum of its weeks' loads, for every role
            shares = week_shares(item)
            for index, (_heading, indices) in enumerate(table.months):
                total = sum(shares[i] for i in indices)
                expected = format_number(round(total, 1), "en") if total > 0 else "·"
                assert str(table.get_cell(item.role, f"m{index}")) == expected
        assert "per month" in text_of(pilot.app.screen.query_one(PlanView).query_one("#plan-status"))
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert table.months is None and len(table.columns) == 3 + len(weeks)
        assert "per week" in text_of(pilot.app.screen.query_one(PlanView).query_one("#plan-status"))
