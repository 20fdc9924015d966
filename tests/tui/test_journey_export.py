"""Journey: export chosen deliverables with the progress bar; the files and the manifest are on disk."""

from __future__ import annotations

import json

from textual.widgets import Input, ProgressBar, SelectionList

from tests.tui.conftest import TODAY
from tests.tui.helpers import settle, text_of
from workbench.tui.app import make_app
from workbench.tui.screens.dialogs import ErrorDialog
from workbench.tui.screens.export import ExportScreen
from workbench.writers.registry import REGISTRY


async def choose(pilot, list_id: str, wanted: set[str]) -> None:
    """Tick exactly `wanted` with the keys: down moves, space toggles."""
    chooser = pilot.app.screen.query_one(list_id, SelectionList)
    chooser.focus()
    chooser.highlighted = 0
    for index in range(chooser.option_count):
        value = chooser.get_option_at_index(index).value
        if (value in chooser.selected) != (value in wanted):
            await pilot.press("space")
        await pilot.press("down")


async def test_export_with_the_progress_bar(seeded, tmp_path):
    out = tmp_path / "out"
    app = make_app(seeded, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        await choose(pilot, "#deliverables", {"rfp", "plan"})
        await choose(pilot, "#formats", {"md", "xlsx"})
        screen.query_one("#out", Input).value = str(out)
        await pilot.press("ctrl+s")
        await settle(pilot)
        bar = screen.query_one("#export-progress", ProgressBar)
        assert bar.total == 4 and bar.progress == 4  # rfp x2, plan x2
        listed = text_of(screen.query_one("#export-result"))
        assert "manifest.json" in listed
        assert "Wrote" in str(screen.query_one("#export-step").content)

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    written = {(f["deliverable"], f["format"]) for f in manifest["files"]}
    assert written == {("rfp", "md"), ("rfp", "xlsx"), ("plan", "md"), ("plan", "xlsx")}
    assert manifest["client"] == "Example Appliance Retail (demo)"
    for entry in manifest["files"]:
        assert (out / entry["path"]).stat().st_size == entry["bytes"] > 0
        assert entry["path"] in listed


async def test_export_errors_come_up_in_a_dialog(seeded, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    app = make_app(seeded, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await app.show_export(["roles"])
        await settle(pilot)
        screen = app.screen
        assert list(screen.query_one("#deliverables", SelectionList).selected) == ["roles"]
        await choose(pilot, "#formats", {"bpmn"})  # roles have no bpmn writer
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ErrorDialog) and "No deliverable" in app.screen.message
        await pilot.press("escape")
        await choose(pilot, "#formats", {"md"})
        screen.query_one("#out", Input).value = str(blocker / "inside")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ErrorDialog) and "Cannot write" in app.screen.message
        assert not screen.running
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_every_registered_deliverable_is_offered():
    assert set(REGISTRY) >= {"rfp", "roles", "processes", "kpis", "plan"}
