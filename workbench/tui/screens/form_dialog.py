"""The frame of the dialogs that collect a few inputs (a due date, a KPI value, an override reason, the
report's formats): a title, the form, buttons, and a footer with the dialog's keys.

Escape always means cancel; when something was typed it first asks whether to discard it, so a
half-filled form is never lost to a stray key. Subclasses write `compose_form`, say whether the form
`is_dirty`, and dismiss with their value."""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import Event
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from workbench.i18n import N_, _
from workbench.tui.bidi import mark_rtl, visual
from workbench.tui.chrome import TitledDialog
from workbench.tui.widgets.bidi_text import BidiText
from workbench.tui.widgets.compact_footer import CompactFooter

T = TypeVar("T")


class FormDialog(TitledDialog, ModalScreen[T], Generic[T]):
    """A modal form; `help_name` names it in the F1 help, `HELP` says what it is for."""

    HELP: ClassVar[str] = ""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "cancel",
            N_("Cancel"),
            id="form.cancel",
            tooltip=N_("Close without a change (asks first when something was typed)"),
        ),
        Binding("ctrl+s", "submit", N_("Save"), id="form.submit", tooltip=N_("Check the form and save it")),
        Binding(
            "f1",
            "app.help",
            N_("Help"),
            id="form.help",
            tooltip=N_("The keys of this screen and of every other"),
        ),
    ]
    box_classes = "dialog-box"

    def __init__(self, title: str) -> None:
        super().__init__(classes="dialog form-dialog")
        self.title_text = title

    async def _on_message(self, message: Message) -> None:
        """A handler of the form that raises (a bug of ours) is reported and the form stays open with what
        was typed, as on every workbench screen; events (mount, keys) are left to Textual."""
        try:
            await super()._on_message(message)
        except Exception as exc:  # noqa: BLE001 — reported; the person keeps their input
            report = getattr(self.app, "report_error", None)
            if report is None or isinstance(message, Event):
                raise
            report(exc, _("Handling {what}").format(what=type(message).__name__))

    def compose(self) -> ComposeResult:
        mark_rtl(self)
        with Vertical(classes=self.box_classes):
            yield Label(visual(self.title_text), classes="dialog-title")
            yield from self.compose_form()
            yield BidiText(id="form-error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(visual(self.ok_label()), variant="primary", id="ok", compact=True)
                yield Button(visual(_("Cancel")), id="cancel", compact=True)
        yield CompactFooter()

    def compose_form(self) -> ComposeResult:
        yield from ()

    def ok_label(self) -> str:
        return _("Save")

    def is_dirty(self) -> bool:
        """True when the person typed something that Escape would throw away."""
        return False

    def submit(self) -> None:
        """Check the form; dismiss with the value, or `show_error` and stay."""

    def show_error(self, message: str) -> None:
        self.query_one("#form-error", BidiText).update(message)

    def action_submit(self) -> None:
        self.submit()

    @on(Button.Pressed, "#ok")
    def _ok(self, event: Button.Pressed) -> None:
        event.stop()
        self.submit()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()

    def action_cancel(self) -> None:
        if not self.is_dirty():
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog(
                _("Discard what you typed?"),
                _("The form is closed and nothing is saved."),
                yes=_("Discard"),
                no=_("Keep editing"),
            ),
            answered,
        )


class ConfirmDialog(TitledDialog, ModalScreen[bool]):
    """Yes or no; Escape and n say no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "no", N_("Keep editing"), id="confirm.no", tooltip=N_("Back to the form")),
        Binding("y", "yes", N_("Discard"), id="confirm.yes", tooltip=N_("Close the form without saving")),
    ]

    def __init__(self, title: str, text: str, *, yes: str, no: str) -> None:
        super().__init__(classes="dialog")
        self.title_text, self.text, self.yes, self.no = title, text, yes, no

    def compose(self) -> ComposeResult:
        mark_rtl(self)
        with Vertical(classes="dialog-box"):
            yield Label(visual(self.title_text), classes="dialog-title")
            yield BidiText(self.text, classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(visual(self.yes), variant="error", id="yes", compact=True)
                yield Button(visual(self.no), id="no", compact=True)
        yield CompactFooter()

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def action_yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_no(self) -> None:
        self.dismiss(False)
