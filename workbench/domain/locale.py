"""Numbers and dates written the local way: Persian digits and the Solar Hijri calendar for Persian,
"40 000" and "23.11.2026" for Russian, "40,000" and "23 November 2026" for English.

Pure and dependency-free on purpose: the Jalali conversion is written out here (the 33-year-cycle
algorithm with the published break years, as in jalaali-js) rather than pulled in as a package, and it
is tested against known dates.
"""

from __future__ import annotations

import re
from datetime import date

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_TO_PERSIAN = str.maketrans("0123456789", PERSIAN_DIGITS)
FA_THOUSANDS, FA_DECIMAL, FA_PERCENT = "\u066c", "\u066b", "\u066a"  # ٬ ٫ ٪
NBSP = "\u00a0"
# digits that belong to a Latin name (Bitrix24, B2B, Dynamics 365, ISO 27001) stay as they are; all
# others become Persian
# nor digits of an id or a code (SVC-012, pre-13-training, U+0643, UTF-8, 152-FZ)
_LOOSE_DIGITS = re.compile(
    r"(?<![A-Za-z0-9])(?<![A-Za-z] )(?<![A-Za-z][-+_])[0-9]+(?:[.,/:-][0-9]+)*"
    r"(?![A-Za-z0-9])(?![-_][A-Za-z])"
)

EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
RU_MONTHS = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)
FA_GREGORIAN_MONTHS = (
    "ژانویه",
    "فوریه",
    "مارس",
    "آوریل",
    "مه",
    "ژوئن",
    "ژوئیه",
    "اوت",
    "سپتامبر",
    "اکتبر",
    "نوامبر",
    "دسامبر",
)
JALALI_MONTHS = (
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
)
JALALI_SEASONS = ("بهار", "تابستان", "پاییز", "زمستان")
"""the seasons of the Solar Hijri year, each three of its months: Iranian businesses report by season"""

# Jalali years where the leap-year pattern of the 33-year cycle shifts (valid for years -61 .. 3177)
_BREAKS = (
    -61,
    9,
    38,
    199,
    426,
    686,
    756,
    818,
    1111,
    1181,
    1210,
    1635,
    2060,
    2097,
    2192,
    2262,
    2324,
    2394,
    2456,
    3178,
)


def _div(a: int, b: int) -> int:
    """Integer division truncating toward zero, as the published algorithm expects."""
    return int(a / b)


def _mod(a: int, b: int) -> int:
    return a - _div(a, b) * b


def _jal_cal(jy: int) -> tuple[int, int]:
    """(years since the last leap year, 0 meaning jy is leap; the March day of Nowruz in jy + 621)."""
    if not _BREAKS[0] <= jy < _BREAKS[-1]:
        raise ValueError(f"Jalali year {jy} is outside the supported range {_BREAKS[0]}..{_BREAKS[-1] - 1}")
    gy = jy + 621
    leap_j, jp, jump = -14, _BREAKS[0], 0
    for jm in _BREAKS[1:]:
        jump = jm - jp
        if jy < jm:
            break
        leap_j += _div(jump, 33) * 8 + _div(_mod(jump, 33), 4)
        jp = jm
    n = jy - jp
    leap_j += _div(n, 33) * 8 + _div(_mod(n, 33) + 3, 4)
    if _mod(jump, 33) == 4 and jump - n == 4:
        leap_j += 1
    leap_g = _div(gy, 4) - _div((_div(gy, 100) + 1) * 3, 4) - 150
    march = 20 + leap_j - leap_g
    if jump - n < 6:
        n = n - jump + _div(jump + 4, 33) * 33
    leap = _mod(_mod(n + 1, 33) - 1, 4)
    return (4 if leap == -1 else leap), march


def is_jalali_leap(jy: int) -> bool:
    return _jal_cal(jy)[0] == 0


def nowruz(jy: int) -> date:
    """The Gregorian date of 1 Farvardin of Jalali year `jy`."""
    return date(jy + 621, 3, _jal_cal(jy)[1])


def gregorian_to_jalali(day: date) -> tuple[int, int, int]:
    """(year, month, day) in the Solar Hijri calendar; months 1-6 have 31 days, 7-11 have 30."""
    jy = day.year - 621
    start = nowruz(jy)
    if day < start:
        jy -= 1
        start = nowruz(jy)
    k = (day - start).days
    if k < 186:
        return jy, 1 + k // 31, 1 + k % 31
    k -= 186
    return jy, 7 + k // 30, 1 + k % 30


def jalali_to_gregorian(jy: int, jm: int, jd: int) -> date:
    if not 1 <= jm <= 12 or not 1 <= jd <= (31 if jm <= 6 else 30 if jm <= 11 else 29 + is_jalali_leap(jy)):
        raise ValueError(f"{jy}/{jm}/{jd} is not a Jalali date")
    offset = (jm - 1) * 31 if jm <= 7 else 186 + (jm - 7) * 30
    return date.fromordinal(nowruz(jy).toordinal() + offset + jd - 1)


def persian_digits(text: str) -> str:
    """Every ASCII digit as a Persian digit."""
    return text.translate(_TO_PERSIAN)


def localize_digits(text: str, lang: str) -> str:
    """For Persian, free-standing numbers in running text get Persian digits (and 50% becomes ۵۰٪);
    digits of Latin names such as Bitrix24, B2B or Dynamics 365 stay. Other languages are unchanged."""
    if lang != "fa":
        return text
    text = _LOOSE_DIGITS.sub(lambda m: persian_digits(m.group(0)), text)
    return re.sub(rf"([{PERSIAN_DIGITS}])\s?%", rf"\1{FA_PERCENT}", text)


def format_number(value: float | int, lang: str) -> str:
    """Grouped thousands and the local decimal mark; whole floats lose their '.0'."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    whole, _, fraction = f"{value:,}".partition(".")
    if lang == "ru":
        return whole.replace(",", NBSP) + ("," + fraction if fraction else "")
    if lang == "fa":
        text = whole.replace(",", FA_THOUSANDS) + (FA_DECIMAL + fraction if fraction else "")
        return persian_digits(text)
    return whole + ("." + fraction if fraction else "")


def format_percent(value: float | int, lang: str) -> str:
    number = format_number(value, lang)
    return {"fa": number + FA_PERCENT, "ru": number + NBSP + "%"}.get(lang, number + "%")


def format_jalali(day: date, numeric: bool = False) -> str:
    """'۲ آذر ۱۴۰۵', or '۱۴۰۵/۰۹/۰۲' when numeric."""
    jy, jm, jd = gregorian_to_jalali(day)
    if numeric:
        return persian_digits(f"{jy:04d}/{jm:02d}/{jd:02d}")
    return persian_digits(f"{jd} {JALALI_MONTHS[jm - 1]} {jy}")


def format_jalali_short(day: date) -> str:
    """'۲ آذر': the Solar Hijri day and month, for chart axes."""
    _, jm, jd = gregorian_to_jalali(day)
    return persian_digits(f"{jd} {JALALI_MONTHS[jm - 1]}")


def format_date(day: date, lang: str) -> str:
    """The way a dated document is headed: English day-month-year in words, Russian dd.mm.yyyy,
    Persian in the Solar Hijri calendar with Persian digits."""
    if lang == "fa":
        return format_jalali(day)
    if lang == "ru":
        return day.strftime("%d.%m.%Y")
    return f"{day.day} {EN_MONTHS[day.month - 1]} {day.year}"


def format_short_date(day: date, lang: str) -> str:
    """A date in a table: ISO 2026-03-21 in English, 21.03.2026 in Russian, ۱۴۰۵/۰۱/۰۱ in Persian."""
    if lang == "fa":
        return format_jalali(day, numeric=True)
    if lang == "ru":
        return day.strftime("%d.%m.%Y")
    return day.isoformat()


def format_year_month(as_of: str, lang: str) -> str:
    """A Gregorian 'YYYY' or 'YYYY-MM' from a source. Persian keeps it Gregorian, marked 'میلادی', because
    a year or month of a source does not map onto one Jalali year or month."""
    year, _, month = as_of.partition("-")
    m = int(month) if month else 0
    if lang == "fa":
        text = f"{FA_GREGORIAN_MONTHS[m - 1]} {year}" if m else year
        return persian_digits(text) + " میلادی"
    if lang == "ru":
        return (f"{RU_MONTHS[m - 1]} {year}" if m else year) + "\u00a0г."
    return f"{EN_MONTHS[m - 1]} {year}" if m else year


def plural(n: float | int, forms: str, lang: str) -> str:
    """The noun form for `n` from 'one|other' (English), 'one|few|many' (Russian) or one form (Persian)."""
    options = forms.split("|")
    if lang == "ru" and len(options) == 3:
        if not float(n).is_integer():
            return options[1]
        k = abs(int(n))
        if k % 10 == 1 and k % 100 != 11:
            return options[0]
        if 2 <= k % 10 <= 4 and not 12 <= k % 100 <= 14:
            return options[1]
        return options[2]
    if len(options) >= 2:
        return options[0] if n == 1 else options[1]
    return options[0]
