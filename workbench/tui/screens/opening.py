"""What `crmwb open DIR` shows for the moment the engagement loads: the frame, the folder and a loading
indicator. The app mounts it first and opens the engagement in a worker, so the first frame does not
wait for the playbook to be parsed, validated and resolved or for the task list to be synced."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import LoadingIndicator, Static

from workbench.i18n import _
from workbench.tui.screens.base import WorkbenchScreen


class OpeningScreen(WorkbenchScreen):
    SECTION = ""  # no section is current yet

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def compose_body(self) -> ComposeResult:
        text = _("Opening the engagement in {folder} …").format(folder=self.folder)
        yield Static(text, id="opening-text", classes="hint", markup=False)
        yield LoadingIndicator(id="opening")
