"""The dialogs of the acceptance section: log a defect from a script, move a defect's status, and the
question asked before a half-filled defect is thrown away.

They only collect; the screen that pushed them writes what they return. Escape on a defect with something
typed asks first, so a slip of the finger never loses a description."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from workbench.domain.defects import STATUS_LABELS
from workbench.domain.locale import localize_digits
from workbench.i18n import N_, _, current_language
from workbench.tui.bidi import mark_rtl, visual
from workbench.tui.chrome import TranslatedKeys
from workbench.tui.screens.form_dialog import ConfirmDialog
from workbench.tui.widgets.bidi_text import BidiText
from workbench.tui.widgets.compact_footer import CompactFooter


@dataclass(frozen=True)
class DefectDraft:
    """What the log dialog collected: a title, a severity as typed (checked by the store), links, owner."""

    title: str
    severity: str
    requirement: str
    script: str
    owner: str


class DefectDialog(TranslatedKeys, ModalScreen[DefectDraft | None]):
    """Log a defect found by a script: the script and its requirement are filled in."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", N_("Log defect"), id="defect.save", tooltip=N_("Log the defect as open")),
        Binding(
            "escape",
            "cancel",
            N_("Cancel"),
            id="defect.cancel",
            tooltip=N_("Close without logging (asks first when something was typed)"),
        ),
    ]

    def __init__(self, script: str, requirement: str, heading: str) -> None:
        super().__init__(classes="dialog")
        self.script, self.requirement, self.heading = script, requirement, heading
        self.severity = localize_digits("2", current_language())
        self.initial = ("", self.severity, requirement, "")

    def compose(self) -> ComposeResult:
        mark_rtl(self)
        with Vertical(classes="dialog-box wide"):
            yield Label(
                visual(_("Log a defect: {script}").format(script=self.script)), classes="dialog-title"
            )
            yield BidiText(self.heading, classes="dialog-text")
            yield Label(visual(_("What is wrong")))
            yield Input(
                placeholder=visual(_("e.g. the segment count does not refresh")),
                id="defect-title",
                compact=True,
            )
            yield BidiText(_("Severity: 1 critical, 2 major, 3 minor, 4 cosmetic"))
            yield Input(self.severity, id="defect-severity", compact=True)
            yield Label(visual(_("Requirement")))
            yield Input(self.requirement, id="defect-requirement", compact=True)
            yield Label(visual(_("Owner (who fixes it)")))
            yield Input(id="defect-owner", compact=True)
            yield Static("", id="defect-error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(visual(_("Log defect")), variant="primary", id="ok", compact=True)
                yield Button(visual(_("Cancel")), id="cancel", compact=True)
        yield CompactFooter()

    def _values(self) -> tuple[str, str, str, str]:
        return tuple(
            self.query_one(f"#defect-{name}", Input).value.strip()  # type: ignore[return-value]
            for name in ("title", "severity", "requirement", "owner")
        )

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def action_save(self) -> None:
        title, severity, requirement, owner = self._values()
        if not title:
            self.query_one("#defect-error", Static).update(
                visual(_("A defect needs a title; Escape cancels."))
            )
            self.query_one("#defect-title", Input).focus()
            return
        self.dismiss(DefectDraft(title, severity, requirement, self.script, owner))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if self._values() == self.initial:
            self.dismiss(None)
            return

        def answer(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog(
                _("Discard this defect?"),
                _("What you typed is not logged."),
                yes=_("Discard"),
                no=_("Keep editing"),
            ),
            answer,
        )


class StatusDialog(TranslatedKeys, ModalScreen[str | None]):
    """The statuses a defect can move to from where it is, one button each."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", N_("Cancel"), id="status.cancel")]

    def __init__(self, defect: str, title: str, moves: tuple[str, ...]) -> None:
        super().__init__(classes="dialog")
        self.defect, self.title_text, self.moves = defect, title, moves

    def compose(self) -> ComposeResult:
        mark_rtl(self)
        with Vertical(classes="dialog-box"):
            yield Label(visual(_("Status of {defect}").format(defect=self.defect)), classes="dialog-title")
            yield BidiText(self.title_text, classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                for status in self.moves:
                    yield Button(visual(_(STATUS_LABELS[status])), id=f"to-{status}", compact=True)
                yield Button(visual(_("Cancel")), id="cancel", compact=True)
        yield CompactFooter()

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        wanted = (event.button.id or "").removeprefix("to-")
        self.dismiss(wanted if wanted in self.moves else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
