"""One line under the header naming the sections and their keys; a click switches section.

It only presents: the links run the app's `section` action, the same one the keys run, and sections
that need an engagement are dimmed while none is open."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from workbench.i18n import _
from workbench.tui.bidi import visual
from workbench.tui.sections import SECTIONS


class NavBar(Widget):
    DEFAULT_CSS = """
    NavBar {
        height: 1;
        width: 1fr;
        background: $panel;
        color: $text-muted;
        padding: 0 1;
        link-style: none;
        link-style-hover: bold;
        link-background-hover: $primary 30%;
    }
    """

    def __init__(self, current: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.current = current

    def render(self) -> Content:
        width = self.content_region.width
        full = self._bar(short=False)
        if full.cell_length <= width:
            return full
        short = self._bar(short=True)
        return short if short.cell_length <= width else self._bar(short=True, tight=True)

    def _bar(self, short: bool, tight: bool = False) -> Content:
        """The sections in one line; `short` labels where they have one, and `tight` without the space
        around each (80 columns in Persian or Russian hold eight sections only so)."""
        pad = "" if tight else " "
        has_engagement = getattr(self.app, "session", None) is not None
        parts: list[Content] = []
        for section in SECTIONS:
            label = f"{section.key.upper()} {visual(_((short and section.short) or section.label))}"
            if section.id == self.current:
                style = "bold $background on $primary"
            elif section.needs_engagement and not has_engagement:
                style = "$text-disabled"
            else:
                style = "$text"
            link = f"[{style} @click=app.section({section.id!r})]{pad}$label{pad}[/]"
            parts.append(Content.from_markup(link, label=label))
        return Content(" ").join(parts)
