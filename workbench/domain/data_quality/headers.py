"""Which column holds which field: header synonyms in English, Persian and Russian, compared after folding
(case, spaces, punctuation, Persian letter variants), or an explicit mapping from the consultant's mapping
workbook."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from workbench.domain.data_quality.fold import fold_text
from workbench.domain.data_quality.input_words import SYNONYMS

_PUNCT = re.compile(r"[\s_\-.:/()]+")


def header_key(text: str) -> str:
    return _PUNCT.sub(" ", fold_text(text)).strip()


_INDEX = {header_key(s): field for field, names in SYNONYMS.items() for s in names}


def match_headers(headers: Sequence[str], mapping: Mapping[str, str] | None = None) -> dict[str, int]:
    """field -> column index. A mapping (legacy column -> field) wins over the synonyms; the first column
    that matches a field takes it."""
    found: dict[str, int] = {}
    wanted = {header_key(k): f for k, v in (mapping or {}).items() if (f := field_of(v))}
    for index, header in enumerate(headers):
        key = header_key(str(header or ""))
        field = wanted.get(key) if wanted else None
        field = field or _INDEX.get(key)
        if field and field not in found:
            found[field] = index
    return found


def field_of(text: str) -> str | None:
    """A field id ('phone'), or the field a label or synonym names ('Телефон', 'شماره تلفن')."""
    from workbench.domain.data_quality.profiles import FIELDS

    value = text.strip()
    if value in FIELDS:
        return value
    return _INDEX.get(header_key(value)) or _INDEX.get(header_key(value.replace("_", " ")))
