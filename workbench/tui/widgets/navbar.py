"""One line under the header naming the sections and their keys; a click switches section.

It only presents: the links run the app's `section` action, the same one the keys run, and sections
that need an engagement are dimmed while none is open."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

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
        full = self._bar(short=False)
        return full if full.cell_length <= self.content_region.width else self._bar(short=True)

    def _bar(self, short: bool) -> Content:
        has_engagement = getattr(self.app, "session", None) is not None
        parts: list[Content] = []
        for section in SECTIONS:
            label = f"{section.key.upper()} {(short and section.short) or section.label}"
            if section.id == self.current:
                style = "bold $background on $primary"
            elif section.needs_engagement and not has_engagement:
                style = "$text-disabled"
            else:
                style = "$text"
            parts.append(
                Content.from_markup(f"[{style} @click=app.section({section.id!r})] $label [/]", label=label)
            )
        return Content(" ").join(parts)
