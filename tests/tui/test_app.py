"""The app frame: sections, keys that grey out, help, themes, the palette, opening engagements."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from tests.tui.conftest import TODAY
from tests.tui.helpers import settle, text_of
from workbench.app.recent import Recent, recent_file, remember
from workbench.store.engagement import EngagementError
from workbench.tui.app import WorkbenchApp, make_app
from workbench.tui.commands import WorkbenchCommands
from workbench.tui.screens.dialogs import PromptDialog
from workbench.tui.screens.help import HelpScreen, help_markdown
from workbench.tui.screens.phases import PhasesScreen
from workbench.tui.screens.start import StartScreen
from workbench.tui.sections import SECTIONS
from workbench.tui.themes import DARK, LIGHT

NAMESPACES = (
    "engagement:",
    "go:",
    "phase:",
    "task:",
    "export:",
    "jobdesc:",
    "theme:",
    "help:",
    "settings:",
    "language:",
    "kpi:",
    "report:",
    "activity:",
    "advice:",
    "vendors:",
    "audit:",
    "people:",
    "data:",
)


async def test_without_an_engagement_only_start_and_job_descriptions_are_open():
    app = make_app(today=TODAY)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        for section in SECTIONS:
            allowed = app.check_action("section", (section.id,))
            assert allowed is (None if section.needs_engagement else True)
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)  # greyed out: the key does nothing


async def test_every_binding_has_an_id_and_a_description():
    from textual.binding import Binding

    from workbench.tui.screens.help import screen_classes

    classes = [WorkbenchApp] + [cls for _, cls in screen_classes()]
    bindings = [(cls, binding) for cls in classes for binding in Binding.make_bindings(cls.BINDINGS)]
    assert len(classes) > 1 and len(bindings) >= 30
    for cls, binding in bindings:
        assert binding.id and binding.description, (cls.__name__, binding.key)


async def test_help_lists_the_keys_of_this_screen_first(seeded):
    app = make_app(seeded, today=TODAY, section="phases")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = help_markdown(app.screen.current)
        assert text.index("## This screen (Phases)") < text.index("## Intake")
        assert text.index("## This screen (Phases)") < text.index("## Everywhere")
        assert "- `b` **Block**: Mark the task blocked (asks why)" in text
        assert "- `Ctrl+S` **Export**" in text and "- `F1` **Help**" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PhasesScreen)


async def test_theme_toggle_between_light_and_dark():
    app = make_app(today=TODAY)
    async with app.run_test() as pilot:
        assert app.theme == DARK
        await pilot.press("ctrl+t")
        assert app.theme == LIGHT
        await pilot.press("ctrl+t")
        assert app.theme == DARK


async def test_the_palette_has_namespaced_entries_for_everything(seeded):
    app = make_app(seeded, today=TODAY, section="phases")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        provider = WorkbenchCommands(app.screen)
        names = [name for name, _, _ in provider.commands()]
        assert all(name.startswith(NAMESPACES) for name in names)
        for wanted in (
            "engagement: new",
            "engagement: open a folder",
            "phase: Deployment",
            "task: block the selected task",
            "export: RFP",
            "export: every deliverable",
            "language: فارسی",
            "theme: light",
            "theme: dark",
            "help: keys",
            "go: Phases",
            "go: People",
            "people: import a roster",
            "people: add a person",
            "settings: show",
        ):
            assert wanted in names
        assert any(n.startswith("task: go to pre-") for n in names)
        assert any(n.startswith("jobdesc: ") for n in names)
        hits = [hit async for hit in provider.search("export rfp")]
        assert hits and hits[0].text == "export: RFP"

        command = {n: c for n, c, _ in provider.commands()}["task: start the selected task"]
        task_id = app.screen.selected.id
        await command()
        await pilot.pause()
        assert app.session.states()[task_id].status == "in_progress"


async def test_open_a_recent_engagement(engagement):
    remember(
        Recent(
            str(engagement),
            "Example Appliance Retail (demo)",
            "b2c-retail-loyalty 1.0.0",
            "2026-03-16T09:00:00+00:00",
        )
    )
    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        recent = app.screen.query_one("#recent", OptionList)
        assert recent.option_count == 1
        recent.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert app.session is not None and app.session.folder == engagement
        assert app.current_mode == "intake"


async def test_open_a_folder_checks_it_holds_an_engagement(engagement, tmp_path):
    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, PromptDialog)
        app.screen.query_one(Input).value = str(tmp_path)
        await pilot.press("enter")
        await pilot.pause()
        assert "holds no engagement.yaml" in text_of(app.screen.query_one("#prompt-error"))
        app.screen.query_one(Input).value = str(engagement)
        await pilot.press("enter")
        await settle(pilot)
        assert app.session is not None and app.session.folder == engagement


async def test_forget_and_missing_recent_entries(tmp_path):
    remember(Recent(str(tmp_path / "gone"), "Gone Ltd", "core 1.0.0", "2026-03-01T09:00:00+00:00"))
    app = make_app(today=TODAY)
    async with app.run_test() as pilot:
        recent = app.screen.query_one("#recent", OptionList)
        recent.focus()
        await pilot.press("enter")  # a folder that is gone: a warning, nothing opens
        await pilot.pause()
        assert app.session is None
        await pilot.press("x")
        await pilot.pause()
        assert recent.option_count == 0
    assert json.loads(recent_file().read_text())["recent"] == []


def test_make_app_refuses_a_folder_without_an_engagement(tmp_path):
    with pytest.raises(EngagementError) as caught:
        make_app(tmp_path)
    assert "engagement.yaml" in str(caught.value)


async def test_switching_engagements_rebuilds_the_sections(engagement, seeded, tmp_path):
    app = make_app(engagement, today=TODAY, section="phases")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first = app.session
        app.open_folder(seeded)
        await settle(pilot)
        assert app.session is not first and app.session.folder == seeded
        await pilot.press("f4")
        await pilot.pause()
        assert app.screen.session is app.session  # the phases of the new engagement, not the old
        with pytest.raises(sqlite3.ProgrammingError):
            first.states()  # the old store was closed
    assert Path(seeded / "state.db").is_file()


async def test_the_section_bar_switches_sections_with_a_click():
    from workbench.tui.widgets.navbar import NavBar

    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 30)) as pilot:
        text = str(app.screen.query_one(NavBar).render())
        await pilot.click(NavBar, offset=(text.index("F7") + 2, 0))
        await settle(pilot)
        assert app.current_mode == "jobdesc"
        text = str(app.screen.query_one(NavBar).render())
        await pilot.click(NavBar, offset=(text.index("F4") + 2, 0))  # needs an engagement: greyed out
        await pilot.pause()
        assert app.current_mode == "jobdesc"
