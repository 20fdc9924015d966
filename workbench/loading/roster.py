"""The engagement's roster: read from the client's HR list (xlsx or csv) and from `roster.yaml`.

HR lists come in the client's language, so the header row may be English, Persian or Russian ("Full
name", "نام و نام خانوادگی", "ФИО"); headers are compared folded (case, Persian/Arabic letter forms, ё,
spaces and punctuation). Person id and name are required; the others are optional. Every problem is
located (file:row:column) and all are reported at once; nothing is imported while one is an error.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path
from typing import Any

from workbench.domain.people import Person
from workbench.domain.problems import Problem
from workbench.domain.search import search_key
from workbench.i18n import _

ROSTER_FILE = "roster.yaml"
MAX_IMPORT_BYTES = 64 * 1024 * 1024
"""an HR list of 100,000 people is about 10 MiB as csv"""

HEADERS: dict[str, tuple[str, ...]] = {
    "id": (
        "person id",
        "id",
        "employee id",
        "personnel number",
        "شناسه",
        "کد پرسنلی",
        "شماره پرسنلی",
        "табельный номер",
        "id сотрудника",
        "идентификатор",
        "таб номер",
    ),
    "name": (
        "full name",
        "name",
        "person",
        "نام و نام خانوادگی",
        "نام کامل",
        "نام",
        "фио",
        "полное имя",
        "имя",
        "сотрудник",
    ),
    "department": ("department", "unit", "دپارتمان", "واحد", "بخش", "отдел", "подразделение"),
    "role": ("designed role", "role", "crm role", "نقش", "نقش طراحی شده", "роль", "роль в crm"),
    "manager": ("manager", "manager id", "line manager", "مدیر", "مدیر مستقیم", "руководитель"),
    "active": ("active", "status", "فعال", "وضعیت", "активен", "статус"),
    "email": ("email", "e-mail", "mail", "ایمیل", "پست الکترونیک", "почта", "эл почта", "электронная почта"),
    "login": ("login", "username", "user name", "نام کاربری", "логин", "имя пользователя"),
}
"""field -> the header texts that name it (folded by `_fold` before comparing)"""
REQUIRED = ("id", "name")
SHOWN = {
    "id": ("Person ID", "کد پرسنلی", "Табельный номер"),
    "name": ("Full name", "نام و نام خانوادگی", "ФИО"),
}
"""the required columns as an error names them, in the three languages a header row may use"""
INACTIVE = {
    "false",
    "no",
    "0",
    "inactive",
    "left",
    "خیر",
    "غیرفعال",
    "نه",
    "رفته",
    "нет",
    "неактивен",
    "уволен",
    "уволена",
}
ACTIVE = {"true", "yes", "1", "active", "بله", "فعال", "آری", "да", "активен", "работает"}


def _fold(text: str) -> str:
    return re.sub(r"[\W_]+", " ", search_key(text)).strip()


FOLDED = {_fold(h): name for name, heads in HEADERS.items() for h in heads}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _rows_csv(path: Path, problems: list[Problem]) -> list[tuple[int, list[str]]]:
    from workbench.loading.bounded import read_bounded
    from workbench.loading.crm.csv_text import csv_records, decode_utf8

    text, found = decode_utf8(read_bounded(path, MAX_IMPORT_BYTES, _("the roster")), str(path))
    problems += found
    if text is None:
        return []
    try:
        delimiter = csv.Sniffer().sniff(text[:4096], delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    if delimiter == ",":
        return csv_records(text, str(path), problems)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    return [(reader.line_num, row) for row in reader if any(c.strip() for c in row)]


def _rows_xlsx(path: Path, problems: list[Problem]) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    from workbench.loading.archive import ArchiveError, open_workbook

    try:
        with open_workbook(path, _("not an xlsx workbook")) as handle:
            wb = load_workbook(handle, read_only=True, data_only=True)
            try:
                sheet = wb.worksheets[0]
                return [
                    (i, [_cell(v) for v in row])
                    for i, row in enumerate(sheet.iter_rows(values_only=True), 1)
                    if any(_cell(v) for v in row)
                ]
            finally:
                wb.close()
    except ArchiveError as exc:
        problems.append(
            Problem(
                _("cannot read the roster: {reason}").format(reason=exc.message), file=exc.file, code=exc.code
            )
        )
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, SyntaxError, TypeError) as exc:
        problems.append(
            Problem(
                _("cannot read the roster: {reason}").format(reason=exc), file=str(path), code="unreadable"
            )
        )
    return []


def _columns(head: list[str], file: str, line: int, problems: list[Problem]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for i, text in enumerate(head):
        name = FOLDED.get(_fold(text))
        if name and name not in columns:
            columns[name] = i
    for name in REQUIRED:
        if name not in columns:
            problems.append(
                Problem(
                    _("no column for {examples}; expected a header row naming it").format(
                        examples=" / ".join(SHOWN[name])
                    ),
                    file=file,
                    line=line,
                    column=1,
                    code="header",
                )
            )
    return columns


def _active(text: str, file: str, line: int, column: int, problems: list[Problem]) -> bool:
    folded = _fold(text)
    if not folded or folded in ACTIVE:
        return True
    if folded in INACTIVE:
        return False
    problems.append(
        Problem(
            _("active is {value!r}; expected yes or no").format(value=text),
            file=file,
            line=line,
            column=column,
            code="flag",
        )
    )
    return True


def people_from_rows(rows: list[tuple[int, list[str]]], file: str, problems: list[Problem]) -> list[Person]:
    """People of an HR list's rows (the first is the header row)."""
    if not rows:
        problems.append(
            Problem(
                _("the roster is empty; expected a header row and one row per person"),
                file=file,
                code="empty",
            )
        )
        return []
    columns = _columns(rows[0][1], file, rows[0][0], problems)
    if any(name not in columns for name in REQUIRED):
        return []
    people: list[Person] = []
    seen: dict[str, int] = {}
    for line, cells in rows[1:]:

        def get(name: str, cells: list[str] = cells) -> str:
            i = columns.get(name)
            return _cell(cells[i]) if i is not None and i < len(cells) else ""

        pid, name = get("id"), get("name")
        if not pid or not name:
            problems.append(
                Problem(
                    _("a person needs an id and a name; expected both on this row"),
                    file=file,
                    line=line,
                    column=columns["id" if not pid else "name"] + 1,
                    code="required",
                )
            )
            continue
        if pid in seen:
            problems.append(
                Problem(
                    _("person id {id} is also on row {row}; expected each person once").format(
                        id=pid, row=seen[pid]
                    ),
                    file=file,
                    line=line,
                    column=columns["id"] + 1,
                    code="duplicate",
                )
            )
            continue
        seen[pid] = line
        active = _active(get("active"), file, line, columns.get("active", 0) + 1, problems)
        roles = tuple(r.strip() for r in re.split(r"[,;،|]", get("role")) if r.strip())
        people.append(
            Person(
                pid, name, get("department"), roles, get("manager"), active, get("email"), get("login"), line
            )
        )
    return people


def read_roster_import(path: Path) -> tuple[list[Person], list[Problem]]:
    """The people of an HR list (.xlsx, or .csv separated by , ; or tab), with every problem located."""
    from workbench.loading.bounded import BoundedReadError

    problems: list[Problem] = []
    try:
        rows = (_rows_xlsx if path.suffix.lower() in (".xlsx", ".xlsm") else _rows_csv)(path, problems)
    except BoundedReadError as exc:
        return [], [Problem(exc.message, file=str(path), code="io")]
    if any(p.severity == "error" for p in problems):
        return [], problems
    return people_from_rows(rows, str(path), problems), problems


def read_roster(folder: Path) -> tuple[list[Person], list[Problem]]:
    """The people kept in the engagement's roster.yaml; none when it does not exist yet."""
    from workbench.loading.located_yaml import YamlError, plain, read_yaml

    path = folder / ROSTER_FILE
    if not path.exists():
        return [], []
    try:
        doc = plain(read_yaml(path, MAX_IMPORT_BYTES, what=_("the roster")))
    except YamlError as exc:
        loc = exc.loc
        return [], [
            Problem(
                exc.message,
                file=exc.file,
                line=loc.line if loc else None,
                column=loc.column if loc else None,
                code="yaml",
            )
        ]
    items = doc.get("people") if isinstance(doc, dict) else None
    if not isinstance(items, list):
        return [], [
            Problem(
                _("no people list; expected {shape}").format(shape="people: [{id, name, ...}]"),
                file=str(path),
                line=1,
                column=1,
                code="format",
            )
        ]
    people, problems = [], []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not item.get("id") or not item.get("name"):
            problems.append(
                Problem(
                    _("people[{index}] needs an id and a name").format(index=i), file=str(path), code="format"
                )
            )
            continue
        roles = item.get("roles") or []
        people.append(
            Person(
                str(item["id"]),
                str(item["name"]),
                str(item.get("department") or ""),
                tuple(str(r) for r in (roles if isinstance(roles, list) else [roles])),
                str(item.get("manager") or ""),
                item.get("active") is not False,
                str(item.get("email") or ""),
                str(item.get("login") or ""),
            )
        )
    return people, problems
