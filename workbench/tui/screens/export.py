"""Export: choose deliverables and formats, a folder and a language; a worker runs the same export as
`crmwb export` (all or nothing, with a manifest) and posts its progress to a bar; then where the files
went. Errors come up in a dialog and leave the previous files as they were."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, ProgressBar, Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from workbench.app.session import Session
from workbench.i18n import N_, _, current_language, ngettext
from workbench.tui import messages as m
from workbench.tui.bidi import visual
from workbench.tui.screens.base import WorkbenchScreen
from workbench.tui.widgets.path_suggester import PathSuggester
from workbench.writers.registry import REGISTRY, UnknownExport, select

DEFAULT_FORMATS = ("xlsx", "md")
DELIVERABLE_NAMES = {
    "rfp": N_("RFP"),
    "vendor-forms": N_("vendor forms"),
    "roles": N_("roles and permissions"),
    "processes": N_("process maps"),
    "kpis": N_("KPI plan"),
    "plan": N_("project plan"),
    "jobdesc": N_("job descriptions"),
    "data-dictionary": N_("data dictionary"),
    "field-mapping": N_("field-mapping workbook"),
    "uat": N_("UAT workbook"),
}
"""what each registry entry is called on screen; the registry's ids stay the ids"""


def deliverable_name(name: str) -> str:
    return _(DELIVERABLE_NAMES[name]) if name in DELIVERABLE_NAMES else name


def langs() -> list[tuple[str, str]]:
    """The deliverables' languages, each named in itself (the choice is the client's, not the interface's)."""
    from workbench.tui.language import LANGUAGE_NAMES

    return [(visual(name), code) for code, name in LANGUAGE_NAMES]


def formats_of() -> dict[str, list[str]]:
    """format -> the deliverables that have it, in registry order."""
    out: dict[str, list[str]] = {}
    for deliverable, formats in REGISTRY.items():
        for fmt in formats:
            out.setdefault(fmt, []).append(deliverable)
    return out


class ExportScreen(WorkbenchScreen):
    SECTION = "export"
    HELP = N_(
        "Write the chosen deliverables in the chosen formats to a folder, with a manifest; all or nothing."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s", "export", N_("Export"), id="export.run", tooltip=N_("Write the chosen deliverables now")
        ),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.running = False

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="export-body"):
            with Vertical(id="export-choices"):
                yield Label(visual(_("Deliverables")), classes="pane-title")
                yield SelectionList[str](
                    *[Selection(visual(deliverable_name(name)), name, True) for name in REGISTRY],
                    id="deliverables",
                )
                yield Label(visual(_("Formats")), classes="pane-title")
                yield SelectionList[str](
                    *[
                        Selection(
                            visual(f"{fmt}  ({', '.join(map(deliverable_name, names))})"),
                            fmt,
                            fmt in DEFAULT_FORMATS,
                        )
                        for fmt, names in formats_of().items()
                    ],
                    id="formats",
                )
            with Vertical(id="export-run"):
                yield Label(visual(_("Output folder")), classes="pane-title")
                yield Input(
                    str(self.session.folder / "deliverables"),
                    id="out",
                    suggester=PathSuggester(),
                    compact=True,
                )
                with Horizontal(id="export-row"):
                    yield Select(
                        langs(), value=self._client_language(), allow_blank=False, id="lang", compact=True
                    )
                    yield Button(visual(_("Export")), variant="primary", id="export", compact=True)
                yield ProgressBar(show_eta=False, id="export-progress")
                yield Label(visual(_("Choose, then Export (Ctrl+S).")), id="export-step")
                with VerticalScroll(id="export-files"):
                    yield Static("", id="export-result", markup=False)

    def _client_language(self) -> str:
        """Deliverables are for the client: in the engagement's language, else the interface's."""
        return self.session.opened.engagement.language or current_language()

    def on_mount(self) -> None:
        self.query_one("#export-progress").display = False  # no bar (and no idle animation) before a run

    def preselect(self, only: list[str] | None) -> None:
        """Tick only these deliverables (every one when None), e.g. from the palette."""
        chosen = self.query_one("#deliverables", SelectionList)
        chosen.deselect_all()
        for name in only or list(REGISTRY):
            if name in REGISTRY:
                chosen.select(name)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "export":
            return None if self.running else True
        return True

    @on(Button.Pressed, "#export")
    def action_export(self) -> None:
        if self.running:
            return
        only = list(self.query_one("#deliverables", SelectionList).selected)
        formats = list(self.query_one("#formats", SelectionList).selected)
        folder = self.query_one("#out", Input).value.strip()
        try:
            if not only or not formats:
                raise UnknownExport(_("choose at least one deliverable and one format"))
            if not folder:
                raise UnknownExport(_("type the folder to write into"))
            pairs = select(only, formats)
        except UnknownExport as exc:
            self.show_error(_("Nothing to export"), f"{str(exc)[0].upper()}{str(exc)[1:]}.")
            return
        self._set_running(True)
        self.query_one("#export-result", Static).update("")
        bar = self.query_one("#export-progress", ProgressBar)
        bar.update(total=len(pairs), progress=0)
        bar.display = True
        self._export(
            self._export_context(str(self.query_one("#lang", Select).value)),
            Path(folder).expanduser(),
            only,
            formats,
        )

    def _export_context(self, lang: str):
        from workbench.app.export import opened_context

        return opened_context(self.session.opened, lang)

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.query_one("#export", Button).disabled = running
        self.refresh_bindings()

    @work(thread=True, exclusive=True, group="export", description="export", exit_on_error=False)
    def _export(self, ctx, folder: Path, only: list[str], formats: list[str]) -> None:
        from workbench.app.export import export

        def progress(done: int, total: int, label: str) -> None:
            self.post_message(m.ExportProgress(done, total, label))

        from workbench.writers.transaction import FolderRefused

        try:
            result = export(ctx, folder, only, formats, progress)
        except FolderRefused as exc:  # names the files in the way; the CLI's --force is the way past it
            self.post_message(m.ExportFailed(f"{str(exc)[0].upper()}{str(exc)[1:]}."))
        except OSError as exc:
            self.post_message(
                m.ExportFailed(
                    _("Cannot write to {folder}: {error}. Nothing was changed.").format(
                        folder=folder, error=exc.strerror or exc
                    )
                )
            )
        except Exception as exc:  # noqa: BLE001 — a writer's bug: a dialog, never a traceback
            self.post_message(
                m.ExportFailed(
                    _("{error}. Nothing was changed in {folder}.").format(
                        error=f"{type(exc).__name__}: {exc}", folder=folder
                    )
                )
            )
        else:
            self.post_message(m.ExportFinished(result))

    @on(m.ExportProgress)
    def _progress(self, message: m.ExportProgress) -> None:
        self.query_one("#export-progress", ProgressBar).update(total=message.total, progress=message.done)
        step = (
            _("Done.")
            if message.done == message.total
            else _("Writing {file} ...").format(file=message.label)
        )
        self.query_one("#export-step", Label).update(visual(f"{message.done}/{message.total} {step}"))

    @on(m.ExportFinished)
    def _finished(self, message: m.ExportFinished) -> None:
        self._set_running(False)
        result = message.result
        self.query_one("#export-step", Label).update(
            Content.styled(
                visual(
                    ngettext(
                        "Wrote {count} file to {folder}", "Wrote {count} files to {folder}", len(result.files)
                    ).format(count=len(result.files), folder=result.folder)
                ),
                "bold $text-success",
            )
        )
        lines = [str(p.relative_to(result.folder)) for p in result.files]
        lines += [result.manifest.name] if result.manifest is not None else []
        self.query_one("#export-result", Static).update("\n".join(lines))
        self.notify(
            ngettext(
                "Wrote {count} file to {folder}.", "Wrote {count} files to {folder}.", len(result.files)
            ).format(count=len(result.files), folder=result.folder)
        )

    @on(m.ExportFailed)
    def _failed(self, message: m.ExportFailed) -> None:
        self._set_running(False)
        self.query_one("#export-step", Label).update(visual(_("The export failed; see the message.")))
        self.show_error(_("Export failed"), message.message)
