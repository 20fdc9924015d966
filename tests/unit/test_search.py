"""Search keys: Persian and Russian words are found however they were typed (workbench.domain.search)."""

from __future__ import annotations

import pytest

from workbench.domain.search import matches, search_key, search_words
from workbench.tui.widgets.rfp_table import RfpRow, filter_rows


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("ي", "ی"),
        ("ك", "ک"),  # Arabic keyboard letters for the Persian ones
        ("میشود", "می\u200cشود"),  # without the zero-width non-joiner
        ("می\u200cشود", "میشود"),
        ("مـــدیر", "مدیر"),  # tatweel stretching a word
        ("۱۲", "12"),
        ("١٢", "12"),
        ("12", "۱۲"),  # Persian, Arabic-Indic and Latin digits
        ("ёлка", "елка"),
        ("ЁЛКА", "елка"),
        ("елка", "ёлка"),  # ё and е
        ("CRM", "crm"),
        ("Straße", "STRASSE"),  # case-folded, not only lower-cased
        ("مُدیر", "مدیر"),  # a vowel mark
    ],
)
def test_both_spellings_have_the_same_key(typed, stored):
    assert search_key(typed) == search_key(stored)


def test_every_word_must_occur():
    key = search_key("سامانه باید پیامک‌های انبوه را ارسال کند\nMKT-004-IR")
    assert matches(search_words("پیامکهای انبوه"), key)
    assert matches(search_words("mkt-004"), key)
    assert not matches(search_words("پیامک ایمیل"), key)
    assert matches(search_words("   "), key)  # nothing typed: everything matches


def _row(rid: str, text: str) -> RfpRow:
    return RfpRow(rid, "m", "M", "must", 3, text, "", "", search_key(f"{rid}\n{text}"))


def test_the_rfp_list_finds_persian_and_russian_words_in_any_spelling():
    rows = [_row("A-1", "سامانه پیامک‌های انبوه ارسال می‌کند"), _row("B-2", "Система учитывает всё и ещё")]
    assert [r.id for r in filter_rows(rows, None, None, "پيامكهاي")] == ["A-1"]
    assert [r.id for r in filter_rows(rows, None, None, "учитывает ещe все")] == []  # a Latin e is no е
    assert [r.id for r in filter_rows(rows, None, None, "УЧИТЫВАЕТ ещё всё")] == ["B-2"]
    assert [r.id for r in filter_rows(rows, None, None, "еще все")] == ["B-2"]
