"""Which column holds which field: header synonyms in English, Persian and Russian, compared after folding
(case, spaces, punctuation, Persian letter variants), or an explicit mapping from the consultant's mapping
workbook."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from workbench.domain.data_quality.fold import fold_text

SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": (
        "name",
        "full name",
        "fullname",
        "contact name",
        "customer name",
        "client name",
        "fio",
        "نام و نام خانوادگی",
        "نام کامل",
        "نام مشتری",
        "نام مخاطب",
        "فیو",
        "фио",
        "имя и фамилия",
        "полное имя",
        "клиент",
        "контакт",
        "наименование клиента",
    ),
    "first_name": ("first name", "firstname", "given name", "نام", "نام کوچک", "имя"),
    "last_name": ("last name", "lastname", "surname", "family name", "نام خانوادگی", "фамилия"),
    "phone": (
        "phone",
        "telephone",
        "tel",
        "phone number",
        "work phone",
        "تلفن",
        "شماره تلفن",
        "تلفن ثابت",
        "телефон",
        "тел",
        "номер телефона",
        "рабочий телефон",
    ),
    "mobile": (
        "mobile",
        "cell",
        "mobile phone",
        "cell phone",
        "موبایل",
        "تلفن همراه",
        "شماره همراه",
        "همراه",
        "мобильный",
        "мобильный телефон",
        "сотовый",
    ),
    "email": (
        "email",
        "e-mail",
        "mail",
        "email address",
        "ایمیل",
        "پست الکترونیک",
        "رایانامه",
        "почта",
        "эл почта",
        "электронная почта",
        "e-mail адрес",
    ),
    "company": (
        "company",
        "account",
        "organisation",
        "organization",
        "company name",
        "employer",
        "شرکت",
        "نام شرکت",
        "سازمان",
        "компания",
        "организация",
        "название компании",
    ),
    "birth_date": (
        "birth date",
        "birthdate",
        "date of birth",
        "dob",
        "birthday",
        "تاریخ تولد",
        "дата рождения",
        "др",
    ),
    "national_id": (
        "national id",
        "national code",
        "ssn",
        "tax id",
        "inn",
        "snils",
        "کد ملی",
        "شماره ملی",
        "شناسه ملی",
        "инн",
        "снилс",
        "паспорт",
    ),
    "updated": (
        "updated",
        "last updated",
        "modified",
        "last modified",
        "updated at",
        "created",
        "created at",
        "تاریخ ویرایش",
        "آخرین ویرایش",
        "تاریخ ایجاد",
        "дата изменения",
        "изменено",
        "дата создания",
    ),
}

_PUNCT = re.compile(r"[\s_\-.:/()]+")


def header_key(text: str) -> str:
    return _PUNCT.sub(" ", fold_text(text)).strip()


_INDEX = {header_key(s): field for field, names in SYNONYMS.items() for s in names}


def match_headers(headers: Sequence[str], mapping: Mapping[str, str] | None = None) -> dict[str, int]:
    """field -> column index. A mapping (legacy column -> field) wins over the synonyms; the first column
    that matches a field takes it."""
    found: dict[str, int] = {}
    wanted = {header_key(k): f for k, v in (mapping or {}).items() if (f := field_of(v))}
    for index, header in enumerate(headers):
        key = header_key(str(header or ""))
        field = wanted.get(key) if wanted else None
        field = field or _INDEX.get(key)
        if field and field not in found:
            found[field] = index
    return found


def field_of(text: str) -> str | None:
    """A field id ('phone'), or the field a label or synonym names ('Телефон', 'شماره تلفن')."""
    from workbench.domain.data_quality.profiles import FIELDS

    value = text.strip()
    if value in FIELDS:
        return value
    return _INDEX.get(header_key(value)) or _INDEX.get(header_key(value.replace("_", " ")))
