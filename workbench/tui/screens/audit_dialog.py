"""The access audit: which CRM (its target) and its exported permissions (a file or folder, completed as
typed), compared with the engagement's design in a worker by app.audit — the code `crmwb audit DIR --from
TARGET PATH` runs — and listed as findings like the governance findings. Enter on a finding closes the
dialog with it; whoever pushed the dialog shows its cell in the permission matrix. An export that cannot
be read is shown with its located problems. Ctrl+S saves the report (xlsx, SARIF, JSON or Markdown) as
`crmwb audit --format ... --out FILE` writes it (audit_save_dialog, app.audit_save)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input, Label, Select

from workbench.app.audit import DriftAudit
from workbench.domain.locale import format_number
from workbench.i18n import N_, _, current_language, ngettext
from workbench.tui.bidi import visual
from workbench.tui.screens.findings_dialog import FindingsDialog
from workbench.tui.widgets.path_suggester import PathSuggester


class AuditDialog(FindingsDialog):
    HELP = N_(
        "Compare what the live CRM grants with the design: rights beyond it are errors, rights missing "
        "warnings. Enter on a finding shows its cell in the permission matrix."
    )
    box_classes = "dialog-box wide audit-box"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "save_as",
            N_("Save as"),
            id="audit.save_as",
            tooltip=N_("Save the audit's report as xlsx, SARIF, JSON or Markdown"),
        ),
    ]

    def __init__(self, design: str) -> None:
        super().__init__(_("Audit the live CRM"))
        self.design = design
        self.result: DriftAudit | None = None

    def compose_inputs(self) -> ComposeResult:
        yield Label(visual(_("CRM")))
        from workbench.crm_adapters.registry import adapters

        choices = [(a.label, a.name) for a in adapters()]  # every registered CRM, by its name for people
        yield Select(choices, allow_blank=False, id="audit-target", compact=True)
        yield Label(visual(_("Its exported permissions (file or folder)")))
        yield Input(id="audit-source", suggester=PathSuggester(files=True), compact=True)

    def ok_label(self) -> str:
        return _("Audit")

    @property
    def source(self) -> str:
        return self.query_one("#audit-source", Input).value.strip()

    @property
    def target(self) -> str:
        return str(self.query_one("#audit-target", Select).value)

    def is_dirty(self) -> bool:
        return bool(self.source)

    def submit(self) -> None:
        if not self.source:
            self.show_error(_("Type the path of the CRM's exported permissions."))
            return
        self.working()
        self._run(self.target, Path(self.source).expanduser())

    @work(thread=True, exclusive=True, group="audit", exit_on_error=False, description="audit")
    def _run(self, target: str, source: Path) -> None:
        from workbench.app.audit import audit_design

        result = audit_design(self.design, target, source)
        self.app.call_from_thread(self._done, result)

    def action_save_as(self) -> None:
        from workbench.tui.screens.audit_save_dialog import AuditSaveDialog

        result = self.result
        if result is None or result.report is None:
            self.notify(_("Run the audit first (Enter): there is no report to save yet."), severity="warning")
            return
        suggested = Path(self.design) / f"crm-audit-{self.target}.xlsx"

        def chosen(choice: tuple[str, Path] | None) -> None:
            if choice is not None:
                self._save(result, *choice)

        self.app.push_screen(AuditSaveDialog(suggested), chosen)

    @work(thread=True, group="audit-save", exit_on_error=False, description="audit-save")
    def _save(self, result: DriftAudit, fmt: str, path: Path) -> None:
        from workbench.app.audit_save import save_audit

        try:
            save_audit(result, fmt, path)
        except OSError as exc:
            message = _("Not saved: {path}: {reason}").format(path=path, reason=exc.strerror or exc)
            self.app.call_from_thread(self.notify, message, severity="error")
            return
        self.app.call_from_thread(self.notify, _("Saved: {path}").format(path=path), timeout=6)

    def _done(self, result: DriftAudit) -> None:
        from workbench.app.audit import drift_findings

        self.result = result
        report = result.report
        findings = drift_findings(report) if report is not None else []
        self.show_findings(findings, audit_summary(result), result.problems)


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
