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
