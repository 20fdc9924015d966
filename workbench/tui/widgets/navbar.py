"""One line under the header naming the sections and their keys; a click switches section.

It only presents: the links run the app's `section` action, the same one the keys run, and sections
that need an engagement are dimmed while none is open."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from workbench.i18n import _
from workbench.tui.bidi import visual
from workbench.tui.sections import SECTIONS


class NavBar(Widget):
    DEFAULT_CSS = """
    NavBar {
        height: 1;
        width: 1fr;
        background: $panel;
        color: $text-muted;
        padding: 0 1;
        link-style: none;
        link-style-hover: bold;
        link-background-hover: $primary 30%;
    }
    """

    def __init__(self, current: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.current = current

    def render(self) -> Content:
        width = self.content_region.width
        full = self._bar(self._labels(short=False))
        if full.cell_length <= width:
            return full
        labels = self._labels(short=True)
        short = self._bar(labels)
        if short.cell_length <= width:
            return short
        return self._cut_to(width, labels)

    def _labels(self, short: bool) -> dict[str, str]:
        return {s.id: _((short and s.short) or s.label) for s in SECTIONS}

    def _cut_to(self, width: int, labels: dict[str, str]) -> Content:
        """Without the space around each section, and, while the line is still too long (nine sections in
        80 columns of Russian), the longest label of another section shortened one letter at a time and
        ended with …: every key stays visible, and the current section keeps its whole name."""
        kept = {sid: len(text) for sid, text in labels.items()}

        def cut() -> dict[str, str]:
            return {
                sid: text if kept[sid] >= len(text) else text[: kept[sid] - 1] + "…"
                for sid, text in labels.items()
            }

        bar = self._bar(labels, tight=True)
        while bar.cell_length > width:
            others = [sid for sid in kept if sid != self.current and kept[sid] > 2]
            if not others:
                break
            longest = max(others, key=lambda sid: kept[sid])
            kept[longest] -= 1
            bar = self._bar(cut(), tight=True)
        return bar

    def _bar(self, labels: dict[str, str], tight: bool = False) -> Content:
        """The sections in one line, each named by `labels`; `tight` without the space around each."""
        pad = "" if tight else " "
        has_engagement = getattr(self.app, "session", None) is not None
        parts: list[Content] = []
        for section in SECTIONS:
            label = f"{section.key.upper()} {visual(labels[section.id])}"
            if section.id == self.current:
                style = "bold $background on $primary"
            elif section.needs_engagement and not has_engagement:
                style = "$text-disabled"
            else:
                style = "$text"
            link = f"[{style} @click=app.section({section.id!r})]{pad}$label{pad}[/]"
            parts.append(Content.from_markup(link, label=label))
        return Content(" ").join(parts)
