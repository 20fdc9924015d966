"""The workbench's fixed words at the moment they are drawn: key descriptions and Textual's own words.

Bindings are class constants, built at import time in English (`N_` marks them for the catalogue); Textual
reads `Binding.description` and `tooltip` every time the footer, the keys panel or the help is drawn, so
the screens hand Textual translated copies of their active bindings (`translated_bindings`) and a switch of
language shows at the next draw without rebuilding any binding table. Textual's own English (the palette's
key, its system commands and placeholder) is marked here and translated the same way.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import ActiveBinding, Binding

from workbench.i18n import N_, _
from workbench.tui.bidi import visual

TEXTUAL_WORDS = (
    N_("palette"),
    N_("Open the command palette"),
    N_("Search for commands…"),
    N_("Theme"),
    N_("Change the current theme"),
    N_("Quit"),
    N_("Quit the application as soon as possible"),
    N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
)
"""Textual's English, kept here so the catalogue has it (Textual itself has no translations)."""


def translated(binding: Binding) -> Binding:
    """A copy of `binding` whose words are in the interface language, laid out for the terminal."""
    return replace(
        binding,
        description=visual(_(binding.description)) if binding.description else "",
        tooltip=_(binding.tooltip) if binding.tooltip else "",
    )


def translated_bindings(bindings: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    return {
        key: active._replace(
            binding=translated(active.binding),
            tooltip=_(active.tooltip) if active.tooltip else active.tooltip,
        )
        for key, active in bindings.items()
    }


class TranslatedKeys:
    """A modal's footer and keys panel in the interface language, as on the workbench screens (put it
    before ModalScreen among the bases)."""

    @property
    def active_bindings(self):
        return translated_bindings(super().active_bindings)


class TitledDialog(TranslatedKeys):
    """A modal whose title (`title_text`) also names it in the F1 help."""

    title_text: str

    @property
    def help_name(self) -> str:
        return self.title_text
