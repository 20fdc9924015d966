"""The error boundaries in-process: the pure-Python YAML loader (users whose PyYAML lacks libyaml) gives
the same located refusals as the C one; the domain refuses what a typed answer or a formula could smuggle
in."""

from __future__ import annotations

import math

import pytest
import yaml

from workbench.domain.intake import AnswerInputError, parse_answer
from workbench.domain.kpis import FormulaError, evaluate, formula_names
from workbench.domain.questions import Question
from workbench.loading import catalog
from workbench.loading.located_yaml import YamlError, offset_loc, parse_yaml

LOADERS = [pytest.param(yaml.SafeLoader, id="pure-python")]
if hasattr(yaml, "CSafeLoader"):
    LOADERS.append(pytest.param(yaml.CSafeLoader, id="libyaml"))


def refusal(text: str, loader: type) -> YamlError:
    with pytest.raises(YamlError) as err:
        parse_yaml(text, "f.yaml", loader=loader)
    return err.value


@pytest.mark.parametrize("loader", LOADERS)
def test_deep_nesting_is_located_without_recursion_error(loader):
    error = refusal("a:\n  b: " + "[" * 50_000 + "\n", loader)
    assert "nesting" in error.message
    assert error.loc is not None and error.loc.line == 2


@pytest.mark.parametrize("loader", LOADERS)
def test_alias_of_a_big_string_is_located_at_the_alias_by_both_loaders(loader):
    text = "big: &s '" + "x" * 600_000 + "'\nuses:\n  - *s\n  - *s\n  - *s\n"
    error = refusal(text, loader)
    assert "bytes of text" in error.message
    assert (error.loc.line, error.loc.column) == (4, 5)


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize(
    ("text", "fragment", "column"),
    [
        ("a: !!int abc\n", "cannot read 'abc' as int", 4),
        ("a: 0x" + "f" * 60 + "\n", "62 characters", 4),
        ("a: 2024-01-01 25:00:00\n", "not a real date", 4),
        ("a: 0000-01-01\n", "not a real date", 4),
        ("a: !!set {x}\n", "unsupported tag", 4),
        ('a: "tab\\tok, bell\\a not"\n', "U+0007", 4),
    ],
)
def test_scalar_refusals_are_located(loader, text, fragment, column):
    error = refusal(text, loader)
    assert fragment in error.message
    assert (error.loc.line, error.loc.column) == (1, column)


def test_valid_dates_numbers_and_escapes_still_read():
    text = 'd: 2024-02-29\nn: -12_000\nf: 1.5e+3\nt: "a\\tb\\n"\nbig: 99999999999999999999\n'
    data = parse_yaml(text, "f.yaml")
    assert str(data["d"]) == "2024-02-29" and data["n"] == -12000 and data["f"] == 1500.0
    assert data["t"] == "a\tb\n" and data["big"] == 10**20 - 1


def test_offset_location_counts_lines_and_columns():
    text = "ab\ncd\n\nxyz"
    assert (offset_loc(text, 0, "f").line, offset_loc(text, 0, "f").column) == (1, 1)
    loc = offset_loc(text, text.index("z"), "f")
    assert (loc.line, loc.column) == (4, 3)


def test_text_answers_refuse_control_characters():
    question = Question.model_validate({"id": "notes", "type": "text", "text": "Notes"})
    assert question.answer_problem("fine\ttext") is None
    assert "control characters" in question.answer_problem("bad\x00text")
    with pytest.raises(AnswerInputError, match="control characters"):
        parse_answer(question, "pasted \x1b[31m colour")


def test_number_answers_refuse_nan_and_infinity():
    question = Question.model_validate({"id": "n", "type": "number", "text": "N", "min": 0, "max": 100})
    assert question.answer_problem(50) is None
    for value in (math.nan, math.inf, -math.inf):
        assert question.answer_problem(value) == "expected a finite number"


@pytest.mark.parametrize(
    ("formula", "fragment"),
    [
        ("-" * 5000 + "a", "5,001 characters"),
        ("(" * 40 + "a" + ")" * 40, "more than 32 deep"),
        ("- " * 40 + "a", "more than 32 deep"),
        ("a * 1e999", "too large"),
    ],
)
def test_formula_bounds(formula, fragment):
    with pytest.raises(FormulaError, match=fragment):
        formula_names(formula)


def test_real_formulas_still_parse_and_overflow_is_no_value():
    assert formula_names("(customers_at_start - customers_lost) / customers_at_start * 100") == [
        "customers_at_start",
        "customers_lost",
    ]
    assert evaluate("-(a - b) / a * 100", {"a": 4, "b": 2}) == -50.0
    assert evaluate("a * a", {"a": 1e200}) is None


def test_extends_by_file_name_falls_back_to_the_search_path(tmp_path):
    overlay = tmp_path / "overlay.yaml"
    assert catalog.find_base("core.yaml", overlay) == catalog.find("core")
    assert catalog.find_base("core", overlay) == catalog.find("core")
    (tmp_path / "local.yaml").write_text("id: local\n", encoding="utf-8")
    assert catalog.find_base("local", overlay) == tmp_path.resolve() / "local.yaml"
    assert catalog.find_base("nothing", overlay) is None
    with pytest.raises(catalog.BaseRefused, match="outside"):
        catalog.find_base("../core.yaml", overlay)


def test_typed_numbers_stay_small_enough_to_read_back():
    question = Question.model_validate({"id": "n", "type": "number", "text": "N"})
    assert parse_answer(question, "1" * 40) == int("1" * 40)
    with pytest.raises(AnswerInputError, match="below 10\\^40"):
        parse_answer(question, "1" * 41)
    with pytest.raises(AnswerInputError, match="300 characters"):
        parse_answer(question, "1" * 300)  # a finite float, but 300 digits once saved as an int
    assert parse_answer(question, "۱۲") == 12 and parse_answer(question, "2,5") == 2.5
    saved = parse_yaml(f"n: {parse_answer(question, '9' * 40)}\n", "engagement.yaml")
    assert question.answer_problem(saved["n"]) is None
