"""Theme colours for Rich renderables (DataTable cells), resolved for every theme the palette offers.

A theme variable is Textual CSS, not a Rich colour: `$text-muted` is `auto 60%` (a contrast colour that
depends on the background), the ANSI themes give `ansi_green`. Rich understands neither, and one bad cell
style ended the app. Here every value becomes a real Rich colour, or none at all (the default text colour)
when a future theme invents something we cannot read: a colour is never worth a crash.
"""

from __future__ import annotations

from rich.color import Color as RichColor
from rich.style import Style
from textual.app import App
from textual.color import Color


def _parse(value: str, background: Color | None) -> Color | None:
    value = value.strip()
    if value.startswith("auto"):
        if background is None:
            return None
        alpha = 1.0
        rest = value[4:].strip()
        if rest.endswith("%"):
            try:
                alpha = max(0.0, min(1.0, float(rest[:-1]) / 100))
            except ValueError:
                return None
        return background + background.get_contrast_text(alpha)
    try:
        return Color.parse(value)
    except Exception:  # noqa: BLE001 — any unreadable value falls back to the default colour
        return None


def theme_colour(app: App, variable: str) -> RichColor | None:
    """The Rich colour of theme variable `variable` (no `$`) in the app's current theme, or None."""
    variables = app.theme_variables
    value = variables.get(variable)
    if not value:
        return None
    raw_background = variables.get("background", "")
    background = None if raw_background.startswith("auto") else _parse(raw_background, None)
    colour = _parse(value, background)
    if colour is None:
        return None
    try:
        return colour.rich_color
    except Exception:  # noqa: BLE001
        return None


def theme_style(app: App, variable: str, bold: bool = False) -> Style:
    """A Rich style in a theme colour ($error, $success, $accent, $text-muted...); bold when asked."""
    return Style(color=theme_colour(app, variable), bold=bold)
