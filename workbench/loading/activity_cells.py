"""One cell of a user-activity export as its column wants it: a date, a count, yes/no or text.

Each parser raises ValueError with what was expected, phrased to follow the value in a message
("'2025-02-30' is not a real date; expected ..."), so the reader can locate it by row and column.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

_YES = {"yes", "y", "true", "1", "да", "بله", "آری"}
_NO = {"no", "n", "false", "0", "", "нет", "خیر", "نه"}


_ISO = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T].*)?$")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?: .*)?$")


@lru_cache(maxsize=8192)
def parse_date(text: str) -> date:
    """YYYY-MM-DD, YYYY/MM/DD or DD.MM.YYYY, with an optional time after it. Cached: an export of millions
    of users has a few thousand distinct dates."""
    value = text.strip()
    iso = _ISO.match(value)
    dotted = None if iso else _DOTTED.match(value)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif dotted:
        day, month, year = (int(g) for g in dotted.groups())
    else:
        raise ValueError("expected a date YYYY-MM-DD (or DD.MM.YYYY)")
    if year < 1700:
        raise ValueError("looks like a Solar Hijri date; expected a Gregorian date YYYY-MM-DD")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError("is not a real date; expected a date YYYY-MM-DD") from None


def parse_count(text: str) -> int:
    """A whole number, 0 or more (Persian and Arabic digits too); an empty cell is 0."""
    if text.isdecimal():
        return int(text)
    value = text.strip()
    if not value.isdecimal() and value:
        raise ValueError("expected a whole number, 0 or more")
    return int(value or 0)


def parse_yes_no(text: str) -> bool:
    value = text.strip().lower()
    if value in _YES or value in _NO:
        return value in _YES
    raise ValueError("expected yes or no (also true/false, 1/0)")


def parse_cell(name: str, text: str, as_of: date) -> object:
    """The cell of canonical column `name`; last logins after `as_of` (the export day) are refused."""
    if name == "user":
        if not text.strip():
            raise ValueError("expected the user's name or login")
        return text.strip()
    if name == "role":
        return text.strip()
    if name == "last_login":
        login = parse_date(text) if text.strip() else None
        if login and login > as_of:
            raise ValueError(
                f"is after the measurement date {as_of}; expected a date on or before it "
                "(set --date to the day of the export)"
            )
        return login
    if name == "trained":
        return parse_yes_no(text)
    return parse_count(text)
