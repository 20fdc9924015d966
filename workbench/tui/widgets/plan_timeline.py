"""The plan table's Gantt column: each task's bar over the engagement's span, drawn from
domain.plan_timeline's cells in the theme's colours (critical tasks in $error, the slip after the baseline
finish in $warning, today's column in $accent), under a heading of localised unit labels.

The column is as wide as the terminal allows beside the label columns: weeks at 120 columns, months (or
quarters) in the compact form below NARROW_BELOW. Right to left (Persian) the earliest day is rightmost."""

from __future__ import annotations

from datetime import date

from rich.style import Style
from rich.text import Text
from textual.widgets import DataTable

from workbench.domain.plan import Plan
from workbench.domain.plan_timeline import Cell, Timeline, timeline
from workbench.languages import RTL_LANGUAGES
from workbench.tui.bidi import visual
from workbench.tui.widgets.paged_table import theme_style

NARROW_CELLS, WIDE_CELLS = 20, 60
BESIDE_LABELS = 72
"""the columns the wide table's label and first date columns take; the timeline gets the rest"""
GLYPHS: dict[Cell, str] = {"": " ", "bar": "█", "late": "▒", "baseline": "┃", "today": "│"}
STYLES: dict[Cell, str] = {"late": "warning", "baseline": "warning", "today": "accent"}


def cells_for(terminal_width: int, narrow: bool) -> int:
    """The timeline's width in cells: a compact column in a narrow terminal, the room left otherwise."""
    return NARROW_CELLS if narrow else max(NARROW_CELLS, min(WIDE_CELLS, terminal_width - BESIDE_LABELS))


def plan_timeline(plan: Plan, terminal_width: int, narrow: bool, lang: str) -> Timeline:
    return timeline(plan.start, plan.finish, cells_for(terminal_width, narrow), lang, lang in RTL_LANGUAGES)


def axis_text(line: Timeline, lang: str) -> Text:
    """The column heading, already laid out for the terminal (the table paints only str headings)."""
    return Text(line.axis(lang, visual), style="bold", no_wrap=True)


def bar_text(table: DataTable, row: list[Cell], critical: bool) -> Text:
    """One task's cells as a Text: runs of one kind share a style (a theme colour, never a literal)."""
    styles = {kind: theme_style(table, variable) for kind, variable in STYLES.items()}
    styles["bar"] = theme_style(table, "error" if critical else "primary")
    text = Text(no_wrap=True)
    start = 0
    for end in range(1, len(row) + 1):
        if end == len(row) or row[end] != row[start]:
            kind = row[start]
            text.append(GLYPHS[kind] * (end - start), style=styles.get(kind, Style()))
            start = end
    return text


def today_of(table: DataTable) -> date:
    return getattr(table.app, "today", None) or date.today()
