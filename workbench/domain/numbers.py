"""Numbers as people type them: `6,1` and `6.1`, Persian and Arabic-Indic digits (`۶٫۱`, `٦,١`), and
thousands grouped with spaces, thin spaces, no-break spaces, Arabic thousands separators or commas.

One parser for every value a user types (KPI values, --measure), so a Russian decimal comma is never
refused in one command and misread in another. What could be read two ways is refused, not guessed:
`1,234` is 1234 to an English reader and 1.234 to a Russian one. Pure: no I/O.
"""

from __future__ import annotations

import math
import re

from workbench.i18n import _

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_GROUP_SPACES = re.compile(r"(?<=\d)[ \u00a0\u2009\u202f\u066c'](?=\d{3}(?!\d))")
"""a space, no-break space, thin space, narrow no-break space, Arabic thousands separator or apostrophe
between digit groups of three"""
_MINUS = ("-", "\u2212", "\u2013")
_PLAIN = re.compile(r"^(\d+(\.\d*)?|\.\d+)$")
_GROUPED = {",": re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$"), ".": re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")}


class NumberError(ValueError):
    """The text is not a number, or could be read as two different ones; the message says what is expected."""


def parse_number(text: str) -> float:
    """The number `text` stands for; raises NumberError (what is wrong; what was expected)."""
    value = text.strip().translate(_DIGITS).replace("\u066b", ".")  # Arabic decimal separator
    negative = value.startswith(_MINUS)
    value = value[1:].lstrip() if negative or value.startswith("+") else value
    value = value[:-1].rstrip() if value.endswith(("%", "\u066a")) else value
    while True:  # a space may only group thousands: "1 234 567,5"
        grouped = _GROUP_SPACES.sub("", value)
        if grouped == value:
            break
        value = grouped
    number = _read(value, text)
    if not math.isfinite(number):
        raise NumberError(
            _("{text!r} is not a finite number; expected e.g. 42, 6,1 or 87.5").format(text=text)
        )
    return -number if negative else number


def _read(value: str, original: str) -> float:
    if _PLAIN.match(value):
        return float(value)
    commas = value.count(",")
    if commas == 1 and "." not in value and re.match(r"^(\d+,\d*|,\d+)$", value):
        whole, fraction = value.split(",")
        if len(fraction) == 3 and whole and whole != "0" and len(whole) <= 3:
            raise NumberError(
                _(
                    "{text!r} could be read two ways ({a} or {b}); expected it without the "
                    "thousands separator ({a}) or with a decimal point ({b})"
                ).format(text=original, a=whole + fraction, b=f"{whole}.{fraction}")
            )
        return float(f"{whole or '0'}.{fraction}")
    if _GROUPED[","].match(value):
        return float(value.replace(",", ""))
    if _GROUPED["."].match(value):
        return float(value.replace(".", "").replace(",", "."))
    raise NumberError(
        _("{text!r} is not a number; expected e.g. 42, 6,1, 87.5, ۶٫۱ or 1 234,5").format(text=original)
    )
