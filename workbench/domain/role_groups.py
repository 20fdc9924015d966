"""Which group a CRM user's role text belongs to (sales, service, marketing, management, system ...), from
the terms the playbook declares per language.

Terms match whole words ("Агентская сеть" is not "сеть" inside another word), after normalising case,
Arabic yeh and kaf to Persian, the zero-width non-joiner, ё and punctuation; a term ending in `*` matches
any word starting with it (Russian endings: `продаж*` for продажи, продаж, продажам). When several terms
match, the most specific wins — the one with more words, then more letters — so "After-sales service"
and "خدمات پس از فروش" are service, not sales, and "Service account" is a system account, not service.
A role no term matches is reported as unmatched, never guessed. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from workbench.domain.base import Id, Strict
from workbench.domain.text import Text

_PUNCTUATION = re.compile(r"[\s\-‐‑–—_/\\.,;:()\[\]{}\"'«»“”„!?&+|\u200c\u200f\u200e]+")


class RoleGroup(Strict):
    """A group of CRM users for the adoption measures; `terms` maps a language to the role words."""

    id: Id
    name: Text
    terms: dict[str, list[str]]
    excluded: bool = False
    """integration, service and test accounts: left out of every count"""


def normalise(text: str) -> str:
    """Lower case, Persian letters for their Arabic look-alikes, е for ё, words split at punctuation."""
    text = text.casefold().replace("ي", "ی").replace("ك", "ک").replace("ё", "е").replace("ة", "ه")
    return " ".join(_PUNCTUATION.sub(" ", text).split())


@dataclass(frozen=True)
class Term:
    group: str
    words: tuple[str, ...]
    stem: bool
    """the last word is a prefix (the term ended in `*`)"""
    order: int
    """position in the playbook: breaks a tie between equally specific terms of two groups"""

    @property
    def specificity(self) -> tuple[int, int, int]:
        return len(self.words), sum(len(w) for w in self.words), -self.order

    def matches(self, words: list[str]) -> bool:
        n = len(self.words)
        for start in range(len(words) - n + 1):
            window = words[start : start + n]
            if window[:-1] == list(self.words[:-1]) and (
                window[-1].startswith(self.words[-1]) if self.stem else window[-1] == self.words[-1]
            ):
                return True
        return False


def _term(group: str, text: str, order: int) -> Term | None:
    stem = text.strip().endswith("*")
    words = tuple(normalise(text.strip().rstrip("*")).split())
    return Term(group, words, stem, order) if words else None


@dataclass(frozen=True)
class RoleClassifier:
    terms: tuple[Term, ...]
    excluded: frozenset[str]

    def group(self, role: str) -> str | None:
        """The group of the most specific matching term; None when no term matches."""
        words = normalise(role).split()
        found = [t for t in self.terms if t.matches(words)]
        return max(found, key=lambda t: t.specificity).group if found else None


def classifier(
    groups: Iterable[RoleGroup], extra: Mapping[str, Iterable[str]] | None = None
) -> RoleClassifier:
    """The playbook's groups, plus the user's own terms per group id (from --role-group)."""
    terms: list[Term] = []
    excluded = set()
    for group in groups:
        if group.excluded:
            excluded.add(group.id)
        for words in group.terms.values():
            terms += [t for t in (_term(group.id, w, len(terms) + i) for i, w in enumerate(words)) if t]
    for group_id, words in (extra or {}).items():
        terms += [t for t in (_term(group_id, w, -1) for w in words) if t]  # the user's terms win ties
    return RoleClassifier(tuple(terms), frozenset(excluded))
