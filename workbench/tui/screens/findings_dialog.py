"""The frame of the dialogs whose result is a list of findings (the audit of the live CRM, the reviewers'
recertification decisions): the inputs, a summary line, and the findings in the governance findings'
list. Enter on a finding closes the dialog with it, and whoever pushed the dialog shows its matrix cell."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input

from workbench.domain.governance import Finding
from workbench.domain.problems import Problem
from workbench.tui.screens.form_dialog import FormDialog
from workbench.tui.widgets.bidi_text import BidiText
from workbench.tui.widgets.findings_list import FindingsList


class FindingsDialog(FormDialog[Finding | None]):
    DEFAULT_CSS = """
    FindingsDialog #findings-result { height: 1fr; margin: 1 0 0 0; }
    """

    def compose_form(self) -> ComposeResult:
        yield from self.compose_inputs()
        yield BidiText(id="findings-summary", classes="dialog-text")
        yield FindingsList(id="findings-result")

    def compose_inputs(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.query_one(".dialog-box").styles.height = "95%"  # the app's .dialog-box is height auto
        self.query_one(Input).focus()

    @property
    def findings(self) -> list[Finding]:
        return self.query_one(FindingsList).findings

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def working(self) -> None:
        self.show_error("")
        self.query_one(FindingsList).loading = True

    def show_findings(self, findings: list[Finding], summary: str, problems: list[Problem]) -> None:
        """The result in the list (errors of an unreadable input, or warnings worth seeing, above it)."""
        listed = self.query_one(FindingsList)
        listed.loading = False
        listed.set_findings(findings)
        self.query_one("#findings-summary", BidiText).update(summary)
        self.show_error("\n".join(str(p) for p in problems))
        if findings:
            listed.focus()

    @on(FindingsList.Chosen)
    def _chosen(self, event: FindingsList.Chosen) -> None:
        event.stop()
        if event.focus:
            self.dismiss(event.finding)
