"""One intake question as a form: its text, help, and the input its type calls for.

choice: a ChoiceList, RadioSet's keys drawn as one widget (a Select when the list is long);
multi_choice: a SelectionList; yes_no: a Switch; number and text: an Input validated by
domain.intake.parse_answer, so `۱۲`, `2,5` and `да` mean what they mean in `crmwb intake`. The form only
posts AnswerCommitted; the intake screen saves.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Input, Label, Select, SelectionList, Static, Switch
from textual.widgets.selection_list import Selection

from workbench.domain.intake import YES_NO_WORDS, AnswerInputError, format_answer, parse_answer
from workbench.domain.locale import localize_digits
from workbench.domain.questions import Question
from workbench.domain.text import tr
from workbench.i18n import _
from workbench.tui.bidi import visual
from workbench.tui.messages import AnswerCommitted
from workbench.tui.widgets.bidi_text import BidiText
from workbench.tui.widgets.choice_list import ChoiceList

RADIO_LIMIT = 6
"""More options than this get a Select, so the form still fits 24 rows."""


class AnswerValidator(Validator):
    """Typed text must parse as an answer to the question (the same parser as the CLI)."""

    def __init__(self, question: Question) -> None:
        super().__init__()
        self.question = question

    def validate(self, value: str) -> ValidationResult:
        try:
            parse_answer(self.question, value)
        except AnswerInputError as exc:
            return self.failure(str(exc))
        return self.success()


def hint(question: Question, lang: str) -> str:
    """How to answer, and what the default is when the question is still open."""
    if question.type == "number":
        low = "" if question.min is None else localize_digits(f"{question.min:g}", lang)
        high = "" if question.max is None else localize_digits(f"{question.max:g}", lang)
        text = _("A number {low}..{high}").format(low=low, high=high) if low or high else _("A number")
        text += _("; Enter saves.")
    elif question.type == "text":
        text = _("Enter saves.") + ("" if question.required else " " + _("Optional."))
    elif question.type == "multi_choice":
        text = _("Space ticks an option; every tick is saved.")
    elif question.type == "yes_no":
        text = _("Space toggles and saves; Ctrl+S saves the shown value.")
    else:
        text = _("Choose one; the choice is saved.")
    if question.default is not None:
        text += " " + _("Default: {value}.").format(
            value=localize_digits(format_answer(question, question.default, lang), lang)
        )
    return text


class QuestionForm(Vertical):
    DEFAULT_CSS = """
    QuestionForm { height: auto; padding: 0 1; }
    QuestionForm .q-position { color: $text-muted; }
    QuestionForm .q-text { text-style: bold; margin: 0 0 1 0; }
    QuestionForm .q-help { color: $text-muted; margin: 0 0 1 0; }
    QuestionForm .q-hint { color: $text-muted; }
    QuestionForm .q-error { color: $text-error; }
    QuestionForm .q-yes-no { height: auto; }
    QuestionForm .q-yes-no Label { padding: 1 1; }
    QuestionForm ChoiceList, QuestionForm SelectionList { width: 1fr; max-height: 12; }
    """

    def __init__(
        self,
        question: Question,
        value: Any,
        lang: str,
        position: str,
        *,
        applies: bool = True,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.question, self.value, self.lang = question, value, lang
        self.position, self.applies = position, applies
        self.shown = value if value is not None else question.default
        """what the input shows first: the answer, else the default (Ctrl+S saves what is shown)"""
        self.initial_text = format_answer(question, self.shown, lang)
        self._select_echo = True

    # ---- layout
    def compose(self) -> ComposeResult:
        q, lang = self.question, self.lang
        from workbench.tui.screens.intake import group_name

        note = "  " + _("(does not apply to the answers so far; kept)") if not self.applies else ""
        yield Label(visual(f"{self.position} · {group_name(q.group, lang)}{note}"), classes="q-position")
        yield BidiText(tr(q.text, lang), classes="q-text")
        help_lines = [tr(q.help, lang)] if q.help else []
        help_lines += [f"{tr(o.label, lang)}: {tr(o.help, lang)}" for o in q.options if o.help]
        if help_lines:
            yield BidiText("\n".join(help_lines), classes="q-help")
        yield self._input()
        yield BidiText(hint(q, lang), classes="q-hint")
        yield Static("", id="q-error", classes="q-error", markup=False)

    def _input(self) -> Widget:
        q, value, lang = self.question, self.shown, self.lang
        if q.type == "choice" and len(q.options) <= RADIO_LIMIT:
            ids = [o.id for o in q.options]
            return ChoiceList(
                [visual(tr(o.label, lang)) for o in q.options],
                ids.index(value) if value in ids else None,
                id="answer",
            )
        if q.type == "choice":
            return Select(
                [(visual(tr(o.label, lang)), o.id) for o in q.options],
                prompt=visual(_("Choose one")),
                value=value if value in q.option_ids() else Select.NULL,
                id="answer",
            )
        if q.type == "multi_choice":
            chosen = set(value if isinstance(value, list) else [])
            return SelectionList[str](
                *[Selection(visual(tr(o.label, lang)), o.id, o.id in chosen) for o in q.options], id="answer"
            )
        if q.type == "yes_no":
            shown = value if isinstance(value, bool) else bool(q.default)
            row = Horizontal(
                Switch(shown, id="answer"),
                Label(self._yes_no_label(shown), id="yes-no-label"),
                classes="q-yes-no",
            )
            return row
        return Input(
            self.initial_text,
            placeholder=visual(hint(q, lang).split(";")[0].split("؛")[0].rstrip(".")),
            validators=[AnswerValidator(q)],
            validate_on=["submitted"],
            id="answer",
        )

    def _yes_no_label(self, shown: bool) -> str:
        yes, no = YES_NO_WORDS.get(self.lang, YES_NO_WORDS["en"])
        word = yes if shown else no
        return visual(
            word if isinstance(self.value, bool) else _("{answer} (not answered yet)").format(answer=word)
        )

    def focus_input(self) -> None:
        self.query_one("#answer").focus()

    # ---- committing
    def _commit(self, value: Any, advance: bool = False) -> None:
        self.query_one("#q-error", Static).update("")
        self.value = value
        self.initial_text = format_answer(self.question, value, self.lang)
        self.post_message(AnswerCommitted(self.question.id, value, advance))

    def _error(self, text: str) -> None:
        self.query_one("#q-error", Static).update(visual(text))

    def shown_answer(self) -> tuple[Any] | None:
        """What the input shows now (Ctrl+S), as a 1-tuple: a default shown, a value typed without Enter;
        None (with the reason under the input) when it shows no valid answer."""
        widget = self.query_one("#answer")
        q = self.question
        if isinstance(widget, ChoiceList):
            if widget.chosen is None:
                self._error(_("Choose an option first."))
                return None
            return (q.options[widget.chosen].id,)
        if isinstance(widget, Select):
            if widget.value is Select.NULL:
                self._error(_("Choose an option first."))
                return None
            return (widget.value,)
        if isinstance(widget, SelectionList):
            return (self._ordered(widget.selected),)
        if isinstance(widget, Switch):
            return (widget.value,)
        if isinstance(widget, Input):
            try:
                return (parse_answer(q, widget.value),)
            except AnswerInputError as exc:
                self._error(str(exc))
        return None

    def saved(self, value: Any) -> None:
        """The screen took `value` as this question's answer (Ctrl+S): show it as answered."""
        self.query_one("#q-error", Static).update("")
        self.value = self.shown = value
        self.initial_text = format_answer(self.question, value, self.lang)
        for label in self.query("#yes-no-label").results(Label):
            label.update(self._yes_no_label(bool(value)))

    def _ordered(self, selected: list[str]) -> list[str]:
        return [oid for oid in self.question.option_ids() if oid in set(selected)]

    def _commit_text(self, text: str, advance: bool) -> bool:
        try:
            value = parse_answer(self.question, text)
        except AnswerInputError as exc:
            self._error(str(exc))
            return False
        self._commit(value, advance)
        return True

    @on(ChoiceList.Changed, "#answer")
    def _radio(self, event: ChoiceList.Changed) -> None:
        event.stop()
        self._commit(self.question.options[event.index].id)

    @on(Select.Changed, "#answer")
    def _select(self, event: Select.Changed) -> None:
        event.stop()
        echo, self._select_echo = self._select_echo, False
        if echo and event.value == self.shown:
            return  # the Select announcing the value it was built with, not a choice
        if event.value is not Select.NULL:
            self._commit(event.value)

    @on(SelectionList.SelectedChanged, "#answer")
    def _multi(self, event: SelectionList.SelectedChanged) -> None:
        event.stop()
        self._commit(self._ordered(event.selection_list.selected))

    @on(Switch.Changed, "#answer")
    def _switch(self, event: Switch.Changed) -> None:
        event.stop()
        self._commit(event.value)
        self.query_one("#yes-no-label", Label).update(self._yes_no_label(event.value))

    @on(Input.Submitted, "#answer")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._commit_text(event.value, advance=True)

    @on(Input.Blurred, "#answer")
    def _blurred(self) -> None:
        typed = self.typed_answer()
        if typed is not None:
            self._commit(typed[0])

    def has_typed_text(self) -> bool:
        """Text typed into the input that is neither saved nor what it showed at first (valid or not)."""
        widget = self.query_one("#answer")
        return isinstance(widget, Input) and widget.value.strip() not in ("", self.initial_text.strip())

    def changed_elsewhere(self, value: Any) -> None:
        """Another writer saved `value` for this question while text was typed here: keep the typed text
        (never lost), remember the file's value as what the input stands against, and say so under it."""
        self.value = self.shown = value
        self.initial_text = format_answer(self.question, value, self.lang)
        self._error(
            _("Changed elsewhere to {answer}; your text is kept: Enter or Ctrl+S saves it instead.").format(
                answer=self.initial_text or "—"
            )
        )

    def typed_answer(self) -> tuple[Any] | None:
        """A valid answer typed but not saved yet (focus moved, or the screen moves on), as a 1-tuple so
        that any value can be returned; None when there is none. Nothing typed is lost this way."""
        widget = self.query_one("#answer")
        if not isinstance(widget, Input):
            return None
        if not widget.value.strip() or widget.value.strip() == self.initial_text.strip():
            return None  # nothing typed, or the answer / default it showed from the start
        try:
            return (parse_answer(self.question, widget.value),)
        except AnswerInputError as exc:
            self._error(str(exc))
            return None
