"""The start screen: recent engagements, a new engagement, open a folder, job descriptions for HR.

It reads the recent list and asks the app to open or create; the app does the work in a worker."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Label, OptionList
from textual.widgets.option_list import Option

from workbench.app.recent import Recent, forget, load_recent
from workbench.i18n import N_, _
from workbench.store.engagement_file import is_engagement
from workbench.tui import messages as m
from workbench.tui.bidi import visual
from workbench.tui.screens.base import WorkbenchScreen
from workbench.tui.widgets.bidi_text import BidiText

INTRO = N_(
    "Open an engagement to work through the intake questionnaire, the three phases, the "
    "deliverables and the export. Job descriptions need no engagement."
)


class StartScreen(WorkbenchScreen):
    SECTION = "start"
    HELP = N_("Open a recent engagement, create one from a playbook, or write job descriptions.")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "n",
            "app.new_engagement",
            N_("New"),
            id="start.new",
            tooltip=N_("Create an engagement from a playbook"),
        ),
        Binding(
            "o",
            "app.open_folder",
            N_("Open folder"),
            id="start.open",
            tooltip=N_("Open an engagement folder"),
        ),
        Binding(
            "j",
            "app.section('jobdesc')",
            N_("Job descriptions"),
            id="start.jobdesc",
            tooltip=N_("Job descriptions for HR, with or without an engagement"),
        ),
        Binding(
            "p",
            "portfolio",
            N_("Portfolio"),
            id="start.portfolio",
            tooltip=N_("Every engagement you work on, one row each, with its progress and what is late"),
        ),
        Binding(
            "x",
            "forget",
            N_("Forget"),
            id="start.forget",
            tooltip=N_("Remove the highlighted engagement from this list (its folder stays)"),
        ),
    ]

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="start-body"):
            with Vertical(id="recent-pane"):
                yield Label(visual(_("Recent engagements")), classes="pane-title")
                yield OptionList(id="recent")
                yield BidiText(id="recent-empty", classes="hint")
            with Vertical(id="start-actions"):
                yield BidiText(_(INTRO), classes="intro")
                yield Button(visual(_("New engagement")), id="new", variant="primary")
                yield Button(visual(_("Open a folder")), id="open")
                yield Button(visual(_("Job descriptions")), id="jobdesc")
                yield Button(visual(_("Portfolio")), id="portfolio")

    def on_mount(self) -> None:
        self.refresh_recent()

    def on_screen_resume(self) -> None:  # WorkbenchScreen's runs too (Textual calls each class's)
        self.refresh_recent()

    def refresh_recent(self) -> None:
        items = load_recent()
        options = self.query_one("#recent", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options([self._option(r) for r in items])
        if items:
            options.highlighted = min(highlighted or 0, len(items) - 1)
        self.query_one("#recent-empty", BidiText).update(
            "" if items else _("None yet: press n for a new engagement or o to open a folder.")
        )

    @staticmethod
    def _option(recent: Recent) -> Option:
        from datetime import date

        from workbench.domain.locale import format_short_date
        from workbench.i18n import current_language

        try:
            when = format_short_date(date.fromisoformat(recent.opened[:10]), current_language())
        except ValueError:  # a hand-edited list: show what it says
            when = recent.opened[:10]
        if recent.exists:
            prompt = Content.from_markup(
                "[b]$client[/b]  [dim]$playbook[/dim]\n  [dim]$folder · $when[/dim]",
                client=recent.client,
                playbook=recent.playbook,
                folder=recent.folder,
                when=when,
            )
        else:
            prompt = Content.from_markup(
                "[dim strike]$client[/]  [$error]$missing[/]\n  [dim]$folder[/dim]",
                client=recent.client,
                folder=recent.folder,
                missing=visual(_("missing")),
            )
        return Option(prompt, id=recent.folder)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "forget":
            return True if self.query_one("#recent", OptionList).highlighted is not None else None
        return True

    @on(OptionList.OptionSelected, "#recent")
    def _open(self, event: OptionList.OptionSelected) -> None:
        folder = event.option.id or ""
        if not is_engagement(folder):
            self.notify(
                _("{folder} no longer holds an engagement; x removes it from the list.").format(
                    folder=folder
                ),
                severity="warning",
            )
            return
        self.post_message(m.OpenEngagementRequested(Path(folder)))

    @on(OptionList.OptionHighlighted, "#recent")
    def _highlighted(self) -> None:
        self.refresh_bindings()

    def action_forget(self) -> None:
        options = self.query_one("#recent", OptionList)
        if options.highlighted is None:
            return
        folder = options.get_option_at_index(options.highlighted).id or ""
        forget(folder)
        self.refresh_recent()
        self.notify(_("Removed {folder} from the list; the folder is untouched.").format(folder=folder))

    @on(Button.Pressed, "#new")
    def _new(self) -> None:
        self.wb.action_new_engagement()

    @on(Button.Pressed, "#open")
    def _open_folder(self) -> None:
        self.wb.action_open_folder()

    @on(Button.Pressed, "#jobdesc")
    def _jobdesc(self) -> None:
        self.post_message(m.SectionRequested("jobdesc"))

    @on(Button.Pressed, "#portfolio")
    def _portfolio(self) -> None:
        self.action_portfolio()

    def action_portfolio(self) -> None:
        """The recent engagements that still exist, and the team store's when $CRMWB_STORE names one."""
        from workbench.store.choose import team_address
        from workbench.tui.screens.portfolio import PortfolioScreen

        folders = [Path(r.folder) for r in load_recent() if r.exists]
        self.app.push_screen(PortfolioScreen(folders, team_address()))
