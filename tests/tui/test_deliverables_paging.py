"""The pieces under the Deliverables views: the paged table (a big list never becomes a big DataTable),
RFP filtering, and the override an edit writes."""

from __future__ import annotations

from textual.app import App, ComposeResult

from workbench.tui.screens.deliverables import with_requirement_edit
from workbench.tui.widgets.rfp_table import RfpRow, RfpTable, filter_rows


def row(i: int, module: str = "sales", priority: str = "should", text: str = "") -> RfpRow:
    text = text or f"The system does thing {i}"
    return RfpRow(f"R-{i:05}", module, module.title(), priority, 3, text, "", "", f"r-{i:05}\n{text}".lower())


class TableHost(App):
    def __init__(self, rows: list[RfpRow]) -> None:
        super().__init__()
        self.rows = rows
        self.requests: list[RfpTable.EditRequested] = []

    def compose(self) -> ComposeResult:
        yield RfpTable(id="t")

    def on_mount(self) -> None:
        table = self.query_one(RfpTable)
        table.set_items(self.rows)
        table.focus()

    def on_rfp_table_edit_requested(self, request: RfpTable.EditRequested) -> None:
        self.requests.append(request)


async def test_a_big_list_is_shown_one_page_at_a_time():
    rows = [row(i) for i in range(17_400)]
    app = TableHost(rows)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.query_one(RfpTable)
        assert table.row_count == table.page_size == 100 and table.pages == 174
        assert table.check_action("previous_page", ()) is None  # greyed out on the first page
        await pilot.press("n", "n")
        assert table.page == 2 and table.current_item is rows[200]
        await pilot.press("p")
        assert table.info.first == 101 and table.info.last == 200
        table.move_cursor(row=99)
        await pilot.press("down")  # off the bottom of a page: the next page, first row
        assert table.page == 2 and table.cursor_row == 0 and table.current_item is rows[200]
        await pilot.press("up")
        assert table.page == 1 and table.current_item is rows[199]
        assert table.go_to("R-17399") and table.page == 173 and table.current_item is rows[-1]
        assert table.check_action("next_page", ()) is None


async def test_one_page_shows_no_paging_keys_and_edits_post_requests():
    app = TableHost([row(i) for i in range(5)])
    async with app.run_test() as pilot:
        await pilot.pause()
        table = app.query_one(RfpTable)
        assert (
            table.check_action("next_page", ()) is False and table.check_action("previous_page", ()) is False
        )
        await pilot.press("m", "5", "minus")  # the table only asks: nothing changes until someone saves
        assert [(r.req_id, r.priority, r.weight) for r in app.requests] == [
            ("R-00000", "must", 3),
            ("R-00000", "should", 5),
            ("R-00000", "should", 2),
        ]


def test_filter_by_module_priority_and_every_search_word():
    rows = [
        row(1, "sales", "must", "Leads are scored"),
        row(2, "service", "must", "Cases are routed"),
        row(3, "sales", "could", "Leads are routed"),
    ]
    assert [r.id for r in filter_rows(rows, "sales", None, "")] == ["R-00001", "R-00003"]
    assert [r.id for r in filter_rows(rows, None, "must", "")] == ["R-00001", "R-00002"]
    assert [r.id for r in filter_rows(rows, None, None, "ROUTED leads")] == ["R-00003"]
    assert [r.id for r in filter_rows(rows, None, None, "r-00002")] == ["R-00002"]


def test_an_edit_sets_both_fields_and_an_edit_back_removes_the_override():
    before = {"requirements": {"A-1": {"priority": "could", "weight": 2}}}
    after = with_requirement_edit(before, "B-2", "must", 4, ("should", 3))
    assert after == {
        "requirements": {"A-1": {"priority": "could", "weight": 2}, "B-2": {"priority": "must", "weight": 4}}
    }
    assert before == {"requirements": {"A-1": {"priority": "could", "weight": 2}}}  # not changed in place
    assert with_requirement_edit(after, "B-2", "should", 3, ("should", 3)) == before
    assert with_requirement_edit(before, "A-1", "should", 3, ("should", 3)) == {}
