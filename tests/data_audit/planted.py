"""A contacts export with planted duplicates and invalid values, and the truth about it.

Persian and Russian customers (names from common-name lists, so unrelated namesakes occur as in real
data), each with a unique valid phone and e-mail. Some customers get one or two extra records of one of
the kinds issue 19 names: an exact copy, Persian letter variants (ي/ی, ك/ک, ZWNJ, diacritics), Russian
ё/е and case, another phone notation, the name transliterated into Latin. Some rows get a planted invalid
phone or e-mail. `Truth.pairs` are the file-row pairs that are the same customer; `Truth.invalid` the
(row, column) of every planted invalid value.

Used by the tests and by `benchmarks/data_audit_bench.py`; run as a script to write a file:
`python -m tests.data_audit.planted OUT.csv ROWS`.
"""

from __future__ import annotations

import csv
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

FA_FIRST = [
    ("محمد", "Mohammad"),
    ("علی", "Ali"),
    ("حسین", "Hossein"),
    ("رضا", "Reza"),
    ("مهدی", "Mehdi"),
    ("زهرا", "Zahra"),
    ("فاطمه", "Fatemeh"),
    ("مریم", "Maryam"),
    ("سارا", "Sara"),
    ("امیر", "Amir"),
    ("حمید", "Hamid"),
    ("مجید", "Majid"),
    ("نرگس", "Narges"),
    ("کیان", "Kian"),
    ("پریسا", "Parisa"),
    ("سعید", "Saeed"),
    ("بهنام", "Behnam"),
    ("شیرین", "Shirin"),
    ("کاوه", "Kaveh"),
    ("یاسمن", "Yasaman"),
    ("نیلوفر", "Niloufar"),
    ("آرش", "Arash"),
    ("کامران", "Kamran"),
    ("لیلا", "Leila"),
    ("پژمان", "Pezhman"),
]
FA_LAST = [
    ("رضایی", "Rezaei"),
    ("حسینی", "Hosseini"),
    ("محمدی", "Mohammadi"),
    ("کریمی", "Karimi"),
    ("موسوی", "Mousavi"),
    ("جعفری", "Jafari"),
    ("قاسمی", "Ghasemi"),
    ("صادقی", "Sadeghi"),
    ("کاظمی", "Kazemi"),
    ("یزدانی", "Yazdani"),
    ("نیک‌پور", "Nikpour"),
    ("شریفی", "Sharifi"),
    ("طاهری", "Taheri"),
    ("ابراهیمی", "Ebrahimi"),
    ("کیانی", "Kiani"),
    ("فرهادی", "Farhadi"),
    ("بهرامی", "Bahrami"),
    ("یوسفی", "Yousefi"),
    ("زارعی", "Zarei"),
    ("امیری", "Amiri"),
    ("سلطانی", "Soltani"),
    ("نوری", "Nouri"),
    ("حیدری", "Heidari"),
    ("پاکزاد", "Pakzad"),
    ("کرمانی", "Kermani"),
    ("خسروی", "Khosravi"),
    ("اکبری", "Akbari"),
    ("رحیمی", "Rahimi"),
]
RU_FIRST = [
    ("Иван", "Ivan"),
    ("Пётр", "Pyotr"),
    ("Сергей", "Sergey"),
    ("Алексей", "Aleksey"),
    ("Дмитрий", "Dmitry"),
    ("Фёдор", "Fyodor"),
    ("Артём", "Artyom"),
    ("Семён", "Semyon"),
    ("Ольга", "Olga"),
    ("Анна", "Anna"),
    ("Алёна", "Alyona"),
    ("Мария", "Maria"),
    ("Елена", "Elena"),
    ("Наталья", "Natalya"),
    ("Михаил", "Mikhail"),
    ("Николай", "Nikolay"),
    ("Юлия", "Yulia"),
    ("Татьяна", "Tatyana"),
    ("Андрей", "Andrey"),
    ("Владимир", "Vladimir"),
]
RU_LAST = [
    ("Иванов", "Ivanov"),
    ("Смирнов", "Smirnov"),
    ("Кузнецов", "Kuznetsov"),
    ("Попов", "Popov"),
    ("Королёв", "Korolyov"),
    ("Соловьёв", "Solovyov"),
    ("Воробьёв", "Vorobyov"),
    ("Ёлкин", "Yolkin"),
    ("Морозов", "Morozov"),
    ("Волков", "Volkov"),
    ("Лебедев", "Lebedev"),
    ("Новиков", "Novikov"),
    ("Фёдоров", "Fyodorov"),
    ("Михайлов", "Mikhailov"),
    ("Беляев", "Belyaev"),
    ("Тарасов", "Tarasov"),
    ("Белов", "Belov"),
    ("Комаров", "Komarov"),
    ("Орлов", "Orlov"),
    ("Киселёв", "Kiselyov"),
    ("Макаров", "Makarov"),
    ("Зайцев", "Zaitsev"),
    ("Соколов", "Sokolov"),
    ("Жуков", "Zhukov"),
]
FA_MOBILE = ("912", "935", "901", "919", "936", "937", "938", "939", "990", "910", "917", "921", "930")
RU_MOBILE = ("916", "903", "925", "985", "999", "977", "926", "915", "952")
DOMAINS = ("gmail.com", "yahoo.com", "mail.ru", "yandex.ru", "chmail.ir")
INVALID_PHONES = ("12345", "0912 12", "+98 000 000", "abc-def", "021-12", "+7 (000) 00", "999999999999999")
INVALID_EMAILS = (
    "ali.rezaei@",
    "ivan@@mail.ru",
    "ivan.mail.ru",
    "sara@mail",
    "a b@example.com",
    "@yandex.ru",
)
KINDS = ("exact", "letters", "yo", "notation", "translit")
HEADERS = {
    "en": ("Full name", "Phone", "E-mail", "Company", "Birth date", "National ID", "Last updated"),
    "fa": ("نام و نام خانوادگی", "تلفن", "ایمیل", "شرکت", "تاریخ تولد", "کد ملی", "آخرین ویرایش"),
    "ru": ("ФИО", "Телефон", "Электронная почта", "Компания", "Дата рождения", "ИНН", "Дата изменения"),
}


@dataclass
class Truth:
    pairs: set[tuple[int, int]] = field(default_factory=set)
    invalid: set[tuple[int, str]] = field(default_factory=set)
    """(row, 'phone' or 'email')"""
    rows: int = 0


@dataclass
class Person:
    lang: str
    first: tuple[str, str]
    last: tuple[str, str]
    phone: str
    """digits after the country code"""
    email: str
    company: str
    birth: tuple[int, int, int]
    national_id: str
    updated: str


class Planter:
    def __init__(self, seed: int, langs: tuple[str, ...]) -> None:
        self.rnd = random.Random(seed)
        self.langs = langs
        self.used_phones: set[str] = set()
        self.serial = 0

    def person(self) -> Person:
        rnd = self.rnd
        lang = rnd.choice(self.langs)
        first, last = (
            (rnd.choice(FA_FIRST), rnd.choice(FA_LAST))
            if lang == "fa"
            else (rnd.choice(RU_FIRST), rnd.choice(RU_LAST))
        )
        while True:
            prefix = rnd.choice(FA_MOBILE if lang == "fa" else RU_MOBILE)
            phone = prefix + f"{rnd.randrange(10**7):07d}"
            if phone not in self.used_phones:
                self.used_phones.add(phone)
                break
        self.serial += 1
        email = f"{first[1].lower()}.{last[1].lower()}{self.serial}@{rnd.choice(DOMAINS)}"
        company = (
            f"شرکت {rnd.choice(FA_LAST)[0]} {rnd.randrange(60)}"
            if lang == "fa"
            else f"ООО {rnd.choice(RU_LAST)[0]} {rnd.randrange(60)}"
        )
        birth = (
            (rnd.randrange(1340, 1385), rnd.randrange(1, 13), rnd.randrange(1, 29))
            if lang == "fa"
            else (rnd.randrange(1960, 2005), rnd.randrange(1, 13), rnd.randrange(1, 29))
        )
        national_id = f"{rnd.randrange(10**10):010d}" if rnd.random() < 0.3 else ""
        updated = f"20{rnd.randrange(15, 26)}-{rnd.randrange(1, 13):02d}-{rnd.randrange(1, 29):02d}"
        return Person(lang, first, last, phone, email, company, birth, national_id, updated)


def _phone(p: Person, style: int) -> str:
    d = p.phone
    if p.lang == "fa":
        return (
            f"0{d[:3]} {d[3:6]} {d[6:]}",
            f"+98 {d[:3]}-{d[3:6]}-{d[6:]}",
            f"0098{d}",
            f"+98{d}",
            f"(0{d[:3]}) {d[3:]}",
        )[style % 5]
    return (
        f"+7 ({d[:3]}) {d[3:6]}-{d[6:8]}-{d[8:]}",
        f"+7{d}",
        f"+7 {d[:3]} {d[3:6]} {d[6:8]} {d[8:]}",
        f"007{d}",
        f"+7-{d[:3]}-{d[3:]}",
    )[style % 5]


def _birth(p: Person) -> str:
    y, m, d = p.birth
    return f"{y}/{m:02d}/{d:02d}" if p.lang == "fa" else f"{d:02d}.{m:02d}.{y}"


def _name(p: Person) -> str:
    return f"{p.first[0]} {p.last[0]}"


def _letter_variant(name: str, rnd: random.Random) -> str:
    varied = name.replace("ی", "ي").replace("ک", "ك")
    if "\u200c" in varied:
        varied = varied.replace("\u200c", rnd.choice(["", " "]))
    elif varied == name or rnd.random() < 0.5:
        varied = varied.replace("م", "مَ", 1).replace("ا", "ا\u0652", 1)  # diacritics
    return varied


def _yo_variant(name: str, rnd: random.Random) -> str:
    varied = name.replace("ё", "е").replace("Ё", "Е") if "ё" in name.lower() else name.replace("е", "ё", 1)
    return varied.upper() if rnd.random() < 0.3 else varied.lower() if rnd.random() < 0.5 else varied


def row_of(p: Person, style: int = 0) -> list[str]:
    return [_name(p), _phone(p, style), p.email, p.company, _birth(p), p.national_id, p.updated]


def duplicate(p: Person, kind: str, rnd: random.Random) -> list[str]:
    """A second record of the same customer, of one planted kind."""
    row = row_of(p)
    if kind == "letters" and p.lang == "fa":
        row[0] = _letter_variant(row[0], rnd)
        row[2] = "" if rnd.random() < 0.5 else row[2]
    elif kind in ("letters", "yo"):
        row[0] = _yo_variant(row[0], rnd) if p.lang == "ru" else _letter_variant(row[0], rnd)
        row[1] = "" if rnd.random() < 0.3 else row[1]
    elif kind == "notation":
        row[1] = _phone(p, rnd.randrange(1, 5))
        row[2] = ""
    elif kind == "translit":
        row[0] = f"{p.first[1]} {p.last[1]}" if rnd.random() < 0.5 else f"{p.last[1]} {p.first[1]}"
        row[1] = _phone(p, rnd.randrange(5))
        row[2] = row[2] if rnd.random() < 0.5 else ""
    row[6] = f"20{rnd.randrange(15, 26)}-{rnd.randrange(1, 13):02d}-{rnd.randrange(1, 29):02d}"
    return row


def relative(planter: Planter, person: Person) -> list[str]:
    """Another member of the household: the same last name and phone, another first name and e-mail."""
    other = planter.person()
    while other.lang != person.lang or other.first == person.first:
        other = planter.person()
    other.last, other.phone = person.last, person.phone
    other.email = f"{other.first[1].lower()}.{other.last[1].lower()}{planter.serial}@{DOMAINS[0]}"
    return row_of(other, planter.rnd.randrange(5))


def generate(
    rows: int,
    seed: int = 19,
    langs: tuple[str, ...] = ("fa", "ru"),
    dup_share: float = 0.15,
    invalid_share: float = 0.02,
    household_share: float = 0.03,
) -> tuple[list[list[str]], Truth]:
    """About `rows` data rows (a customer's copies are never split), shuffled, and the truth."""
    planter = Planter(seed, langs)
    rnd = planter.rnd
    groups: list[list[list[str]]] = []
    count = 0
    while count < rows:
        person = planter.person()
        group = [row_of(person, rnd.randrange(5))]
        if rnd.random() < dup_share:
            for _ in range(1 if rnd.random() < 0.8 else 2):
                group.append(duplicate(person, rnd.choice(KINDS), rnd))
        groups.append(group)
        count += len(group)
        if rnd.random() < household_share:  # a relative on the same phone: not a duplicate
            groups.append([relative(planter, person)])
            count += 1
    order = [(g, i) for g, group in enumerate(groups) for i in range(len(group))]
    rnd.shuffle(order)
    truth = Truth(rows=len(order))
    table: list[list[str]] = []
    placed: dict[int, list[int]] = {}
    for number, (g, i) in enumerate(order, start=2):
        row = list(groups[g][i])
        if len(groups[g]) == 1 and rnd.random() < invalid_share:
            column = rnd.choice((1, 2))
            row[column] = rnd.choice(INVALID_PHONES if column == 1 else INVALID_EMAILS)
            truth.invalid.add((number, "phone" if column == 1 else "email"))
        table.append(row)
        placed.setdefault(g, []).append(number)
    for numbers in placed.values():
        truth.pairs.update((a, b) for x, a in enumerate(numbers) for b in numbers[x + 1 :])
    return table, truth


def write_csv(path: Path, table: list[list[str]], headers: str = "en", encoding: str = "utf-8") -> Path:
    """The rows under headers in `headers`' language; cp1256 has no Persian ی, so it is written ي there
    as Windows does."""
    with open(path, "w", encoding=encoding, newline="") as out:
        writer = csv.writer(out, delimiter=";" if encoding == "cp1251" else ",")
        for row in [list(HEADERS[headers]), *table]:
            writer.writerow([c.replace("ی", "ي") for c in row] if encoding == "cp1256" else row)
    return path


def write_xlsx(path: Path, table: list[list[str]], headers: str = "en") -> Path:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(list(HEADERS[headers]))
    for row in table:
        ws.append(row)
    wb.save(path)
    return path


if __name__ == "__main__":
    out, size = Path(sys.argv[1]), int(sys.argv[2])
    write_csv(out, generate(size)[0])
