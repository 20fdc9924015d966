"""Ctrl+S in the audit dialog: where and how to save the audit's report — the format (xlsx, SARIF, JSON,
Markdown) and the file, proposed in the engagement folder with the format's ending (changing the format
changes the ending). The audit dialog writes it in a worker through app.audit_save, the code `crmwb audit
--format ... --out FILE` runs, so the two files are the same; the write is atomic."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label, Select

from workbench.app.audit_save import FILE_FORMATS
from workbench.i18n import N_, _
from workbench.tui.bidi import visual
from workbench.tui.screens.form_dialog import FormDialog
from workbench.tui.widgets.path_suggester import PathSuggester

FORMAT_NAMES = {
    "xlsx": N_("Excel workbook (xlsx)"),
    "sarif": N_("SARIF, for code scanning"),
    "json": N_("JSON, for scripts"),
    "md": N_("Markdown"),
}


class AuditSaveDialog(FormDialog[tuple[str, Path] | None]):
    HELP = N_(
        "Save the audit's report as an Excel workbook, SARIF for code scanning, JSON or Markdown, the same "
        "file the audit command writes; it is written whole or not at all."
    )

    def __init__(self, suggested: Path) -> None:
        super().__init__(_("Save the audit as"))
        self.suggested = suggested

    def compose_form(self) -> ComposeResult:
        yield Label(visual(_("Format")))
        choices = [(_(FORMAT_NAMES[fmt]), fmt) for fmt in FILE_FORMATS]
        yield Select(choices, value="xlsx", allow_blank=False, id="audit-save-format", compact=True)
        yield Label(visual(_("File")))
        path = str(self.suggested.with_suffix(FILE_FORMATS["xlsx"]))
        yield Input(path, id="audit-save-path", suggester=PathSuggester(files=True), compact=True)

    def on_mount(self) -> None:
        self.query_one("#audit-save-path", Input).focus()

    @property
    def format(self) -> str:
        return str(self.query_one("#audit-save-format", Select).value)

    @property
    def path(self) -> str:
        return self.query_one("#audit-save-path", Input).value.strip()

    @on(Select.Changed, "#audit-save-format")
    def _format_changed(self, event: Select.Changed) -> None:
        """The file's ending follows the format, when it is one of ours."""
        event.stop()
        typed = Path(self.path)
        if self.path and typed.suffix in FILE_FORMATS.values():
            self.query_one("#audit-save-path", Input).value = str(
                typed.with_suffix(FILE_FORMATS[self.format])
            )

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def submit(self) -> None:
        if not self.path:
            self.show_error(_("Type the file to save the audit in."))
            return
        target = Path(self.path).expanduser()
        if target.is_dir():
            self.show_error(_("{path} is a folder; type a file name in it.").format(path=target))
            return
        self.dismiss((self.format, target))
