"""Textual's Header, whose title update tolerates a header that is being taken down.

Header keeps its title current with watchers on the app's and the screen's title and subtitle. Opening an
engagement sets the subtitle while screens are being replaced, and switching the language rebuilds them;
a watcher that ran for a header whose title widget was already removed (or not yet mounted) raised
NoMatches, which ended the app. Here the same watchers skip such a header: it is about to go, or will
read the title when it mounts."""

from __future__ import annotations

from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.events import Mount
from textual.widgets import Header
from textual.widgets._header import HeaderTitle


class SafeHeader(Header):
    def _on_mount(self, event: Mount) -> None:
        # Header's own handler would register the watchers that raise; Widget's (next in line, also
        # skipped) only shows scrollbars for `overflow: scroll`, which a header never has
        event.prevent_default()

        async def set_title() -> None:
            try:
                self.query_one(HeaderTitle).update(self.format_title())
            except (NoScreen, NoMatches):
                pass

        self.watch(self.app, "title", set_title)
        self.watch(self.app, "sub_title", set_title)
        self.watch(self.screen, "title", set_title)
        self.watch(self.screen, "sub_title", set_title)
