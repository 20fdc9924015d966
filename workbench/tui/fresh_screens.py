"""A section's screen built for the first time without Textual re-reading every stylesheet.

Textual (8.x) marks every new screen as having seen no CSS generation yet, so creating a mode's screen
(`App._init_mode`) and then switching to it (`App.switch_mode`) each call `App.refresh_css()`: the theme
variables are set again, which empties the stylesheet's parse cache, every source (app.tcss and the
DEFAULT_CSS of every widget seen so far, ~45 on the Deliverables) is parsed anew and the styles of the
app are applied again. That refresh exists for a screen made after a theme change the stylesheet has not
caught up with yet. Our mode screens are made through `stamped`, which tells a new screen the generation
the stylesheet was last parsed for when that is the app's current one, so the refresh runs only when it
changes something. Textual's private counters are checked, not assumed: without them Textual's own way
stands (tests/tui/test_startup.py fails if they disappear).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from textual.screen import Screen

GENERATION = "_css_update_count"
"""Textual's counter, on the app (bumped by a theme change) and on each screen (the one it was styled for)"""


class ParsedCss(Protocol):
    css_parsed_generation: int | None
    """the app's CSS generation the stylesheet was last parsed for; None: not known"""


def stamped(app: ParsedCss, make: Callable[[], Screen]) -> Callable[[], Screen]:
    """`make` whose screen is marked as styled for the current CSS generation, when it is current."""

    def fresh() -> Screen:
        screen = make()
        parsed = app.css_parsed_generation
        if parsed is not None and parsed == getattr(app, GENERATION, None) and hasattr(screen, GENERATION):
            setattr(screen, GENERATION, parsed)
        return screen

    return fresh
