"""The intake questionnaire: what a consultant asks a client before the playbook is resolved."""

from __future__ import annotations

import math
import re
from typing import Any, Literal

from pydantic import model_validator

from workbench.domain.base import Id, Item, Strict
from workbench.domain.text import Text
from workbench.i18n import _

_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
"""Not in a text answer: they cannot be saved in engagement.yaml and read back, nor written to a workbook."""

MAX_ANSWER_DIGITS = 40
MAX_ANSWER_NUMBER = 10**MAX_ANSWER_DIGITS
"""Whole-number answers stay below this, so engagement.yaml can always be read back (its reader refuses
numbers written with more than 50 characters); real answers are head counts and budgets."""

QuestionType = Literal["choice", "multi_choice", "yes_no", "number", "text"]


class Option(Strict):
    id: Id
    label: Text
    help: Text | None = None


class Question(Item):
    type: QuestionType
    text: Text
    help: Text | None = None
    group: Id = "profile"
    options: list[Option] = []
    default: bool | int | float | str | list[str] | None = None
    min: int | float | None = None
    max: int | float | None = None
    required: bool = True
    vendor_visible: bool = False
    """May the answer reach a vendor (the RFP pack's client context)? Off unless the playbook says so: most
    answers (budget, readiness, staff time) are the client's internal business."""

    @model_validator(mode="after")
    def _options_fit_type(self) -> Question:
        has_options = self.type in ("choice", "multi_choice")
        if has_options and len(self.options) < 2:
            raise ValueError(f"a {self.type} question needs at least two options")
        if not has_options and self.options:
            raise ValueError(f"a {self.type} question takes no options; use type choice or multi_choice")
        return self

    def option_ids(self) -> list[str]:
        return [o.id for o in self.options]

    def answer_problem(self, value: Any) -> str | None:
        """Why `value` cannot answer this question, or None when it can."""
        if self.type == "yes_no":
            return None if isinstance(value, bool) else "expected yes/no (true or false)"
        if self.type == "number":
            return self._number_problem(value)
        if self.type == "text":
            if not isinstance(value, str):
                return "expected text"
            return _("expected text without control characters") if _CONTROL_CHARS.search(value) else None
        return self._options_problem(value)

    def _number_problem(self, value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return "expected a number"
        if isinstance(value, float) and not math.isfinite(value):
            return _("expected a finite number")
        if isinstance(value, int) and abs(value) >= MAX_ANSWER_NUMBER:
            return _("expected a number below 10^{power}").format(power=MAX_ANSWER_DIGITS)
        if self.min is not None and value < self.min:
            return f"expected at least {self.min}"
        if self.max is not None and value > self.max:
            return f"expected at most {self.max}"
        return None

    def _options_problem(self, value: Any) -> str | None:
        ids = self.option_ids()
        if self.type == "choice":
            if value not in ids:
                return f"expected one of {', '.join(ids)}"
            return None
        if not isinstance(value, list):
            return f"expected a list of options from {', '.join(ids)}"
        wrong = [v for v in value if v not in ids]
        if wrong:
            return f"unknown option {wrong[0]!r}; expected options from {', '.join(ids)}"
        return None
