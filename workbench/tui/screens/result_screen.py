"""The frame of the screens that show a result over the workbench (the readiness and staffing advice): a
title, the result, and a footer with the screen's keys. Nothing is typed there, so Escape closes at once."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from workbench.i18n import N_
from workbench.tui.bidi import mark_rtl, visual
from workbench.tui.chrome import TitledDialog
from workbench.tui.widgets.compact_footer import CompactFooter


class ResultScreen(TitledDialog, ModalScreen[None]):
    """A modal result; `help_name` names it in the F1 help, `HELP` says what it is for."""

    HELP: ClassVar[str] = ""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Close"), id="result.close", tooltip=N_("Back to where you were")),
        Binding(
            "f1",
            "app.help",
            N_("Help"),
            id="result.help",
            tooltip=N_("The keys of this screen and of every other"),
        ),
    ]

    def __init__(self, title: str) -> None:
        super().__init__(classes="dialog")
        self.title_text = title

    def compose(self) -> ComposeResult:
        mark_rtl(self)
        with Vertical(classes="dialog-box wide result-box"):
            yield Label(visual(self.title_text), classes="dialog-title")
            yield from self.compose_result()
        yield CompactFooter()

    def compose_result(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.query_one(".result-box").styles.height = "95%"  # the app's .dialog-box is height auto

    def action_close(self) -> None:
        self.dismiss(None)
