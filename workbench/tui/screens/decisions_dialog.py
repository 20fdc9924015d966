"""The reviewers' recertification decisions read back: the returned checklists (a folder of
recertification-*.xlsx, or one file), checked against the engagement's design in a worker by
app.recertify — the code `crmwb audit DIR --decisions FILE...` runs — and listed as findings: the rights
to revoke or narrow, and those still undecided. Enter on one shows its cell in the permission matrix.
A checklist that cannot be used is shown with its located problems."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.widgets import Input, Label

from workbench.app.recertify import DecisionsRead
from workbench.domain.locale import format_number
from workbench.i18n import N_, _, current_language
from workbench.tui.bidi import visual
from workbench.tui.screens.findings_dialog import FindingsDialog
from workbench.tui.widgets.path_suggester import PathSuggester


class DecisionsDialog(FindingsDialog):
    HELP = N_(
        "Read the returned recertification checklists back: the rights the reviewers revoke or narrow, and "
        "those still undecided. Enter on one shows its cell in the permission matrix."
    )
    box_classes = "dialog-box wide decisions-box"

    def __init__(self, engagement: Path) -> None:
        super().__init__(_("Recertification decisions"))
        self.engagement = engagement
        self.default_folder = str(engagement / "recertification")
        self.result: DecisionsRead | None = None

    def compose_inputs(self) -> ComposeResult:
        yield Label(visual(_("The returned checklists (folder or file)")))
        yield Input(
            self.default_folder, id="decisions-source", suggester=PathSuggester(files=True), compact=True
        )

    def ok_label(self) -> str:
        return _("Read")

    @property
    def source(self) -> str:
        return self.query_one("#decisions-source", Input).value.strip() or self.default_folder

    def is_dirty(self) -> bool:
        return self.result is None and self.source != self.default_folder

    def submit(self) -> None:
        self.working()
        self._run(Path(self.source).expanduser())

    @work(
        thread=True,
        exclusive=True,
        group="decisions",
        exit_on_error=False,
        description="recertification decisions",
    )
    def _run(self, source: Path) -> None:
        from workbench.app.design import load_design
        from workbench.app.recertify import read_decisions, returned_checklists
        from workbench.domain.recertify_decisions import ChangePlan

        design, problems = load_design(str(self.engagement), None)
        files = returned_checklists(source)
        if design is None or not files:
            missing = _("{folder} holds no recertification-*.xlsx checklist").format(folder=source)
            self.app.call_from_thread(self._done, DecisionsRead(ChangePlan(), problems), missing)
            return
        self.app.call_from_thread(self._done, read_decisions(design.playbook, files), "")

    def _done(self, result: DecisionsRead, error: str) -> None:
        from workbench.app.recertify import decision_findings

        self.result = result
        if error or result.errors:
            self.show_findings([], "", result.errors)
            if error:
                self.show_error(error)
            return
        plan, lang = result.plan, current_language()
        summary = _("to change: {changes}; kept: {kept}; undecided: {undecided}").format(
            changes=format_number(len(plan.changes), lang),
            kept=format_number(plan.kept, lang),
            undecided=format_number(len(plan.undecided), lang),
        )
        self.show_findings(decision_findings(plan), summary, result.problems)
