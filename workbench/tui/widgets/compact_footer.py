"""The footer every workbench screen and dialog shows: Textual's compact Footer, its keys compact from birth,
composed again only when what it shows changes.

Textual's Footer binds each key's `compact` to its own; the key's watcher then adds the `-compact` class
after the key is mounted, and a class added to a mounted widget restyles it on the spot. Here each key
carries the class when it is made: the watcher then finds it there and does nothing; the look is the same.

Textual also composes the footer again whenever the screen's bindings are updated, which is at every focus
move, although moving between two inputs, or two rows' widgets, seldom changes the keys: each time ~15 keys
were removed, mounted and styled again (9 times while `crmwb open` showed its section). Here the footer
notes what it showed (each key, its label, whether it is enabled, its tooltip) and composes again only
when that differs.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class CompactFooter(Footer):
    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, compact=True)
        self._shown: tuple | None = None
        """what the last compose showed (see `_showing`); None: nothing yet"""

    def _showing(self) -> tuple:
        """Everything compose reads that can change while the footer is mounted (before the screen's
        bindings are ready compose shows nothing, and reads nothing: the screen may not be composed yet)."""
        if not self._bindings_ready:
            return (False,)
        app = self.app
        keys = tuple(
            (
                binding.key,
                app.get_key_display(binding),
                binding.description,
                binding.action,
                binding.group.description if binding.group else None,
                enabled,
                tooltip,
            )
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show or binding.action == "command_palette"
        )
        return (self._bindings_ready, self.show_command_palette, app.ENABLE_COMMAND_PALETTE, keys)

    def compose(self) -> ComposeResult:
        self._shown = self._showing()
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        if self.is_attached and self._showing() != self._shown:
            await self.recompose()
