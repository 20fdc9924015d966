"""Turning one YAML scalar into a Python value, refusing what would crash or poison what comes after.

PyYAML's safe constructor raises a bare `ValueError` for an impossible date (`2024-13-45`) and for an
integer past Python's 4,300-digit conversion limit, builds `nan` and `inf` from `.nan` / `1.0e999`, and lets
a double-quoted `"\\0"` put a NUL byte into a string. Each of those is a user's mistake, so each becomes a
`ScalarProblem` that the reader turns into a located error, instead of a crash or a value that breaks the
spreadsheet writers much later.
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from workbench.i18n import _

MAX_NUMBER_CHARS = 50
"""A number written with more characters than this is refused (the largest real number in a playbook or
answers file is a currency target of a dozen digits; Python itself stops converting ints at 4,300)."""

_TAG = "tag:yaml.org,2002:"
STR_TAG = _TAG + "str"
_NUMBER_TAGS = {_TAG + "int", _TAG + "float"}
_PLAIN_TAGS = {_TAG + "bool", _TAG + "null"}
_TIMESTAMP_TAG = _TAG + "timestamp"

CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
"""Characters YAML does not allow in a document (tab, line feed and carriage return are fine); openpyxl and
the XML writers refuse them too, so a string carrying one would fail the export much later."""


class ScalarProblem(ValueError):
    """A scalar that cannot become a value; the message says what is wrong and what was expected."""


def describe_char(char: str) -> str:
    """`U+0000 (NUL)` style name of a character, for messages (never the raw character itself)."""
    names = {"\x00": " (NUL)", "\x1b": " (ESC)", "\x7f": " (DEL)"}
    return f"U+{ord(char):04X}{names.get(char, '')}"


def _short(value: str) -> str:
    return value if len(value) <= 40 else value[:37] + "..."


class ScalarReader:
    """Converts scalar nodes with PyYAML's safe constructor, inside the checks above."""

    def __init__(self) -> None:
        self.constructor = SafeConstructor()

    def value(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if tag == STR_TAG:
            if node.style == '"':  # only double quotes have escapes; raw control characters are met earlier
                check_text(node.value)
            return node.value
        if tag in _NUMBER_TAGS:
            return self._number(node)
        if tag == _TIMESTAMP_TAG:
            return self._timestamp(node)
        if tag in _PLAIN_TAGS:
            return self._construct(node)
        raise ScalarProblem(
            _("unsupported tag {tag!r}; expected plain YAML data (text, numbers, true/false, dates)").format(
                tag=tag
            )
        )

    def _construct(self, node: yaml.ScalarNode) -> Any:
        try:
            return self.constructor.construct_object(node, deep=True)
        except ConstructorError as exc:
            raise ScalarProblem(_("cannot read value: {problem}").format(problem=exc.problem)) from None
        except (ValueError, OverflowError, TypeError) as exc:  # e.g. `!!int abc`
            raise ScalarProblem(
                _("cannot read {value!r} as {kind}: {reason}").format(
                    value=_short(node.value), kind=node.tag.removeprefix(_TAG), reason=exc
                )
            ) from None

    def _number(self, node: yaml.ScalarNode) -> Any:
        if len(node.value) > MAX_NUMBER_CHARS:
            raise ScalarProblem(
                _(
                    "a number written with {count:,} characters; expected at most {limit} "
                    "(quote it if it is text)"
                ).format(count=len(node.value), limit=MAX_NUMBER_CHARS)
            )
        value = self._construct(node)
        if isinstance(value, float) and not math.isfinite(value):
            raise ScalarProblem(
                _("{value!r} is not a finite number; expected a number such as 12 or 0.5").format(
                    value=_short(node.value)
                )
            )
        return value

    def _timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return self.constructor.construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as exc:
            raise ScalarProblem(
                _(
                    "{value!r} is not a real date ({reason}); expected a calendar date "
                    "YYYY-MM-DD, or quote it if it is text"
                ).format(value=_short(node.value), reason=exc)
            ) from None


def check_text(value: str) -> None:
    """Refuse a string holding a NUL or another control character (they arrive through `"\\0"` escapes)."""
    found = CONTROL_CHARS.search(value)
    if found:
        raise ScalarProblem(
            _("text holds the control character {char}; expected text without control characters").format(
                char=describe_char(found.group())
            )
        )
