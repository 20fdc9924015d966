"""The one number parser: the user's notation (decimal comma, Persian and Arabic-Indic digits, grouped
thousands) read right, and what could be read two ways refused rather than guessed."""

from __future__ import annotations

import pytest

from workbench.domain.numbers import NumberError, parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6.1", 6.1),
        ("6,1", 6.1),
        (" 42 ", 42.0),
        ("0,125", 0.125),
        (",5", 0.5),
        (".5", 0.5),
        ("۶٫۱", 6.1),
        ("٦,١", 6.1),
        ("۱۲۳", 123.0),
        ("٦٫١", 6.1),
        ("1 234,5", 1234.5),
        ("1\u00a0234,5", 1234.5),
        ("1\u2009234\u2009567", 1234567.0),
        ("1\u202f234.5", 1234.5),
        ("۱٬۲۳۴٫۵", 1234.5),
        ("1,234,567", 1234567.0),
        ("1,234.5", 1234.5),
        ("1.234.567", 1234567.0),
        ("1.234,5", 1234.5),
        ("1234,567", 1234.567),
        ("-3", -3.0),
        ("\u22123,5", -3.5),
        ("+7", 7.0),
        ("72.5%", 72.5),
        ("۷۲٪", 72.0),
        ("1.234", 1.234),
    ],
)
def test_reads_the_users_notation(text, expected):
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text", ["abc", "", "nan", "inf", "1e3", "12 34", "1,23,4", "6,1,", "--3", "1 234 56"]
)
def test_refuses_what_is_not_a_number(text):
    with pytest.raises(NumberError, match="is not a"):
        parse_number(text)


@pytest.mark.parametrize(("text", "a", "b"), [("1,234", "1234", "1.234"), ("12,500", "12500", "12.500")])
def test_refuses_what_could_be_read_two_ways(text, a, b):
    with pytest.raises(NumberError) as caught:
        parse_number(text)
    assert str(caught.value) == (
        f"{text!r} could be read two ways ({a} or {b}); expected it without the "
        f"thousands separator ({a}) or with a decimal point ({b})"
    )
