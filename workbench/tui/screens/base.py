"""The frame every workbench screen shares: header, section bar, the screen's body, footer.

Subclasses set SECTION (their mode) and write `compose_body`; `wb` is the app with its session, author
and `today`, typed for the editor."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.events import Event, ScreenResume, ScreenSuspend
from textual.message import Message
from textual.screen import Screen

from workbench.i18n import _
from workbench.tui.widgets.compact_footer import CompactFooter
from workbench.tui.widgets.navbar import NavBar
from workbench.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from workbench.app.session import Session
    from workbench.tui.app import WorkbenchApp


class WorkbenchScreen(Screen):
    SECTION: str = ""
    HELP: ClassVar[str] = ""
    """One sentence for the help screen: what this screen is for."""

    @property
    def wb(self) -> WorkbenchApp:
        return cast("WorkbenchApp", self.app)

    @property
    def active_bindings(self):
        """The footer's and the keys panel's bindings, with their words in the interface language."""
        from workbench.tui.chrome import translated_bindings

        return translated_bindings(super().active_bindings)

    def compose(self) -> ComposeResult:
        from workbench.tui.bidi import mark_rtl

        mark_rtl(self)
        yield TitleBar(icon="◆")
        yield NavBar(self.SECTION)
        yield from self.compose_body()
        yield CompactFooter()

    def compose_body(self) -> ComposeResult:
        yield from ()

    _resumed = False
    _resumed_before = False

    async def _on_message(self, message: Message) -> None:
        """A message handler of a screen that raises (a bug of ours) is reported with a log file and the
        screen goes on: Textual would stop the screen's message loop and end the app. Events (mount,
        keys...) are left to Textual: a screen that cannot even mount is not worth keeping.

        A second ScreenResume with no ScreenSuspend between is dropped: Textual 8.2's `switch_mode` sends
        two to a section shown for the first time, and each restyles the whole screen and reloads its
        data (a tenth of what showing the section costs). The first resume of all does not restyle the
        screen either: it was styled as it mounted, in the same step, with the theme and language of that
        moment (about 4 ms of `crmwb open`'s first screen). Later resumes restyle as Textual does, for a
        theme chosen while the screen was away."""
        if isinstance(message, ScreenResume):
            if self._resumed:
                return
            self._resumed = True
            if not self._resumed_before:
                self._resumed_before = True
                message.refresh_styles = False
        elif isinstance(message, ScreenSuspend):
            self._resumed = False
        try:
            await super()._on_message(message)
        except Exception as exc:  # noqa: BLE001 — reported; the person keeps working
            report = getattr(self.app, "report_error", None)
            if report is None or isinstance(message, Event):
                raise
            report(exc, _("Handling {what}").format(what=type(message).__name__))

    def on_screen_resume(self) -> None:
        """The section bar dims what needs an engagement; that may have changed while we were away.

        Textual calls the handler of every class in the screen's MRO, so a subclass's own
        `on_screen_resume` must not call this one again through super()."""
        for bar in self.query(NavBar):
            bar.refresh()

    def show_error(self, title: str, message: str, details: list[str] | None = None) -> None:
        from workbench.tui.screens.dialogs import ErrorDialog

        self.app.push_screen(ErrorDialog(title, message, details or []))


class PlaceholderScreen(WorkbenchScreen):
    """Stands in for a section that is not built yet (the deliverables views)."""

    def __init__(self, section: str, text: str) -> None:
        super().__init__()
        self.SECTION = section
        self.text = text

    def compose_body(self) -> ComposeResult:
        from textual.widgets import Static

        yield Static(self.text, classes="placeholder")


def deliverables_screen(session: Session) -> Screen:
    """The deliverables views when they are installed; a placeholder until then."""
    import importlib

    try:
        module = importlib.import_module("workbench.tui.screens.deliverables")
    except ModuleNotFoundError as exc:
        if exc.name != "workbench.tui.screens.deliverables":
            raise
        return PlaceholderScreen(
            "deliverables",
            _(
                "The deliverables views (RFP, roles and permissions, RACI, "
                "processes, KPIs, plan) are not installed in this build; use Export (F6)."
            ),
        )
    from workbench.i18n import current_language

    return module.DeliverablesScreen(session, lang=current_language())
