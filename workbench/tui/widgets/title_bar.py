"""The bar at the top of every workbench screen: its icon, then `title — subtitle` centred. One widget,
drawn as Textual's Header draws itself with four.

Why not Textual's Header:
- it is four widgets (the header, its icon, its title and the space it keeps for a clock), each styled,
  laid out and painted: 3.5 ms of the 0.43 s `crmwb open` takes to its first screen, and again at each
  new screen;
- its title watchers raised NoMatches for a header being taken down while a subtitle changed (opening an
  engagement, switching the language), which ended the app: the workaround overrode a private handler;
- its title is not laid out for right-to-left, so a Persian client name in the subtitle showed its
  letters in reverse on terminals without bidi.

It looks the same, cell for cell: 8 columns for the icon (hovering shows the same shade, clicking opens
the command palette), the title centred in what is left after the 10 columns Textual keeps for its clock,
the subtitle dim, an ellipsis when the line is too long.
"""

from __future__ import annotations

from textual.color import Color
from textual.content import Content
from textual.events import Click, Leave, MouseMove
from textual.reactive import reactive
from textual.widget import Widget

from workbench.i18n import _
from workbench.tui.bidi import visual

ICON_WIDTH = 8
"""Textual's HeaderIcon: `width: 8; padding: 0 1`"""
CLOCK_WIDTH = 10
"""Textual's HeaderClockSpace, kept empty on the right so the title is centred as it was"""


class TitleBar(Widget):
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    icon_hovered: reactive[bool] = reactive(False)

    def __init__(self, icon: str = "◆", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.icon = icon

    def on_mount(self) -> None:
        for owner in (self.app, self.screen):
            self.watch(owner, "title", self._retitle, init=False)
            self.watch(owner, "sub_title", self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    def _titles(self) -> tuple[str, str]:
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        return title, sub_title

    @property
    def title_text(self) -> str:
        """`title — subtitle` in logical order: what a test or a copy reads."""
        title, sub_title = self._titles()
        return f"{title} — {sub_title}" if sub_title else title

    def render(self) -> Content:
        icon = Content(f" {self.icon}").pad_right(ICON_WIDTH - 1 - len(self.icon))
        if self.icon_hovered:
            icon = icon.stylize(f"on {self._hover_shade().hex}")
        title, sub_title = self._titles()
        shown = Content(_laid_out(title))
        if sub_title:  # as Textual's App.format_title: the dash and the subtitle dim
            shown = Content.assemble(shown, (" — ", "dim"), (_laid_out(sub_title), "dim"))
        room = max(self.size.width - ICON_WIDTH - CLOCK_WIDTH, 0)
        shown = shown.truncate(room, ellipsis=True)
        spare = room - shown.cell_length
        # Persian screens: the title hugs the right edge, as text does there; else centred
        left = spare if self.screen.has_class("-rtl") else spare // 2
        return Content.assemble(icon, shown.pad(left, spare - left), " " * CLOCK_WIDTH)

    def _hover_shade(self) -> Color:
        """Textual's HeaderIcon:hover, `$foreground 10%` over the bar's background."""
        variables = self.app.theme_variables
        background = self.styles.background
        return background.blend(Color.parse(variables.get("foreground", "white")), 0.1)

    def on_mouse_move(self, event: MouseMove) -> None:
        over = event.x < ICON_WIDTH
        if over != self.icon_hovered:  # the tooltip is updated on the screen at each set: only on a change
            self.icon_hovered = over
            self.tooltip = _("Open the command palette") if over else None

    def on_leave(self, _event: Leave) -> None:
        self.icon_hovered = False
        self.tooltip = None

    async def on_click(self, event: Click) -> None:
        if event.x < ICON_WIDTH and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")


SEPARATOR = " · "


def _laid_out(text: str) -> str:
    """Each ` · `-separated part laid out for the terminal on its own (a Persian client's name reads right
    to left), the parts kept in their order: `client · playbook version`."""
    return SEPARATOR.join(visual(part) for part in text.split(SEPARATOR))
