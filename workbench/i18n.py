"""Translation of fixed text (everything that is not playbook content) through gettext catalogues.

Playbook content carries its own languages (`LocalText`); every other word a user reads — TUI chrome, CLI
messages and prompts, the fixed labels of deliverables — is marked in the code and translated from one
catalogue per language: `workbench/locale/<lang>/LC_MESSAGES/crmwb.po`, the standard gettext format that
Poedit and Weblate open, compiled to the `.mo` that the standard library reads (no runtime dependency).
`tools/i18n.py` extracts the marked messages, merges them into the catalogues and compiles them; a test
fails on any message without a fa or ru translation, or whose `{placeholders}` differ from the English.

How to mark text:
- `_("Saved {count} answers").format(count=n)` — placeholders are named and filled after translation, so
  translators see (and may reorder) the whole sentence; never an f-string inside `_()`.
- `ngettext("{n} task", "{n} tasks", n).format(n=n)` — Russian has three plural forms, Persian one; the
  catalogue's Plural-Forms header picks the right one.
- `N_("Done")` marks a module-level constant for extraction without translating it at import time; the
  code that shows it calls `_(CONSTANT)` (or `gettext_in(lang, CONSTANT)`).
- `pgettext("matrix scope", "Own")` when the same English word needs different translations by context.

Which language: `_()` follows the current language, a context variable set once by an interface
(`set_language`) or for the span of one deliverable (`with use_language("fa"): ...`), so a document is
written in its client's language whatever the interface language is.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from workbench.languages import LANGUAGES

DOMAIN = "crmwb"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_current: ContextVar[str] = ContextVar("crmwb_language", default="")


def default_language() -> str:
    """The language before any interface chose one: `$CRMWB_LANG` when it is one we have, else English."""
    wanted = os.environ.get("CRMWB_LANG", "").strip().lower()[:2]
    return wanted if wanted in LANGUAGES else "en"


def current_language() -> str:
    return _current.get() or default_language()


def set_language(lang: str) -> None:
    """Switch the interface language (the TUI's setting, a command's `--lang`)."""
    _current.set(_checked(lang))


@contextmanager
def use_language(lang: str) -> Iterator[None]:
    """Translate into `lang` inside the block: a deliverable written in its client's language."""
    token = _current.set(_checked(lang))
    try:
        yield
    finally:
        _current.reset(token)


def _checked(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    return lang


@cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of `lang`; English (the source language) and a missing file fall back to
    the message itself — the completeness test makes sure the fa and ru files are there and whole."""
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[lang], fallback=True)


def _(message: str) -> str:
    return catalogue(current_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return catalogue(current_language()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return catalogue(current_language()).pgettext(context, message)


def N_(message: str) -> str:
    """Mark `message` for the catalogue without translating it now (module-level constants)."""
    return message


def gettext_in(lang: str, message: str) -> str:
    """`message` in `lang`, whatever the current language."""
    return catalogue(_checked(lang)).gettext(message)
