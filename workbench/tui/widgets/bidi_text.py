"""Text of several lines that may be Persian: wrapped in reading order first, then laid out line by line.

A terminal without bidi needs each Persian line reversed for display (workbench.tui.bidi), but only after
the text is wrapped: reversing a long paragraph and letting the widget wrap it would show its last words
on the first line. This widget wraps the logical text to its own width and lays out each wrapped line,
so a paragraph reads top to bottom, each line right to left. Text without right-to-left letters (and
every text when the terminal does bidi itself) is handed to Textual as it is, wrapped the usual way.
"""

from __future__ import annotations

import textwrap

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from workbench.tui import bidi

Line = tuple[str, str]
"""(logical text, Textual style such as "bold" or "dim" or "")"""


class BidiText(Widget):
    DEFAULT_CSS = """
    BidiText { height: auto; }
    """

    def __init__(
        self,
        text: str = "",
        *,
        style: str = "",
        lines: list[Line] | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._lines: list[Line] = list(lines) if lines is not None else [(text, style)] if text else []

    @property
    def text(self) -> str:
        """The logical text shown (what a test or a copy reads), never the laid-out one."""
        return "\n".join(text for text, _style in self._lines)

    def update(self, text: str = "", style: str = "") -> None:
        self.set_lines([(text, style)] if text else [])

    def set_lines(self, lines: list[Line]) -> None:
        self._lines = list(lines)
        self.clear_cached_dimensions()
        self.refresh(layout=True)

    def _laid_out(self) -> bool:
        return bidi.current_mode() == "app" and any(bidi.has_rtl(text) for text, _style in self._lines)

    def _rows(self, width: int) -> list[Line]:
        """Each logical line wrapped to `width`, then put in display order."""
        rows: list[Line] = []
        for text, style in self._lines:
            for paragraph in text.split("\n"):
                wrapped = textwrap.wrap(paragraph, max(width, 1), drop_whitespace=True) or [""]
                rows += [(bidi.visual(part), style) for part in wrapped]
        return rows

    def _content(self, rows: list[Line]) -> Content:
        return Content("\n").join(
            Content.styled(text, style) if style else Content(text) for text, style in rows
        )

    def render(self) -> Content:
        if self._laid_out():
            return self._content(self._rows(self.content_region.width or self.size.width or 80))
        return self._content(self._lines)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if self._laid_out():
            return len(self._rows(width)) if width else 0
        return super().get_content_height(container, viewport, width)
