"""Strict shapes for the small human-edited files (answers files, engagement.yaml): each top-level key holds
the kind of value it should, or a located problem says what was found and what was expected.

PyYAML happily reads `client: [a]` or `answers: []`; code further on then either ignores the value (the
client name silently disappears) or fails far from the cause. A short scalar is quoted as written; lists,
mappings and long text are named by their kind only, so a wrong file does not spill its content into the
terminal.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from workbench.domain.problems import Problem
from workbench.i18n import N_, _
from workbench.loading.locate import place

TEXT, SCALAR, MAPPING, DATE = "text", "scalar", "mapping", "date"

MAX_ENGAGEMENT_BYTES = 16 * 1024 * 1024
"""engagement.yaml: answers plus per-requirement RFP edits; with all 17,400 requirements of the 100x
benchmark playbook edited it is about 1 MB."""
ENGAGEMENT_SHAPES = {
    "client": (TEXT, N_("the client's name as text")),
    "playbook": (TEXT, N_("a playbook id or file")),
    "start": (DATE, N_("a date YYYY-MM-DD")),
    "answers": (MAPPING, N_("a mapping of question id -> answer")),
    "playbook_version": (SCALAR, N_("the playbook's version as text")),
    "playbook_sha256": (SCALAR, N_("the playbook's hash as text")),
    "created": (SCALAR, N_("the creation time as text")),
    "overrides": (MAPPING, N_("a mapping such as {requirements: {ID: {priority: must}}}")),
}
ENGAGEMENT_REQUIRED = {"client", "playbook", "start", "answers"}


def kind_of(value: Any) -> str:
    """What a value is, in words (for 'found ...'): never the value itself."""
    if value is None:
        return _("nothing (an empty value)")
    if isinstance(value, dict):
        return _("a mapping") if value else _("an empty mapping")
    if isinstance(value, list):
        return _("a list") if value else _("an empty list")
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, (int, float)):
        return _("a number")
    if isinstance(value, datetime):
        return _("a date with a time")
    if isinstance(value, date):
        return _("a date")
    return _("text")


def found(value: Any) -> str:
    """A short scalar as written (`'soon'`), anything else by its kind: a list or a long text is not
    echoed."""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool) and len(repr(value)) <= 40:
        return repr(value)
    return kind_of(value)


def _fits(value: Any, shape: str) -> bool:
    if shape == TEXT:
        return isinstance(value, str)
    if shape == SCALAR:
        return not isinstance(value, (dict, list))
    if shape == MAPPING:
        return isinstance(value, dict)
    return isinstance(value, date) and not isinstance(value, datetime)


def shape_problems(
    data: dict, shapes: dict[str, tuple[str, str]], required: set[str], file: str
) -> list[Problem]:
    """Located problems for the keys of `data` whose value is not of the shape `shapes` gives them.

    `shapes` maps a key to (shape, what is expected in words, marked with `N_` and translated here, so a
    table built at import follows the language of the moment); a key in `required` must be present and
    not empty; an optional key may be left empty (null)."""
    problems: list[Problem] = []
    for key, (shape, expected_text) in shapes.items():
        expected = _(expected_text)
        if key not in data:
            if key in required:
                message = _("missing {key!r}; expected {expected}").format(key=key, expected=expected)
                problems.append(place(Problem(message, (key,), code="missing"), data, file))
            continue
        value = data[key]
        if value is None and key not in required:
            continue
        if not _fits(value, shape):
            message = _("{key!r} is {found}; expected {expected}").format(
                key=key, found=found(value), expected=expected
            )
            problems.append(place(Problem(message, (key,), code="type"), data, file))
    return problems
