"""Conditions on answers and KPI formulas: both are data, evaluated without eval."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from workbench.domain.conditions import Condition, applies
from workbench.domain.kpis import FormulaError, evaluate, formula_names

parse = TypeAdapter(Condition).validate_python

ANSWERS = {"model": "b2b", "modules": ["sales", "service"], "size": 120, "loyal": False}


@pytest.mark.parametrize(
    "condition, expected",
    [
        ({"question": "model", "equals": "b2b"}, True),
        ({"question": "model", "not_equals": "b2b"}, False),
        ({"question": "model", "in": ["b2c", "both"]}, False),
        ({"question": "model", "not_in": ["b2c"]}, True),
        ({"question": "modules", "contains": "service"}, True),
        ({"question": "modules", "contains_any": ["marketing"]}, False),
        ({"question": "size", "gte": 100}, True),
        ({"question": "size", "lte": 100}, False),
        ({"question": "loyal", "equals": False}, True),
        ({"question": "missing", "answered": False}, True),
        ({"question": "missing", "equals": "x"}, False),
        ({"all": [{"question": "model", "equals": "b2b"}, {"question": "size", "gte": 500}]}, False),
        ({"any": [{"question": "model", "equals": "b2c"}, {"question": "size", "gte": 100}]}, True),
        ({"not": {"question": "modules", "contains": "sales"}}, False),
    ],
)
def test_condition_evaluation(condition, expected):
    assert applies(parse(condition), ANSWERS) is expected


def test_no_condition_always_applies():
    assert applies(None, {})


@pytest.mark.parametrize(
    "bad",
    [
        "model == 'b2b'",
        {"question": "m"},
        {"question": "m", "equals": 1, "in": [2]},
        {"question": "m", "matches": ".*"},
    ],
)
def test_malformed_conditions_are_rejected(bad):
    with pytest.raises(ValidationError):
        parse(bad)


def test_formula_names_and_value():
    assert formula_names("(won + 0) / (won + lost) * 100") == ["won", "lost"]
    assert evaluate("won / (won + lost) * 100", {"won": 3, "lost": 1}) == 75.0
    assert evaluate("-a + 2", {"a": 1}) == 1.0


def test_formula_division_by_zero_and_missing_measure_give_none():
    assert evaluate("a / b", {"a": 1, "b": 0}) is None
    assert evaluate("a / b", {"a": 1}) is None


@pytest.mark.parametrize(
    "bad", ["__import__('os')", "a.b", "a ** 2", "a if b else c", "'text'", "a[0]", "lambda: 1", "a +"]
)
def test_formula_rejects_anything_but_arithmetic(bad):
    with pytest.raises(FormulaError):
        formula_names(bad)
