"""Text that may be written once or per language.

A playbook author can write `name: Sales manager` or `name: {en: Sales manager, fa: ..., ru: ...}`.
Both forms validate to a `LocalText`, so the rest of the code never checks which one it got.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema

from workbench.languages import LANGUAGES, RTL_LANGUAGES  # noqa: F401  (re-exported: the one vocabulary)


class LocalText(dict[str, str]):
    """A map of language code -> text; always has an English entry."""

    def get_text(self, lang: str = "en") -> str:
        """The text in `lang`, falling back to English when that language is missing."""
        return self.get(lang) or self["en"]

    def has(self, lang: str) -> bool:
        return bool(self.get(lang))

    def __str__(self) -> str:
        return self["en"]


def parse_text(value: Any) -> LocalText:
    """Accept a non-empty string or a {lang: string} map with at least `en`."""
    if isinstance(value, str):
        if not value.strip():
            raise ValueError("text is empty; expected a non-empty string")
        return LocalText(en=value)
    if isinstance(value, dict):
        unknown = sorted(set(value) - set(LANGUAGES))
        if unknown:
            raise ValueError(f"unknown language {unknown[0]!r}; expected one of {', '.join(LANGUAGES)}")
        if "en" not in value:
            raise ValueError("translated text has no 'en' entry; English is required as the fallback")
        for lang, text in value.items():
            if not isinstance(text, str) or not text.strip():
                raise ValueError(f"text for {lang!r} must be a non-empty string, found {text!r}")
        return LocalText(value)
    raise ValueError(f"expected a string or a map of language -> string, found {type(value).__name__}")


_TEXT_SCHEMA = {
    "anyOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "properties": {lang: {"type": "string", "minLength": 1} for lang in LANGUAGES},
            "required": ["en"],
            "additionalProperties": False,
        },
    ]
}

_NUMBERED: ContextVar[list[LocalText] | dict[tuple[tuple[str, str], ...], int] | None] = ContextVar(
    "numbered_texts", default=None
)
"""The text table of the resolved-playbook cache while one playbook is written or read (see below)."""


@contextmanager
def texts_written_once() -> Iterator[dict[tuple[tuple[str, str], ...], int]]:
    """While inside, a Text serialises as its number in the yielded table (each distinct text is entered
    once, in order of first use): the 75x playbook's 97,000 texts are 2,000 distinct ones."""
    table: dict[tuple[tuple[str, str], ...], int] = {}
    token = _NUMBERED.set(table)
    try:
        yield table
    finally:
        _NUMBERED.reset(token)


@contextmanager
def texts_by_number(table: list[LocalText]) -> Iterator[None]:
    """While inside, a Text given as a whole number is that entry of `table` (one shared object); outside,
    a number is refused as always. A ContextVar rather than pydantic's context: a plain validator is called
    three times faster than one taking `info`, and it is called once per text."""
    token = _NUMBERED.set(table)
    try:
        yield
    finally:
        _NUMBERED.reset(token)


def _text_in(value: Any) -> LocalText:
    if type(value) is int:
        table = _NUMBERED.get()
        if isinstance(table, list):
            if not 0 <= value < len(table):
                raise ValueError(f"text number {value} is not in the table of {len(table)}")
            return table[value]
    return parse_text(value)


def short_form(text: dict[str, str]) -> str | dict[str, str]:
    """A text as a playbook writes it: a plain string when it has only English, else its map."""
    return text["en"] if set(text) == {"en"} else dict(text)


def _text_out(text: LocalText) -> Any:
    table = _NUMBERED.get()
    if isinstance(table, dict):
        return table.setdefault(tuple(text.items()), len(table))
    return short_form(text)


Text = Annotated[
    LocalText,
    PlainValidator(_text_in),
    PlainSerializer(_text_out),
    WithJsonSchema(_TEXT_SCHEMA),
]


def tr(text: LocalText | None, lang: str = "en") -> str:
    """Render optional text in a language ('' when absent)."""
    return text.get_text(lang) if text else ""


def local_text(text: LocalText | None, lang: str = "en") -> str:
    """`tr()` with the language's digits: a Persian diagram label says ۹۰ روز even when the playbook
    author typed 90 (digits inside Latin names such as Bitrix24 keep theirs)."""
    from workbench.domain.locale import localize_digits

    return localize_digits(tr(text, lang), lang)
