"""Journey: acceptance testing in the TUI. A script fails and a defect is logged from it (the dialog has a
footer; Escape on a half-typed defect asks before discarding), linked to a requirement, and the go-live
readiness criteria fail until the defect is closed along fixed -> retest -> closed and the script passes."""

from __future__ import annotations

from textual.widgets import DataTable, Input

from tests.tui.conftest import AUTHOR, TODAY
from tests.tui.helpers import settle, text_of
from workbench.store.sqlite_store import SQLiteStore
from workbench.tui.app import make_app
from workbench.tui.screens.defect_dialogs import ConfirmDialog, DefectDialog, StatusDialog
from workbench.tui.screens.dialogs import PromptDialog
from workbench.tui.screens.uat import UatScreen
from workbench.tui.widgets.bidi_text import BidiText


def accept_every_must_but(folder, first: str) -> list[str]:
    """Pass every Must script but `first` in the store, as earlier test sessions would have; their ids."""
    from workbench.app.engagement import open_engagement
    from workbench.domain.uat import scripts_for

    with open_engagement(folder, AUTHOR) as oe:
        musts = [s.id for s in scripts_for(oe.resolved) if s.priority == "must"]
        for script in musts:
            if script != first:
                oe.store.record_result(script, "pass", [], AUTHOR)
    return musts


async def test_log_link_and_close_a_defect_until_go_live_is_ready(engagement):
    app = make_app(engagement, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, UatScreen)
        first = screen.selected_script
        musts = accept_every_must_but(engagement, first)
        assert first in musts  # Musts come first
        screen.reload()
        await settle(pilot)
        readiness = screen.query_one("#uat-readiness", BidiText)
        assert "✗" in text_of(readiness) and "1 of" in text_of(readiness)

        await pilot.press("x")  # the first script fails
        await settle(pilot)
        await pilot.press("l")
        dialog = app.screen
        assert isinstance(dialog, DefectDialog)
        assert dialog.query("CompactFooter")  # the keys are shown
        await pilot.press(*"Stage lost")
        await pilot.press("escape")  # something typed: asks first
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # keep editing
        assert app.screen is dialog and dialog.query_one("#defect-title", Input).value == "Stage lost"
        dialog.query_one("#defect-severity", Input).value = "1"
        dialog.query_one("#defect-requirement", Input).value = ""
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, UatScreen)
        (defect,) = screen.defects
        assert (defect.title, defect.severity, defect.status, defect.script, defect.requirement) == (
            "Stage lost",
            1,
            "open",
            first,
            None,
        )

        screen.query_one("#uat-defects", DataTable).focus()
        await pilot.press("k")  # link it to the requirement the script checks
        assert isinstance(app.screen, PromptDialog)
        requirement = first.removeprefix("UAT-")
        await pilot.press(*requirement.lower(), "enter")
        await settle(pilot)
        assert screen.defects[0].requirement == requirement
        assert [c.passed for c in screen.criteria] == [False, False]
        assert "D-1" in text_of(readiness)

        for move in ("fixed", "retest"):
            await pilot.press("s")
            assert isinstance(app.screen, StatusDialog)
            await pilot.click(f"#to-{move}")
            await settle(pilot)
        await pilot.press("s")
        assert [b.id for b in app.screen.query("Button")] == ["to-closed", "to-open", "cancel"]
        await pilot.click("#to-closed")
        await settle(pilot)
        assert screen.defects[0].status == "closed"
        assert [c.passed for c in screen.criteria] == [True, False]  # the failed Must still stands

        screen.query_one("#uat-scripts", DataTable).focus()
        await pilot.press("p")
        await settle(pilot)
        assert [c.passed for c in screen.criteria] == [True, True]
        assert "✗" not in text_of(readiness)

    with SQLiteStore(engagement / "state.db") as store:
        kinds = [(e.kind, e.old, e.new, e.author) for e in store.history("defect:1")]
        assert kinds == [
            ("defect", None, "open", AUTHOR),
            ("defect-requirement", None, requirement, AUTHOR),
            ("defect-status", "open", "fixed", AUTHOR),
            ("defect-status", "fixed", "retest", AUTHOR),
            ("defect-status", "retest", "closed", AUTHOR),
        ]
        assert [e.new for e in store.history(f"uat:{first}")] == ["fail", "pass"]


async def test_escape_on_an_empty_defect_closes_without_asking(engagement):
    app = make_app(engagement, today=TODAY, section="uat")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        assert isinstance(app.screen, DefectDialog)
        await pilot.press("escape")
        assert isinstance(app.screen, UatScreen)
        await pilot.press("l", *"x", "escape")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")  # discard
        await settle(pilot)
        assert isinstance(app.screen, UatScreen) and app.screen.defects == []


async def test_every_section_key_shows_in_the_bar_at_80_columns_in_every_language(engagement):
    from workbench.tui.sections import SECTIONS
    from workbench.tui.widgets.navbar import NavBar

    for lang in ("en", "fa", "ru"):
        app = make_app(engagement, today=TODAY, section="uat", lang=lang)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            bar = app.screen.query_one(NavBar)
            text = str(bar.render())
            assert bar.render().cell_length <= bar.content_region.width, lang
            assert [s.key.upper() in text for s in SECTIONS] == [True] * len(SECTIONS), (lang, text)
