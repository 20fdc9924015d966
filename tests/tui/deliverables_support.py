"""Engagements and a tiny host app for the Deliverables screen tests (the screen is self-contained, so
its tests need neither the app frame nor its start screen)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import yaml
from textual.app import App

from workbench.app.engagement import create
from workbench.app.session import Session
from workbench.domain.tracking import Measurement
from workbench.loading.catalog import bundled_dir
from workbench.tui.screens.deliverables import DeliverablesScreen

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = ROOT / "playbooks" / "examples" / "retail-chain.answers.yaml"
START = date(2025, 1, 6)
VIOLATION_CELL = ("sales_manager", "settings", "update")
"""The cell the seeded playbook widens: sales managers may change system settings (a least-privilege
error)."""


def retail_answers() -> dict:
    return yaml.safe_load(ANSWERS.read_text(encoding="utf-8"))["answers"]


def make_engagement(folder: Path, playbook: str = "core") -> Path:
    """An engagement of the retail example on `playbook`, with a few KPI measurements recorded."""
    create(folder, playbook, retail_answers(), "Retail Co", START, "tester")
    session = Session.open(folder, "tester")
    try:
        session.opened.store.record_measurements(
            [
                Measurement("active_user_rate", v, date(2025, m, 28), "login log")
                for m, v in ((3, 61.0), (4, 72.5), (5, 80.0), (6, 91.0))
            ],
            "tester",
        )
    finally:
        session.close()
    return folder


def write_violating_playbook(path: Path) -> Path:
    """`core` with one deliberate violation: sales managers may update settings company-wide."""
    data = yaml.safe_load((bundled_dir() / "core.yaml").read_text(encoding="utf-8"))
    data["id"] = "core_violating"
    role, obj, action = VIOLATION_CELL
    for r in data["roles"]:
        if r["id"] == role:
            r.setdefault("permissions", {}).setdefault(obj, {})[action] = "all"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def copy_engagement(template: Path, target: Path) -> Path:
    shutil.copytree(template, target)
    return target


class DeliverablesHost(App):
    """Opens the engagement and shows the Deliverables screen on `initial`, as the frame's mode would."""

    TITLE = "CRM Workbench"

    def __init__(self, folder: Path, initial: str = "rfp") -> None:
        super().__init__()
        self.folder = folder
        self.initial = initial
        self.session: Session | None = None
        self.today = START
        """the day the plan tab forecasts from, as WorkbenchApp.today (fixed: snapshots never move)"""

    def on_mount(self) -> None:
        self.session = Session.open(self.folder, "tester")
        self.push_screen(DeliverablesScreen(self.session, initial=self.initial))

    def on_unmount(self) -> None:
        if self.session is not None:
            self.session.close()
