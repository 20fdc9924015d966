"""Which language the workbench speaks: decided once at start, switched at run time from the palette.

At start the first of these that is set decides: `crmwb open/demo --lang`, `$CRMWB_LANG`, the `language`
of the settings file (the last choice made in the palette), the open engagement's `language:`, English.
So a consultant who chose Persian once keeps a Persian workbench on every engagement, and someone who
never chose sees each engagement in its client's language. Chrome (fixed text) and content (playbook
text) always follow the same interface language; deliverables still choose their own language on export.
"""

from __future__ import annotations

import os
import tomllib

from workbench.languages import LANGUAGE_NAMES as NAMES
from workbench.languages import LANGUAGES

LANGUAGE_NAMES = tuple(NAMES.items())
"""(code, each language in its own name), the way a language menu lists them (never translated)"""


def language_name(lang: str) -> str:
    return dict(LANGUAGE_NAMES).get(lang, lang)


def _file_language() -> str | None:
    """The `language` the settings file holds, or None (no file, no key, a file we cannot read)."""
    from workbench.settings import settings_path

    try:
        value = tomllib.loads(settings_path().read_text(encoding="utf-8")).get("language")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    return value if value in LANGUAGES else None


def chosen_language(flag: str | None = None, environ: dict[str, str] | None = None) -> str | None:
    """The language the person chose (flag, environment, settings file), or None: then the engagement's."""
    environ = dict(os.environ) if environ is None else environ
    if flag in LANGUAGES:
        return flag
    wanted = environ.get("CRMWB_LANG", "").strip().lower()[:2]
    if wanted in LANGUAGES:
        return wanted
    return _file_language()


def start_language(
    flag: str | None, engagement_language: str | None, environ: dict[str, str] | None = None
) -> str:
    """--lang > $CRMWB_LANG > the settings file > the engagement's language > English."""
    chosen = chosen_language(flag, environ)
    if chosen:
        return chosen
    return engagement_language if engagement_language in LANGUAGES else "en"


def bidi_setting() -> str:
    """The `bidi` setting (app or terminal); `app` when the settings cannot be read."""
    from workbench.settings import SettingsError, load_settings

    try:
        return load_settings().bidi
    except SettingsError:
        return "app"


def use_interface_language(lang: str) -> None:
    """Make `lang` the language every `_()` and every playbook text of the workbench is shown in."""
    from workbench.i18n import set_language

    set_language(lang)


def remember_language(lang: str) -> str | None:
    """Write the choice to the settings file (atomically, other settings kept); the reason when it could
    not be written (the switch still holds for this run)."""
    from workbench.settings import SettingsError, save_settings

    try:
        save_settings(language=lang)
    except (OSError, SettingsError) as exc:
        return str(getattr(exc, "strerror", None) or exc)
    return None
