"""Close a phase at its gate: the gate's findings (the gate tasks still open, with their status), the
exit criteria to confirm, and, when the gate is not passed, the override reason that closing needs. It
only collects: the Phases screen closes through app.phase_gate, the code `crmwb phase close` runs, so
the same record (author, reason, what was still open) lands in the store."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input

from workbench.app.phase_gate import GateCheck
from workbench.domain.locale import format_number
from workbench.i18n import N_, _, current_language, ngettext
from workbench.tui.bidi import visual
from workbench.tui.screens.form_dialog import FormDialog
from workbench.tui.widgets.bidi_text import BidiText
from workbench.tui.widgets.task_table import status_label


class PhaseCloseDialog(FormDialog[str | None]):
    """Returns "" to close a passed gate, the override reason for a failed one, None when cancelled."""

    HELP = N_(
        "Close the phase at its gate. When gate tasks are still open, closing needs the reason, which "
        "is recorded with what was open for the steering committee."
    )

    def __init__(self, check: GateCheck) -> None:
        super().__init__(_("Close the phase {phase}").format(phase=check.name))
        self.check = check

    def compose_form(self) -> ComposeResult:
        check = self.check
        lines: list[tuple[str, str]] = []
        if check.passed:
            lines.append((_("Every gate task is done or skipped: the gate is passed."), "bold"))
        else:
            n = len(check.open_tasks)
            lines.append(
                (
                    ngettext(
                        "{n} gate task is not done or skipped:", "{n} gate tasks are not done or skipped:", n
                    ).format(n=format_number(n, current_language())),
                    "bold",
                )
            )
            lines += [(f"• {t.name}: {status_label(t.status)}", "") for t in check.open_tasks]
        if check.exit_criteria:
            lines.append((_("Exit criteria to confirm:"), "bold"))
            lines += [(f"• {c}", "") for c in check.exit_criteria]
        with VerticalScroll(classes="dialog-details", id="gate-findings"):
            yield BidiText(lines=lines, id="gate-text")
        if not check.passed:
            yield BidiText(_("Reason to close it anyway (recorded):"))
            yield Input(
                placeholder=visual(_("e.g. signed off by the steering committee on Monday")),
                id="override-input",
                compact=True,
            )

    def on_mount(self) -> None:
        self.query_one(
            "#gate-findings"
        ).styles.max_height = 8  # inline: the app's .dialog-details wins over CSS here
        if not self.check.passed:
            self.query_one("#override-input", Input).focus()
        else:
            self.query_one("#ok").focus()

    def ok_label(self) -> str:
        return _("Close the phase") if self.check.passed else _("Close anyway")

    def _reason(self) -> str:
        return "" if self.check.passed else self.query_one("#override-input", Input).value.strip()

    def is_dirty(self) -> bool:
        return bool(self._reason())

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def submit(self) -> None:
        reason = self._reason()
        if not self.check.passed and not reason:
            self.show_error(_("The gate is not passed: give the reason to close it anyway; Escape cancels."))
            return
        self.dismiss(reason)
