"""Local numbers and dates: the hand-written Jalali conversion against known dates, digits, separators."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from workbench.domain.locale import (
    NBSP,
    format_date,
    format_jalali,
    format_number,
    format_percent,
    format_year_month,
    gregorian_to_jalali,
    is_jalali_leap,
    jalali_to_gregorian,
    localize_digits,
    nowruz,
    persian_digits,
    plural,
)

KNOWN = [  # (Gregorian, Jalali) from the Iranian official calendar
    (date(2025, 3, 21), (1404, 1, 1)),  # Nowruz 1404
    (date(2026, 11, 23), (1405, 9, 2)),
    (date(2024, 3, 20), (1403, 1, 1)),  # Nowruz 1403 fell on 20 March
    (date(2025, 3, 20), (1403, 12, 30)),  # 1403 is a leap year: Esfand has 30 days
    (date(2021, 3, 20), (1399, 12, 30)),  # so is 1399
    (date(2021, 3, 21), (1400, 1, 1)),
    (date(1979, 2, 11), (1357, 11, 22)),  # 22 Bahman 1357
    (date(2000, 1, 1), (1378, 10, 11)),
    (date(2025, 9, 22), (1404, 6, 31)),  # last day of the 31-day months
    (date(2025, 9, 23), (1404, 7, 1)),
]


@pytest.mark.parametrize("gregorian, jalali", KNOWN, ids=[str(g) for g, _ in KNOWN])
def test_known_dates_convert_both_ways(gregorian, jalali):
    assert gregorian_to_jalali(gregorian) == jalali
    assert jalali_to_gregorian(*jalali) == gregorian


def test_leap_years_follow_the_calendar():
    assert [y for y in range(1390, 1412) if is_jalali_leap(y)] == [1391, 1395, 1399, 1403, 1408]
    assert nowruz(1405) == date(2026, 3, 21)


def test_every_day_for_sixty_years_steps_through_valid_jalali_dates():
    day, previous = date(1990, 1, 1), gregorian_to_jalali(date(1989, 12, 31))
    while day < date(2050, 1, 1):
        current = gregorian_to_jalali(day)
        jy, jm, jd = previous
        month_length = 31 if jm <= 6 else 30 if jm <= 11 else 29 + is_jalali_leap(jy)
        expected = (jy, jm, jd + 1) if jd < month_length else ((jy, jm + 1, 1) if jm < 12 else (jy + 1, 1, 1))
        assert current == expected, day
        assert jalali_to_gregorian(*current) == day
        previous, day = current, day + timedelta(days=1)
    assert day == date(2050, 1, 1) and previous == gregorian_to_jalali(date(2049, 12, 31))  # ran to the end


def test_impossible_jalali_dates_are_refused():
    with pytest.raises(ValueError):
        jalali_to_gregorian(1404, 12, 30)  # 1404 is not a leap year
    with pytest.raises(ValueError):
        jalali_to_gregorian(1404, 7, 31)


def test_dates_are_written_the_local_way():
    day = date(2026, 11, 23)
    assert format_date(day, "en") == "23 November 2026"
    assert format_date(day, "ru") == "23.11.2026"
    assert format_date(day, "fa") == "۲ آذر ۱۴۰۵"
    assert format_jalali(day, numeric=True) == "۱۴۰۵/۰۹/۰۲"
    assert format_date(date(2025, 3, 5), "ru") == "05.03.2025"


def test_numbers_are_grouped_and_use_local_digits():
    assert format_number(40000, "en") == "40,000"
    assert format_number(40000, "ru") == f"40{NBSP}000"
    assert format_number(40000, "ru").replace(NBSP, " ") == "40 000"
    assert format_number(40000, "fa") == "۴۰٬۰۰۰"
    assert format_number(2.5, "ru") == "2,5" and format_number(2.5, "fa") == "۲٫۵"
    assert format_number(90.0, "en") == "90"
    assert format_percent(90, "en") == "90%"
    assert format_percent(90, "ru") == f"90{NBSP}%"
    assert format_percent(90, "fa") == "۹۰٪"


def test_persian_digits_leave_latin_names_alone():
    assert persian_digits("1405/09/02") == "۱۴۰۵/۰۹/۰۲"
    text = "3 سال با Bitrix24، Dynamics 365 و B2B؛ دست‌کم 50% یا 50 درصد؛ منبع 003"
    expected = "۳ سال با Bitrix24، Dynamics 365 و B2B؛ دست‌کم ۵۰٪ یا ۵۰ درصد؛ منبع ۰۰۳"
    assert localize_digits(text, "fa") == expected
    assert localize_digits("3 года, 50%", "ru") == "3 года, 50%"


def test_source_dates_stay_gregorian_and_say_so():
    assert format_year_month("2025", "en") == "2025"
    assert format_year_month("2024-03", "en") == "March 2024"
    assert format_year_month("2024-03", "ru") == f"март 2024{NBSP}г."
    assert format_year_month("2025", "fa") == "۲۰۲۵ میلادی"
    assert format_year_month("2024-03", "fa") == "مارس ۲۰۲۴ میلادی"


@pytest.mark.parametrize(
    "n, word",
    [
        (1, "месяц"),
        (3, "месяца"),
        (5, "месяцев"),
        (11, "месяцев"),
        (12, "месяцев"),
        (21, "месяц"),
        (24, "месяца"),
        (112, "месяцев"),
    ],
)
def test_russian_plurals(n, word):
    assert plural(n, "месяц|месяца|месяцев", "ru") == word


def test_english_and_persian_plurals():
    assert plural(1, "month|months", "en") == "month"
    assert plural(3, "month|months", "en") == "months"
    assert plural(3, "ماه", "fa") == "ماه"
