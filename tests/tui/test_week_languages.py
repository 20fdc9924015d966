"""The week's dialogs in Persian and Russian show no English: the due date with its calendar, the phase
close with its findings, the KPI value, the weekly report and the discard question, read from what the
compositor draws (as tests/tui/test_tui_languages.py does for the sections)."""

from __future__ import annotations

import pytest

from tests.conftest import allowed_latin_words
from tests.tui.conftest import TODAY
from tests.tui.helpers import settle
from tests.tui.test_tui_languages import SIZE, data_words, found_leaks, screen_text
from workbench.tui.app import make_app
from workbench.tui.screens.deliverables import DeliverablesScreen
from workbench.tui.screens.form_dialog import ConfirmDialog
from workbench.tui.screens.kpi_value_dialog import KpiValueDialog
from workbench.tui.screens.phase_close_dialog import PhaseCloseDialog
from workbench.tui.screens.report_dialog import ReportDialog
from workbench.tui.screens.task_plan_dialog import TaskPlanDialog


async def _walk(pilot, app) -> dict[str, str]:
    seen: dict[str, str] = {}
    for key, name, kind in (
        ("u", "due date", TaskPlanDialog),
        ("c", "phase close", PhaseCloseDialog),
        ("w", "report", ReportDialog),
    ):
        await pilot.press(key)
        await settle(pilot)
        assert isinstance(app.screen, kind)
        seen[name] = screen_text(app)
        if key == "u":
            await pilot.press("x", "ctrl+s")  # not a date: the message in the language
            await settle(pilot)
            seen["due date refused"] = screen_text(app)
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, ConfirmDialog)
            seen["discard?"] = screen_text(app)
            await pilot.press("y")
        else:
            await pilot.press("escape")
        await settle(pilot)
    await pilot.press("f5")
    await settle(pilot)
    assert isinstance(app.screen, DeliverablesScreen)
    app.screen.show_tab("kpis")
    await settle(pilot)
    seen["kpi chart"] = screen_text(app)
    await pilot.press("v")
    await settle(pilot)
    assert isinstance(app.screen, KpiValueDialog)
    seen["kpi value"] = screen_text(app)
    typed = "۱۵۰" if app.language_chosen == "fa" else "150"  # Persian digits are read too
    await pilot.press(*typed, "ctrl+s")  # out of range: the message in the language
    await settle(pilot)
    seen["kpi value refused"] = screen_text(app)
    return seen


def _leaks(seen: dict[str, str], lang: str, ids: frozenset[str]) -> dict[str, list[str]]:
    """English words per dialog; "esc" is the footer's name of the key, as printed on the keyboard."""
    found = {name: sorted(set(found_leaks(text, lang, ids)) - {"esc"}) for name, text in seen.items()}
    return {name: words for name, words in found.items() if words}


@pytest.mark.parametrize("lang", ["fa", "ru"])
async def test_the_week_dialogs_show_no_english(seeded, lang):
    ids = data_words(seeded) | allowed_latin_words() | {"reports"}  # the report folder's path, as typed
    app = make_app(seeded, today=TODAY, section="phases", lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        seen = await _walk(pilot, app)
    assert len(seen) == 8
    assert not _leaks(seen, lang, ids), f"English on the {lang} dialogs: {_leaks(seen, lang, ids)}"


async def test_the_english_dialogs_are_found_by_the_same_check(seeded):
    ids = data_words(seeded) | allowed_latin_words()
    app = make_app(seeded, today=TODAY, section="phases", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        seen = await _walk(pilot, app)
    assert all(found_leaks(text, "ru", ids) for text in seen.values())
