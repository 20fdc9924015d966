"""SVG snapshots of the week's dialogs at 80x24: the due date with its calendar, the phase close with
its findings and the override field, the KPI value, the weekly report's preview (the demo engagement at
the relative path `acme`, a fixed `today`). Update with `pytest tests/tui/test_week_snapshots.py
--snapshot-update`, then look at the SVGs before committing them."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from tests.tui.conftest import TODAY
from tests.tui.helpers import settle
from workbench.tui.app import make_app


def keys(*pressed: str, tab: str | None = None):
    async def run_before(pilot) -> None:
        await settle(pilot)
        if tab is not None:
            pilot.app.screen.show_tab(tab)
            await settle(pilot)
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)
        for field in pilot.app.screen.query(Input):  # the cursor drawn always, not at a blink's whim
            field.cursor_blink = False
        await settle(pilot)

    return run_before


@pytest.mark.parametrize(
    ("section", "pressed", "tab"),
    [
        pytest.param("phases", ("u", "down", "down"), None, id="due-date"),
        pytest.param("phases", ("c",), None, id="phase-close"),
        pytest.param("deliverables", ("v",), "kpis", id="kpi-value"),
        pytest.param("phases", ("w",), None, id="report"),
    ],
)
def test_week_dialog_at_80x24(snap_compare, snapshot_engagement: Path, section, pressed, tab):
    app = make_app(snapshot_engagement, today=TODAY, section=section)
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys(*pressed, tab=tab))


@pytest.mark.parametrize("lang", ["fa", "ru"])
def test_due_date_dialog_in(snap_compare, snapshot_engagement: Path, lang):
    """Persian: Solar Hijri days in Persian digits, the week from Saturday, right to left; Russian:
    DD.MM.YYYY and the week from Monday; the engagement's Iranian holidays marked in both."""
    app = make_app(snapshot_engagement, today=TODAY, section="phases", lang=lang)
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("u", "down", "down"))
