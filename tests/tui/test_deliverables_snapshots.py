"""SVG snapshots of every Deliverables tab at 120x40, and of the RFP and the permission matrix at 80x24.

The engagement is the retail example on `core` with one deliberate permission violation, so the Roles tab
shows findings; its start date and KPI measurements are fixed, so the plan and trends never move.
Update after a deliberate change with `pytest tests/tui/test_deliverables_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.tui.deliverables_support import (
    DeliverablesHost,
    copy_engagement,
    make_engagement,
    write_violating_playbook,
)
from workbench.tui.screens.deliverables import TABS


@pytest.fixture(scope="module")
def violating_template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("snapshots") / "violating"
    folder.mkdir()
    return make_engagement(folder, str(write_violating_playbook(folder / "violating.yaml")))


@pytest.fixture
def violating(violating_template, tmp_path) -> Path:
    return copy_engagement(violating_template, tmp_path / "e")


async def settle(pilot: Pilot) -> None:
    """Let the tab load (the KPI rows come from a worker) before the picture is taken."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("tab", [tab for tab, _ in TABS])
def test_tab_at_120x40(snap_compare, violating, tab):
    assert snap_compare(DeliverablesHost(violating, initial=tab), terminal_size=(120, 40), run_before=settle)


@pytest.mark.parametrize("tab", ["rfp", "roles"])
def test_tab_at_80x24(snap_compare, violating, tab):
    assert snap_compare(DeliverablesHost(violating, initial=tab), terminal_size=(80, 24), run_before=settle)


def test_matrix_after_jumping_to_a_finding_at_80x24(snap_compare, violating):
    async def jump(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("tab")  # from the matrix to the findings list
        await pilot.press("enter")

    assert snap_compare(DeliverablesHost(violating, initial="roles"), terminal_size=(80, 24), run_before=jump)
