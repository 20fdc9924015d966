"""One answer among a few options, as a list with a mark on the chosen one: what Textual's RadioSet does
for an intake question, drawn as one widget.

A RadioSet is a container with a RadioButton widget per option, each styled, laid out and painted, and
its first use parses the CSS of three widget classes: 14 ms of the 0.43 s `crmwb open` takes to its first
screen when the first open question is a choice, and again at every choice question shown. This is an
OptionList (one widget, its options drawn as lines) with RadioSet's keys and meaning: the arrows move
the highlight, Enter or Space chooses the highlighted option, a click chooses the option clicked; the
chosen option carries ●, the others ○; `Changed` is posted only when the choice changes.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

CHOSEN, NOT_CHOSEN = "●", "○"


class ChoiceList(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,right", "cursor_down", "Next option", show=False),
        Binding("up,left", "cursor_up", "Previous option", show=False),
        Binding("enter,space", "select", "Choose", show=False),
    ]
    DEFAULT_CSS = """
    ChoiceList {
        height: auto;
    }
    """

    class Changed(Message):
        """The choice changed: `index` is the option now chosen."""

        def __init__(self, choice_list: ChoiceList, index: int) -> None:
            super().__init__()
            self.choice_list = choice_list
            self.index = index

        @property
        def control(self) -> ChoiceList:
            return self.choice_list

    def __init__(self, labels: list[str], chosen: int | None = None, *, id: str | None = None) -> None:
        self.labels = list(labels)
        self.chosen = chosen
        """the index of the option chosen, None while nothing is"""
        super().__init__(*(Option(self._prompt(i)) for i in range(len(labels))), id=id)

    def _prompt(self, index: int) -> Content:
        mark = CHOSEN if index == self.chosen else NOT_CHOSEN
        return Content(f"{mark} {self.labels[index]}")

    def on_mount(self) -> None:
        self.highlighted = self.chosen if self.chosen is not None else 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        if index == self.chosen:
            return
        before, self.chosen = self.chosen, index
        for changed in (before, index):
            if changed is not None:
                self.replace_option_prompt_at_index(changed, self._prompt(changed))
        self.post_message(self.Changed(self, index))
