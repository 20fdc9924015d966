"""The intake questionnaire: what a consultant asks a client before the playbook is resolved."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import model_validator

from workbench.domain.base import Id, Item, Strict
from workbench.domain.text import Text

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
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return "expected a number"
            if self.min is not None and value < self.min:
                return f"expected at least {self.min}"
            if self.max is not None and value > self.max:
                return f"expected at most {self.max}"
            return None
        if self.type == "text":
            return None if isinstance(value, str) else "expected text"
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
