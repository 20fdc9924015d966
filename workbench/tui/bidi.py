"""Persian text laid out for an ordinary terminal, only when it is painted.

Most terminals draw characters in stored (logical) order, left to right, and do not join Arabic-script
letters, so Persian comes out backwards and broken. When the `bidi` setting is `app` (the default), text
with right-to-left characters is shaped (arabic-reshaper joins the letters into their contextual forms)
and reordered into visual order (python-bidi, the Unicode bidi algorithm) just before it is drawn; stored
data, search and exports always keep the logical text. A terminal that does bidi itself (`bidi =
"terminal"`) gets the text as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache

_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_mode = "app"


def set_mode(mode: str) -> None:
    global _mode
    _mode = mode
    visual.cache_clear()


def has_rtl(text: str) -> bool:
    return bool(_RTL.search(text))


@lru_cache(maxsize=8192)
def visual(text: str) -> str:
    """`text` in the order an ordinary terminal must draw it; unchanged without right-to-left letters or
    when the terminal lays it out itself. Each line is laid out on its own."""
    if _mode != "app" or not has_rtl(text):
        return text
    import arabic_reshaper
    from bidi import get_display

    return "\n".join(
        get_display(arabic_reshaper.reshape(line), base_dir="R") if has_rtl(line) else line
        for line in text.split("\n")
    )


def paint(value):
    """A value about to be drawn (str, Rich Text or Textual Content) laid out with `visual()` and, when it
    holds right-to-left text, right-aligned (Rich Text: a table cell hugs the right edge of its column).
    Everything else is returned as it is. Used where widgets receive text to draw (table cells, column
    headers, tab and section labels, footer keys, detail lines), never where text is stored or edited."""
    from rich.text import Text
    from textual.content import Content

    if isinstance(value, str):
        return visual(value)
    if isinstance(value, Text):
        if not has_rtl(value.plain):
            return value
        whole = [s.style for s in value.spans if s.start == 0 and s.end >= len(value.plain)]
        style = whole[0] if len(whole) == 1 and len(value.spans) == 1 else value.style
        return Text(visual(value.plain), style=style, justify="right", no_wrap=value.no_wrap, end=value.end)
    if isinstance(value, Content):
        if not has_rtl(value.plain):
            return value
        whole = [s.style for s in value.spans if s.start == 0 and s.end >= len(value.plain)]
        return Content.styled(visual(value.plain), whole[0]) if whole else Content(visual(value.plain))
    return value


def current_mode() -> str:
    return _mode


def mark_rtl(screen) -> None:
    """Give a screen the `-rtl` class while the interface language reads right to left, so its text
    blocks hug the right edge (app.tcss); called from compose, which a language switch runs again."""
    from workbench.i18n import current_language
    from workbench.languages import RTL_LANGUAGES

    screen.set_class(current_language() in RTL_LANGUAGES, "-rtl")


def visual_wrapped(text: str, width: int) -> str:
    """Right-to-left `text` wrapped to `width` in reading order, then each line laid out, for widgets that
    cut a long line instead of wrapping it (a checklist item): the reader sees its beginning, not its end.
    Other text is returned unchanged."""
    if _mode != "app" or not has_rtl(text) or width < 8:
        return visual(text)
    import textwrap

    return "\n".join(visual(line) for line in textwrap.wrap(text, width) or [""])
