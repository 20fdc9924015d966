"""The rest of the week from the Phases screen: importing an activity export, the readiness and staffing
advice, the vendor evaluation, the access audit and the recertification. Each key opens a dialog or screen
that calls the use case its CLI command calls (app.activity_import, app.advice, app.vendor_evaluation,
app.audit, app.recertify); what changes the store goes through the screen's store queue."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message

from workbench.domain.locale import format_number, format_short_date
from workbench.i18n import N_, _, current_language, ngettext
from workbench.tui.screens.base import WorkbenchScreen

if TYPE_CHECKING:
    from workbench.app.activity_import import ActivityPreview
    from workbench.app.session import Session
    from workbench.domain.governance import Finding
    from workbench.tui.screens.vendor_evaluation_dialog import Evaluation


@dataclass
class FilesWritten(Message):
    """Files a worker wrote (the weekly report, the vendor evaluation), or why it could not."""

    title: str
    paths: list[Path]
    error: str | None = None


def write_files(screen: WorkbenchScreen, write: Callable[[], list[Path]], folder: Path, title: str) -> None:
    """In a worker thread: run `write` and tell the screen what it wrote; a folder that cannot be written
    is said in words (FilesWritten.error), never a traceback."""
    try:
        paths = write()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        error = _("cannot write to {folder}: {reason}").format(folder=folder, reason=reason)
        screen.post_message(FilesWritten(title, [], error))
        return
    screen.post_message(FilesWritten(title, paths))


@dataclass
class ActivityRecorded(Message):
    """The import's values are in the store; posted from the store worker."""

    count: int
    day: str


class WeekTools(WorkbenchScreen):
    """The base of WeekActions: uses the session and `_apply` of PhasesScreen."""

    session: Session
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "I",
            "import_activity",
            N_("Import activity"),
            show=False,
            id="phases.import_activity",
            tooltip=N_("Preview the adoption KPIs of a CRM activity export, then record them"),
        ),
        Binding(
            "y",
            "advice('readiness')",
            N_("Readiness"),
            show=False,
            id="phases.readiness",
            tooltip=N_("Does the client need a CRM now, and a dedicated CRM manager?"),
        ),
        Binding(
            "t",
            "advice('staffing')",
            N_("Staffing"),
            show=False,
            id="phases.staffing",
            tooltip=N_("How to staff the CRM function, with the answers behind each recommendation"),
        ),
        Binding(
            "e",
            "evaluate_vendors",
            N_("Vendors"),
            show=False,
            id="phases.evaluate_vendors",
            tooltip=N_("Evaluate the vendors' returned packs: ranking, knock-outs, sensitivity"),
        ),
        Binding(
            "A",
            "audit",
            N_("Audit"),
            show=False,
            id="phases.audit",
            tooltip=N_("Compare the live CRM's permissions with the design; Enter shows a finding's cell"),
        ),
        Binding(
            "g",
            "recertify",
            N_("Recertify"),
            show=False,
            id="phases.recertify",
            tooltip=N_("Plan the access review round and write one checklist per reviewer"),
        ),
        Binding(
            "o",
            "decisions",
            N_("Decisions"),
            show=False,
            id="phases.decisions",
            tooltip=N_("Read the returned recertification checklists; Enter shows a right's cell"),
        ),
    ]

    def _apply(self, change: Callable[[], object], label: str, task_id: str, undoable: bool = False) -> None:
        raise NotImplementedError

    # ---- readiness and staffing
    def action_advice(self, kind: str) -> None:
        from workbench.tui.screens.advice_screen import SCREENS, advice_markdown

        self.app.push_screen(SCREENS[kind](advice_markdown(kind, self.session.opened)))

    # ---- activity import
    def action_import_activity(self) -> None:
        from workbench.tui.screens.activity_import_dialog import ActivityImportDialog

        self.app.push_screen(ActivityImportDialog(self.session.opened, self.wb.today), self._activity_chosen)

    def _activity_chosen(self, preview: ActivityPreview | None) -> None:
        from workbench.app.activity_import import record_activity

        if preview is None:
            return
        opened, author, screen = self.session.opened, self.session.author, self
        day = format_short_date(preview.as_of, current_language())

        def change() -> None:
            recorded = record_activity(opened, preview, author)
            screen.post_message(ActivityRecorded(len(recorded), day))

        label = _("Import {file}").format(file=preview.activity.path.name)
        self._apply(change, label, "")

    def on_activity_recorded(self, message: ActivityRecorded) -> None:
        message.stop()
        self.notify(
            ngettext(
                "Recorded {n} adoption KPI value for {date}.",
                "Recorded {n} adoption KPI values for {date}.",
                message.count,
            ).format(n=format_number(message.count, current_language()), date=message.day),
            title=_("Import activity"),
            timeout=8,
        )

    # ---- vendor evaluation
    def action_evaluate_vendors(self) -> None:
        from workbench.tui.screens.vendor_evaluation_dialog import VendorEvaluationDialog

        weights = self.session.opened.resolved.evaluation_weights
        self.app.push_screen(VendorEvaluationDialog(weights), self._evaluation_chosen)

    def _evaluation_chosen(self, evaluation: Evaluation | None) -> None:
        if evaluation is not None:
            self.run_worker(
                lambda: self._write_evaluation(evaluation),
                thread=True,
                group="evaluation-write",
                exit_on_error=False,
                description="evaluation-write",
            )

    def _write_evaluation(self, evaluation: Evaluation) -> None:
        """The files in the client's language, as `crmwb rfp evaluate --engagement` writes them."""
        from workbench.app.vendor_evaluation import write_outputs
        from workbench.i18n import use_language

        def write() -> list[Path]:
            with use_language(self.session.opened.engagement.language or current_language()):
                return write_outputs(evaluation.summary, evaluation.folder)

        write_files(self, write, evaluation.folder, _("Vendor evaluation"))

    def on_files_written(self, message: FilesWritten) -> None:
        message.stop()
        if message.error:
            self.notify(message.error, severity="error", timeout=8)
            return
        self.notify(
            "\n".join(_("wrote {path}").format(path=path) for path in message.paths),
            title=message.title,
            timeout=8,
        )

    # ---- recertification
    def action_recertify(self) -> None:
        from workbench.tui.screens.recertify_dialog import RecertifyDialog

        self.app.push_screen(RecertifyDialog(self.session.folder, self.wb.today))

    # ---- audit
    def action_audit(self) -> None:
        from workbench.tui.screens.audit_dialog import AuditDialog

        self.app.push_screen(AuditDialog(str(self.session.folder)), self._show_in_matrix)

    def action_decisions(self) -> None:
        from workbench.tui.screens.decisions_dialog import DecisionsDialog

        self.app.push_screen(DecisionsDialog(self.session.folder), self._show_in_matrix)

    async def _show_in_matrix(self, finding: Finding | None) -> None:
        """The finding's cell in the permission matrix (Deliverables, Roles), as a governance finding's."""
        from workbench.tui.screens.deliverables import DeliverablesScreen

        if finding is None:
            return
        await self.wb.action_section("deliverables")
        if isinstance(self.app.screen, DeliverablesScreen):
            await self.app.screen.views_ready()
            self.app.screen.show_tab("roles")
            self.app.screen.show_finding(finding)
