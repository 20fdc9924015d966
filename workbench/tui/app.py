"""The workbench app: sections as Textual modes, app-wide keys, themes, and the open engagement.

Thin on purpose: screens do the work, `engagements.py` creates and opens (in a worker), `commands.py`
feeds the palette. `make_app()` is the one factory the CLI, the demo, the tests and the benchmark use.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from workbench.store.engagement import EngagementError
from workbench.tui import messages as m
from workbench.tui.commands import WorkbenchCommands
from workbench.tui.crash import CRASH_EXIT, crash_report
from workbench.tui.engagements import create_session, open_session
from workbench.tui.recent import Recent, remember
from workbench.tui.screens.base import deliverables_screen
from workbench.tui.screens.start import StartScreen
from workbench.tui.sections import BY_ID, ENGAGEMENT_SECTIONS, SECTIONS
from workbench.tui.session import Session
from workbench.tui.themes import DARK, LIGHT, THEMES


class WorkbenchApp(App[int]):
    """App[int]: the CLI exits with `return_code`, 0 unless something broke."""

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses (tests) live elsewhere
    TITLE = "CRM Workbench"
    MODES: ClassVar[dict[str, str | Callable[[], Screen]]] = {"start": StartScreen}
    DEFAULT_MODE = "start"
    COMMANDS = App.COMMANDS | {WorkbenchCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help", id="app.help", tooltip="The keys of this screen and of every other"),
        *[Binding(s.key, f"section({s.id!r})", s.label, show=False, id=f"app.section.{s.id}",
                  tooltip=f"{s.label}: {s.help}") for s in SECTIONS],
        Binding("ctrl+t", "toggle_theme", "Theme", show=False, id="app.theme", tooltip="Switch light/dark"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit", tooltip="Quit (answers are saved)"),
    ]

    def __init__(self, session: Session | None = None, *, author: str, today: date | None = None,
                 theme: str = DARK, section: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.first_section = section
        self.author = author
        self.fixed_today = today
        for item in THEMES:
            self.register_theme(item)
        self.theme = theme
        self._installed: set[str] = set()

    @property
    def today(self) -> date:
        """The day tasks are judged late by; fixed in tests and snapshots."""
        return self.fixed_today or date.today()

    async def on_mount(self) -> None:
        session, self.session = self.session, None
        if session is not None:
            await self.install_session(session, self.first_section)
        else:
            await self._install_modes()

    def on_unmount(self) -> None:
        if self.session is not None:
            self.session.close()

    # ---- sections
    def _factories(self) -> dict[str, Callable[[], Screen]]:
        from workbench.tui.screens.export import ExportScreen
        from workbench.tui.screens.intake import IntakeScreen
        from workbench.tui.screens.jobdesc import JobdescScreen
        from workbench.tui.screens.phases import PhasesScreen

        factories: dict[str, Callable[[], Screen]] = {"jobdesc": partial(JobdescScreen, self.session)}
        if self.session is not None:
            factories |= {"intake": partial(IntakeScreen, self.session),
                          "phases": partial(PhasesScreen, self.session),
                          "deliverables": partial(deliverables_screen, self.session),
                          "export": partial(ExportScreen, self.session)}
        return factories

    async def _install_modes(self) -> None:
        """(Re)build every section but the start screen for the current session."""
        if self.current_mode != "start":
            await self.switch_mode("start")
        for mode in sorted(self._installed):
            await self.remove_mode(mode)
        self._installed.clear()
        for mode, factory in self._factories().items():
            self.add_mode(mode, factory)
            self._installed.add(mode)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "section" and parameters and parameters[0] in ENGAGEMENT_SECTIONS:
            return True if self.session is not None else None
        return True

    async def action_section(self, section: str) -> None:
        if section not in BY_ID:
            return
        if BY_ID[section].needs_engagement and self.session is None:
            self.notify("Open or create an engagement first (F2, Start).", severity="warning")
            return
        await self.saves_done()  # the next screen reads the engagement a save may be re-opening
        await self.switch_mode(section)

    async def saves_done(self) -> None:
        """Wait for answer saves in flight (they re-open the engagement in a worker)."""
        saving = [w for w in self.workers if w.group == "save" and not w.is_finished]
        if saving:
            await self.workers.wait_for_complete(saving)

    @on(m.SectionRequested)
    async def _section_requested(self, message: m.SectionRequested) -> None:
        await self.action_section(message.section)

    def action_help(self) -> None:
        from workbench.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.current_theme.dark else DARK

    async def action_quit(self) -> None:
        """Let a save in flight finish, so a quick answer before quitting is not lost."""
        await self.saves_done()
        self.exit(0)

    # ---- engagements
    def action_new_engagement(self, initial: m.NewEngagementRequest | None = None) -> None:
        from workbench.tui.screens.new_engagement import NewEngagementDialog

        def chosen(request: m.NewEngagementRequest | None) -> None:
            if request is not None:
                self.post_message(m.CreateEngagementRequested(request))

        self.push_screen(NewEngagementDialog(initial), chosen)

    def action_open_folder(self) -> None:
        from workbench.tui.screens.dialogs import PromptDialog
        from workbench.tui.widgets.path_suggester import EngagementFolder, PathSuggester

        def chosen(folder: str | None) -> None:
            if folder:
                self.open_folder(Path(folder).expanduser())

        self.push_screen(PromptDialog("Open an engagement", "The folder that holds engagement.yaml:",
                                      placeholder="e.g. ~/clients/acme", required=True,
                                      validators=[EngagementFolder()], suggester=PathSuggester(),
                                      ok_label="Open"), chosen)

    def open_folder(self, folder: Path) -> None:
        self.notify(f"Opening {folder} ...", timeout=2)
        self._open_worker(folder)

    @on(m.OpenEngagementRequested)
    def _open_requested(self, message: m.OpenEngagementRequested) -> None:
        self.open_folder(message.folder)

    @on(m.CreateEngagementRequested)
    def _create_requested(self, message: m.CreateEngagementRequested) -> None:
        self._create_worker(message.request)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _open_worker(self, folder: Path) -> None:
        try:
            self.post_message(m.EngagementOpened(open_session(folder, self.author)))
        except EngagementError as exc:
            self.post_message(m.EngagementFailed("Cannot open the engagement", f"{folder}", exc.problems))
        except Exception as exc:  # noqa: BLE001 — a bug of ours: a dialog, never a traceback with client data
            self.post_message(m.EngagementFailed("Cannot open the engagement", f"{type(exc).__name__}: {exc}"))

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _create_worker(self, request: m.NewEngagementRequest) -> None:
        try:
            session = create_session(request.folder, request.playbook, request.client, request.answers_file,
                                     self.author, self.today)
            self.post_message(m.EngagementOpened(session))
        except EngagementError as exc:
            self.post_message(m.EngagementFailed("Cannot create the engagement", request.folder, exc.problems,
                                                 request))
        except Exception as exc:  # noqa: BLE001
            self.post_message(m.EngagementFailed("Cannot create the engagement", f"{type(exc).__name__}: {exc}",
                                                 request=request))

    @on(m.EngagementOpened)
    async def _opened(self, message: m.EngagementOpened) -> None:
        await self.install_session(message.session)

    @on(m.EngagementFailed)
    def _failed(self, message: m.EngagementFailed) -> None:
        from workbench.tui.screens.dialogs import ErrorDialog

        def again(_: None) -> None:
            if message.request is not None:
                self.action_new_engagement(message.request)

        details = [str(p) for p in message.problems]
        self.push_screen(ErrorDialog(message.title, message.message, details), again)

    async def install_session(self, session: Session, section: str | None = None) -> None:
        """Make `session` the open engagement: rebuild the sections, remember it, show where to start."""
        from workbench.domain.intake import pending_count

        old, self.session = self.session, session
        await self._install_modes()
        if old is not None and old is not session:
            old.close()
        pb = session.opened.playbook
        self.sub_title = f"{session.client} · {pb.id} {pb.version}"
        remember(Recent(str(session.folder), session.client, f"{pb.id} {pb.version}",
                        datetime.now(UTC).isoformat(timespec="seconds")))
        for warning in session.opened.warnings:
            self.notify(warning, severity="warning", timeout=8)
        pending = pending_count(pb, session.opened.engagement.answers)
        await self.switch_mode(section or ("intake" if pending else "phases"))

    # ---- navigation used by the palette
    async def show_task(self, task_id: str) -> None:
        await self.action_section("phases")
        from workbench.tui.screens.phases import PhasesScreen

        if isinstance(self.screen, PhasesScreen):
            self.screen.select_task(task_id)

    async def show_jobdesc(self, role_id: str) -> None:
        await self.action_section("jobdesc")
        from workbench.tui.screens.jobdesc import JobdescScreen

        if isinstance(self.screen, JobdescScreen):
            self.screen.select_role(role_id)

    async def show_export(self, only: list[str] | None) -> None:
        await self.action_section("export")
        from workbench.tui.screens.export import ExportScreen

        if isinstance(self.screen, ExportScreen):
            self.screen.preselect(only)

    # ---- crashes
    def _fatal_error(self) -> None:
        """Textual's own crash report prints the traceback WITH local variables, which can hold client
        data (answers, names, notes). Print what broke in one paragraph instead; CRMWB_DEBUG=1 adds the
        traceback, still without locals."""
        from textual.worker import WorkerFailed

        error = sys.exc_info()[1] or self._exception
        if isinstance(error, WorkerFailed):
            error = error.error
        self.bell()
        self._return_code = CRASH_EXIT
        self._exit_renderables.append(crash_report(error, bool(os.environ.get("CRMWB_DEBUG"))))
        self._close_messages_no_wait()


def make_app(folder: Path | None = None, *, session: Session | None = None, author: str | None = None,
             today: date | None = None, theme: str = DARK, section: str | None = None) -> WorkbenchApp:
    """The app on the start screen, or on the engagement in `folder` (raises EngagementError when the
    folder holds none, so the CLI can print the problems before any screen appears). An engagement
    opens on intake while questions are open, else on the phases, unless `section` says where."""
    from workbench.store.author import current_author

    author = current_author(author)
    if folder is not None and session is None:
        session = open_session(Path(folder), author)
    return WorkbenchApp(session, author=author, today=today, theme=theme, section=section)
