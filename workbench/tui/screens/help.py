"""Key bindings: those that apply on the screen the help was opened from, then every screen's own.

Built from the BINDINGS the screens declare, so the help cannot drift from the keys."""

from __future__ import annotations

import re
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Markdown

from workbench.tui.sections import SECTIONS

KEY_NAMES = {
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "escape": "Esc",
    "space": "Space",
    "enter": "Enter",
}


def _key(binding: Binding) -> str:
    """`Ctrl+S`, `F1`, `[`: as people say them (the footer shows the short form, ^s)."""
    out = []
    for key in binding.key.split(","):
        key = KEY_NAMES.get(key, key)
        if key.startswith("ctrl+"):
            key = "Ctrl+" + (key[5:].upper() if len(key) == 6 else key[5:])
        out.append(key.upper() if re.fullmatch(r"f\d+", key) else key)
    return ", ".join(out)


def table(bindings: list[Binding]) -> str:
    """One line per key: `key` **what it does**: more words, when there are any."""
    rows = [
        f"- `{_key(b)}` **{b.description or b.action}**" + (f": {b.tooltip}" if b.tooltip else "")
        for b in bindings
        if b.description or b.tooltip
    ]
    return "\n".join(rows) if rows else "_No keys of its own._"


def screen_classes() -> list[tuple[str, type[Screen]]]:
    """Every section's screen class, in section order (Deliverables when it is installed)."""
    from workbench.tui.screens.export import ExportScreen
    from workbench.tui.screens.intake import IntakeScreen
    from workbench.tui.screens.jobdesc import JobdescScreen
    from workbench.tui.screens.phases import PhasesScreen
    from workbench.tui.screens.start import StartScreen

    classes: dict[str, type[Screen]] = {
        "start": StartScreen,
        "intake": IntakeScreen,
        "phases": PhasesScreen,
        "export": ExportScreen,
        "jobdesc": JobdescScreen,
    }
    try:
        from workbench.tui.screens.deliverables import DeliverablesScreen

        classes["deliverables"] = DeliverablesScreen
    except ImportError:
        pass
    return [(s.label, classes[s.id]) for s in SECTIONS if s.id in classes]


def help_markdown(current: Screen) -> str:
    """The screen the help was opened from first, then the keys that work everywhere, then the rest."""
    app_bindings = Binding.make_bindings(type(current.app).BINDINGS)
    parts = [
        f"## This screen ({getattr(current, 'SECTION', '') or type(current).__name__})",
        getattr(current, "HELP", ""),
        table(list(Binding.make_bindings(type(current).BINDINGS))),
        "## Everywhere",
        table(list(app_bindings)),
        "Ctrl+P opens the command palette: every action, namespaced (`phase:`, `task:`, `export:` ...).",
    ]
    for label, cls in screen_classes():
        if cls is type(current):
            continue
        parts += [f"## {label}", getattr(cls, "HELP", ""), table(list(Binding.make_bindings(cls.BINDINGS)))]
    return "\n\n".join(p for p in parts if p)


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "close", "Close", id="help.close", tooltip="Back to the screen")
    ]

    def __init__(self, current: Screen) -> None:
        super().__init__(classes="dialog")
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box wide", id="help-box"):
            yield Label("Keys", classes="dialog-title")
            with VerticalScroll(id="help-scroll"):
                yield Markdown(help_markdown(self.current))

    def action_close(self) -> None:
        self.dismiss(None)
