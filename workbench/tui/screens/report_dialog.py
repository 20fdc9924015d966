"""The weekly steering-committee report: its Markdown previewed here, then written as md and/or html
into a folder (the engagement's reports/ unless told). Built by app.report, the code `crmwb report` runs,
in a worker (the forecast behind it takes a moment on a big plan); the dialog only shows and collects,
and whoever pushed it writes what it returns."""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Checkbox, Input, Label

from workbench.app.report import FORMATS
from workbench.i18n import N_, _
from workbench.tui.bidi import visual
from workbench.tui.screens.form_dialog import FormDialog
from workbench.tui.widgets.bidi_markdown import MarkdownPreview

if TYPE_CHECKING:
    from workbench.app.session import Session


@dataclass(frozen=True)
class ReportRequest:
    formats: list[str]
    folder: Path


class ReportDialog(FormDialog[ReportRequest | None]):
    HELP = N_(
        "Preview the weekly status report (progress, milestones, late and blocked work, KPIs, risks), "
        "then write it as Markdown and/or HTML."
    )
    box_classes = "dialog-box wide report-box"
    DEFAULT_CSS = """
    ReportDialog #report-preview { height: 1fr; background: $panel; margin: 0 0 1 0; }
    ReportDialog #report-options { height: 1; }
    ReportDialog #report-options Label { margin: 0 1 0 0; }
    ReportDialog #report-options Checkbox { margin: 0 1 0 0; }
    """

    def __init__(self, session: Session, today: date, lock: AbstractContextManager[Any]) -> None:
        super().__init__(_("Weekly status report"))
        self.session, self.today, self.store_lock = session, today, lock
        self.default_folder = str(session.folder / "reports")

    def compose_form(self) -> ComposeResult:
        with VerticalScroll(id="report-preview"):
            yield MarkdownPreview(id="report-markdown")
        with Horizontal(id="report-options"):
            yield Label(visual(_("Formats")))
            for fmt in FORMATS:
                yield Checkbox(fmt, True, id=f"report-{fmt}", compact=True)
        yield Label(visual(_("Folder")))
        yield Input(self.default_folder, id="report-folder", compact=True)

    def on_mount(self) -> None:
        box = self.query_one(".report-box")
        box.styles.height = "95%"  # inline: the app's .dialog-box (height auto) outranks DEFAULT_CSS
        self.query_one("#report-preview").loading = True
        self._build()
        self.query_one("#report-preview").focus()

    @work(
        thread=True, exclusive=True, group="report-preview", exit_on_error=False, description="report preview"
    )
    def _build(self) -> None:
        from workbench.app.report import preview_report

        try:
            with self.store_lock:
                text = preview_report(self.session.opened, self.today)
        except Exception as exc:  # noqa: BLE001 — shown in the dialog; the person keeps working
            self.app.call_from_thread(self._built, None, f"{type(exc).__name__}: {exc}")
            return
        self.app.call_from_thread(self._built, text, None)

    def _built(self, text: str | None, error: str | None) -> None:
        self.query_one("#report-preview").loading = False
        if error is not None:
            self.show_error(_("The report could not be built: {error}").format(error=error))
            return
        self.query_one(MarkdownPreview).update(text or "")

    @property
    def preview_text(self) -> str:
        return self.query_one(MarkdownPreview).source

    def ok_label(self) -> str:
        return _("Write")

    def is_dirty(self) -> bool:
        folder = self.query_one("#report-folder", Input).value.strip()
        return folder != self.default_folder or not all(
            self.query_one(f"#report-{fmt}", Checkbox).value for fmt in FORMATS
        )

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def submit(self) -> None:
        formats = [fmt for fmt in FORMATS if self.query_one(f"#report-{fmt}", Checkbox).value]
        if not formats:
            self.show_error(_("Choose at least one format."))
            return
        folder = Path(
            self.query_one("#report-folder", Input).value.strip() or self.default_folder
        ).expanduser()
        if folder.exists() and not folder.is_dir():
            self.show_error(_("{folder} is a file; expected a folder").format(folder=folder))
            return
        self.dismiss(ReportRequest(formats, folder))
