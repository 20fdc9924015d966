"""The footer every workbench screen and dialog shows: Textual's compact Footer, its keys compact from birth.

Textual's Footer binds each key's `compact` to its own; the key's watcher then adds the `-compact` class
after the key is mounted, and a class added to a mounted widget restyles it on the spot. The footer is
composed again whenever the screen's keys change (shown, focus moved), so with ~15 keys that was 30 restyles
on the start screen alone, about 7 % of its CPU time before the first frame. Here each key carries the class
when it is made: the watcher then finds it there and does nothing; the look is the same.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class CompactFooter(Footer):
    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, compact=True)

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.set_class(self.compact, "-compact", update=False)
            yield widget
