"""The TUI uses the settings file: the theme chosen in the palette is saved and is the theme of the next
start, the keymap remaps keys, 'settings: show' says where each value comes from, the settings' author signs
the changes, a broken file never stops the app, and the recent list lives in the platform's state folder."""

from __future__ import annotations

import sqlite3

from textual.widgets import DataTable

from tests.tui.conftest import TODAY
from tests.tui.helpers import settle
from tests.tui.store_support import notifications, wait_for
from tests.tui.test_trust_themes import crmwb
from workbench.settings import load_settings, save_settings, settings_path
from workbench.tui.app import make_app
from workbench.tui.screens.help import HelpScreen
from workbench.tui.screens.settings import SettingsScreen
from workbench.tui.themes import DARK, LIGHT
from workbench.tui.widgets.bidi_text import BidiText
from workbench.tui.widgets.task_table import TaskTable


async def run_palette(pilot, command: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*command)
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def test_the_theme_chosen_in_the_palette_is_the_theme_of_the_next_start():
    assert not settings_path().exists()
    app = make_app(today=TODAY)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.theme == DARK
        await run_palette(pilot, "theme: light")
        assert app.theme == LIGHT
        assert await wait_for(pilot, lambda: settings_path().is_file() and load_settings().theme == LIGHT)
        app.theme = "textual-light"  # Textual's own "change theme" command sets it the same way
        assert await wait_for(pilot, lambda: load_settings().theme == "textual-light")
    assert 'theme = "textual-light"' in settings_path().read_text(encoding="utf-8")
    again = make_app(today=TODAY)
    assert again.theme == "textual-light"
    async with again.run_test() as pilot:
        await settle(pilot)
        assert again.theme == "textual-light"


async def test_an_unknown_theme_in_the_settings_starts_on_the_dark_one():
    save_settings(theme="a-theme-of-a-later-version")
    app = make_app(today=TODAY)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.theme == DARK


async def test_the_keymap_remaps_a_binding_by_its_id():
    save_settings(keymap={"app.help": "f9"})
    app = make_app(today=TODAY)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_settings_show_says_where_each_value_comes_from(monkeypatch):
    save_settings(author="Mina Rahimi", keymap={"app.quit": "ctrl+x"})
    monkeypatch.setenv("CRMWB_THEME", LIGHT)
    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await run_palette(pilot, "settings: show")
        assert isinstance(app.screen, SettingsScreen)
        table = app.screen.query_one(DataTable)
        rows = {
            str(table.get_cell(key, "setting")): (
                str(table.get_cell(key, "value")),
                str(table.get_cell(key, "source")),
            )
            for key in [row.key.value for row in table.ordered_rows]
        }
        path = str(settings_path())
        assert rows["theme"] == (LIGHT, "$CRMWB_THEME")
        assert rows["keymap.app.quit"] == ("ctrl+x", path)
        assert rows["language"] == ("en", "default")
        assert app.screen.query_one("#settings-file", BidiText).text == f"Settings file: {path}"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)


async def test_the_settings_author_signs_the_changes_of_the_tui_and_the_cli(engagement, monkeypatch):
    monkeypatch.delenv("CRMWB_AUTHOR")
    save_settings(author="Mina Rahimi")
    app = make_app(engagement, today=TODAY, section="phases")
    assert app.author == "Mina Rahimi"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(TaskTable)
        first = table.current_id
        await pilot.press("s")
        assert await wait_for(pilot, lambda: table.views[first].status == "in_progress")
    done = crmwb("task", engagement, "note", first, "called the vendor")
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(engagement / "state.db") as conn:
        authors = [
            row[0]
            for row in conn.execute(
                "SELECT author FROM events WHERE task_id = ? AND kind IN ('status', 'note') ORDER BY seq",
                (first,),
            )
        ]
    assert authors[-2:] == ["Mina Rahimi", "Mina Rahimi"]


async def test_a_broken_settings_file_starts_the_app_on_the_defaults_with_a_warning():
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text('theme = "crmwb-light"\nlanguage = \n', encoding="utf-8")
    app = make_app(today=TODAY)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.is_running and app.theme == DARK
        assert any("Settings not used" in n and "not valid TOML" in n for n in notifications(app))


def test_recent_files_live_in_the_platforms_state_folder(monkeypatch, tmp_path):
    from platformdirs import user_state_path

    from workbench.app.recent import recent_file, state_dir

    monkeypatch.delenv("CRMWB_STATE_DIR", raising=False)
    assert state_dir() == user_state_path("crmwb", appauthor=False)
    monkeypatch.setenv("CRMWB_STATE_DIR", str(tmp_path / "state"))
    assert recent_file() == tmp_path / "state" / "recent.json"
