"""Job descriptions for HR: role, language (English, Persian, Russian) and format (md, html, docx), a
Markdown preview (Persian laid out right to left for the terminal), and a button that writes the file.

With an engagement it describes the roles of the client's resolved playbook; without one it uses the
bundled core playbook and no answers (loaded in a worker, so the screen opens at once). Rendering and
writing are the writers' own functions, the same `crmwb jobdesc` calls."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Select, Static

from workbench.app.session import Session
from workbench.domain.playbook import Playbook
from workbench.i18n import N_, _, current_language
from workbench.tui import messages as m
from workbench.tui.bidi import visual
from workbench.tui.language import LANGUAGE_NAMES
from workbench.tui.screens.base import WorkbenchScreen
from workbench.tui.widgets.bidi_markdown import MarkdownPreview
from workbench.tui.widgets.path_suggester import PathSuggester

LANGS = LANGUAGE_NAMES
FORMATS = ("md", "html", "docx")
CORE = "core"


class JobdescScreen(WorkbenchScreen):
    SECTION = "jobdesc"
    HELP = N_("Preview and write a job description for one role, in English, Persian or Russian.")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s", "write", N_("Write"), id="jobdesc.write", tooltip=N_("Write the job description file")
        ),
    ]

    def __init__(self, session: Session | None) -> None:
        super().__init__()
        self.session = session
        self.pb: Playbook | None = session.opened.resolved if session else None
        self.pending_role: str | None = None
        self.filled = False
        """the role list is filled (`_fill` runs after the first paint, or once the core playbook loads)"""

    def compose_body(self) -> ComposeResult:
        folder = (self.session.folder if self.session else Path()) / "jobdesc"
        with Horizontal(id="jobdesc-body"):
            with Vertical(id="jobdesc-form"):
                yield Static("", id="jobdesc-source", classes="hint")
                yield Label(visual(_("Role")), classes="pane-title")
                yield Select([], prompt=visual(_("Choose a role")), id="role", compact=True)
                yield Label(visual(_("Language")), classes="pane-title")
                yield RadioSet(
                    *[RadioButton(visual(label), value=code == current_language()) for code, label in LANGS],
                    id="lang",
                    compact=True,
                )
                yield Label(visual(_("Format")), classes="pane-title")
                yield RadioSet(
                    *[RadioButton(fmt, value=fmt == "md") for fmt in FORMATS], id="format", compact=True
                )
                yield Label(visual(_("Folder")), classes="pane-title")
                yield Input(str(folder), id="jd-out", suggester=PathSuggester(), compact=True)
                yield Button(visual(_("Write")), variant="primary", id="write", compact=True)
                yield Static("", id="jd-result", markup=False)
            with VerticalScroll(id="jobdesc-preview"):
                yield MarkdownPreview(id="preview")  # Persian laid out for the terminal

    def on_mount(self) -> None:
        if self.pb is None:
            self.query_one("#jobdesc-body").loading = True
            self._load_core()
        else:  # the form is painted first; the preview (a tree of Markdown widgets) right after it
            self.call_after_refresh(self._fill)

    def on_screen_resume(self) -> None:  # WorkbenchScreen's runs too (Textual calls each class's)
        if self.session is not None and self.is_mounted and self.pb is not self.session.opened.resolved:
            self.pb = self.session.opened.resolved  # the answers changed since this screen was built
            self._fill()

    @work(thread=True, exclusive=True, group="jobdesc", description="jobdesc", exit_on_error=False)
    def _load_core(self) -> None:
        from workbench.domain.resolve import resolve
        from workbench.loading.playbooks import load_playbook

        loaded = load_playbook(CORE)
        pb = resolve(loaded.model, {}) if loaded.ok else None
        self.app.call_from_thread(self._loaded, pb, [str(p) for p in loaded.problems])

    def _loaded(self, pb: Playbook | None, problems: list[str]) -> None:
        self.query_one("#jobdesc-body").loading = False
        if pb is None:
            self.show_error(_("The core playbook cannot be read"), _("Job descriptions need it."), problems)
            return
        self.pb = pb
        self._fill()

    def _fill(self) -> None:
        from workbench.writers.jobdesc import roles_with_profiles

        assert self.pb is not None
        source = (
            _("{client}: playbook {playbook} with the client's answers").format(
                client=self.session.client, playbook=self.pb.id
            )
            if self.session
            else _("No engagement: playbook {playbook} {version}, no answers").format(
                playbook=self.pb.id, version=self.pb.version
            )
        )
        self.query_one("#jobdesc-source", Static).update(visual(source))
        roles = self.pb.role_map()
        ids = roles_with_profiles(self.pb)
        select = self.query_one("#role", Select)
        from workbench.domain.text import tr

        select.set_options(
            [(visual(tr(roles[r].name, current_language())) if r in roles else r, r) for r in ids]
        )
        self.filled = True
        wanted = self.pending_role if self.pending_role in ids else (ids[0] if ids else None)
        if wanted is not None and select.value != wanted:
            select.value = wanted  # its Select.Changed renders the preview: once, not twice (issue 15)
        else:
            self.refresh_preview()

    def select_role(self, role_id: str) -> None:
        """Show `role_id` (from the palette); remembered until the role list is filled."""
        self.pending_role = role_id
        if self.filled:
            self.query_one("#role", Select).value = role_id

    # ---- choices
    def _choice(self) -> tuple[str | None, str, str]:
        role = self.query_one("#role", Select).value
        lang = LANGS[max(self.query_one("#lang", RadioSet).pressed_index, 0)][0]
        fmt = FORMATS[max(self.query_one("#format", RadioSet).pressed_index, 0)]
        return (None if role is Select.NULL else str(role)), lang, fmt

    @on(Select.Changed, "#role")
    @on(RadioSet.Changed, "#lang")
    def refresh_preview(self) -> None:
        from workbench.writers.jobdesc import describe, render_md

        role, lang, _ = self._choice()
        preview = self.query_one("#preview", MarkdownPreview)
        if self.pb is None or role is None:
            preview.update("")
            return
        preview.update(render_md(describe(self.pb, role, lang, self.wb.today, self._country())))

    def _country(self) -> str | None:
        """The client's answered country (pay bands show only where sourced); None without an engagement."""
        from workbench.domain.client_calendar import country_answer

        return country_answer(self.session.opened.engagement.answers) if self.session else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "write":
            return True if self.pb is not None and self._choice()[0] is not None else None
        return True

    # ---- writing
    @on(Button.Pressed, "#write")
    def action_write(self) -> None:
        role, lang, fmt = self._choice()
        folder = self.query_one("#jd-out", Input).value.strip()
        if self.pb is None or role is None:
            self.notify(_("Choose a role first."), severity="warning")
            return
        if not folder:
            self.notify(_("Type the folder to write into."), severity="warning")
            return
        self.query_one("#write", Button).disabled = True
        self._write(self.pb, role, lang, fmt, Path(folder).expanduser())

    @work(
        thread=True, exclusive=True, group="jobdesc-write", description="jobdesc-write", exit_on_error=False
    )
    def _write(self, pb: Playbook, role: str, lang: str, fmt: str, folder: Path) -> None:
        from workbench.writers.jobdesc import describe, write_one

        try:
            path = write_one(describe(pb, role, lang, self.wb.today, self._country()), fmt, folder)
        except OSError as exc:
            self.post_message(
                m.JobdescFailed(
                    _("Cannot write to {folder}: {error}").format(folder=folder, error=exc.strerror or exc)
                )
            )
        except Exception as exc:  # noqa: BLE001 — a writer's bug: a dialog, never a traceback
            self.post_message(m.JobdescFailed(f"{type(exc).__name__}: {exc}"))
        else:
            self.post_message(m.JobdescWritten(path))

    @on(m.JobdescWritten)
    def _written(self, message: m.JobdescWritten) -> None:
        self.query_one("#write", Button).disabled = False
        self.query_one("#jd-result", Static).update(visual(_("Wrote {path}").format(path=message.path)))
        self.notify(_("Wrote {path}.").format(path=message.path))

    @on(m.JobdescFailed)
    def _failed(self, message: m.JobdescFailed) -> None:
        self.query_one("#write", Button).disabled = False
        self.show_error(_("The job description was not written"), message.message)
