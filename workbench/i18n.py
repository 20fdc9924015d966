"""Translation of fixed text (not playbook content): `_()` marks a message for the catalogue.

A placeholder for now, so that new code marks its messages from the start; the language issue replaces the
body with gettext catalogues (en, fa, ru) without changing the call sites. Messages use named `{placeholders}`
filled with `.format(...)` after translation, never f-strings, so translators see the whole sentence.
"""

from __future__ import annotations


def _(message: str) -> str:
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural
