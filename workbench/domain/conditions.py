"""Structured conditions on intake answers (`when:`), evaluated without `eval`.

A condition is data, so it can be checked before any answer exists: the question must exist and the
values it compares with must be answers the question can actually take.

    when: {question: business_model, in: [b2b, both]}
    when: {all: [{question: company_size, equals: small}, {question: has_loyalty, equals: true}]}
    when: {not: {question: modules, contains: service}}
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, model_validator

Scalar = bool | int | float | str

OPERATORS = ("equals", "not_equals", "in", "not_in", "contains", "contains_any", "gte", "lte", "answered")
_FIELD_OF = {op: "in_" if op == "in" else op for op in OPERATORS}
"""each operator's attribute (`in` is a keyword)"""


class Test(BaseModel):
    """One comparison of one question's answer; exactly one operator is given."""

    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)

    question: str
    equals: Scalar | None = None
    not_equals: Scalar | None = None
    in_: list[Scalar] | None = Field(default=None, alias="in")
    not_in: list[Scalar] | None = None
    contains: str | None = None
    contains_any: list[str] | None = None
    gte: int | float | None = None
    lte: int | float | None = None
    answered: bool | None = None

    @model_validator(mode="after")
    def _one_operator(self) -> Test:
        given = self.operators()
        if len(given) != 1:
            found = ", ".join(given) or "none"
            raise ValueError(f"a test needs exactly one operator of {', '.join(OPERATORS)}; found {found}")
        return self

    def operators(self) -> list[str]:
        fields = self.__dict__
        return [op for op, name in _FIELD_OF.items() if fields[name] is not None]

    @property
    def operator(self) -> str:
        return self.operators()[0]

    @property
    def operand(self) -> Any:
        return self.__dict__[_FIELD_OF[self.operator]]

    def holds(self, answers: dict[str, Any]) -> bool:
        """Whether the answers pass (resolving a large playbook asks this some 30,000 times)."""
        value = answers.get(self.question)
        op = self.operator
        operand = self.__dict__[_FIELD_OF[op]]
        if op == "answered":
            return (value not in (None, "", [])) == operand
        if value is None:
            return op in ("not_equals", "not_in")
        if op == "equals":
            return value == operand
        if op == "not_equals":
            return value != operand
        if op == "in":
            return value in operand
        if op == "not_in":
            return value not in operand
        if op == "contains":
            return isinstance(value, list) and operand in value
        if op == "contains_any":
            return isinstance(value, list) and any(v in value for v in operand)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return False
        return value >= operand if op == "gte" else value <= operand


class All(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    all: list[Condition] = Field(min_length=1)

    def holds(self, answers: dict[str, Any]) -> bool:
        return all(c.holds(answers) for c in self.all)


class Any_(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, title="Any")
    any: list[Condition] = Field(min_length=1)

    def holds(self, answers: dict[str, Any]) -> bool:
        return any(c.holds(answers) for c in self.any)


class Not(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)
    not_: Condition = Field(alias="not")

    def holds(self, answers: dict[str, Any]) -> bool:
        return not self.not_.holds(answers)


def _kind(value: Any) -> str:
    """Pick the condition form by its key, so errors speak of one form, not of four."""
    if isinstance(value, dict):
        for key in ("all", "any", "not"):
            if key in value:
                return key
        return "test"
    return (
        type(value).__name__
        if not isinstance(value, BaseModel)
        else {Test: "test", All: "all", Any_: "any", Not: "not"}[type(value)]
    )


Condition = Annotated[
    Annotated[Test, Tag("test")]
    | Annotated[All, Tag("all")]
    | Annotated[Any_, Tag("any")]
    | Annotated[Not, Tag("not")],
    Discriminator(
        _kind,
        custom_error_type="condition",
        custom_error_message=(
            "expected a condition: {question: ID, <operator>: VALUE}, {all: [...]}, {any: [...]} or {not: "
            "...}"
        ),
    ),
]

All.model_rebuild()
Any_.model_rebuild()
Not.model_rebuild()


def iter_tests(condition: Condition | None):
    """Every leaf test of a condition tree, for static checks."""
    if condition is None:
        return
    if isinstance(condition, Test):
        yield condition
    elif isinstance(condition, All):
        for c in condition.all:
            yield from iter_tests(c)
    elif isinstance(condition, Any_):
        for c in condition.any:
            yield from iter_tests(c)
    else:
        yield from iter_tests(condition.not_)


def applies(condition: Condition | None, answers: dict[str, Any]) -> bool:
    """True when an item without a condition, or with one that holds, belongs in the engagement."""
    return condition is None or condition.holds(answers)
