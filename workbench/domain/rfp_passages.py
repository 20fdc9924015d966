"""The RFP document's narrative: passages of playbook text, each placed in one section of `rfp.docx`.

A playbook says in its own words, in every language, what it tells vendors about background, objectives,
submission, confidentiality and the rest; a passage may carry a `when` like any item, so the text follows
the client's answers. Fixed headings and tables come from code and the catalogue; these passages are the
prose between them.
"""

from __future__ import annotations

from string import Formatter
from typing import Literal

from pydantic import model_validator

from workbench.domain.base import Item
from workbench.domain.text import Text

RfpSection = Literal[
    "background",
    "objectives",
    "scope",
    "timeline",
    "submission",
    "evaluation",
    "confidentiality",
    "annex",
    "commercial",
    "tco",
    "demo",
    "references",
]
RFP_SECTIONS: tuple[str, ...] = RfpSection.__args__  # type: ignore[attr-defined]
"""The document's sections in the order it shows them."""

PLACEHOLDERS = frozenset({"client", "contact", "deadline", "go_live"})
"""What a passage may name in braces: filled from the engagement and the plan when the document is written."""


def placeholders(text: str) -> set[str]:
    """The `{names}` a text uses; raises ValueError on a stray brace."""
    return {name for _literal, name, _spec, _conv in Formatter().parse(text) if name is not None}


class RfpPassage(Item):
    section: RfpSection
    text: Text

    @model_validator(mode="after")
    def _known_placeholders(self) -> RfpPassage:
        """Refused at load time, not when a consultant exports at a client's office."""
        seen: dict[str, set[str]] = {}
        for lang, text in self.text.items():
            try:
                names = placeholders(text)
            except ValueError as exc:
                raise ValueError(f"{lang} text: {exc}; write a literal brace as {{{{ or }}}}") from None
            unknown = sorted(names - PLACEHOLDERS)
            if unknown:
                raise ValueError(
                    f"{lang} text: unknown placeholder {{{unknown[0]}}}; expected one of "
                    f"{', '.join('{' + p + '}' for p in sorted(PLACEHOLDERS))}"
                )
            seen[lang] = names
        if len({frozenset(names) for names in seen.values()}) > 1:
            raise ValueError("the languages use different placeholders; expected the same in en, fa and ru")
        return self
