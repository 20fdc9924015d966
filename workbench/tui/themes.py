"""The workbench's two themes. Colours are defined here once; styles use only the theme's variables."""

from __future__ import annotations

from textual.theme import Theme

DARK = "crmwb-dark"
LIGHT = "crmwb-light"

THEMES = (
    Theme(
        name=DARK,
        primary="#4C9BE8",
        secondary="#8E7CC3",
        accent="#F2A541",
        success="#4CAF7A",
        warning="#E8B04C",
        error="#E5635B",
        foreground="#DDE3EA",
        background="#12161C",
        surface="#1A2029",
        panel="#232B37",
        dark=True,
    ),
    Theme(
        name=LIGHT,
        primary="#1F66B8",
        secondary="#6A4FB3",
        accent="#B86A00",
        success="#2E7D4F",
        warning="#9A6200",
        error="#C23A32",
        foreground="#1C232B",
        background="#F5F7FA",
        surface="#FFFFFF",
        panel="#E3E8EF",
        dark=False,
    ),
)
