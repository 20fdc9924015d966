"""KPI definitions over named measures, with formulas parsed (never evaluated with `eval`)."""

from __future__ import annotations

import ast
import math
from functools import lru_cache
from typing import Literal

from pydantic import field_validator, model_validator

from workbench.domain.base import Id, Item, Strict
from workbench.domain.text import Text
from workbench.i18n import _

Unit = Literal["percent", "count", "ratio", "days", "hours", "minutes", "currency", "score"]
Cadence = Literal["weekly", "monthly", "quarterly", "yearly"]
CADENCE_DAYS: dict[str, float] = {
    "weekly": 7.0,
    "monthly": 365.25 / 12,
    "quarterly": 365.25 / 4,
    "yearly": 365.25,
}
"""The length of each cadence's period, for scaling a count over another period to it."""
_OPS = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.Div: lambda a, b: a / b,
}


MAX_FORMULA_CHARS = 500
"""The longest bundled formula is 88 characters; 500 leaves room and keeps the parsed tree shallow enough
for the recursive evaluation below."""
MAX_FORMULA_DEPTH = 32
"""Parentheses and signs nested inside each other; real formulas nest two or three deep. Python's own parser
recurses once per unary minus and dies of RecursionError on a few thousand of them."""


class FormulaError(ValueError):
    pass


def _nesting(formula: str) -> int:
    """How deep parentheses and runs of signs (`- - -x`) nest, in one pass, before Python parses anything."""
    depth = deepest = run = 0
    for char in formula:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char in "+-*/":
            run += 1
        elif not char.isspace():
            run = 0
        deepest = max(deepest, depth + run)
    return deepest


def _check_size(formula: str) -> None:
    if len(formula) > MAX_FORMULA_CHARS:
        raise FormulaError(
            _("formula of {count:,} characters; expected at most {limit}").format(
                count=len(formula), limit=MAX_FORMULA_CHARS
            )
        )
    if _nesting(formula) > MAX_FORMULA_DEPTH:
        raise FormulaError(
            _(
                "formula nests parentheses or signs more than {limit} deep; expected plain "
                "arithmetic such as (a - b) / a * 100"
            ).format(limit=MAX_FORMULA_DEPTH)
        )


def _parse(formula: str) -> ast.Expression:
    _check_size(formula)
    try:
        return ast.parse(formula, mode="eval")
    except SyntaxError as exc:
        raise FormulaError(f"formula {formula!r} is not arithmetic: {exc.msg}") from None
    except (RecursionError, MemoryError, ValueError):  # a backstop: _check_size keeps these from happening
        raise FormulaError(_("formula is too complex to read; expected plain arithmetic")) from None


def formula_names(formula: str) -> list[str]:
    """The measure names a formula uses; raises FormulaError for anything but + - * / ( ) names numbers."""
    return list(_names_in(formula))


@lru_cache(maxsize=4096)
def _names_in(formula: str) -> tuple[str, ...]:
    """formula_names, kept per formula text: a large playbook repeats a few dozen formulas thousands of times
    (a refused formula raises, and nothing is kept for it)."""
    tree = _parse(formula)
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            names.append(node.id)
        elif isinstance(node, ast.Constant):
            if isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
                raise FormulaError(f"formula {formula!r}: only numbers may be constants")
            if not math.isfinite(node.value):
                raise FormulaError(
                    _("formula {formula!r}: a number too large; expected a finite number").format(
                        formula=formula
                    )
                )
        elif not isinstance(node, (ast.Expression, ast.BinOp, ast.UnaryOp, ast.USub, ast.Load, *_OPS)):
            raise FormulaError(
                f"formula {formula!r}: {type(node).__name__} is not allowed; "
                "expected measures, numbers, + - * / and parentheses"
            )
    return tuple(dict.fromkeys(names))


def evaluate(formula: str, values: dict[str, float]) -> float | None:
    """The formula's value for the given measures; None when a measure is missing or a divisor is 0."""
    formula_names(formula)

    def walk(node: ast.AST) -> float:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant):
            assert isinstance(node.value, (int, float))  # formula_names lets numbers only through
            return float(node.value)
        if isinstance(node, ast.Name):
            return float(values[node.id])
        if isinstance(node, ast.UnaryOp):
            return -walk(node.operand)
        assert isinstance(node, ast.BinOp)
        return _OPS[type(node.op)](walk(node.left), walk(node.right))

    try:
        value = walk(_parse(formula))
    except (KeyError, ZeroDivisionError):
        return None
    return value if math.isfinite(value) else None  # an overflow is no measurement either


class Measure(Strict):
    id: Id
    name: Text
    source: Text
    unit: Unit = "count"


class KpiRange(Strict):
    """The values a KPI can take at all (not its target): `{min: 0, max: 100}`; a missing bound is open."""

    min: float | int | None = None
    max: float | int | None = None

    @model_validator(mode="after")
    def _ordered(self) -> KpiRange:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"range min {self.min:g} is above max {self.max:g}; expected min <= max")
        return self


UNIT_RANGES: dict[str, tuple[float | None, float | None]] = {
    "percent": (0.0, 100.0),
    "count": (0.0, None),
    "ratio": (0.0, None),
    "days": (0.0, None),
    "hours": (0.0, None),
    "minutes": (0.0, None),
    "currency": (None, None),
    "score": (None, None),
}
"""The valid range of a KPI that declares none, from its unit: a share is 0-100 %, durations and counts are
never negative; money and scores can be anything until the playbook says (NPS declares -100..100)."""


class Kpi(Item):
    name: Text
    kind: Literal["adoption", "business"]
    definition: Text
    formula: str
    unit: Unit
    direction: Literal["up", "down"]
    owner: Id
    source: Text
    cadence: Cadence
    phase: Literal["pre_deployment", "deployment", "post_deployment"]
    baseline: float | int | None = None
    """None means 'measure it before go-live'; a number is a known starting point."""
    target: float | int
    target_months: int | None = None
    """Months after go-live by which the target should be met."""
    range: KpiRange | None = None
    """The values the KPI can take; without it, the unit's default (UNIT_RANGES). A percentage that can go
    above 100 or below 0 (a return on investment) declares its own."""
    per_period: bool = False
    """The value is a count per cadence period (activities per rep per week): one computed over another
    period is scaled to the cadence before it is compared with the target."""

    def bounds(self) -> tuple[float | None, float | None]:
        """(min, max) the values must lie in; None is an open end."""
        if self.range is not None:
            return self.range.min, self.range.max
        return UNIT_RANGES[self.unit]

    def out_of_range(self, value: float) -> bool:
        low, high = self.bounds()
        return (low is not None and value < low) or (high is not None and value > high)

    @field_validator("formula")
    @classmethod
    def _formula_is_arithmetic(cls, formula: str) -> str:
        try:
            formula_names(formula)
        except FormulaError as exc:
            raise ValueError(str(exc)) from None
        return formula
