"""Text that may be written once or per language.

A playbook author can write `name: Sales manager` or `name: {en: Sales manager, fa: ..., ru: ...}`.
Both forms validate to a `LocalText`, so the rest of the code never checks which one it got.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator, SerializationInfo, ValidationInfo, WithJsonSchema

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

TEXT_TABLE = "text_table"
"""The validation/serialisation context key of a shared text table (the resolved-playbook cache): dumped
with `context={TEXT_TABLE: {}}`, each text is written once into that dict and referred to by its number;
validated with `context={TEXT_TABLE: [LocalText, ...]}`, a number stands for that (shared) text."""


def _text_in(value: Any, info: ValidationInfo) -> LocalText:
    table = info.context.get(TEXT_TABLE) if type(value) is int and isinstance(info.context, dict) else None
    if table is not None:
        if not 0 <= value < len(table):
            raise ValueError(f"text number {value} is not in the table of {len(table)}")
        return table[value]
    return parse_text(value)


def _text_out(text: LocalText, info: SerializationInfo) -> Any:
    short = text["en"] if set(text) == {"en"} else dict(text)
    table = info.context.get(TEXT_TABLE) if isinstance(info.context, dict) else None
    if table is None:
        return short
    return table.setdefault(tuple(text.items()), len(table))


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
