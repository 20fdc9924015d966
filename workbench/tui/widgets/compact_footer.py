"""The keys bar at the bottom of every workbench screen and dialog: Textual's compact Footer drawn as one
widget instead of one widget per key.

Textual's Footer is a container holding a FooterKey widget per key, each styled, laid out and painted,
and built again whenever the screen's bindings change (a keymap change, a dialog's keys): 8 ms of the
0.43 s `crmwb open` takes to its first screen, and again on every screen and dialog. This bar draws the
same cells from the screen's active bindings: each key in bold and its description, a space between
keys, the command palette's key on the right behind a thin rule; a disabled key dim. It does what the
keys did: a click presses the key (a disabled one rings the bell), hovering shades the key and shows its
tooltip. When the keys do not fit they are cut at the palette key (Textual's bar scrolled them under it).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.events import Leave, MouseDown, MouseMove
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget

DIM = Style(dim=True)
RULE = "▏"
"""Textual's `border-left: vkey` before the palette key"""


@dataclass(frozen=True)
class Key:
    key: str
    """the key to press when the key is clicked (the binding's first)"""
    display: str
    description: str
    enabled: bool
    tooltip: str


@dataclass(frozen=True)
class Placed:
    """A key drawn at columns [start, end) of the bar."""

    key: Key
    start: int
    end: int


class CompactFooter(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "compact-footer--key",
        "compact-footer--description",
        "compact-footer--hover",
        "compact-footer--rule",
    }
    DEFAULT_CSS = """
    CompactFooter {
        dock: bottom;
        height: 1;
        width: 100%;
        color: $footer-foreground;
        background: $footer-background;
        & > .compact-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .compact-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .compact-footer--hover {
            background: $block-hover-background;
        }
        & > .compact-footer--rule {
            color: $foreground 20%;
        }
    }
    """

    hovered: reactive[str | None] = reactive(None)
    """the key under the mouse (its binding's key), or None"""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._ready = False
        """the screen has published its bindings: until then the bar is empty, as Textual's is"""
        self._placed: list[Placed] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen) -> None:
        self._ready = True
        if self.is_attached and screen is self.screen:
            self.refresh()

    # ---- what is shown
    def keys(self) -> tuple[list[Key], Key | None]:
        """The screen's shown keys (one per action, in Textual's order) and the command palette's."""
        if not self._ready:
            return [], None
        app = self.app
        active = self.screen.active_bindings
        by_action: dict[str, Key] = {}
        for _node, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in by_action:
                by_action[binding.action] = Key(
                    binding.key, app.get_key_display(binding), binding.description, enabled, tooltip
                )
        palette = None
        if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
            _node, binding, enabled, tooltip = active[app.COMMAND_PALETTE_BINDING]
            palette = Key(
                binding.key,
                app.get_key_display(binding),
                binding.description,
                enabled,
                binding.tooltip or binding.description,
            )
        return list(by_action.values()), palette

    def render(self) -> Text:
        keys, palette = self.keys()
        bar = self.rich_style
        styles = {
            "key": self.get_component_rich_style("compact-footer--key"),
            "description": self.get_component_rich_style("compact-footer--description"),
        }
        hover = Style(bgcolor=self.get_component_rich_style("compact-footer--hover").bgcolor)
        line, placed = self._drawn(keys, styles, hover, bar)
        if palette is None:
            self._placed = placed
            return line
        rule = (RULE, self.get_component_rich_style("compact-footer--rule"))
        tail, [spot] = self._drawn([palette], styles, hover, bar, before=rule)
        room = max(self.size.width - tail.cell_len, 0)
        fitting = [p.key for p in placed if p.end <= room]  # whole keys only, left of the palette key
        if len(fitting) < len(placed):
            line, placed = self._drawn(fitting, styles, hover, bar)
        self._placed = [*placed, Placed(spot.key, spot.start + room, spot.end + room)]
        line.truncate(room, pad=True)
        line.append_text(tail)
        return line

    def _drawn(
        self,
        keys: list[Key],
        styles: dict[str, Style],
        hover: Style,
        bar: Style,
        before: tuple[str, Style] | None = None,
    ) -> tuple[Text, list[Placed]]:
        """`keys` one after the other, each followed by a space of the bar, and where each one lies."""
        parts: list[tuple[str, Style]] = []
        placed: list[Placed] = []
        column = 0
        for key in keys:
            extra = (hover if key.key == self.hovered else Style()) + (Style() if key.enabled else DIM)
            drawn = [before] if before is not None else []
            drawn.append((key.display, styles["key"]))
            if key.description:
                drawn.append((f" {key.description}", styles["description"]))
            width = sum(Text(text).cell_len for text, _style in drawn)
            parts += [(text, style + extra) for text, style in drawn]
            parts.append((" ", bar))
            placed.append(Placed(key, column, column + width))
            column += width + 1
        return Text.assemble(*parts, no_wrap=True, end=""), placed

    # ---- the mouse
    def _at(self, x: int) -> Key | None:
        return next((spot.key for spot in self._placed if spot.start <= x < spot.end), None)

    def on_mouse_move(self, event: MouseMove) -> None:
        key = self._at(event.x)
        over = key.key if key is not None else None
        if over != self.hovered:  # the tooltip is updated on the screen at each set: only on a change
            self.hovered = over
            self.tooltip = (key.tooltip or None) if key is not None else None

    def on_leave(self, _event: Leave) -> None:
        self.hovered = None
        self.tooltip = None

    def on_mouse_down(self, event: MouseDown) -> None:
        key = self._at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
