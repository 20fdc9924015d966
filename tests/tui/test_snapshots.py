"""SVG snapshots of every screen and the main dialogs (pytest-textual-snapshot), issue 15.

The matrix, chosen to keep the suite fast (a snapshot costs about a second of a worker, not the 0.5 s that
would pay for every screen at both sizes in three languages): every screen at 80x24 in en, fa and ru; the
main sections at 120x40 in en, fa and ru; the main dialogs at 80x24 in fa (right to left, Persian digits,
Solar Hijri dates: the hardest case; English and Russian dialogs are walked by the journeys and the
language tests).

Deterministic: a fixed `today`, the demo engagement at the relative path `acme` with its history at a
fixed time, a recent list with fixed entries, the settings folder at a relative path, and the screen under
a dialog painted before the picture is taken (helpers.painted). Update with `pytest
tests/tui/test_snapshots.py --snapshot-update`, then look at the SVGs before committing them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.tui.conftest import TODAY
from tests.tui.helpers import painted, settle
from workbench.app.recent import Recent, recent_file, remember
from workbench.tui import watcher
from workbench.tui.app import make_app
from workbench.tui.screens.deliverables import TABS

LANGS = ["en", "fa", "ru"]
RECENT = [
    ("/clients/example-retail", "Example Appliance Retail (demo)", "b2c-retail-loyalty 1.0.0", True),
    ("/clients/regional-bank", "Example Regional Bank", "financial-services 1.0.0", True),
    ("/clients/old-software-house", "Old Software House", "b2b-sales 1.0.0", False),
]
SETTINGS = "settings"
"""a step: open the settings view (it has no key of its own, only a palette entry)"""

SECTIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "intake": ("intake", ()),
    "phases": ("phases", ()),
    "deliverables": ("deliverables", ()),
    "export": ("export", ()),
    "jobdesc": ("jobdesc", ()),
    "uat": ("uat", ()),
    "people": ("people", ()),
}
"""name -> (the section the app opens on, the steps from there): keys pressed, `tab:<id>` or SETTINGS"""
SCREENS: dict[str, tuple[str, tuple[str, ...]]] = {
    **{name: spec for name, spec in SECTIONS.items() if name != "deliverables"},
    **{f"deliverables-{tab}": ("deliverables", (f"tab:{tab}",)) for tab, _label in TABS},
    "help": ("phases", ("f1",)),
    "settings": ("phases", (SETTINGS,)),
    "portfolio": ("start", ("p",)),
}
DIALOGS: dict[str, tuple[str, tuple[str, ...]]] = {
    "task-plan": ("phases", ("u", "down", "down")),
    "phase-close": ("phases", ("c",)),
    "kpi-value": ("deliverables", ("tab:kpis", "v")),
    "report": ("phases", ("w",)),
    "defect": ("uat", ("l",)),
    "activity-import": ("phases", ("I",)),
}


@pytest.fixture
def recent_entries(monkeypatch):
    recent_file().parent.mkdir(parents=True, exist_ok=True)
    recent_file().write_text(
        json.dumps(
            {
                "recent": [
                    {
                        "folder": f,
                        "client": c,
                        "playbook": p,
                        "opened": f"2026-03-{16 - i:02d}T09:00:00+00:00",
                    }
                    for i, (f, c, p, _) in enumerate(RECENT)
                ]
            }
        ),
        encoding="utf-8",
    )
    there = {f for f, _, _, exists in RECENT if exists}
    monkeypatch.setattr(Recent, "exists", property(lambda self: self.folder in there))


@pytest.fixture
def workbench(snapshot_engagement: Path, monkeypatch):
    """Make the app on a section of the demo engagement, which the recent list (so the portfolio) holds;
    the settings folder is relative, so the settings view shows the same path on every machine. The
    watcher's first look (1.5 s after opening, taken as a change, so the screen re-reads) would land at a
    random point of a slow run, even between the last wait and the picture: it waits an hour here."""
    monkeypatch.setattr(watcher, "POLL_SECONDS", 3600.0)
    monkeypatch.setenv("CRMWB_CONFIG_DIR", "config")
    monkeypatch.delenv("CRMWB_STORE", raising=False)
    remember(Recent(str(snapshot_engagement.resolve()), "acme", "b2c-retail-loyalty", "2026-03-16T09:00:00"))

    def make(section: str, lang: str):
        if section == "start":
            app = make_app(today=TODAY, lang=lang)
        else:
            app = make_app(snapshot_engagement, today=TODAY, section=section, lang=lang)
        app.animation_level = "none"  # a tab's underline slides: caught mid-way, it moved a cell or two
        return app

    return make


def steps(*taken: str):
    """run_before for snap_compare: settle, take each step and settle again, then stop the input cursor's
    blink and wait until every screen on the stack (the one under a dialog too) is painted."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        for step in taken:
            if step.startswith("tab:"):
                pilot.app.screen.show_tab(step.removeprefix("tab:"))
            elif step == SETTINGS:
                pilot.app.action_show_settings()
            else:
                await pilot.press(step)
            await settle(pilot)
        for field in pilot.app.screen.query(Input):  # the cursor drawn always, not at a blink's whim
            field.cursor_blink = False
        await painted(pilot)

    return run_before


@pytest.mark.parametrize("size", [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")])
@pytest.mark.parametrize("lang", LANGS)
def test_start(snap_compare, recent_entries, lang, size):
    assert snap_compare(make_app(today=TODAY, lang=lang), terminal_size=size, run_before=steps())


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("screen", SCREENS)
def test_screen_at_80x24(snap_compare, workbench, screen, lang):
    section, taken = SCREENS[screen]
    assert snap_compare(workbench(section, lang), terminal_size=(80, 24), run_before=steps(*taken))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("section", SECTIONS)
def test_section_at_120x40(snap_compare, workbench, section, lang):
    opened, taken = SECTIONS[section]
    assert snap_compare(workbench(opened, lang), terminal_size=(120, 40), run_before=steps(*taken))


@pytest.mark.parametrize("lang", ["fa"])
@pytest.mark.parametrize("dialog", DIALOGS)
def test_dialog_at_80x24(snap_compare, workbench, dialog, lang):
    """The dialogs fit 24 rows: the body scrolls, the buttons and the footer stay in sight."""
    section, taken = DIALOGS[dialog]
    assert snap_compare(workbench(section, lang), terminal_size=(80, 24), run_before=steps(*taken))


WIDE_ONLY_HERE = {
    name: spec for name, spec in SCREENS.items() if name not in SECTIONS and name != "deliverables-rfp"
}
"""the screens test_section_at_120x40 does not take: the other Deliverables tabs, Help, Settings, Portfolio"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("screen", WIDE_ONLY_HERE)
def test_screen_at_120x40(snap_compare, workbench, screen, lang):
    """With test_section_at_120x40, every screen at 120x40 in en, fa and ru, as at 80x24."""
    section, taken = WIDE_ONLY_HERE[screen]
    assert snap_compare(workbench(section, lang), terminal_size=(120, 40), run_before=steps(*taken))
