"""What `crmwb open DIR` shows for the moment the engagement loads. The app mounts it first and opens the
engagement in a worker, so the first frame does not wait for the playbook to be parsed, validated and
resolved or for the task list to be synced.

An engagement whose playbook is in the cache opens in a fraction of a second: a loading screen would only
flash, and drawing it (header, section bar, footer, a spinner redrawn while the worker holds the
interpreter) cost a fifth of `crmwb open`'s own time. So the screen starts empty, in the theme's
background, and shows the folder and a loading indicator only if the engagement is still opening after
SHOW_AFTER seconds.

It has no title bar, section bar or footer: nothing in them applies before the engagement is open. (It
once had Textual's Header, which updated its title from a watcher queued when the app's subtitle changed,
as the opened engagement does at once; a header being mounted just then had no title widget yet, and the
watcher's error ended the app in 5 of 8 start-up timings around SHOW_AFTER. The title bar that replaced
Textual's Header on the other screens draws its title itself and cannot fail so.)"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import LoadingIndicator, Static

from workbench.i18n import _
from workbench.tui.screens.base import WorkbenchScreen

SHOW_AFTER = 0.3
"""seconds: below this a wait feels immediate, and a screen shown for less reads as a flicker"""


class OpeningScreen(WorkbenchScreen):
    SECTION = ""  # no section is current yet

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.showing = False
        """False until the engagement has taken SHOW_AFTER seconds: the screen is empty until then"""

    def compose(self) -> ComposeResult:
        if self.showing:
            from workbench.tui.bidi import mark_rtl

            mark_rtl(self)
            yield from self.compose_body()

    def on_mount(self) -> None:
        self.set_timer(SHOW_AFTER, self.show_progress)

    async def show_progress(self) -> None:
        if self.showing or not self.is_current or self.wb.opening is None:  # opened meanwhile: never shown
            return
        self.showing = True
        await self.recompose()

    def compose_body(self) -> ComposeResult:
        text = _("Opening the engagement in {folder} …").format(folder=self.folder)
        yield Static(text, id="opening-text", classes="hint", markup=False)
        yield LoadingIndicator(id="opening")
