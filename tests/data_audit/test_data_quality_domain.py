"""The pure pieces of the data audit: folding and skeletons, value checks, header synonyms, pair rules."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.domain.data_quality.fold import fold_text, loose, name_skeleton
from workbench.domain.data_quality.headers import field_of, match_headers
from workbench.domain.data_quality.matching import clusters, find_pairs
from workbench.domain.data_quality.records import Inspector
from workbench.domain.data_quality.values import email_key, parse_day, phone_e164


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("علي كريمي", "علی کریمی"),
        ("نیک‌پور", "نیکپور"),
        ("مُحَمَّد", "محمد"),
        ("Ёлкин ПЁТР", "елкин петр"),
        ("۰۹۱۲", "0912"),
        ("٠٩١٢", "0912"),
    ],
)
def test_folding_makes_spelling_variants_equal(a, b):
    assert fold_text(a) == fold_text(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Иванов Иван", "Ivan Ivanov"),
        ("محمد رضایی", "Mohammad Rezaei"),
        ("زهرا جعفری", "Zahra Jafari"),
        ("شیرین خسروی", "Shirin Khosravi"),
        ("Дмитрий Хабаров", "Dmitriy Khabarov"),
        ("Александр", "Alexander"),
    ],
)
def test_transliterations_share_a_skeleton(a, b):
    assert name_skeleton(fold_text(a)) == name_skeleton(fold_text(b))


def test_romanised_russian_keeps_the_vowels_that_tell_names_apart():
    assert loose(fold_text("Пётр")) == loose("pyotr") == "petr"
    assert loose(fold_text("Дмитрий")) == loose("dmitry")
    assert loose(fold_text("Иван")) != loose("anna")


@pytest.mark.parametrize(
    ("text", "region", "e164"),
    [
        ("0912 123 4567", "IR", "+989121234567"),
        ("۰۹۱۲۱۲۳۴۵۶۷", "IR", "+989121234567"),
        ("00989121234567", "RU", "+989121234567"),
        ("8 (916) 123-45-67", "RU", "+79161234567"),
        ("+7 916 123 45 67", "IR", "+79161234567"),
        ("12345", "IR", None),
        ("0912 123", "IR", None),
        ("0912 123 4567", "ZZ", None),
    ],
)
def test_phones_are_read_in_the_default_region(text, region, e164):
    assert phone_e164(text, region) == e164


def test_emails_and_dates():
    assert email_key(" Ali.Rezaei@Example.IR ") == "ali.rezaei@example.ir"
    assert [email_key(t) for t in ("ali@", "a@@b.ir", "a b@x.ir", "ali@example")] == [None] * 4
    assert parse_day("1370/05/12") == parse_day("۱۳۷۰/۰۵/۱۲") == date(1991, 8, 3)
    assert parse_day("12.05.1990") == parse_day("1990-05-12") == date(1990, 5, 12)
    assert parse_day("1990-02-30") is None and parse_day("1404/12/30") is None  # 1404 is not leap


def test_headers_in_three_languages_and_a_mapping():
    assert match_headers(["ФИО", "Моб. телефон", "Электронная почта", "ИНН"]) == {
        "name": 0,
        "email": 2,
        "national_id": 3,
    }
    assert match_headers(["نام", "نام خانوادگی", "شماره همراه"]) == {
        "first_name": 0,
        "last_name": 1,
        "mobile": 2,
    }
    assert match_headers(["X1", "X2"], {"X1": "Телефон", "X2": "email"}) == {"phone": 0, "email": 1}
    assert field_of("Birth date") == "birth_date" and field_of("nonsense") is None


def _records(rows):
    inspector = Inspector(
        {"name": 0, "phone": 1, "email": 2, "company": 3, "birth_date": 4}, "contact", "IR", ("name", "phone")
    )
    inspector.add_rows(rows)
    return inspector.result.records


def test_a_household_on_one_phone_is_not_a_duplicate_but_a_namesake_with_details_is():
    records = _records(
        [
            ["محمد کریمی", "09121112233", "", "", ""],
            ["مجید کریمی", "09121112233", "", "", ""],  # household
            ["Ali Rezaei", "", "a1@x.ir", "Acme", "1360/01/01"],
            ["Ali Rezaei", "", "a2@x.ir", "Acme", "1360/01/01"],
            ["Reza Alavi", "", "r1@y.ir", "Acme", ""],
            ["Reza Alavi", "", "r2@z.ir", "Acme", ""],  # a company alone: no
        ]
    )
    pairs = find_pairs(records)
    assert [(p.first, p.second, p.evidence) for p in pairs] == [(2, 3, ("same-birth-date", "same-company"))]


def test_the_survivor_is_the_most_complete_record():
    records = _records(
        [
            ["Ali Rezaei", "09121112233", "", "", ""],
            ["علی رضایی", "09121112233", "ali@x.ir", "Acme", "1360/01/01"],
            ["Ali Rezaei", "+98 912 111 2233", "ali@x.ir", "", ""],
        ]
    )
    found = clusters(records, find_pairs(records))
    assert [(c.members, c.survivor) for c in found] == [((0, 1, 2), 1)]


def test_a_record_typed_twice_is_a_duplicate_without_any_valid_identifier():
    records = _records(
        [
            ["Ali Rezaei", "0912", "ali@", "", ""],
            ["ALI  REZAEI", "0912", "ali@", "", ""],
            ["Ali Rezaei", "0913", "ali@", "", ""],
        ]
    )
    assert [(p.first, p.second, p.evidence) for p in find_pairs(records)] == [(0, 1, ("same-record",))]


def test_a_placeholder_is_reported_and_counts_as_empty():
    inspector = Inspector({"name": 0, "phone": 1, "company": 2}, "contact", "IR", ("name", "phone_or_email"))
    inspector.add_rows([["Ali Rezaei", "000", "-"], ["Sara Karimi", "09121112233", "unknown"]])
    result = inspector.result
    assert [(v.row, v.field, v.value, v.kind) for v in result.invalid] == [(2, "phone", "000", "placeholder")]
    assert result.complete_records == 1  # the placeholder is no working phone
    assert result.stats["phone"].invalid == 1 and result.stats["phone"].valid == 1
    assert result.records[0].company == "" and result.records[1].company == ""


def test_a_record_crosses_a_process_boundary_whole():
    """Workers send their records back pickled by Record.__reduce__: every field arrives."""
    import dataclasses
    import pickle
    from datetime import date

    from workbench.domain.data_quality.records import Record

    values = {f.name: f"{f.name}-value" for f in dataclasses.fields(Record)}
    values |= {"row": 7, "phones": ("+989121112233",), "birth": date(1990, 1, 2), "filled": 4}
    values |= {"updated": date(2024, 5, 6), "fingerprint": 12345}
    record = Record(**values)
    assert pickle.loads(pickle.dumps(record)) == record
    assert len(record.__reduce__()[1]) == len(dataclasses.fields(Record))


def test_a_phone_is_read_the_same_however_it_is_punctuated():
    """Plainly written numbers are reduced to their digits before phonenumbers parses them: the same
    number in every notation, and what is not a number stays invalid."""
    from workbench.domain.data_quality.values import phone_e164

    iranian = ("0912 111 2233", "0912-111-2233", "(0912) 111.2233", "+98 912 111 2233", "00989121112233")
    assert {phone_e164(v, "IR") for v in iranian} == {"+989121112233"}
    assert phone_e164("۰۹۱۲ ۱۱۱ ۲۲۳۳", "IR") == "+989121112233"
    russian = ("8 (903) 123-45-67", "+7 903 123 45 67", "89031234567", "7 903 123-45-67")
    assert {phone_e164(v, "RU") for v in russian} == {"+79031234567"}
    assert phone_e164("0912 111 2233", "ZZ") is None  # no region: only international numbers
    for bad in ("12345", "abc-def", "+98 000 000", ""):
        assert phone_e164(bad, "IR") is None
