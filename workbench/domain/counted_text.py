"""A fixed text that embeds a count, kept in a table beside plain texts.

A table of plain texts holds `N_()`-marked English and translates it when said; a text whose wording
depends on a number ("through 1 channel" / "through 4 channels"; Russian has three forms, "1 человек",
"2 человека", "5 человек") needs `ngettext` with that number, which only exists when the text is said.
`Counted` keeps such a text in the same table: which parameter is the count, and a function that calls
`ngettext` with it — at use time, so it follows the language of the moment. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Counted:
    count: str
    """the `str.format` parameter whose number picks the plural form"""
    forms: Callable[[int], str]
    """n -> the template for n, in the current language (a `lambda n: ngettext(singular, plural, n)`)"""

    def template(self, params: dict[str, Any]) -> str:
        """The template for the count in `params` (a number, or a number already written as text)."""
        return self.forms(count_of(params.get(self.count)))


def count_of(value: Any) -> int:
    """The whole number a parameter stands for; 0 (the plural form in every language) when it is none."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return int(value)
    try:
        return int(float(str(value).strip()))
    except ValueError:
        return 0
