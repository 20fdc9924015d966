"""Search keys that let a person find Persian and Russian words however they were typed.

Persian is typed on Arabic keyboards as often as on Persian ones (ي and ك for ی and ک), with or without
the zero-width non-joiner between a word's parts (می‌شود / میشود), sometimes with tatweel (ـ) stretching a
word, and with Persian (۱۲), Arabic-Indic (١٢) or Latin digits; Russian is written with or without ё.
Both the text searched and the words typed go through `search_key`, so each spelling finds the others.
Pure text in, text out: the RFP list and the task list (and anything else that searches) share it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from workbench.languages import LANGUAGES

if TYPE_CHECKING:
    from workbench.domain.text import LocalText

_FOLD = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ك": "ک",
        "ة": "ه",
        "ۀ": "ه",
        "ё": "е",
        "\u200c": None,
        "\u200d": None,
        "\u200e": None,
        "\u200f": None,
        "\u0640": None,
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # Persian digits
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
        **{chr(c): None for c in range(0x064B, 0x0653)},  # Arabic short-vowel marks (harakat)
    }
)


_SPECIAL = re.compile("[" + "".join(re.escape(chr(c)) for c in _FOLD) + "]+")
"""runs of the characters `_FOLD` changes: rare in most text, so only they are translated (str.translate
over a whole text looks every character up in the table, 25 times slower than lower() on an RFP)"""


def search_key(text: str) -> str:
    """`text` folded for matching: case-folded, Arabic letter forms and ё made Persian/Russian ones, ZWNJ,
    tatweel and vowel marks dropped, every digit ASCII."""
    return _SPECIAL.sub(lambda run: run.group().translate(_FOLD), text.casefold())


def search_words(query: str) -> list[str]:
    """The words of a typed search, each folded like the text it is looked for in."""
    return search_key(query).split()


def matches(words: list[str], key: str) -> bool:
    """True when every word (from `search_words`) occurs in `key` (a `search_key`)."""
    return all(word in key for word in words)


def every_language(texts: Iterable[LocalText | None]) -> list[str]:
    """Each text in every language it has (English stands in for a missing one), without repeats."""
    out: list[str] = []
    for text in texts:
        if text:
            out += [text.get_text(lang) for lang in LANGUAGES]
    return list(dict.fromkeys(out))


def _script(char: str) -> str | None:
    """The language whose script a letter is written in (None: a digit, a sign)."""
    if "\u0400" <= char <= "\u04ff":
        return "ru"
    if "\u0600" <= char <= "\u06ff" or "\ufb50" <= char <= "\ufeff":
        return "fa"
    return "en" if char.isalpha() else None


def foreign_words(words: list[str], lang: str) -> bool:
    """Whether a search typed in `lang`'s interface holds a word in another language's script: only then
    must the texts of the other languages be searched (their keys cost more than the interface's)."""
    return any(script not in (None, lang) for word in words for script in map(_script, word))
