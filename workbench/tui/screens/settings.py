"""The effective settings and where each one comes from (the settings file, a `CRMWB_*` variable or the
default), from the palette ("settings: show"). Read-only: the file is the place to change them, and the
view says where it is; the theme chosen in the palette is written there by itself."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

from workbench.i18n import N_, _
from workbench.settings_report import DEFAULT, SettingsReport, settings_report
from workbench.tui.bidi import mark_rtl, paint, visual
from workbench.tui.widgets.bidi_text import BidiText


def source_text(source: str) -> str:
    return _("default") if source == DEFAULT else source


class SettingsScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    SettingsScreen #settings-table { height: auto; max-height: 16; margin: 1 0; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", N_("Close"), id="settings.close", tooltip=N_("Back to the screen")),
    ]

    def __init__(self, author: str, report: SettingsReport | None = None) -> None:
        super().__init__(classes="dialog")
        self.author = author
        self.report = report or settings_report()

    def compose(self) -> ComposeResult:
        report = self.report
        mark_rtl(self)  # Persian: laid out for a terminal without bidi, hugging the right edge
        with Vertical(classes="dialog-box wide", id="settings-box"):
            yield Label(visual(_("Settings")), classes="dialog-title")
            where = (
                _("Settings file: {path}")
                if report.exists
                else _("Settings file: {path} (not created yet: the defaults apply)")
            )
            where = where.format(path=report.path)
            yield BidiText(where, classes="dialog-text", id="settings-file")
            yield DataTable(id="settings-table", cursor_type="row", zebra_stripes=True)
            if report.problems:
                yield Static(
                    "\n".join(report.problems), classes="dialog-error", markup=False, id="settings-problems"
                )
            yield BidiText(
                _(
                    "CRMWB_* variables win over the file. The theme chosen in the palette is saved "
                    "in the file; the README lists every setting."
                ),
                classes="dialog-text",
            )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column(visual(_("Setting")), key="setting")
        table.add_column(visual(_("Value")), key="value")
        table.add_column(visual(_("From")), key="source")
        for origin in self.report.origins:
            value = origin.value
            if origin.name == "author" and origin.source == DEFAULT:
                value = self.author  # the operating-system user
            table.add_row(origin.name, paint(value), visual(source_text(origin.source)), key=origin.name)
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)
