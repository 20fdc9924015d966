"""The header's title update skips a header whose title widget is gone (widgets/safe_header.py): with
Textual's Header the same subtitle change ends the app with NoMatches."""

from __future__ import annotations

from textual.app import App
from textual.widgets._header import HeaderTitle

from workbench.tui.widgets.safe_header import SafeHeader


class OneHeader(App):
    def compose(self):
        yield SafeHeader()


async def test_a_subtitle_set_while_a_header_is_taken_down_leaves_the_app_running():
    app = OneHeader()
    async with app.run_test() as pilot:
        app.sub_title = "before"
        await pilot.pause()
        assert "before" in str(app.query_one(HeaderTitle).render())
        await app.query_one(HeaderTitle).remove()  # as when its screen is being replaced
        app.sub_title = "Example Client · core 1.0.0"
        await pilot.pause()
        assert app.is_running
    assert app.return_code in (None, 0)
