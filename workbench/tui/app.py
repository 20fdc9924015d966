"""The workbench app: sections as Textual modes, app-wide keys, themes, and the open engagement.

Thin on purpose: screens do the work, `engagements.py` creates and opens (in a worker), `commands.py`
feeds the palette. `make_app()` is the one factory the CLI, the demo, the tests and the benchmark use.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.events import Event
from textual.message import Message
from textual.screen import Screen

from workbench.app.recent import Recent, remember
from workbench.app.startup_gc import first_screen_painted
from workbench.i18n import N_, _
from workbench.settings import Settings
from workbench.store.engagement_file import is_engagement
from workbench.tui import messages as m
from workbench.tui.commands import WorkbenchCommands
from workbench.tui.crash import CRASH_EXIT, crash_report
from workbench.tui.fresh_screens import GENERATION, stamped
from workbench.tui.sections import BY_ID, ENGAGEMENT_SECTIONS, SECTIONS
from workbench.tui.themes import DARK, LIGHT, THEMES
from workbench.tui.watcher import Watcher

if TYPE_CHECKING:  # not imported here: the start screen needs no store, loader or pydantic model
    from concurrent.futures import Future

    from workbench.app.session import Session


def start_screen() -> Screen:
    """The start screen, its module imported when it is first shown (`crmwb open` may never show it)."""
    from workbench.tui.screens.start import StartScreen

    return StartScreen()


def _module_and_name(spec: str) -> tuple[str, str]:
    """'tasks:TasksScreen' -> ('tasks', 'TasksScreen'): a section's screen as the registry names it."""
    module, _colon, name = spec.partition(":")
    return module, name


def _screen(module: str, name: str, session: Session | None) -> Screen:
    """A section's screen from `workbench.tui.screens.<module>`, imported on first use."""
    from importlib import import_module

    return getattr(import_module(f"workbench.tui.screens.{module}"), name)(session)


class WorkbenchApp(App[int]):
    """App[int]: the CLI exits with `return_code`, 0 unless something broke."""

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses (tests) live elsewhere
    TITLE = "CRM Workbench"
    DEFAULT_MODE = "start"  # added in __init__, as every mode is, through `stamped` (fresh_screens.py)
    COMMANDS = App.COMMANDS | {WorkbenchCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f1", "help", N_("Help"), id="app.help", tooltip=N_("The keys of this screen and of every other")
        ),
        *[
            Binding(
                s.key, f"section({s.id!r})", s.label, show=False, id=f"app.section.{s.id}", tooltip=s.help
            )
            for s in SECTIONS
        ],
        Binding(
            "ctrl+r",
            "refresh",
            N_("Refresh"),
            id="app.refresh",
            tooltip=N_("Read the engagement again (changes made elsewhere also show by themselves)"),
        ),
        Binding(
            "ctrl+t", "toggle_theme", N_("Theme"), show=False, id="app.theme", tooltip=N_("Switch light/dark")
        ),
        Binding(
            "ctrl+q",
            "quit",
            N_("Quit"),
            show=False,
            priority=True,
            id="app.quit",
            tooltip=N_("Quit (answers are saved)"),
        ),
    ]

    exit_after_first_screen: str = ""
    """Start-up benchmarks (`CRMWB_EXIT_AFTER_FIRST_SCREEN`): exit once the first working screen is painted,
    or, when "first-frame", once any first screen is (the loading screen of `crmwb open`)."""
    css_parsed_generation: int | None = None
    """the CSS generation (Textual's count of theme changes) the stylesheet was last parsed for"""
    open_failure: m.EngagementFailed | None = None
    """Why the engagement given at start could not be opened; the app then exits 2 and the CLI prints it."""

    def __init__(
        self,
        session: Session | None = None,
        *,
        author: str,
        today: date | None = None,
        theme: str | None = DARK,
        section: str | None = None,
        settings: Settings | None = None,
        settings_problem: str | None = None,
        opening: Path | None = None,
        opened_early: Future[Session] | None = None,
        language: str | None = None,
    ) -> None:
        self.opening = opening
        """the engagement folder to open in a worker behind a loading screen (`crmwb open DIR`)"""
        self.opened_early = opened_early
        """that engagement, already opening in a thread the CLI started (workbench.app.open_early)"""
        arriving = opening if opening is not None else (session.folder if session is not None else None)
        if arriving is not None:
            # read by App.__init__: the first screen is the (empty, for now) loading screen, not the start
            # screen, which would be built and laid out only to be covered at once by the engagement's
            # section (this instance only, so not on the class that Textual declares it on)
            self.DEFAULT_MODE = "opening"  # type: ignore[misc]
        super().__init__()
        from workbench.tui.shared_stylesheet import SharedStylesheet

        self.stylesheet = SharedStylesheet(variables=self.get_css_variables())  # empty still: nothing lost
        self.add_mode("start", stamped(self, start_screen))
        from workbench.tui.language import use_interface_language

        self.language_chosen = language
        """the language the person chose (--lang, $CRMWB_LANG, the settings file); None: each engagement's"""
        use_interface_language(language or (session.opened.engagement.language if session else "") or "en")
        if arriving is not None:
            from workbench.tui.screens.opening import OpeningScreen

            self.add_mode("opening", stamped(self, partial(OpeningScreen, arriving)))
        self.session = session
        self.first_section = section
        self.author = author
        self.fixed_today = today
        for item in THEMES:
            self.register_theme(item)
        self._start_theme(theme if theme in self.available_themes else DARK)  # another version's: ours
        self.settings = settings or Settings()
        self.settings_problem = settings_problem
        self.set_keymap(self.settings.keymap)  # binding id -> keys (settings file, [keymap])
        self._installed: set[str] = set()
        self.notes_seen: deque[str] = deque(maxlen=200)
        """every notification's text as given, newest last: a toast fades after a few seconds, the record
        of what was said does not (tests read it on a busy machine where a toast may fade before a look)"""
        from workbench.tui.store_queue import StoreQueue

        self.store_queue = StoreQueue(self)
        self.watcher = Watcher(self)
        self._quit_asked: list[str] = []

    def _start_theme(self, theme: str) -> None:
        """Start in `theme` the way Textual starts in its default one: as the stylesheet's variables before
        any CSS is parsed. Assigning `self.theme` before the app runs makes its watcher re-parse and re-apply
        every stylesheet once more on start-up (about 7 % of the start screen's CPU time in process); later
        switches assign it as usual."""
        refresh_ansi = getattr(self, "_refresh_truecolor_filter", None)  # Textual's, private: checked
        if refresh_ansi is None:
            self.theme = theme
            return
        self.set_reactive(App.theme, theme)
        self.stylesheet.set_variables(self.get_css_variables())
        self.css_parsed_generation = getattr(self, GENERATION, None)  # the first parse uses these
        dark = self.current_theme.dark
        self.update_classes(
            {f"-theme-{theme}": True, "-dark-mode": dark, "-light-mode": not dark}, update=False
        )
        refresh_ansi(self.ansi_theme)

    def refresh_css(self, animate: bool = True) -> None:
        """Textual's, noting that the stylesheet now has the current theme's variables (fresh_screens)."""
        super().refresh_css(animate)
        self.css_parsed_generation = getattr(self, GENERATION, None)

    @property
    def today(self) -> date:
        """The day tasks are judged late by; fixed in tests and snapshots."""
        return self.fixed_today or date.today()

    async def on_mount(self) -> None:
        from workbench.tui.app_settings import ThemeMemory

        self.theme_memory = ThemeMemory(self, self.settings.theme)
        if self.settings_problem:
            from workbench.i18n import _

            self.notify(
                _("Settings not used, the defaults apply: {problem}").format(problem=self.settings_problem),
                severity="warning",
                timeout=10,
            )
        session, self.session = self.session, None
        if session is None and self.opening is not None:
            session = self._opened_already()
        if session is not None:
            await self.install_session(session, self.first_section)
            await self.remove_mode("opening")
        else:
            await self._install_modes()
            if self.opening is not None:  # after the loading screen is painted: the worker holds the GIL
                self.call_after_refresh(self._open_worker, self.opening)
        self.watcher.start()

    def _opened_already(self) -> Session | None:
        """The engagement the CLI started opening, when it is open by now: its section is then the first
        screen and the loading screen is never shown. Still opening, or failed: None (the worker waits for
        it and reports a failure as its own)."""
        early = self.opened_early
        if early is None or not early.done() or early.exception() is not None:
            return None
        self.opened_early = self.opening = None
        return early.result()

    def on_ready(self) -> None:
        """The first screen is painted: the start screen, the engagement's section opened on mount, or the
        loading screen while the engagement opens in a worker."""
        if not self.opening:  # the start screen, or the engagement given: start-up is over
            first_screen_painted()
        wanted = self.exit_after_first_screen
        if wanted == "first-frame" or (wanted and not self.opening):
            self.exit(0)

    def on_unmount(self) -> None:
        self.store_queue.stopping = True
        if self.session is not None:
            self.close_session(self.session)

    def close_session(self, session: Session) -> None:
        """Close the store when no worker is using its connection: closing an SQLite connection while
        another thread runs a statement on it can crash the process. If a worker holds on (an answer save
        waiting for a busy store), the connection is left for the process exit to close."""
        lock = self.store_queue.lock
        if lock.acquire(timeout=5):
            try:
                session.close()
            finally:
                lock.release()

    # ---- sections
    def _factories(self) -> dict[str, Callable[[], Screen]]:
        """Each section's screen (`Section.screen`), its module imported when the section is first shown,
        not at start-up; sections that need an engagement only when one is open."""
        return {
            s.id: stamped(self, partial(_screen, *_module_and_name(s.screen), self.session))
            for s in SECTIONS
            if s.screen and (self.session is not None or not s.needs_engagement)
        }

    async def _install_modes(self) -> None:
        """(Re)build every section but the start screen for the current session."""
        if self.current_mode in self._installed:  # it is about to be removed
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
            self.notify(_("Open or create an engagement first (F2, Start)."), severity="warning")
            return
        await self.leaving_screen()
        await self.saves_done()  # the next screen reads the engagement a save may be re-opening
        await self.switch_mode(section)

    async def leaving_screen(self) -> None:
        """Let the screen take what is typed but not saved yet (intake: a number without Enter)."""
        leaving = getattr(self.screen, "before_leaving", None)
        if leaving is not None:
            await leaving()

    async def saves_done(self, patience: float = 3.0) -> None:
        """Wait for answer saves in flight (they re-open the engagement in a worker), but not for long:
        engagement.yaml is written at once; only the task-list sync can wait for a busy store, and the
        save says so itself when it fails."""
        import asyncio

        saving = [w for w in self.workers if w.group == "save" and not w.is_finished]
        if saving:
            try:
                await asyncio.wait_for(self.workers.wait_for_complete(saving), patience)
            except TimeoutError:
                self.notify(_("Still saving in the background (another program is writing)."), timeout=4)

    @on(m.SectionRequested)
    async def _section_requested(self, message: m.SectionRequested) -> None:
        await self.action_section(message.section)

    def action_help(self) -> None:
        from workbench.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_show_settings(self) -> None:
        from workbench.tui.screens.settings import SettingsScreen

        if not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen(self.author))

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.current_theme.dark else DARK

    async def action_quit(self) -> None:
        """Take what is typed, let a save in flight finish, so a quick answer before quitting is not lost;
        a task change still waiting for a busy store asks for a second Ctrl+Q rather than vanish."""
        from workbench.i18n import ngettext

        await self.leaving_screen()
        await self.saves_done()
        waiting = self.store_queue.pending
        if waiting and self._quit_asked != waiting:  # asked once for exactly these changes
            self._quit_asked = waiting
            self.notify(
                ngettext(
                    "{count} change is still waiting for another program to finish writing "
                    "({changes}). Ctrl+Q again quits without it.",
                    "{count} changes are still waiting for another program to finish writing "
                    "({changes}). Ctrl+Q again quits without them.",
                    len(waiting),
                ).format(count=len(waiting), changes="; ".join(waiting)),
                severity="warning",
                timeout=10,
            )
            return
        self.store_queue.stopping = True
        self.exit(0)

    def action_refresh(self) -> None:
        """Ctrl+R: read the engagement again, as the watcher does when it sees a change."""
        self.watcher.check(force=True)

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

        self.push_screen(
            PromptDialog(
                _("Open an engagement"),
                _("The folder that holds engagement.yaml:"),
                placeholder=_("e.g. ~/clients/acme"),
                required=True,
                validators=[EngagementFolder()],
                suggester=PathSuggester(),
                ok_label=_("Open"),
            ),
            chosen,
        )

    def open_folder(self, folder: Path) -> None:
        self.notify(_("Opening {folder} ...").format(folder=folder), timeout=2)
        self._open_worker(folder)

    @on(m.OpenEngagementRequested)
    def _open_requested(self, message: m.OpenEngagementRequested) -> None:
        self.open_folder(message.folder)

    @on(m.CreateEngagementRequested)
    def _create_requested(self, message: m.CreateEngagementRequested) -> None:
        self._create_worker(message.request)

    @work(thread=True, exclusive=True, group="open", description="open", exit_on_error=False)
    def _open_worker(self, folder: Path) -> None:
        from workbench.app.engagements import open_session
        from workbench.store.engagement import EngagementError

        early, self.opened_early = self.opened_early, None
        try:
            session = early.result() if early is not None else open_session(folder, self.author)
            self.post_message(m.EngagementOpened(session))
        except EngagementError as exc:
            self.post_message(m.EngagementFailed(_("Cannot open the engagement"), f"{folder}", exc.problems))
        except Exception as exc:  # noqa: BLE001 — a bug of ours: a dialog, never a traceback with client data
            self.post_message(
                m.EngagementFailed(_("Cannot open the engagement"), f"{type(exc).__name__}: {exc}")
            )

    @work(thread=True, exclusive=True, group="open", description="open", exit_on_error=False)
    def _create_worker(self, request: m.NewEngagementRequest) -> None:
        from workbench.app.engagements import create_session
        from workbench.store.engagement import EngagementError

        try:
            session = create_session(
                request.folder,
                request.playbook,
                request.client,
                request.answers_file,
                self.author,
                self.today,
            )
            self.post_message(m.EngagementOpened(session))
        except EngagementError as exc:
            self.post_message(
                m.EngagementFailed(_("Cannot create the engagement"), request.folder, exc.problems, request)
            )
        except Exception as exc:  # noqa: BLE001
            self.post_message(
                m.EngagementFailed(
                    _("Cannot create the engagement"), f"{type(exc).__name__}: {exc}", request=request
                )
            )

    @on(m.EngagementOpened)
    async def _opened(self, message: m.EngagementOpened) -> None:
        first, self.opening = self.opening is not None, None
        await self.install_session(message.session, self.first_section if first else None)
        if first:
            self.call_after_refresh(first_screen_painted)  # its section is shown: start-up is over
            await self.remove_mode("opening")
            if self.exit_after_first_screen:
                self.call_after_refresh(self.exit, 0)

    @on(m.EngagementFailed)
    def _failed(self, message: m.EngagementFailed) -> None:
        from workbench.tui.screens.dialogs import ErrorDialog

        if self.opening is not None:  # the engagement `crmwb open` was given: the CLI prints why, exit 2
            self.open_failure = message
            self.exit(return_code=2)
            return

        def again(_: None) -> None:
            if message.request is not None:
                self.action_new_engagement(message.request)

        details = [str(p) for p in message.problems]
        self.push_screen(ErrorDialog(message.title, message.message, details), again)

    async def install_session(self, session: Session, section: str | None = None) -> None:
        """Make `session` the open engagement: rebuild the sections, remember it, show where to start."""
        from workbench.domain.intake import pending_count

        old, self.session = self.session, session
        if self.language_chosen is None and session.opened.engagement.language:
            from workbench.tui.language import use_interface_language

            use_interface_language(session.opened.engagement.language)  # nobody chose: the client's
        self.watcher.forget()
        await self._install_modes()
        if old is not None and old is not session:
            self.close_session(old)
        pb = session.opened.playbook
        self.sub_title = f"{session.client} · {pb.id} {pb.version}"
        if session.read_only:
            self.sub_title += " · " + _("read-only")
            self.notify(
                _(
                    "Read-only: your role in the team store may view this engagement, not change it. "
                    "Ask its owner for the editor role to make changes."
                ),
                title=_("Read-only"),
                timeout=10,
            )
        opened_now = Recent(
            str(session.folder),
            session.client,
            f"{pb.id} {pb.version}",
            datetime.now(UTC).isoformat(timespec="seconds"),
        )
        self.call_after_refresh(remember, opened_now)  # an fsync (3-16 ms here): after the section shows
        for warning in session.opened.warnings:
            self.notify(warning, severity="warning", timeout=8)
        pending = pending_count(pb, session.opened.engagement.answers)
        await self.switch_mode(section or ("intake" if pending else "phases"))
        self.watcher.check()  # the baseline for noticing changes made elsewhere from now on
        if not session.synced:
            self.watcher.sync_later(session)

    # ---- changes made elsewhere, and the store's answers to the app's own jobs
    @on(m.ExternalChange)
    def _external_change(self, message: m.ExternalChange) -> None:
        self.watcher.changed(message)

    @on(m.EngagementReloaded)
    def _engagement_reloaded(self, message: m.EngagementReloaded) -> None:
        self.watcher.reloaded(message)

    @on(m.StoreWaiting)
    def _store_waiting(self, message: m.StoreWaiting) -> None:
        from workbench.i18n import _

        self.notify(
            _(
                "Another program is writing to the engagement; retrying… Opened for reading until "
                "then ({change})."
            ).format(change=message.label),
            title=_("Store busy"),
            severity="warning",
            timeout=6,
        )

    @on(m.StoreDone)
    def _store_done(self, message: m.StoreDone) -> None:
        from workbench.i18n import gettext_in
        from workbench.languages import LANGUAGES
        from workbench.tui.watcher import SYNC_LABEL

        sync_labels = {gettext_in(lang, SYNC_LABEL) for lang in LANGUAGES}  # in whichever it was queued
        if message.label in sync_labels and self.session is not None:
            self.session.synced = True
            self.notify(
                _("The task list is up to date with the answers again."), title=_("Task list"), timeout=5
            )
            self.watcher.refresh_screen()

    @on(m.StoreRefused)
    def _store_refused(self, message: m.StoreRefused) -> None:
        self.notify(f"{message.label}: {message.message}", severity="error", timeout=8)

    # ---- the interface language
    TOAST_TEXT_WIDTH = 54
    """characters of text a notification shows per line (Textual's toast is 60 wide, with padding)"""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity="information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification (screens call this through Widget.notify) with Persian laid out for the
        terminal: wrapped in reading order, then each line reordered; such a message is shown as text."""
        from workbench.tui.bidi import has_rtl, visual, visual_wrapped

        self.notes_seen.append(str(message))
        if has_rtl(message) or has_rtl(title):
            message, title, markup = visual_wrapped(message, self.TOAST_TEXT_WIDTH), visual(title), False
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def get_system_commands(self, screen: Screen):
        """Textual's own palette entries (theme, quit, keys...), in the interface language."""
        for command in super().get_system_commands(screen):  # SystemCommand is a NamedTuple
            yield command._replace(title=_(command.title), help=_(command.help))

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            self.push_screen(CommandPalette(placeholder=_("Search for commands…"), id="--command-palette"))

    async def switch_language(self, lang: str) -> None:
        """Chrome and content in `lang` at once: every section is built again in it (what is typed in the
        intake is saved first), the section shown stays shown, and the choice goes to the settings file."""
        from workbench.i18n import current_language
        from workbench.tui.language import language_name, remember_language, use_interface_language

        if lang == current_language():
            return
        await self.leaving_screen()
        await self.saves_done()
        mode = self.current_mode
        task = getattr(getattr(self.screen, "selected", None), "id", None)
        use_interface_language(lang)
        self.language_chosen = lang
        await self._install_modes()  # on the start screen, every other section built anew
        await self.screen.recompose()
        if mode != "start":
            await self.switch_mode(mode)
        if task:
            await self.show_task(task)
        problem = remember_language(lang)
        if problem:
            self.notify(
                _(
                    "Language: {name}, for this session only; the settings file could not be written: "
                    "{problem}"
                ).format(name=language_name(lang), problem=problem),
                severity="warning",
            )
        else:
            self.notify(_("Language: {name}").format(name=language_name(lang)), timeout=3)

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

    # ---- errors: reported, logged, and the app goes on
    def report_error(self, error: BaseException, context: str) -> None:
        """A notification that says what failed and where the details are; the app stays up."""
        from workbench.i18n import _
        from workbench.tui.errors import log_error

        path = log_error(error, context)
        if not self.screen_stack:  # closing down: the log is all there is
            return
        where = _("Details: {path}").format(path=path) if path else _("The log could not be written.")
        self.notify(
            _("{context} failed: {error}. Saved work is safe. {where}").format(
                context=context, error=f"{type(error).__name__}: {error}", where=where
            ),
            title=_("Something went wrong"),
            severity="error",
            timeout=12,
        )

    async def _on_message(self, message: Message) -> None:
        """An app-level message handler that raises is reported, as a screen's are (WorkbenchScreen).
        Events (mount, ready, keys...) are left to Textual: a broken start-up still ends with the report."""
        try:
            await super()._on_message(message)
        except Exception as exc:  # noqa: BLE001 — reported with a log; the app goes on
            if isinstance(message, Event):
                raise
            self.report_error(exc, _("Handling {what}").format(what=type(message).__name__))

    async def _dispatch_action(self, namespace, action_name: str, params) -> bool:
        """Every key and palette action runs here: an exception becomes a notification, never an exit."""
        try:
            return await super()._dispatch_action(namespace, action_name, params)
        except Exception as exc:  # noqa: BLE001 — reported with a log; the view stays usable
            self.report_error(exc, _("The action {name}").format(name=repr(action_name)))
            return True

    def _handle_exception(self, error: Exception) -> None:
        """A failed worker is reported and the app goes on (its widget is still alive); anything else is
        logged and then ends the app as before, because the widget whose handler raised has stopped."""
        from textual.worker import WorkerFailed

        if isinstance(error, WorkerFailed):
            self.report_error(error.error, _("A background task"))
            return
        from workbench.tui.errors import log_error

        log_error(error, "fatal")
        super()._handle_exception(error)

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


def make_app(
    folder: Path | None = None,
    *,
    session: Session | None = None,
    author: str | None = None,
    today: date | None = None,
    theme: str | None = None,
    section: str | None = None,
    background: bool = False,
    lang: str | None = None,
    opened_early: Future[Session] | None = None,
) -> WorkbenchApp:
    """The app on the start screen, or on the engagement in `folder` (raises EngagementError when the
    folder holds none, so the CLI can print the problems before any screen appears). An engagement
    opens on intake while questions are open, else on the phases, unless `section` says where. The theme
    is `theme`, else the settings' (the one chosen last time), else the dark one. The interface language:
    `lang` (--lang) > $CRMWB_LANG > the settings file > the engagement's > English (workbench.tui.language).

    `background` (the CLI): open the engagement in a worker behind a loading screen, so the first frame
    comes at once; a failure then ends the app with exit 2 and `open_failure` saying why. `opened_early`:
    that engagement, already opening in a thread (`crmwb open`, workbench.app.open_early)."""
    from workbench.store.author import current_author
    from workbench.tui.app_settings import read_settings
    from workbench.tui.bidi import set_mode
    from workbench.tui.language import bidi_setting, chosen_language

    settings, problem = read_settings()
    author = current_author(author)
    theme = theme or settings.theme or DARK
    set_mode(bidi_setting())
    language = chosen_language(lang)
    if background and folder is not None and session is None and is_engagement(folder):
        return WorkbenchApp(
            None,
            author=author,
            today=today,
            theme=theme,
            section=section,
            settings=settings,
            settings_problem=problem,
            opening=Path(folder),
            opened_early=opened_early,
            language=language,
        )
    if folder is not None and session is None:
        from workbench.app.engagements import open_session

        session = open_session(Path(folder), author)
    return WorkbenchApp(
        session,
        author=author,
        today=today,
        theme=theme,
        section=section,
        settings=settings,
        settings_problem=problem,
        language=language,
    )
