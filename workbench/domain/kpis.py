"""KPI definitions over named measures, with formulas parsed (never evaluated with `eval`)."""

from __future__ import annotations

import ast
from typing import Literal

from pydantic import field_validator

from workbench.domain.base import Id, Item, Strict
from workbench.domain.text import Text

Unit = Literal["percent", "count", "ratio", "days", "hours", "minutes", "currency", "score"]
Cadence = Literal["weekly", "monthly", "quarterly", "yearly"]
_OPS = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b,
        ast.Div: lambda a, b: a / b}


class FormulaError(ValueError):
    pass


def formula_names(formula: str) -> list[str]:
    """The measure names a formula uses; raises FormulaError for anything but + - * / ( ) names numbers."""
    try:
        tree = ast.parse(formula, mode="eval")
    except SyntaxError as exc:
        raise FormulaError(f"formula {formula!r} is not arithmetic: {exc.msg}") from None
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            names.append(node.id)
        elif isinstance(node, ast.Constant):
            if isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
                raise FormulaError(f"formula {formula!r}: only numbers may be constants")
        elif not isinstance(node, (ast.Expression, ast.BinOp, ast.UnaryOp, ast.USub, ast.Load, *_OPS)):
            raise FormulaError(f"formula {formula!r}: {type(node).__name__} is not allowed; "
                               "expected measures, numbers, + - * / and parentheses")
    return list(dict.fromkeys(names))


def evaluate(formula: str, values: dict[str, float]) -> float | None:
    """The formula's value for the given measures; None when a measure is missing or a divisor is 0."""
    formula_names(formula)

    def walk(node: ast.AST) -> float:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant):
            return float(node.value)
        if isinstance(node, ast.Name):
            return float(values[node.id])
        if isinstance(node, ast.UnaryOp):
            return -walk(node.operand)
        assert isinstance(node, ast.BinOp)
        return _OPS[type(node.op)](walk(node.left), walk(node.right))

    try:
        return walk(ast.parse(formula, mode="eval"))
    except (KeyError, ZeroDivisionError):
        return None


class Measure(Strict):
    id: Id
    name: Text
    source: Text
    unit: Unit = "count"


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

    @field_validator("formula")
    @classmethod
    def _formula_is_arithmetic(cls, formula: str) -> str:
        try:
            formula_names(formula)
        except FormulaError as exc:
            raise ValueError(str(exc)) from None
        return formula
