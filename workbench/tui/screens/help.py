"""Key bindings: those that apply on the screen the help was opened from, then every screen's own.

Built from the BINDINGS the screens declare, so the help cannot drift from the keys."""

from __future__ import annotations

import re
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Label

from workbench.i18n import N_, _
from workbench.tui.bidi import visual
from workbench.tui.sections import SECTIONS
from workbench.tui.widgets.keys_help import NO_KEYS, KeyRow, KeysHelp, Part

KEY_NAMES = {
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "escape": "Esc",
    "space": "Space",
    "enter": "Enter",
    "slash": "/",
    "plus": "+",
    "equals_sign": "=",
    "minus": "-",
    "exclamation_mark": "!",
    "asterisk": "*",
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


def key_rows(bindings: list[Binding]) -> list[KeyRow]:
    """One row per key that says something: its key, what it does, and more words when there are any."""
    return [
        (_key(b), _(b.description) if b.description else b.action, _(b.tooltip) if b.tooltip else "")
        for b in bindings
        if b.description or b.tooltip
    ]


def table(rows: list[KeyRow]) -> str:
    """One Markdown line per key: `key` **what it does**: more words, when there are any."""
    lines = [f"- `{key}` **{what}**" + (f": {more}" if more else "") for key, what, more in rows]
    return "\n".join(lines) if lines else f"_{_(NO_KEYS)}_"


def class_bindings(cls: type) -> list[Binding]:
    """A screen's keys, then those of the workbench classes it is built on (Phases on the week's tools,
    a dialog on the form's frame): Textual merges them the same way (a key the screen binds hides the
    base's binding of that key); its own screens' keys are left out."""
    seen: set[str] = set()
    keys: set[str] = set()
    out: list[Binding] = []
    for base in cls.__mro__:
        if "BINDINGS" not in base.__dict__ or not base.__module__.startswith("workbench."):
            continue
        for binding in Binding.make_bindings(base.__dict__["BINDINGS"]):
            if (binding.id or binding.key) not in seen and binding.key not in keys:
                seen.add(binding.id or binding.key)
                out.append(binding)
        keys |= {b.key for b in Binding.make_bindings(base.__dict__["BINDINGS"])}
    return out


def screen_classes() -> list[tuple[str, type[Screen]]]:
    """Every section's screen class, in section order (Deliverables when it is installed)."""
    from workbench.tui.screens.export import ExportScreen
    from workbench.tui.screens.intake import IntakeScreen
    from workbench.tui.screens.jobdesc import JobdescScreen
    from workbench.tui.screens.people import PeopleScreen
    from workbench.tui.screens.phases import PhasesScreen
    from workbench.tui.screens.start import StartScreen

    classes: dict[str, type[Screen]] = {
        "start": StartScreen,
        "intake": IntakeScreen,
        "phases": PhasesScreen,
        "export": ExportScreen,
        "jobdesc": JobdescScreen,
        "people": PeopleScreen,
    }
    try:
        from workbench.tui.screens.deliverables import DeliverablesScreen

        classes["deliverables"] = DeliverablesScreen
    except ImportError:
        pass
    return [(_(s.label), classes[s.id]) for s in SECTIONS if s.id in classes]


def help_markdown(current: Screen) -> str:
    """The screen the help was opened from first, then the keys that work everywhere, then the rest."""
    return as_markdown(help_parts(current))


def as_markdown(parts: list[Part]) -> str:
    texts = (table(part) if isinstance(part, list) else part for _kind, part in parts)
    return "\n\n".join(text for text in texts if text)


def help_lines(current: Screen) -> list[tuple[str, str]]:
    """The same help as plain lines with a style each, for right-to-left text laid out by BidiText (the
    Markdown widget cannot lay out Persian for a terminal without bidi)."""
    lines: list[tuple[str, str]] = []
    for kind, part in help_parts(current):
        if isinstance(part, list):
            rows = [f"{key} {what}" + (f": {more}" if more else "") for key, what, more in part]
            lines += [(row.replace("`", "").replace("**", ""), "") for row in rows]
            if not rows:  # plain text: the words in the dim italic KeysHelp uses, not Markdown's _marks_
                lines.append((_(NO_KEYS), "dim italic"))
        elif not part:
            continue
        elif kind == "heading":
            lines += [("", ""), (part.removeprefix("## "), "bold")]
        else:
            lines.append((part.replace("`", ""), "dim"))
    return lines[1:]


def help_parts(current: Screen) -> list[Part]:
    """In reading order: headings, a screen's sentence, its keys."""
    return own_parts(current) + other_parts(current)


def own_parts(current: Screen) -> list[Part]:
    """The screen the help was opened from: its sentence and its keys."""
    from workbench.tui.sections import BY_ID

    section = getattr(current, "SECTION", "")
    name = (
        _(BY_ID[section].label) if section in BY_ID else getattr(current, "help_name", type(current).__name__)
    )  # a dialog names itself
    return [
        ("heading", f"## {_('This screen ({name})').format(name=name)}"),
        ("text", _help(current)),
        ("keys", key_rows(class_bindings(type(current)))),
    ]


def other_parts(current: Screen) -> list[Part]:
    """The keys that work everywhere, then every other section's sentence and keys (their screens'
    modules are imported for them)."""
    app_bindings = Binding.make_bindings(type(current.app).BINDINGS)
    parts: list[Part] = [
        ("heading", f"## {_('Everywhere')}"),
        ("keys", key_rows(list(app_bindings))),
        (
            "text",
            _(
                "Ctrl+P opens the command palette: every action, namespaced (`phase:`, `task:`, "
                "`export:` ...)."
            ),
        ),
    ]
    for label, cls in screen_classes():
        if cls is type(current):
            continue
        parts += [
            ("heading", f"## {label}"),
            ("text", _help(cls)),
            ("keys", key_rows(class_bindings(cls))),
        ]
    return parts


def _help(screen) -> str:
    """A screen's HELP sentence (an N_ constant) in the interface language."""
    text = getattr(screen, "HELP", "")
    return _(text) if text else ""


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "close", N_("Close"), id="help.close", tooltip=N_("Back to the screen"))
    ]

    def __init__(self, current: Screen) -> None:
        super().__init__(classes="dialog")
        self.current = current

    def compose(self) -> ComposeResult:
        from workbench.tui.bidi import mark_rtl

        mark_rtl(self)
        with Vertical(classes="dialog-box wide", id="help-box"):
            yield Label(visual(_("Keys")), classes="dialog-title")
            with VerticalScroll(id="help-scroll"):
                from workbench.i18n import current_language
                from workbench.languages import RTL_LANGUAGES
                from workbench.tui import bidi

                if current_language() in RTL_LANGUAGES and bidi.current_mode() == "app":
                    from workbench.tui.widgets.bidi_text import BidiText

                    yield BidiText(lines=help_lines(self.current), id="help-text")
                else:  # the rest follows the first paint: it imports every section's screen
                    yield KeysHelp(own_parts(self.current), id="help-keys")

    def on_mount(self) -> None:
        if self.query("#help-keys"):
            self.call_after_refresh(self._show_others)

    def _show_others(self) -> None:
        self.query_one("#help-keys", KeysHelp).set_parts(help_parts(self.current))

    def action_close(self) -> None:
        self.dismiss(None)
