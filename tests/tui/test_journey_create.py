"""Journey: create an engagement from the start screen, with a playbook preview, then land on intake."""

from __future__ import annotations

import json

import yaml
from textual.widgets import Input, Select

from tests.tui.conftest import TODAY
from tests.tui.helpers import settle, text_of
from workbench.app.recent import recent_file
from workbench.tui.app import make_app
from workbench.tui.screens.intake import IntakeScreen
from workbench.tui.screens.new_engagement import NewEngagementDialog
from workbench.tui.widgets.playbook_preview import PlaybookPreview


async def test_create_an_engagement_from_the_start_screen(tmp_path):
    target = tmp_path / "clients" / "acme"
    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, NewEngagementDialog)
        assert "questions" in text_of(dialog.query_one(PlaybookPreview))  # core is previewed at once

        dialog.query_one("#playbook", Select).value = "b2c-retail-loyalty"
        await settle(pilot)
        preview = text_of(dialog.query_one(PlaybookPreview))
        assert "b2c-retail-loyalty" in preview and "Tasks per phase" in preview and "loyalty" in preview

        dialog.query_one("#folder", Input).value = str(target)
        await pilot.click("#client")
        await pilot.press(*"Acme Retail")
        await pilot.click("#create")
        await settle(pilot)

        assert app.session is not None and app.session.client == "Acme Retail"
        assert isinstance(app.screen, IntakeScreen)  # no answers yet: the questionnaire comes first
        assert app.sub_title.startswith("Acme Retail · b2c-retail-loyalty")

    data = yaml.safe_load((target / "engagement.yaml").read_text(encoding="utf-8"))
    assert data["client"] == "Acme Retail" and data["playbook"] == "b2c-retail-loyalty"
    assert data["start"] == TODAY and data["answers"] == {}
    assert (target / "state.db").is_file()
    recent = json.loads(recent_file().read_text(encoding="utf-8"))["recent"]
    assert recent[0]["folder"] == str(target.resolve()) and recent[0]["client"] == "Acme Retail"


async def test_the_dialog_refuses_what_cannot_work_and_keeps_what_was_typed(tmp_path, engagement):
    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        dialog = app.screen
        dialog.query_one("#folder", Input).value = str(engagement)  # already an engagement
        await pilot.click("#create")
        await pilot.pause()
        assert app.screen is dialog
        assert "already holds an engagement" in text_of(dialog.query_one("#new-error"))

        dialog.query_one("#folder", Input).value = str(tmp_path / "new")
        dialog.query_one("#answers", Input).value = str(tmp_path / "missing.yaml")
        await pilot.press("ctrl+s")  # the dialog's Create key
        await pilot.pause()
        assert "No answers file" in text_of(dialog.query_one("#new-error"))
    assert not (tmp_path / "new").exists()


async def test_a_failed_create_shows_the_problems_then_the_dialog_again(tmp_path):
    bad = tmp_path / "bad.answers.yaml"
    bad.write_text("answers:\n  business_model: spaceships\n", encoding="utf-8")
    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        dialog = app.screen
        dialog.query_one("#folder", Input).value = str(tmp_path / "acme")
        dialog.query_one("#answers", Input).value = str(bad)
        await pilot.click("#create")
        await settle(pilot)
        from workbench.tui.screens.dialogs import ErrorDialog

        assert isinstance(app.screen, ErrorDialog)
        assert any("bad.answers.yaml:2" in line and "business_model" in line for line in app.screen.details)
        await pilot.press("escape")
        await pilot.pause()
        again = app.screen
        assert isinstance(again, NewEngagementDialog)
        assert again.query_one("#answers", Input).value == str(bad)  # nothing typed is lost
        assert app.session is None
    assert not (tmp_path / "acme" / "engagement.yaml").exists()
