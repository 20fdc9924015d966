"""The access recertification: the folder for the reviewers' checklists (the engagement's recertification/
unless told), then Write plans the round from today and writes one checklist per reviewer in a worker with
app.recertify — the code `crmwb recertify DIR --out FOLDER` runs — and shows the plan the command prints:
cadence, this round's dates on the client's calendar, each reviewer's roles and rights."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label

from workbench.domain.locale import format_number
from workbench.i18n import N_, _, current_language, ngettext
from workbench.tui.bidi import visual
from workbench.tui.screens.form_dialog import FormDialog
from workbench.tui.widgets.bidi_text import BidiText
from workbench.tui.widgets.path_suggester import PathSuggester

if TYPE_CHECKING:
    from workbench.app.recertify import Recertification


class RecertifyDialog(FormDialog[None]):
    HELP = N_(
        "Plan the access recertification round from today and write one checklist per reviewer; the "
        "returned checklists are read back with crmwb audit --decisions."
    )
    box_classes = "dialog-box wide recertify-box"
    DEFAULT_CSS = """
    RecertifyDialog #recertify-scroll { height: 1fr; background: $panel; margin: 1 0 0 0; }
    """

    def __init__(self, engagement: Path, today: date) -> None:
        super().__init__(_("Access recertification"))
        self.engagement, self.today = engagement, today
        self.default_folder = str(engagement / "recertification")
        self.done: Recertification | None = None

    def compose_form(self) -> ComposeResult:
        yield Label(visual(_("Folder for the checklists")))
        yield Input(self.default_folder, id="recertify-folder", suggester=PathSuggester(), compact=True)
        with VerticalScroll(id="recertify-scroll"):
            yield BidiText(id="recertify-plan")

    def on_mount(self) -> None:
        box = self.query_one(".recertify-box")
        box.styles.height = "95%"  # the app's .dialog-box is height auto
        box.styles.width = "95%"  # the plan's lines are as long as the command prints them
        self.query_one("#recertify-folder", Input).focus()

    def ok_label(self) -> str:
        return _("Write")

    @property
    def folder(self) -> str:
        return self.query_one("#recertify-folder", Input).value.strip() or self.default_folder

    @property
    def plan_text(self) -> str:
        return self.query_one("#recertify-plan", BidiText).text

    def is_dirty(self) -> bool:
        return self.done is None and self.folder != self.default_folder

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def submit(self) -> None:
        self.show_error("")
        self.query_one("#recertify-scroll").loading = True
        self._write(Path(self.folder).expanduser())

    @work(thread=True, exclusive=True, group="recertify", exit_on_error=False, description="recertification")
    def _write(self, folder: Path) -> None:
        from workbench.app.design import load_design
        from workbench.app.recertify import NotAFolder, plan_lines, recertify

        design, problems = load_design(str(self.engagement), None)
        if design is None:
            self.app.call_from_thread(self._written, None, "", "\n".join(str(p) for p in problems))
            return
        try:
            done = recertify(design, folder, current_language(), self.today)
        except NotAFolder:
            error = _("{folder} is a file; expected a folder").format(folder=folder)
            self.app.call_from_thread(self._written, None, "", error)
            return
        except OSError as exc:
            reason = exc.strerror or str(exc)
            error = _("cannot write to {folder}: {reason}").format(folder=folder, reason=reason)
            self.app.call_from_thread(self._written, None, "", error)
            return
        self.app.call_from_thread(self._written, done, "\n".join(plan_lines(design.label, done)), None)

    def _written(self, done: Recertification | None, text: str, error: str | None) -> None:
        self.query_one("#recertify-scroll").loading = False
        self.done = done
        self.query_one("#recertify-plan", BidiText).update(text)
        if error is not None or done is None:
            self.show_error(error or "")
            return
        n = len(done.paths)
        self.notify(
            ngettext("wrote {n} checklist to {folder}", "wrote {n} checklists to {folder}", n).format(
                n=format_number(n, current_language()), folder=self.folder
            ),
            title=_("Access recertification"),
            timeout=8,
        )
