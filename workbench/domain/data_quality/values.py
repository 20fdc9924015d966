"""Is a value valid, and its canonical form: phones parsed with `phonenumbers` (the engagement's country as
the region of numbers written without a country code) and written in E.164, e-mail syntax, and dates in
the Gregorian or the Solar Hijri calendar (a year below 1700 is read as Solar Hijri)."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

import phonenumbers

from workbench.domain.data_quality.input_words import PLACEHOLDERS
from workbench.domain.locale import jalali_to_gregorian

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_EMAIL = re.compile(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$"
)
_DATE = re.compile(r"^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})(?:[ T].*)?$")
FREE_MAIL = frozenset(
    {
        "gmail.com",
        "yahoo.com",
        "hotmail.com",
        "outlook.com",
        "mail.ru",
        "yandex.ru",
        "ya.ru",
        "bk.ru",
        "inbox.ru",
        "list.ru",
        "rambler.ru",
        "icloud.com",
        "chmail.ir",
        "yahoo.co.uk",
    }
)
"""domains many unrelated people share: the same one is no evidence of the same person"""


def is_empty(value: str) -> bool:
    return value.strip().casefold() in PLACEHOLDERS


_PLAIN_PHONE = re.compile(r"[\d\s+().-]*")
"""a phone written with digits, spaces, a plus, brackets, dots and dashes only: its digits say it all"""
_NON_DIGIT = re.compile(r"\D")


def phone_e164(value: str, region: str) -> str | None:
    """The number in E.164 ('+989121234567'), or None when it is not a valid number; '00' and the
    Russian trunk '8' before a full number are read as the international prefix. A plainly written number
    is reduced to its digits first, so '0912 111 2233' and '0912-111-2233' are parsed once between them."""
    text = value.translate(_DIGITS).strip()
    digits = _NON_DIGIT.sub("", text)
    if text.startswith("00"):
        text = "+" + digits[2:]
    elif region == "RU" and len(digits) == 11 and digits[0] in "78" and not text.startswith("+"):
        text = "+7" + digits[1:]
    elif _PLAIN_PHONE.fullmatch(text):
        text = ("+" if text.startswith("+") else "") + digits
    return _parsed_e164(text, region)


@lru_cache(maxsize=100_000)
def _parsed_e164(text: str, region: str) -> str | None:
    """`phonenumbers` once per distinct number (a chunk of 50,000 rows fits the cache)."""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def email_key(value: str) -> str | None:
    """The address lower-cased when its syntax is valid, else None."""
    text = value.strip().translate(_DIGITS)
    if text.lower().startswith("mailto:"):
        text = text[7:]
    return text.lower() if _EMAIL.match(text) else None


def email_domain(key: str) -> str:
    return key.rpartition("@")[2]


@lru_cache(maxsize=65_536)
def parse_day(value: str) -> date | None:
    """A date written y-m-d, y/m/d, d.m.y or d/m/y, Gregorian or (year < 1700) Solar Hijri; None if not a
    real date. Cached: birth and update dates repeat thousands of times in an export."""
    text = value.strip().translate(_DIGITS)
    match = _DATE.match(text)
    if not match:
        return None
    a, b, c = (int(g) for g in match.groups())
    year, month, day = (a, b, c) if len(match.group(1)) == 4 else (c, b, a)
    if year < 100:
        return None
    try:
        if year < 1700:
            return jalali_to_gregorian(year, month, day)
        return date(year, month, day)
    except ValueError:
        return None
