"""The access audit: which CRM (its target) and its exported permissions (a file or folder, completed as
typed), compared with the engagement's design in a worker by app.audit — the code `crmwb audit DIR --from
TARGET PATH` runs — and listed as findings like the governance findings. Enter on a finding closes the
dialog with it; whoever pushed the dialog shows its cell in the permission matrix. An export that cannot
be read is shown with its located problems."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.widgets import Input, Label, Select

from workbench.app.audit import DriftAudit
from workbench.domain.fixed_ids import CRM_TARGETS
from workbench.domain.governance import Finding
from workbench.domain.locale import format_number
from workbench.i18n import N_, _, current_language, ngettext
from workbench.tui.bidi import visual
from workbench.tui.screens.form_dialog import FormDialog
from workbench.tui.widgets.bidi_text import BidiText
from workbench.tui.widgets.findings_list import FindingsList
from workbench.tui.widgets.path_suggester import PathSuggester


class AuditDialog(FormDialog[Finding | None]):
    HELP = N_(
        "Compare what the live CRM grants with the design: rights beyond it are errors, rights missing "
        "warnings. Enter on a finding shows its cell in the permission matrix."
    )
    box_classes = "dialog-box wide audit-box"
    DEFAULT_CSS = """
    AuditDialog #audit-findings { height: 1fr; margin: 1 0 0 0; }
    """

    def __init__(self, design: str) -> None:
        super().__init__(_("Audit the live CRM"))
        self.design = design
        self.result: DriftAudit | None = None

    def compose_form(self) -> ComposeResult:
        yield Label(visual(_("CRM")))
        yield Select([(t, t) for t in CRM_TARGETS], allow_blank=False, id="audit-target", compact=True)
        yield Label(visual(_("Its exported permissions (file or folder)")))
        yield Input(id="audit-source", suggester=PathSuggester(files=True), compact=True)
        yield BidiText(id="audit-summary", classes="dialog-text")
        yield FindingsList(id="audit-findings")

    def on_mount(self) -> None:
        self.query_one(".audit-box").styles.height = "95%"  # the app's .dialog-box is height auto
        self.query_one("#audit-source", Input).focus()

    def ok_label(self) -> str:
        return _("Audit")

    @property
    def source(self) -> str:
        return self.query_one("#audit-source", Input).value.strip()

    @property
    def target(self) -> str:
        return str(self.query_one("#audit-target", Select).value)

    @property
    def findings(self) -> list[Finding]:
        return self.query_one(FindingsList).findings

    def is_dirty(self) -> bool:
        return bool(self.source)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def submit(self) -> None:
        if not self.source:
            self.show_error(_("Type the path of the CRM's exported permissions."))
            return
        self.show_error("")
        self.query_one("#audit-findings").loading = True
        self._run(self.target, Path(self.source).expanduser())

    @work(thread=True, exclusive=True, group="audit", exit_on_error=False)
    def _run(self, target: str, source: Path) -> None:
        from workbench.app.audit import audit_design

        result = audit_design(self.design, target, source)
        self.app.call_from_thread(self._done, result)

    def _done(self, result: DriftAudit) -> None:
        from workbench.app.audit import drift_findings

        self.query_one("#audit-findings").loading = False
        self.result = result
        findings = self.query_one(FindingsList)
        summary = self.query_one("#audit-summary", BidiText)
        if result.report is None:
            findings.set_findings([])
            summary.update("")
            self.show_error("\n".join(str(p) for p in result.problems))
            return
        findings.set_findings(drift_findings(result.report))
        summary.update(audit_summary(result))
        self.show_error("\n".join(str(p) for p in result.problems))  # warnings: read, but worth seeing
        if self.findings:
            findings.focus()

    @on(FindingsList.Chosen)
    def _chosen(self, event: FindingsList.Chosen) -> None:
        event.stop()
        if event.focus:
            self.dismiss(event.finding)


def audit_summary(result: DriftAudit) -> str:
    """One line: clean with the rights compared, or the drifts with their errors and warnings."""
    report, lang = result.report, current_language()
    if report is None:
        return ""
    if report.clean:
        n = result.designed_grants
        return ngettext(
            "clean: the {target} export grants exactly what the design can express there "
            "({n} right compared)",
            "clean: the {target} export grants exactly what the design can express there "
            "({n} rights compared)",
            n,
        ).format(target=report.target, n=format_number(n, lang))
    counts = report.counts()
    return _("drift against the design: errors {errors}, warnings {warnings}").format(
        errors=format_number(counts["errors"], lang), warnings=format_number(counts["warnings"], lang)
    )
