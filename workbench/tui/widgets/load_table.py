"""Who is loaded when, in the plan tab: a row per role, a column per week, each cell the share of the role's
availability its tasks take that week.

The figures are domain.levelling's `role_load`, the same the xlsx Load sheet shows; a cell is that load
divided by the role's availability (the specialist's time share from the intake, one full-time person
otherwise), so 100 % is "all the time the role has" for every role alike. Above it is an over-allocation,
marked in the theme's error colour; weeks without work are muted. The role, its availability and its
peak week stay fixed on the left while the weeks scroll; roles page like every other long list.

Below NARROW_BELOW columns, when the weeks do not fit beside the fixed columns, the table counts in months:
a month's cell is the sum of its weeks' shares, so weeks of the role's time that month ("2.5" is two and a
half weeks' worth), red when any of its weeks is over; a resize across the line sets the columns again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from rich.console import RenderableType
from rich.text import Text

from workbench.domain.levelling import WeekLoad, role_load
from workbench.domain.locale import (
    EN_MONTHS,
    JALALI_MONTHS,
    RU_MONTHS,
    format_jalali_short,
    format_number,
    format_percent,
    gregorian_to_jalali,
)
from workbench.domain.plan import Plan
from workbench.domain.playbook import Playbook
from workbench.i18n import _, current_language
from workbench.tui.widgets.paged_table import PagedTable, clip, theme_style

OVER = 1.0 + 1e-6
"""a cell above this share of the availability is an over-allocation (rounding is not)"""
NARROW_FIXED_WIDTH = 40
"""what the role, availability and peak columns take in the narrow form, cell padding included"""
WEEK_COLUMN_WIDTH = 8
"""what a week column takes: its heading ('16 Mar', '۲۵ اسفند' is 8) or '100 %', and its padding"""


@dataclass(frozen=True)
class RoleLoad:
    role: str
    name: str
    availability: float
    """share of one person's time the role has (1.0 unless the intake gave a time share)"""
    weeks: list[WeekLoad]

    def share(self, load: float) -> float:
        """`load` (share of one person's time) as a share of this role's availability."""
        return load / self.availability if self.availability else 0.0

    @property
    def peak(self) -> float:
        return max((self.share(w.load) for w in self.weeks), default=0.0)

    @property
    def over_weeks(self) -> int:
        return sum(self.share(w.load) > OVER for w in self.weeks)


def role_loads(pb: Playbook, plan: Plan, role_names: dict[str, str]) -> list[RoleLoad]:
    """Each working role's load; the part-time roles (whose availability limits the plan) first."""
    loads = role_load(pb, plan)
    ordered = sorted(loads, key=lambda role: (role not in plan.availability, role))
    return [
        RoleLoad(role, role_names.get(role, role), plan.availability.get(role, 1.0), loads[role])
        for role in ordered
    ]


def week_label(day: date, lang: str) -> str:
    """A week column's heading, its first day: '16 Mar', '16.03', or '۲۵ اسفند' (Solar Hijri)."""
    if lang == "fa":
        return format_jalali_short(day)
    if lang == "ru":
        return day.strftime("%d.%m")
    return f"{day.day} {EN_MONTHS[day.month - 1][:3]}"


def month_of(day: date, lang: str) -> tuple[tuple[int, int], str]:
    """The month a week belongs to (that of its first day; the Solar Hijri month in Persian) and its
    heading: 'Mar', the month's first three letters in Russian, the Solar Hijri month's name in Persian."""
    if lang == "fa":
        year, month, _day = gregorian_to_jalali(day)
        return (year, month), JALALI_MONTHS[month - 1]
    names = RU_MONTHS if lang == "ru" else EN_MONTHS
    return (day.year, day.month), names[day.month - 1][:3]


def months(weeks: Sequence[WeekLoad], lang: str) -> list[tuple[str, list[int]]]:
    """The plan's weeks grouped by month, in order: (heading, the indices of the month's weeks)."""
    grouped: dict[tuple[int, int], tuple[str, list[int]]] = {}
    for index, week in enumerate(weeks):
        key, heading = month_of(week.week, lang)
        grouped.setdefault(key, (heading, []))[1].append(index)
    return list(grouped.values())


def percent(share: float, lang: str) -> str:
    return format_percent(round(share * 100), lang)


class LoadTable(PagedTable):
    FIXED: ClassVar[int] = 3

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(fixed_columns=self.FIXED, id=id)
        self.loads: list[RoleLoad] = []
        self.lang = "en"
        self.months: list[tuple[str, list[int]]] | None = None
        """the month columns (heading, week indices) while the table counts in months, else None"""

    def load(self, loads: list[RoleLoad]) -> None:
        self.loads, self.lang = loads, current_language()
        self.set_columns(self.narrow_columns())
        current = self.current_item
        self.set_items(loads, keep=current.role if current else None)

    def narrow_columns(self) -> list[tuple[str, Any]]:
        """Weeks, or months when the table is narrow and the weeks do not fit beside the fixed columns."""
        weeks = self.loads[0].weeks if self.loads else []
        fixed = [("role", _("Role")), ("availability", _("Availability")), ("peak", _("Peak"))]
        if self.narrow and NARROW_FIXED_WIDTH + WEEK_COLUMN_WIDTH * len(weeks) > self.app.size.width:
            self.months = months(weeks, self.lang)
            return fixed + [(f"m{index}", heading) for index, (heading, _w) in enumerate(self.months)]
        self.months = None
        return fixed + [(f"w{index}", week_label(w.week, self.lang)) for index, w in enumerate(weeks)]

    def item_key(self, item: RoleLoad) -> str:
        return item.role

    def _cell(self, item: RoleLoad, load: float) -> Text:
        share = item.share(load)
        if load <= 0:
            return Text("·", style=theme_style(self, "text-muted"), justify="right")
        style = theme_style(self, "error", bold=True) if share > OVER else ""
        return Text(percent(share, self.lang), style=style, justify="right")

    def render_item(self, item: RoleLoad, position: int) -> Sequence[RenderableType]:
        peak = item.peak
        return (
            Text(clip(item.name, 16 if self.narrow else 28)),
            Text(percent(item.availability, self.lang), justify="right"),
            Text(
                percent(peak, self.lang),
                justify="right",
                style=theme_style(self, "error", bold=True) if peak > OVER else "",
            ),
            *(self._periods(item)),
        )

    def _periods(self, item: RoleLoad) -> list[Text]:
        if self.months is None:
            return [self._cell(item, w.load) for w in item.weeks]
        return [self._month_cell(item, [item.weeks[i] for i in indices]) for _h, indices in self.months]

    def _month_cell(self, item: RoleLoad, weeks: list[WeekLoad]) -> Text:
        """The sum of the month's weekly shares (weeks of the role's time), red when a week is over."""
        total = sum(item.share(w.load) for w in weeks)
        if total <= 0:
            return Text("·", style=theme_style(self, "text-muted"), justify="right")
        over = any(item.share(w.load) > OVER for w in weeks)
        style = theme_style(self, "error", bold=True) if over else ""
        return Text(format_number(round(total, 1), self.lang), style=style, justify="right")
