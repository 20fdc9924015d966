"""A date as a consultant types it, and the weeks around it on the engagement's working calendar.

ISO 2026-03-21 is read in every language; a Russian consultant also types 21.03.2026, a Persian one
۱۴۰۵/۰۱/۰۱ (Solar Hijri, Persian or Latin digits). The weeks are what the date picker draws: each day with
its number in the reader's calendar and whether it works, so a Friday in Tehran or the Russian January
holidays are seen before they are chosen. Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from workbench.domain.locale import format_short_date, gregorian_to_jalali, jalali_to_gregorian
from workbench.domain.work_calendar import WorkCalendar
from workbench.i18n import _

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
JALALI_YEARS = range(1300, 1600)
"""a four-digit year in this range is a Solar Hijri one (Gregorian 1921-2221 never collides with it)"""


class DateInputError(ValueError):
    """The text is not a date; the message says which forms are expected."""


def date_example(lang: str) -> str:
    """How a date is typed in `lang`, for placeholders and error messages (a fixed, real day)."""
    return format_short_date(date(2026, 3, 21), lang)


def parse_day(text: str, lang: str) -> date:
    """The day `text` names: YYYY-MM-DD, DD.MM.YYYY, or a Solar Hijri YYYY/MM/DD (Persian digits too)."""
    value = text.strip().translate(_DIGITS)
    try:
        found = _YMD.match(value)
        if found:
            year, month, day = (int(g) for g in found.groups())
            if year in JALALI_YEARS:
                if not (1 <= month <= 12 and 1 <= day <= (31 if month <= 6 else 30)):
                    raise ValueError(text)
                return jalali_to_gregorian(year, month, day)
            return date(year, month, day)
        found = _DMY.match(value)
        if found:
            day, month, year = (int(g) for g in found.groups())
            return date(year, month, day)
    except ValueError:
        pass
    example = date_example(lang)
    if example == "2026-03-21":
        raise DateInputError(
            _("{text} is not a date; expected YYYY-MM-DD, e.g. {example}").format(
                text=repr(text.strip()), example=example
            )
        )
    raise DateInputError(
        _("{text} is not a date; expected e.g. {example} or {iso}").format(
            text=repr(text.strip()), example=example, iso="2026-03-21"
        )
    )


@dataclass(frozen=True)
class PickerDay:
    day: date
    number: int
    """the day of the month in the reader's calendar (Solar Hijri for Persian)"""
    working: bool
    reason: str
    """why the day does not work: the holiday's name, or empty for a weekend day"""


def local_month(day: date, lang: str) -> tuple[int, int]:
    """(year, month) of `day` in the reader's calendar."""
    if lang == "fa":
        year, month, _day = gregorian_to_jalali(day)
        return year, month
    return day.year, day.month


def picker_weeks(
    chosen: date, calendar: WorkCalendar | None, lang: str, weeks: int = 4
) -> list[list[PickerDay]]:
    """`weeks` rows of seven days, the chosen day in the second row; weeks start on Saturday in Persian
    (the Iranian week), on Monday otherwise."""
    first_weekday = 5 if lang == "fa" else 0
    start = chosen - timedelta(days=(chosen.weekday() - first_weekday) % 7 + 7)
    rows = []
    for week in range(weeks):
        row = []
        for offset in range(7):
            day = start + timedelta(days=week * 7 + offset)
            number = gregorian_to_jalali(day)[2] if lang == "fa" else day.day
            working = calendar.is_working(day) if calendar else day.weekday() < 5
            holiday = calendar is not None and not working and day in calendar.days_off
            reason = (calendar.names.get(day) or _("a public holiday")) if calendar and holiday else ""
            row.append(PickerDay(day, number, working, reason))
        rows.append(row)
    return rows


def named_in(calendar: WorkCalendar | None, lang: str, around: date) -> WorkCalendar | None:
    """The calendar with its holidays named in `lang` (the plan's calendar names them in the engagement's
    language); a holiday the package cannot name in `lang` is left unnamed ("a public holiday")."""
    if calendar is None or not calendar.country:
        return calendar
    from dataclasses import replace

    from workbench.domain.work_calendar import country_calendar

    names = country_calendar(calendar.country, around, lang=lang).names
    return replace(calendar, names={day: names.get(day, "") for day in calendar.names})


def day_off_reason(calendar: WorkCalendar | None, day: date | None) -> str | None:
    """Why `day` does not work on the engagement's calendar (the holiday's name, "a public holiday",
    "a weekend day"), or None when it works or nothing is known."""
    if day is None or calendar is None or calendar.is_working(day):
        return None
    return calendar.names.get(day) or (
        _("a public holiday") if day in calendar.days_off else _("a weekend day")
    )


def month_title(day: date, lang: str) -> str:
    """The month `day` falls in, named in the reader's calendar: "March 2026", "март 2026", "اسفند ۱۴۰۴"."""
    from workbench.domain.locale import EN_MONTHS, JALALI_MONTHS, RU_MONTHS, persian_digits

    year, month = local_month(day, lang)
    if lang == "fa":
        return persian_digits(f"{JALALI_MONTHS[month - 1]} {year}")
    return f"{(RU_MONTHS if lang == 'ru' else EN_MONTHS)[month - 1]} {year}"
