"""A KPI's trend as a bar chart in the terminal: one bar per measurement (the latest on the right), the
target as a dashed line across, the value axis labelled with the highest and lowest values and the time
axis with the first and last dates, all written the reader's way (Persian digits, decimal comma).

`chart_rows` is pure (values in, rows of cells out), so the drawing is tested without a terminal."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widget import Widget

from workbench.domain.locale import format_number, format_short_date
from workbench.domain.tracking import Trend
from workbench.i18n import _, current_language
from workbench.tui.bidi import visual
from workbench.tui.colours import theme_style

BLOCKS = " ▁▂▃▄▅▆▇█"
TARGET = "╌"


@dataclass(frozen=True)
class Cell:
    char: str
    kind: str
    """"bar", "target" (the target line where no bar covers it) or "" (empty)"""


def chart_rows(values: list[float], target: float | None, height: int, width: int) -> list[list[Cell]]:
    """`height` rows (top first) of bars for the last values that fit in `width` columns, each bar as
    wide as the room allows (1 to 3 columns), with the target's row marked where no bar reaches."""
    values = values[-width:] if width > 0 else []
    if not values or height <= 0:
        return []
    scale = values + ([target] if target is not None else [])
    low, high = min(min(scale), 0.0), max(scale)
    span = (high - low) or 1.0
    bar = max(1, min(3, width // len(values)))
    target_row = None if target is None else min(height - 1, int((target - low) / span * height))
    rows = []
    for level in range(height - 1, -1, -1):
        row = []
        for value in values:
            fill = (value - low) / span * height - level
            eighths = max(0, min(8, round(fill * 8)))
            if eighths:
                row += [Cell(BLOCKS[eighths], "bar")] * bar
            elif level == target_row:
                row += [Cell(TARGET, "target")] * bar
            else:
                row += [Cell(" ", "")] * bar
        rows.append(row)
    return rows


class KpiChart(Widget):
    """The chart of one KPI's trend; `show(None)` empties it."""

    DEFAULT_CSS = """
    KpiChart { width: 1fr; height: 100%; }
    """
    HEIGHT = 4

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.trend: Trend | None = None

    def show(self, trend: Trend | None) -> None:
        self.trend = trend
        self.refresh()

    def render(self) -> Text:
        trend = self.trend
        if trend is None or not trend.points:
            return Text(visual(_("No values recorded yet: v records one.")), style="dim")
        lang = current_language()
        values = [p.value for p in trend.points]
        scale = values + [trend.target]
        labels = [format_number(max(scale), lang), format_number(min(min(scale), 0.0), lang)]
        pad = max(len(label) for label in labels)
        width = max(1, (self.size.width or 40) - pad - 2)
        rows = chart_rows(values, trend.target, self.HEIGHT, width)
        bar_style = theme_style(self.app, "success" if trend.on_track else "accent")
        target_style = theme_style(self.app, "warning")
        out = Text()
        for index, row in enumerate(rows):
            label = labels[0] if index == 0 else labels[1] if index == len(rows) - 1 else ""
            out.append(f"{label:>{pad}} ┤", style="dim")
            for cell in row:
                out.append(
                    cell.char, style=bar_style if cell.kind == "bar" else target_style if cell.kind else ""
                )
            out.append("\n")
        shown = trend.points[-width:]
        first, last = (
            format_short_date(shown[0].measured_on, lang),
            format_short_date(shown[-1].measured_on, lang),
        )
        out.append(" " * (pad + 2) + (f"{first} … {last}" if len(shown) > 1 else first), style="dim")
        out.append("\n")
        out.append(" " * (pad + 2) + TARGET * 2, style=target_style)
        out.append(
            visual(" " + _("target {value}").format(value=format_number(trend.target, lang))), style="dim"
        )
        return out
