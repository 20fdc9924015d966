"""A Gantt timeline in text cells, for a terminal: the engagement's span cut into weeks, months or quarters
(the finest that fits the width), each unit a whole number of cells, and each task a run of cells from its
start to its finish.

Pure, so the TUI's plan column and its tests draw the same bars. The units follow the reader's calendar:
Persian weeks start on Saturday and its months are Solar Hijri months (its quarters the four seasons);
English and Russian weeks start on Monday, months are Gregorian. Right to left (Persian), the cells are
given in visual order: the earliest day is the rightmost cell.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from workbench.domain.locale import (
    EN_MONTHS,
    JALALI_MONTHS,
    JALALI_SEASONS,
    RU_MONTHS,
    format_jalali_short,
    gregorian_to_jalali,
    jalali_to_gregorian,
)

Scale = Literal["week", "month", "quarter"]
MIN_CELLS: dict[Scale, int] = {"week": 2, "month": 1, "quarter": 1}
"""the fewest cells a unit may take: a week of one cell is too fine to read; a month fits one"""
Cell = Literal["", "bar", "late", "baseline", "today"]
"""what one cell shows: nothing, the task's bar, its bar after the baseline finish (the slip), the
baseline finish outside the bar (the task is ahead), or today's column"""
FIRST_WEEKDAY = {"fa": 5}
"""the weekday a week starts on (Monday, 0, unless listed): Saturday in Iran"""


@dataclass(frozen=True)
class Timeline:
    scale: Scale
    bounds: tuple[date, ...]
    """the first day of each unit, then the day after the last unit"""
    per_unit: int
    """cells per unit"""
    rtl: bool = False

    @property
    def units(self) -> int:
        return len(self.bounds) - 1

    @property
    def width(self) -> int:
        return self.units * self.per_unit

    def cell_of(self, day: date) -> int:
        """The logical cell (0 is the earliest) that holds `day`; days outside the span take the edge."""
        unit = min(max(bisect_right(self.bounds, day) - 1, 0), self.units - 1)
        first, after = self.bounds[unit], self.bounds[unit + 1]
        offset = (min(max(day, first), after - timedelta(days=1)) - first).days
        return unit * self.per_unit + offset * self.per_unit // (after - first).days

    def shown_at(self, cell: int) -> int:
        """Where logical cell `cell` is drawn: mirrored right to left."""
        return self.width - 1 - cell if self.rtl else cell

    def cells(
        self,
        start: date,
        finish: date,
        *,
        baseline: date | None = None,
        today: date | None = None,
    ) -> list[Cell]:
        """One task's row of cells in drawing order: its bar from `start` to `finish` (a day's task fills
        its one cell), the cells after its `baseline` finish marked late, or the baseline's cell marked
        when it lies after the bar; today's cell marked where the row is empty."""
        row: list[Cell] = [""] * self.width
        first, last = self.cell_of(start), self.cell_of(max(start, finish))
        late_from = self.cell_of(baseline) + 1 if baseline is not None else last + 1
        if today is not None and self.bounds[0] <= today < self.bounds[-1]:
            row[self.cell_of(today)] = "today"
        for cell in range(first, last + 1):
            row[cell] = "late" if cell >= late_from else "bar"
        if baseline is not None and self.cell_of(baseline) > last:
            row[self.cell_of(baseline)] = "baseline"
        return row[::-1] if self.rtl else row

    def axis(self, lang: str, lay_out: Callable[[str], str] = lambda text: text) -> str:
        """The heading line: each unit's label at its first cell, as many as fit without touching (the
        first always); right to left each label ends at its unit's first cell. `lay_out` turns a label
        into the order a terminal draws it (the TUI's bidi)."""
        line = [" "] * self.width
        free = 0  # the first logical cell a label may take
        for unit in range(self.units):
            text = lay_out(unit_label(self.scale, self.bounds[unit], lang))
            at = unit * self.per_unit
            if at < free or (at + len(text) > self.width and unit):
                continue
            room = self.width - at
            text = text[max(0, len(text) - room) :] if self.rtl else text[:room]
            for i, char in enumerate(text):
                line[self.shown_at(at + i) - (len(text) - 1 - 2 * i if self.rtl else 0)] = char
            free = at + len(text) + 1
        return "".join(line)


def unit_start(scale: Scale, day: date, lang: str) -> date:
    """The first day of the unit holding `day`."""
    if scale == "week":
        return day - timedelta(days=(day.weekday() - FIRST_WEEKDAY.get(lang, 0)) % 7)
    months = 1 if scale == "month" else 3
    if lang == "fa":
        jy, jm, _ = gregorian_to_jalali(day)
        return jalali_to_gregorian(jy, jm - (jm - 1) % months, 1)
    return date(day.year, day.month - (day.month - 1) % months, 1)


def next_unit(scale: Scale, first: date, lang: str) -> date:
    """The first day of the unit after the one starting on `first`."""
    if scale == "week":
        return first + timedelta(days=7)
    return unit_start(scale, first + timedelta(days=32 if scale == "month" else 95), lang)


def unit_bounds(scale: Scale, start: date, finish: date, lang: str) -> tuple[date, ...]:
    bounds = [unit_start(scale, start, lang)]
    while bounds[-1] <= finish:
        bounds.append(next_unit(scale, bounds[-1], lang))
    return tuple(bounds)


def timeline(start: date, finish: date, width: int, lang: str, rtl: bool = False) -> Timeline:
    """The finest scale whose units, at their MIN_CELLS each, fit `width` cells (quarters when nothing
    does), each unit as many cells as the width allows."""
    for scale in ("week", "month", "quarter"):
        bounds = unit_bounds(scale, start, finish, lang)
        units = len(bounds) - 1
        if units * MIN_CELLS[scale] <= width or scale == "quarter":
            return Timeline(scale, bounds, max(1, width // units), rtl)
    raise AssertionError("unreachable: quarters always fit")


def unit_label(scale: Scale, first: date, lang: str) -> str:
    """A unit's heading: a week by its first day ('16 Mar', '16 мар', '۲۵ اسفند'), a month by its short
    name (a Solar Hijri month in Persian), a quarter by its first month (a season in Persian)."""
    if lang == "fa":
        if scale == "week":
            return format_jalali_short(first)
        _, jm, _ = gregorian_to_jalali(first)
        return JALALI_MONTHS[jm - 1] if scale == "month" else JALALI_SEASONS[(jm - 1) // 3]
    month = (RU_MONTHS if lang == "ru" else EN_MONTHS)[first.month - 1][:3]
    return f"{first.day} {month}" if scale == "week" else month
