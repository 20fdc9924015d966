"""Acceptance testing: the UAT scripts with their latest results, the defect log, and the two go-live
readiness criteria they decide (no open severity-1/2 defect, every Must accepted), always in view.

Keys on a script: p pass, x fail, l log a defect found by it (the dialog fills in the script and its
requirement). Keys on a defect: s moves its status along open -> fixed -> retest -> closed (or rejected),
k links it to a requirement. d opens the data audit of a legacy export (tui/screens/data_audit_dialog.py),
the migration's acceptance of the data. Store calls run in workers through the store queue, as in the
phases screen; a refused change (an impossible move, an unknown requirement) is a notification, nothing
is lost."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Label

from workbench.app.session import Session
from workbench.domain.defects import MOVES, STATUS_LABELS, Defect
from workbench.domain.locale import localize_digits
from workbench.domain.rfp_pack import priority_label
from workbench.domain.uat import UatResult, UatScript, scripts_for
from workbench.domain.uat_readiness import readiness
from workbench.i18n import N_, _, current_language
from workbench.tui import messages as m
from workbench.tui.bidi import visual
from workbench.tui.screens.base import WorkbenchScreen
from workbench.tui.widgets.bidi_text import BidiText

RESULT_LABELS = {"pass": N_("Pass"), "fail": N_("Fail")}


class UatScreen(WorkbenchScreen):
    SECTION = "uat"
    HELP = N_(
        "Run the acceptance scripts: record a pass or a failure, log the defects a script finds and "
        "move them to closed; the go-live readiness criteria above follow every change."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "record('pass')", N_("Pass"), id="uat.pass", tooltip=N_("The selected script passed")),
        Binding("x", "record('fail')", N_("Fail"), id="uat.fail", tooltip=N_("The selected script failed")),
        Binding(
            "l",
            "log_defect",
            N_("Log defect"),
            id="uat.log",
            tooltip=N_("Log a defect found by the selected script"),
        ),
        Binding(
            "s",
            "defect_status",
            N_("Defect status"),
            id="uat.status",
            tooltip=N_("Move the selected defect: fixed, retest, closed, rejected, open"),
        ),
        Binding(
            "k", "link", N_("Link"), id="uat.link", tooltip=N_("Link the selected defect to a requirement")
        ),
        Binding(
            "d",
            "data_audit",
            N_("Data audit"),
            id="uat.data_audit",
            tooltip=N_(
                "Audit a legacy customer export before migration: completeness, invalid values, duplicates"
            ),
        ),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.scripts: list[UatScript] = []
        self.results: dict[str, UatResult] = {}
        self.defects: list[Defect] = []
        self.criteria: list = []
        """the readiness criteria as last shown"""

    def compose_body(self) -> ComposeResult:
        yield BidiText(id="uat-readiness")
        yield DataTable(id="uat-scripts", cursor_type="row", zebra_stripes=True)
        yield Label(visual(_("Defects")), id="uat-defects-title")
        yield DataTable(id="uat-defects", cursor_type="row")

    def on_mount(self) -> None:
        scripts = self.query_one("#uat-scripts", DataTable)
        scripts.add_columns(
            *[visual(_(t)) for t in (N_("Script"), N_("Priority"), N_("Tester"), N_("Result"), N_("Defects"))]
        )
        scripts.styles.height = "1fr"
        defects = self.query_one("#uat-defects", DataTable)
        defects.add_columns(
            *[
                visual(_(t))
                for t in (N_("Defect"), N_("Severity"), N_("Status"), N_("Requirement"), N_("Title"))
            ]
        )
        defects.styles.height = 8
        self.reload()
        scripts.focus()

    def on_screen_resume(self) -> None:  # WorkbenchScreen's runs too (Textual calls each class's)
        if self.is_mounted:
            self.reload()

    def refresh_data(self) -> None:
        self.reload()

    # ---- data
    def reload(self) -> None:
        self.scripts = scripts_for(self.session.opened.resolved, current_language())
        self._read()

    def _read_store(self) -> tuple[dict[str, UatResult], list[Defect]]:
        store = self.session.opened.store
        return store.uat_results(), store.defects()

    @work(thread=True, exclusive=True, group="uat-read", description="uat-read", exit_on_error=False)
    def _read(self) -> None:
        with self.wb.store_queue.lock:
            got = self._read_store()
        self.post_message(m.StoreRead("uat", got))

    @on(m.StoreRead)
    def _read_back(self, message: m.StoreRead) -> None:
        message.stop()
        if message.what == "uat":
            self._show(*message.result)

    def _show(self, results: dict[str, UatResult], defects: list[Defect]) -> None:
        self.results, self.defects = results, defects
        lang = current_language()
        table = self.query_one("#uat-scripts", DataTable)
        keep = self.selected_script
        table.clear()
        for s in self.scripts:
            got = results.get(s.id)
            found = ", ".join(f"D-{n}" for n in got.defects) if got else ""
            table.add_row(
                s.id,
                visual(priority_label(s.priority)),
                visual(s.tester_name),
                visual(_(RESULT_LABELS[got.result]) if got else "—"),
                found,
                key=s.id,
            )
        if keep is not None:
            table.move_cursor(row=table.get_row_index(keep))
        dtable = self.query_one("#uat-defects", DataTable)
        kept_defect = self.selected_defect
        dtable.clear()
        for d in defects:
            dtable.add_row(
                d.id,
                localize_digits(str(d.severity), lang),
                visual(_(STATUS_LABELS[d.status])),
                d.requirement or "—",
                visual(d.title),
                key=str(d.number),
            )
        if kept_defect is not None:
            dtable.move_cursor(row=next(i for i, d in enumerate(defects) if d.number == kept_defect.number))
        self._show_readiness()
        self.refresh_bindings()

    def _show_readiness(self) -> None:
        criteria = readiness(self.scripts, self.results, self.defects)
        lines = [("✓ " if c.passed else "✗ ") + c.message for c in criteria]
        widget = self.query_one("#uat-readiness", BidiText)
        widget.update("\n".join(lines))
        widget.set_class(all(c.passed for c in criteria), "ready")
        self.criteria = criteria

    @property
    def selected_script(self) -> str | None:
        table = self.query_one("#uat-scripts", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    @property
    def selected_defect(self) -> Defect | None:
        table = self.query_one("#uat-defects", DataTable)
        if not table.row_count:
            return None
        number = int(str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value))
        return next((d for d in self.defects if d.number == number), None)

    def _script(self) -> UatScript | None:
        wanted = self.selected_script
        return next((s for s in self.scripts if s.id == wanted), None)

    # ---- changes
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("record", "log_defect") and self.selected_script is None:
            return None
        if action in ("defect_status", "link") and self.selected_defect is None:
            return None
        return True

    def _apply(self, change, label: str) -> None:
        from workbench.tui.store_queue import StoreJob

        self.wb.store_queue.submit(StoreJob(label, change, self, self._read_store))

    @on(m.StoreDone)
    def _landed(self, message: m.StoreDone) -> None:
        message.stop()
        self._show(*message.result)
        self.notify(visual(message.label), timeout=3)

    @on(m.StoreRefused)
    def _refused(self, message: m.StoreRefused) -> None:
        message.stop()
        self.notify(
            visual(_("Not saved: {change}: {reason}").format(change=message.label, reason=message.message)),
            severity="error",
            timeout=8,
        )

    @on(m.StoreWaiting)
    def _waiting(self, message: m.StoreWaiting) -> None:
        message.stop()
        self.notify(
            visual(
                _(
                    "Another program is writing to the engagement; retrying… ({change} will be saved "
                    "as soon as it has finished.)"
                ).format(change=message.label)
            ),
            title=_("Store busy"),
            severity="warning",
            timeout=6,
        )

    def action_record(self, result: str) -> None:
        script = self._script()
        if script is None:
            return
        store, author = self.session.opened.store, self.session.author
        label = _("{script}: {result}").format(script=script.id, result=_(RESULT_LABELS[result]))
        self._apply(lambda: store.record_result(script.id, result, [], author), label)

    def action_log_defect(self) -> None:
        from workbench.tui.screens.defect_dialogs import DefectDialog, DefectDraft

        script = self._script()
        if script is None:
            return

        def logged(draft: DefectDraft | None) -> None:
            if draft is None:
                return
            self._log(draft)

        self.app.push_screen(DefectDialog(script.id, script.requirement, script.title), logged)

    def _log(self, draft) -> None:
        from workbench.app.uat import UatRefused, check_requirement

        opened, author = self.session.opened, self.session.author
        try:
            requirement = check_requirement(opened, draft.requirement) if draft.requirement else None
        except UatRefused as exc:
            self.notify(visual(str(exc)), severity="error", timeout=8)
            return

        def change() -> None:
            opened.store.log_defect(
                draft.title, draft.severity, requirement, draft.script, draft.owner or None, author
            )

        self._apply(change, _("Defect logged: {title}").format(title=draft.title))

    def action_defect_status(self) -> None:
        from workbench.tui.screens.defect_dialogs import StatusDialog

        defect = self.selected_defect
        if defect is None:
            return
        store, author = self.session.opened.store, self.session.author

        def chosen(status: str | None) -> None:
            if status:
                label = _("{defect}: {status}").format(defect=defect.id, status=_(STATUS_LABELS[status]))
                self._apply(lambda: store.change_defect(defect.number, "status", status, author), label)

        self.app.push_screen(StatusDialog(defect.id, defect.title, MOVES[defect.status]), chosen)

    def action_data_audit(self) -> None:
        from workbench.tui.screens.data_audit_dialog import AuditContext, DataAuditDialog

        session = self.session
        context = AuditContext(session.opened, session.author, self.wb.today, session.folder)
        self.app.push_screen(DataAuditDialog(context))

    def action_link(self) -> None:
        from workbench.app.uat import UatRefused, check_requirement
        from workbench.tui.screens.dialogs import PromptDialog

        defect = self.selected_defect
        if defect is None:
            return
        opened, author = self.session.opened, self.session.author

        def linked(text: str | None) -> None:
            if not text:
                return
            try:
                requirement = check_requirement(opened, text)
            except UatRefused as exc:
                self.notify(visual(str(exc)), severity="error", timeout=8)
                return
            label = _("{defect} linked to {requirement}").format(defect=defect.id, requirement=requirement)
            self._apply(
                lambda: opened.store.change_defect(defect.number, "requirement", requirement, author), label
            )

        self.app.push_screen(
            PromptDialog(
                _("Link {defect} to a requirement").format(defect=defect.id),
                _("The id of the requirement it breaks, e.g. {example}").format(
                    example=defect.requirement or "SFA-001"
                ),
                defect.requirement or "",
                required=True,
            ),
            linked,
        )
