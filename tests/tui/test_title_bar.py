"""The title bar (widgets/title_bar.py): Textual's Header drawn as one widget, whose title survives a bar
being taken down, lays out a Persian client's name, and whose icon opens the command palette."""

from __future__ import annotations

from textual.app import App
from textual.command import CommandPalette

from workbench.tui.bidi import visual
from workbench.tui.widgets.title_bar import CLOCK_WIDTH, ICON_WIDTH, TitleBar

PERSIAN_CLIENT = "شرکت بیمه آسیا"


class OneBar(App):
    def compose(self):
        yield TitleBar()


def line(bar: TitleBar) -> str:
    return bar.render().plain


async def test_a_subtitle_set_while_a_bar_is_taken_down_leaves_the_app_running():
    app = OneBar()
    async with app.run_test(size=(80, 5)) as pilot:
        app.sub_title = "before"
        await pilot.pause()
        bar = app.query_one(TitleBar)
        assert "OneBar — before" in line(bar)
        await bar.remove()  # as when its screen is being replaced
        app.sub_title = "Example Client · core 1.0.0"
        await pilot.pause()
        assert app.is_running
    assert app.return_code in (None, 0)


async def test_the_title_is_centred_between_the_icon_and_the_clock_space_as_textual_draws_it():
    app = OneBar()
    async with app.run_test(size=(80, 5)) as pilot:
        app.sub_title = "Acme · core 1.0.0"
        await pilot.pause()
        shown = line(app.query_one(TitleBar))
        assert len(shown) == 80 and shown.startswith(" ◆" + " " * (ICON_WIDTH - 2))
        title = "OneBar — Acme · core 1.0.0"
        room = 80 - ICON_WIDTH - CLOCK_WIDTH
        left = (room - len(title)) // 2
        assert shown[ICON_WIDTH:] == " " * left + title + " " * (room - left - len(title) + CLOCK_WIDTH)


async def test_a_persian_client_name_reads_right_to_left_and_the_title_keeps_its_stored_text():
    app = OneBar()
    async with app.run_test(size=(100, 5)) as pilot:
        app.sub_title = f"{PERSIAN_CLIENT} · core 1.0.0"
        await pilot.pause()
        bar = app.query_one(TitleBar)
        assert f"{visual(PERSIAN_CLIENT)} · core 1.0.0" in line(bar)
        assert visual(PERSIAN_CLIENT) != PERSIAN_CLIENT
        assert bar.title_text == f"OneBar — {PERSIAN_CLIENT} · core 1.0.0"


async def test_a_long_title_ends_with_an_ellipsis():
    app = OneBar()
    async with app.run_test(size=(40, 5)) as pilot:
        app.sub_title = "A client with a very long name indeed · core 1.0.0"
        await pilot.pause()
        shown = line(app.query_one(TitleBar))
        assert len(shown) == 40 and "…" in shown and shown.endswith(" " * CLOCK_WIDTH)


async def test_the_icon_opens_the_command_palette_and_says_so():
    app = OneBar()
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.hover(TitleBar, offset=(1, 0))
        bar = app.query_one(TitleBar)
        assert bar.icon_hovered and bar.tooltip
        await pilot.click(TitleBar, offset=(20, 0))  # the title: nothing happens
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)
        await pilot.click(TitleBar, offset=(1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_on_a_right_to_left_screen_the_title_hugs_the_right_edge():
    app = OneBar()
    async with app.run_test(size=(80, 5)) as pilot:
        app.screen.add_class("-rtl")
        app.sub_title = "Acme"
        await pilot.pause()
        assert line(app.query_one(TitleBar)).endswith("OneBar — Acme" + " " * CLOCK_WIDTH)
