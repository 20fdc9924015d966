"""Small modal dialogs: a one-line prompt (a reason, an assignee, a note, a folder) and an error report.

They only collect and show; whoever pushed them acts on the value they return."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.validation import Validator
from textual.widgets import Button, Input, Label, Static

from workbench.i18n import N_, _
from workbench.tui.bidi import mark_rtl, visual
from workbench.tui.chrome import TranslatedKeys
from workbench.tui.widgets.bidi_text import BidiText
from workbench.tui.widgets.compact_footer import CompactFooter


class PromptDialog(ModalScreen[str | None]):
    """Ask for one line of text; returns it stripped, or None when cancelled.

    With `required`, an empty answer is refused on the spot (a block or skip needs its reason)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), id="dialog.cancel", tooltip=N_("Close without a change"))
    ]

    def __init__(
        self,
        title: str,
        prompt: str,
        value: str = "",
        *,
        placeholder: str = "",
        required: bool = False,
        validators: Iterable[Validator] = (),
        suggester: Suggester | None = None,
        ok_label: str = "",
    ) -> None:
        super().__init__(classes="dialog")
        self.title_text, self.prompt, self.value = title, prompt, value
        self.placeholder, self.required = placeholder, required
        self.validators, self.suggester, self.ok_label = list(validators), suggester, ok_label or _("OK")

    def compose(self) -> ComposeResult:
        mark_rtl(self)
        with Vertical(classes="dialog-box"):
            yield Label(visual(self.title_text), classes="dialog-title")
            yield BidiText(self.prompt, classes="dialog-text")
            yield Input(
                self.value,
                placeholder=visual(self.placeholder),
                validators=self.validators,
                suggester=self.suggester,
                id="prompt-input",
            )
            yield Static("", id="prompt-error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(visual(self.ok_label), variant="primary", id="ok", compact=True)
                yield Button(visual(_("Cancel")), id="cancel", compact=True)

    def _submit(self) -> None:
        field = self.query_one("#prompt-input", Input)
        text = field.value.strip()
        error = self.query_one("#prompt-error", Static)
        if self.required and not text:
            error.update(visual(_("This needs an answer; Escape cancels.")))
            return
        result = field.validate(field.value)
        if result is not None and not result.is_valid:
            error.update(visual("; ".join(result.failure_descriptions)))
            return
        self.dismiss(text)

    @on(Input.Submitted, "#prompt-input")
    def _submitted(self) -> None:
        self._submit()

    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        self._submit()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class ErrorDialog(TranslatedKeys, ModalScreen[None]):
    """Say what went wrong and where: a message and, for files, one located problem per line."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "close", N_("Close"), id="dialog.close", tooltip=N_("Close this message"))
    ]

    def __init__(self, title: str, message: str, details: Iterable[str] = ()) -> None:
        super().__init__(classes="dialog")
        self.title_text, self.message, self.details = title, message, list(details)

    def compose(self) -> ComposeResult:
        mark_rtl(self)
        with Vertical(classes="dialog-box error-box"):
            yield Label(visual(self.title_text), classes="dialog-title")
            yield BidiText(self.message, classes="dialog-text")
            if self.details:
                with VerticalScroll(classes="dialog-details"):
                    yield Static(visual("\n".join(self.details)), markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(visual(_("Close")), variant="error", id="close", compact=True)
        yield CompactFooter()

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)
