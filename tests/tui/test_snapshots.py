"""SVG snapshots of the main screens at 80x24 and 120x40 (pytest-textual-snapshot).

Deterministic: a fixed `today`, the demo engagement at the relative path `acme` with its history at a
fixed time, a recent list with fixed entries. Update with `pytest tests/tui --snapshot-update`, then look
at the SVGs before committing them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.tui.conftest import TODAY
from tests.tui.helpers import settle
from workbench.app.recent import Recent, recent_file
from workbench.tui.app import make_app

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
RECENT = [
    ("/clients/example-retail", "Example Appliance Retail (demo)", "b2c-retail-loyalty 1.0.0", True),
    ("/clients/regional-bank", "Example Regional Bank", "financial-services 1.0.0", True),
    ("/clients/old-software-house", "Old Software House", "b2b-sales 1.0.0", False),
]


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


async def _settle(pilot) -> None:
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_start(snap_compare, recent_entries, size):
    assert snap_compare(make_app(today=TODAY), terminal_size=size, run_before=_settle)


@pytest.mark.parametrize("size", SIZES)
def test_intake(snap_compare, snapshot_engagement: Path, size):
    app = make_app(snapshot_engagement, today=TODAY, section="intake")
    assert snap_compare(app, terminal_size=size, run_before=_settle)


@pytest.mark.parametrize("size", SIZES)
def test_phases(snap_compare, snapshot_engagement: Path, size):
    app = make_app(snapshot_engagement, today=TODAY, section="phases")
    assert snap_compare(app, terminal_size=size, run_before=_settle)


@pytest.mark.parametrize("size", SIZES)
def test_export(snap_compare, snapshot_engagement: Path, size):
    app = make_app(snapshot_engagement, today=TODAY, section="export")
    assert snap_compare(app, terminal_size=size, run_before=_settle)


@pytest.mark.parametrize("size", SIZES)
def test_jobdesc(snap_compare, snapshot_engagement: Path, size):
    app = make_app(snapshot_engagement, today=TODAY, section="jobdesc")
    assert snap_compare(app, terminal_size=size, run_before=_settle)


@pytest.mark.parametrize("size", SIZES)
def test_uat(snap_compare, snapshot_engagement: Path, size):
    app = make_app(snapshot_engagement, today=TODAY, section="uat")
    assert snap_compare(app, terminal_size=size, run_before=_settle)


@pytest.mark.parametrize("size", SIZES)
def test_people(snap_compare, snapshot_engagement: Path, size):
    app = make_app(snapshot_engagement, today=TODAY, section="people")
    assert snap_compare(app, terminal_size=size, run_before=_settle)


LANGS = [pytest.param("fa", id="fa"), pytest.param("ru", id="ru")]


@pytest.mark.parametrize("lang", LANGS)
def test_start_in(snap_compare, recent_entries, lang):
    """Persian (laid out right to left for a terminal without bidi) and Russian: no English chrome."""
    assert snap_compare(make_app(today=TODAY, lang=lang), terminal_size=(120, 40), run_before=_settle)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "section", ["intake", "phases", "deliverables", "export", "jobdesc", "uat", "people"]
)
def test_sections_in(snap_compare, snapshot_engagement: Path, section, lang):
    app = make_app(snapshot_engagement, today=TODAY, section=section, lang=lang)
    assert snap_compare(app, terminal_size=(120, 40), run_before=_settle)
