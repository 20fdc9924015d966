"""The client's working calendar: which days work in its country, and which do not.

A plan that puts a task on a Friday in Tehran, or through the Russian January holidays, is a plan the
consultant cannot send. Every date the product computes (the plan, due dates, late and at-risk, KPI target
dates, review cadences) is counted on one `WorkCalendar`: the country's weekend, its public holidays, the
engagement's own extra days off (a company shutdown) and declared working days (Russia's transferred
working Saturdays), which win over both.

Public holidays come from the well-kept `holidays` package (Iran and Russia among the ~200 countries it
knows, with Iran's lunar holidays and Russia's substituted days off), imported only when a country is
named, so code that never schedules does not pay for it.
"""

from __future__ import annotations

import calendar
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT_WEEKEND = frozenset({5, 6})
"""Saturday and Sunday: the calendar when no country is known."""
YEARS_AHEAD = 6
"""Holidays are loaded from the year before the start to this many years after: longer than any rollout."""


@dataclass(frozen=True)
class WorkCalendar:
    country: str | None = None
    weekend: frozenset[int] = DEFAULT_WEEKEND
    """weekday numbers (Monday 0) that do not work"""
    days_off: frozenset[date] = frozenset()
    """public holidays and the engagement's extra days off"""
    working: frozenset[date] = frozenset()
    """days declared working even on a weekend or holiday (transferred working Saturdays)"""
    names: Mapping[date, str] = field(default_factory=dict, compare=False)
    """why a day is off, for the plan's calendar sheet and the date picker"""

    def __post_init__(self) -> None:
        if not set(range(7)) - set(self.weekend) and not self.working:
            raise ValueError("the weekend covers every day of the week; expected at least one working day")

    def is_working(self, day: date) -> bool:
        if day in self.working:
            return True
        return day.weekday() not in self.weekend and day not in self.days_off

    def first_working(self, day: date) -> date:
        """`day` itself when it works, else the next working day."""
        for _ in range(3660):
            if self.is_working(day):
                return day
            day += timedelta(days=1)
        raise ValueError(f"no working day within ten years of {day.isoformat()}")

    def add(self, start: date, days: int) -> date:
        """The date `days` working days after `start` (day 0 is the first working day on or after start)."""
        current = self.first_working(start)
        for _ in range(max(days, 0)):
            current = self.first_working(current + timedelta(days=1))
        return current

    def days(self, start: date, count: int) -> list[date]:
        """Working days 0..count-1 from `start`, in one pass."""
        out = [self.first_working(start)]
        while len(out) < count:
            out.append(self.first_working(out[-1] + timedelta(days=1)))
        return out

    def between(self, first: date, last: date) -> int:
        """Working days from `first` to `last`, both included (0 when last is before first)."""
        count, day = 0, first
        while day <= last:
            count += self.is_working(day)
            day += timedelta(days=1)
        return count

    def off_days(self, first: date, last: date) -> list[tuple[date, str]]:
        """Every non-working weekday between two dates with its reason (weekends left out)."""
        out = []
        day = first
        while day <= last:
            if day in self.days_off and day not in self.working and day.weekday() not in self.weekend:
                out.append((day, self.names.get(day, "")))
            day += timedelta(days=1)
        return out


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def parse_weekend(days: Iterable[str]) -> frozenset[int]:
    """['thu', 'fri'] -> {3, 4}; unknown names raise ValueError naming the valid ones."""
    out = set()
    for name in days:
        key = str(name).strip().lower()[:3]
        if key not in WEEKDAYS:
            raise ValueError(f"unknown weekday {name!r}; expected one of {', '.join(WEEKDAYS)}")
        out.add(WEEKDAYS.index(key))
    return frozenset(out)


def known_country(country: str) -> bool:
    import holidays

    return country.upper() in holidays.list_supported_countries()


def country_calendar(
    country: str | None,
    start: date,
    *,
    weekend: frozenset[int] | None = None,
    extra_off: Iterable[date] = (),
    extra_working: Iterable[date] = (),
    lang: str = "en",
) -> WorkCalendar:
    """The calendar of `country` (ISO 3166 alpha-2) around `start`, with the engagement's own changes.

    Without a country: a Saturday–Sunday weekend and no public holidays (what the plan did before it
    knew where the client works). An explicit `weekend` replaces the country's (an Iranian company on a
    Saturday–Wednesday week passes thu and fri)."""
    extra_off, extra_working = frozenset(extra_off), frozenset(extra_working)
    if not country:
        return WorkCalendar(None, weekend or DEFAULT_WEEKEND, extra_off, extra_working)
    language = {"fa": "fa_IR", "ru": "ru"}.get(lang)
    found = _holidays(country.upper(), start.year, language)
    supported = tuple(getattr(found, "supported_languages", ()))
    named = lang == "en" or language in supported  # no holiday names in a language the package lacks
    names = {day: (name if named else "") for day, name in found.items()}
    own_weekend = frozenset(getattr(found, "weekend", DEFAULT_WEEKEND))
    transferred = frozenset(getattr(found, "weekend_workdays", ()) or ())
    return WorkCalendar(
        country.upper(),
        weekend if weekend is not None else own_weekend,
        frozenset(names) | extra_off,
        transferred | extra_working,
        names,
    )


@functools.lru_cache(maxsize=64)
def _holidays(country: str, year: int, language: str | None):
    """The holiday table of `country` around `year`, built once per process: building Iran's takes about
    10 ms (lunar and Solar Hijri dates), which the portfolio paid once per engagement. Only read."""
    from workbench.domain.holiday_source import country_table

    try:
        return country_table(country, range(year - 1, year + YEARS_AHEAD + 1), language)
    except NotImplementedError:
        raise ValueError(f"unknown country {country!r}; expected an ISO 3166 code such as IR or RU") from None
