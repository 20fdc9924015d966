"""The help's keys as one widget: headings, a sentence per screen, and a row per key whose words wrap
under the words, not under the key.

Textual's Markdown made a widget of every block: the full help was some 270 widgets (a paragraph, a
bullet and two containers per key), which took 0.75-0.9 s to open with F1 and about 0.5 s to restyle on
every theme change. This draws the same text from one widget. Persian, laid out right to left by the app,
goes through BidiText instead (screens/help.py)."""

from __future__ import annotations

import re
import textwrap

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from workbench.i18n import N_, _

KeyRow = tuple[str, str, str]
"""(the key as people say it, what it does, more words or "")"""
Part = tuple[str, "str | list[KeyRow]"]
"""(kind, content) in reading order: a heading or a sentence in Markdown, or a screen's keys"""
NO_KEYS = N_("No keys of its own.")
GAP = "  "


def _plain(markdown: str) -> str:
    """A sentence without its Markdown marks (`code`, **bold**, _emphasis_)."""
    return re.sub(r"(\*\*|`|(?<!\w)_|_(?!\w))", "", markdown)


class KeysHelp(Widget):
    DEFAULT_CSS = """
    KeysHelp { height: auto; padding: 0 1; }
    """

    def __init__(self, parts: list[Part] | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._parts: list[Part] = list(parts or [])
        self._lines_for: tuple[int, str] | None = None
        self._lines: list[Content] = []

    @property
    def text(self) -> str:
        """What is shown, as plain text (what a test reads)."""
        return "\n".join(line.plain for line in self.lines(self._width()))

    def set_parts(self, parts: list[Part]) -> None:
        self._parts = list(parts)
        self._lines_for = None
        self.clear_cached_dimensions()
        self.refresh(layout=True)

    def lines(self, width: int) -> list[Content]:
        """The lines at `width` in the current theme, kept until either changes (Textual asks for the
        height and then the content of the same frame)."""
        key = (width, self.app.theme)
        if self._lines_for != key:
            self._lines_for = key
            self._lines = self._layout(max(width, 20))
        return self._lines

    def _layout(self, width: int) -> list[Content]:
        accent = self.app.current_theme.accent or "bold"
        out: list[Content] = []
        for kind, part in self._parts:
            if isinstance(part, list):
                out += self._key_rows(part, width, accent)
            elif not part:
                continue
            elif kind == "heading":
                if out:
                    out.append(Content(""))
                out.append(Content.styled(part.removeprefix("## "), "bold underline"))
            else:
                out += [Content.styled(line, "dim") for line in textwrap.wrap(_plain(part), width) or [""]]
        return out

    @staticmethod
    def _key_rows(rows: list[KeyRow], width: int, accent: str) -> list[Content]:
        if not rows:
            return [Content.styled(_(NO_KEYS), "dim italic")]
        key_width = max(cell_len(key) for key, _what, _more in rows)
        indent = " " * (key_width + len(GAP))
        out: list[Content] = []
        for key, what, more in rows:
            text = f"{key}{' ' * (key_width - cell_len(key))}{GAP}{what}" + (
                f": {_plain(more)}" if more else ""
            )
            wrapped = textwrap.wrap(text, width, subsequent_indent=indent, break_on_hyphens=False) or [text]
            first = Content(wrapped[0]).stylize(f"bold {accent}", 0, len(key))
            start = len(key) + key_width - cell_len(key) + len(GAP)  # where `what` begins
            first = first.stylize("bold", start, min(start + len(what), len(wrapped[0])))
            out += [first, *(Content(line) for line in wrapped[1:])]
        return out

    def _width(self) -> int:
        """The width the lines are drawn at (the same for what a test reads, so nothing is laid out twice)."""
        return self.content_region.width or self.size.width or 80

    def render(self) -> Content:
        return Content("\n").join(self.lines(self._width()))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))
