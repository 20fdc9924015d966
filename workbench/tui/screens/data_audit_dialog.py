"""The data audit of a legacy customer export, from the Acceptance section: the file (completed as typed)
and the object its rows are, checked in a worker by app.data_audit — the code `crmwb data-audit FILE
--engagement DIR` runs, with the engagement's country as the phone region and its playbook's required
fields — while a progress line counts the rows (a big file's chunks go to worker processes; the screen
stays responsive). Then the summary and three tables: completeness per field, the invalid values and
the duplicate clusters with their score, reason and proposed survivor. Ctrl+R records the duplicate rate
and completeness as the engagement's KPI values, Ctrl+O saves the report (xlsx, md or JSON, by the name's
suffix) through the CLI's writers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Button, DataTable, Input, Label, ProgressBar, Select
from textual.worker import get_current_worker

from workbench.i18n import N_, _, current_language
from workbench.tui.bidi import visual
from workbench.tui.screens.form_dialog import FormDialog
from workbench.tui.widgets.bidi_text import BidiText
from workbench.tui.widgets.path_suggester import PathSuggester

if TYPE_CHECKING:
    from workbench.app.data_audit import KpiOutcome
    from workbench.app.engagement import OpenEngagement
    from workbench.domain.data_quality.audit import DataAudit

OBJECTS = ("contact", "account", "lead")


class _Closed(Exception):
    """The dialog closed while its audit ran: the worker stops instead of finishing for no one."""


@dataclass(frozen=True)
class AuditContext:
    """What the dialog needs of the engagement: it is open, and changes are signed by the author."""

    opened: OpenEngagement
    author: str
    today: date
    folder: Path


class DataAuditDialog(FormDialog[None]):
    HELP = N_(
        "Audit a legacy customer export before migration: completeness of the required fields, invalid "
        "phones, e-mails and dates, and duplicate records with the one to keep. Record the figures as "
        "KPI values or save the report."
    )
    box_classes = "dialog-box wide data-audit-box"
    DEFAULT_CSS = """
    DataAuditDialog DataTable { height: auto; max-height: 9; margin: 1 0 0 0; }
    DataAuditDialog #data-audit-summary { margin: 1 0 0 0; }
    DataAuditDialog #data-audit-actions { height: auto; margin: 1 0 0 0; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+r",
            "record",
            N_("Record KPIs"),
            id="data_audit.record",
            tooltip=N_("Record the duplicate rate and completeness as the engagement's KPI values"),
        ),
        Binding(
            "ctrl+o",
            "save_report",
            N_("Save report"),
            id="data_audit.save",
            tooltip=N_("Save the report as an xlsx workbook, Markdown or JSON"),
        ),
    ]

    def __init__(self, context: AuditContext) -> None:
        super().__init__(_("Data audit"))
        self.context = context
        self.result: DataAudit | None = None
        self.outcomes: list[KpiOutcome] = []
        self.saved: Path | None = None

    # ---- the form
    def compose_form(self) -> ComposeResult:
        yield Label(visual(_("Legacy export (CSV or xlsx)")))
        yield Input(
            placeholder=visual(_("the customer records to migrate")),
            id="data-audit-file",
            suggester=PathSuggester(files=True),
            compact=True,
        )
        yield Label(visual(_("What the rows are")))
        yield Select(self._object_choices(), allow_blank=False, id="data-audit-object", compact=True)
        yield ProgressBar(id="data-audit-progress", show_eta=False, show_percentage=False)
        yield BidiText(id="data-audit-summary", classes="dialog-text")
        yield DataTable(id="data-audit-fields", cursor_type="row", zebra_stripes=True)
        yield DataTable(id="data-audit-invalid", cursor_type="row", zebra_stripes=True)
        yield DataTable(id="data-audit-clusters", cursor_type="row", zebra_stripes=True)
        with Horizontal(id="data-audit-actions", classes="dialog-buttons"):
            yield Button(visual(_("Record as KPI values")), id="data-audit-record", compact=True)
            yield Button(visual(_("Save report")), id="data-audit-save", compact=True)

    def _object_choices(self) -> list[tuple[str, str]]:
        """The objects by the playbook's names for them, in the engagement's language."""
        from workbench.domain.text import tr

        names = {o.id: tr(o.name, current_language()) for o in self.context.opened.resolved.objects}
        return [(visual(names.get(o) or o), o) for o in OBJECTS]

    def on_mount(self) -> None:
        from workbench.tui.screens.data_audit_tables import set_columns

        self.query_one(".dialog-box").styles.height = "95%"
        set_columns(self)
        for widget in (*self.query(DataTable), self.query_one(ProgressBar), self.actions):
            widget.display = False
        self.query_one("#data-audit-file", Input).focus()

    @property
    def actions(self) -> Horizontal:
        return self.query_one("#data-audit-actions", Horizontal)

    def ok_label(self) -> str:
        return _("Audit")

    @property
    def source(self) -> str:
        return self.query_one("#data-audit-file", Input).value.strip()

    @property
    def obj(self) -> str:
        return str(self.query_one("#data-audit-object", Select).value)

    def is_dirty(self) -> bool:
        return bool(self.source) and self.result is None

    @on(Input.Submitted, "#data-audit-file")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("record", "save_report") and self.result is None:
            return None
        if action == "record" and self.outcomes:
            return None
        return True

    # ---- the audit, in a worker
    def submit(self) -> None:
        if not self.source:
            self.show_error(_("Type the path of the legacy export."))
            return
        self.show_error("")
        self.result, self.outcomes, self.saved = None, [], None
        for widget in (*self.query(DataTable), self.actions):
            widget.display = False
        bar = self.query_one(ProgressBar)
        bar.update(total=None, progress=0)
        bar.display = True
        self._say(_("Reading {file}…").format(file=Path(self.source).name))
        self.refresh_bindings()
        self._run(Path(self.source).expanduser(), self.obj)

    @work(thread=True, exclusive=True, group="data-audit", exit_on_error=False, description="data audit")
    def _run(self, source: Path, obj: str) -> None:
        from workbench.app.data_audit import audit_file, engagement_region, playbook_requirements
        from workbench.loading.bounded import BoundedReadError
        from workbench.loading.legacy_table import LegacyReadError

        opened, worker = self.context.opened, get_current_worker()

        def progress(stage: str, rows: int) -> None:
            if worker.is_cancelled:  # the dialog was closed: stop reading at the next chunk
                raise _Closed
            self.app.call_from_thread(self._progress, stage, rows)

        try:
            result = audit_file(
                source,
                obj,
                engagement_region(opened, current_language()),
                required=playbook_requirements(opened, obj),
                progress=progress,
            )
        except _Closed:
            return
        except (LegacyReadError, BoundedReadError, OSError) as exc:
            self.app.call_from_thread(self._failed, str(exc))
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._done, result)

    def _progress(self, stage: str, rows: int) -> None:
        from workbench.app.data_audit import MATCHING
        from workbench.domain.data_quality.labels import number

        if stage == MATCHING:
            self._say(_("{n} rows checked; looking for duplicates…").format(n=number(rows)))
        else:
            self._say(_("{n} rows checked…").format(n=number(rows)))

    def _failed(self, message: str) -> None:
        self.query_one(ProgressBar).display = False
        self._say("")
        self.show_error(message)

    def _done(self, result: DataAudit) -> None:
        from workbench.tui.screens.data_audit_tables import fill_tables, summary_lines

        self.result = result
        self.query_one(ProgressBar).display = False
        self._say("\n".join(summary_lines(result)))
        fill_tables(self, result)
        self.actions.display = True
        self.refresh_bindings()

    def _say(self, text: str) -> None:
        self.query_one("#data-audit-summary", BidiText).update(text)

    # ---- record and save
    @on(Button.Pressed, "#data-audit-record")
    def _record_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_record()

    @on(Button.Pressed, "#data-audit-save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save_report()

    def action_record(self) -> None:
        if self.result is not None and not self.outcomes:
            self._record(self.result)

    @work(thread=True, exclusive=True, group="data-audit-record", exit_on_error=False, description="kpis")
    def _record(self, result: DataAudit) -> None:
        from workbench.app.data_audit import record_audit_kpis

        context = self.context
        with self.app.store_queue.lock:  # type: ignore[attr-defined]
            outcomes = record_audit_kpis(context.opened, result, context.today, context.author)
        self.app.call_from_thread(self._recorded, outcomes)

    def _recorded(self, outcomes: list[KpiOutcome]) -> None:
        from workbench.tui.screens.data_audit_tables import outcome_lines

        self.outcomes = outcomes
        self.notify(visual("\n".join(outcome_lines(self.context.opened, outcomes))), timeout=6)
        self.query_one("#data-audit-record", Button).disabled = True
        self.refresh_bindings()

    def action_save_report(self) -> None:
        from workbench.tui.screens.dialogs import PromptDialog

        if self.result is None:
            return
        default = self.context.folder / f"data-audit-{Path(self.result.source).stem}.xlsx"

        def chosen(text: str | None) -> None:
            if text and self.result is not None:
                self._save(self.result, list(self.outcomes), Path(text).expanduser())

        self.app.push_screen(
            PromptDialog(
                _("Save the data audit report"),
                _("The file to write: .xlsx for the workbook, .md for the summary, .json for every figure"),
                str(default),
                required=True,
                suggester=PathSuggester(files=True),
                ok_label=_("Save"),
            ),
            chosen,
        )

    @work(thread=True, exclusive=True, group="data-audit-save", exit_on_error=False, description="report")
    def _save(self, result: DataAudit, outcomes: list[KpiOutcome], path: Path) -> None:
        from workbench.app.data_audit_report import ReportSuffixError, save_audit_report

        try:
            save_audit_report(result, outcomes, path)
        except (ReportSuffixError, OSError) as exc:
            self.app.call_from_thread(self.show_error, _("Not saved: {reason}").format(reason=exc))
            return
        self.app.call_from_thread(self._saved, path)

    def _saved(self, path: Path) -> None:
        self.saved = path
        self.show_error("")
        self.notify(visual(_("Saved {file}").format(file=path)), timeout=6)
