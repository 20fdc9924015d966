"""Folding names so the spellings of one person meet: Persian and Arabic letter variants (ي/ی, ك/ک, ة/ه,
أ/إ/آ/ا), the zero-width non-joiner, Arabic diacritics and tatweel, Persian and Arabic-Indic digits,
Russian ё/е, case and punctuation (the ZWNJ joins: نیک‌پور is one name, however typed). And a
transliteration of Cyrillic and Persian to Latin with a consonant
skeleton, so "Иванов" meets "Ivanov" and "محمد رضایی" meets "Mohammad Rezaei": Persian writes no short
vowels, so both sides keep only their consonants (with the sound-alike ones merged).
"""

from __future__ import annotations

import re
from functools import lru_cache

_FOLD = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ئ": "ی",
        "ك": "ک",
        "ة": "ه",
        "أ": "ا",
        "إ": "ا",
        "ٱ": "ا",
        "آ": "ا",
        "ؤ": "و",
        "ё": "е",
        "Ё": "е",
        "\u200c": "",
        "\u200d": "",
        "\u200f": "",
        "\u200e": "",
        "\u0640": "",
        **{chr(c): None for c in range(0x064B, 0x0660)},  # harakat, tanwin, shadda, sukun
        "\u0670": None,
        **{d: str(i) for i, d in enumerate("۰۱۲۳۴۵۶۷۸۹")},
        **{d: str(i) for i, d in enumerate("٠١٢٣٤٥٦٧٨٩")},
    }
)
_NON_WORD = re.compile(r"[^\w]+")

_CYRILLIC = str.maketrans(
    {
        "а": "a",
        "б": "b",
        "в": "v",
        "г": "g",
        "д": "d",
        "е": "e",
        "ж": "zh",
        "з": "z",
        "и": "i",
        "й": "y",
        "к": "k",
        "л": "l",
        "м": "m",
        "н": "n",
        "о": "o",
        "п": "p",
        "р": "r",
        "с": "s",
        "т": "t",
        "у": "u",
        "ф": "f",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ъ": "",
        "ы": "y",
        "ь": "",
        "э": "e",
        "ю": "yu",
        "я": "ya",
        "і": "i",
        "ї": "i",
        "є": "e",
        "ў": "u",
    }
)
_PERSIAN = str.maketrans(
    {
        "ا": "a",
        "ب": "b",
        "پ": "p",
        "ت": "t",
        "ث": "s",
        "ج": "j",
        "چ": "c",
        "ح": "h",
        "خ": "h",
        "د": "d",
        "ذ": "z",
        "ر": "r",
        "ز": "z",
        "ژ": "z",
        "س": "s",
        "ش": "s",
        "ص": "s",
        "ض": "z",
        "ط": "t",
        "ظ": "z",
        "ع": "",
        "غ": "g",
        "ف": "f",
        "ق": "g",
        "ک": "k",
        "گ": "g",
        "ل": "l",
        "م": "m",
        "ن": "n",
        "و": "v",
        "ه": "h",
        "ی": "y",
        "ء": "",
    }
)
"""Persian letters straight to the sound letters the Latin digraphs become (ش 's' as 'sh' does, چ 'c' as
'ch'), so two letters never make a digraph by chance (زهرا is z-h-r, not 'zh')"""
_DIGRAPHS = re.compile(r"shch|sch|sh|ch|zh|kh|ts|tz|ph|gh|th|dj|ck|x|q|c|w")
_DIGRAPH_SOUND = {
    "shch": "s",
    "sch": "s",
    "sh": "s",
    "ch": "c",
    "zh": "z",
    "kh": "h",
    "ts": "c",
    "tz": "c",
    "ph": "f",
    "gh": "g",
    "th": "t",
    "dj": "j",
    "ck": "k",
    "x": "ks",
    "q": "g",
    "c": "k",
    "w": "v",
}
_VOWELS = str.maketrans("", "", "aeiouyv'")
"""vowels (and v, which Persian's و writes for both 'v' and 'ou'); what is left is the skeleton"""
_REPEATS = re.compile(r"(.)\1+")


@lru_cache(maxsize=200_000)
def fold_text(text: str) -> str:
    """Case, letter variants, ZWNJ, diacritics, digits and punctuation folded; words single-spaced."""
    return " ".join(_NON_WORD.sub(" ", text.translate(_FOLD).casefold().translate(_FOLD)).split())


def script(text: str) -> str:
    """'cyrillic', 'arabic' (Persian), 'latin' or '' by the first letter."""
    for ch in text:
        if ch.isalpha():
            if "\u0400" <= ch <= "\u04ff":
                return "cyrillic"
            if "\u0600" <= ch <= "\u06ff":
                return "arabic"
            return "latin"
    return ""


@lru_cache(maxsize=200_000)
def latin(word: str) -> str:
    """One folded word in Latin letters (Cyrillic and Persian transliterated; Latin as it is)."""
    return word.translate(_CYRILLIC).translate(_PERSIAN)


@lru_cache(maxsize=200_000)
def skeleton(word: str) -> str:
    """The consonant skeleton of one folded word, the same for its Cyrillic, Persian and Latin spellings:
    'мухаммад', 'محمد', 'mohammad' and 'muhammed' all give 'mhmd'."""
    if script(word) == "arabic":
        sounds = word.translate(_PERSIAN)
    else:
        sounds = _DIGRAPHS.sub(lambda m: _DIGRAPH_SOUND[m.group(0)], word.translate(_CYRILLIC))
    return _REPEATS.sub(r"\1", sounds.translate(_VOWELS))


@lru_cache(maxsize=200_000)
def name_skeleton(folded: str) -> str:
    """The skeleton of each word, sorted, so 'Иванов Иван' and 'Ivan Ivanov' give one key."""
    return " ".join(sorted(s for s in (skeleton(w) for w in folded.split()) if s))


_GLIDES = re.compile(r"i([aeou])")
"""a 'y'/'i' before a vowel (я, ё, ю written ya, yo, yu; ья written ia): the vowel is what counts"""


@lru_cache(maxsize=200_000)
def loose(word: str) -> str:
    """A folded Cyrillic or Latin word with the ambiguities of romanising Russian evened out (й/ы/y/i,
    ё/yo/e, х/kh/h, ц/ts, я/ya/ia, doubled letters), keeping the vowels that tell Ivan from Anna:
    'Пётр' and 'Pyotr' give 'petr', 'Дмитрий' and 'Dmitry' give 'dmitri'."""
    sounds = _DIGRAPHS.sub(lambda m: _DIGRAPH_SOUND[m.group(0)], latin(word)).replace("y", "i")
    sounds = _REPEATS.sub(r"\1", sounds)
    return _GLIDES.sub(lambda m: "e" if m.group(1) == "o" else m.group(1), sounds)
