"""Read a CRM user-activity export (CSV): one row per user with role, last login, logins and records created.

Exports come from many CRMs and many Excel versions, so the reader is forgiving about form and strict about
content: columns are found by name (any case, spaces or underscores, a few aliases and Russian or Persian
names), the delimiter (`,` or `;`) is read from the header, the encoding is detected (UTF-8 with or without BOM,
cp1251, cp1256), but every bad value is a located problem and a file with any problem gives no rows.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from workbench.domain.adoption import ActivityRow
from workbench.domain.problems import Problem
from workbench.loading.activity_cells import parse_cell
from workbench.loading.activity_encoding import decode

MAX_BYTES = 200 * 1024 * 1024
MAX_PROBLEMS = 20
REQUIRED = ("user", "role", "last_login", "logins")
ALIASES: dict[str, tuple[str, ...]] = {
    "user": ("user", "username", "user_name", "login", "email", "e_mail", "user_email", "name", "full_name",
             "employee", "пользователь", "сотрудник", "کاربر"),
    "role": ("role", "department", "dept", "team", "unit", "роль", "отдел", "نقش", "واحد", "دپارتمان"),
    "last_login": ("last_login", "last_login_date", "last_logon", "last_sign_in", "last_seen",
                   "последний_вход", "آخرین_ورود"),
    "logins": ("logins", "login_count", "logins_count", "number_of_logins", "sessions", "входы",
               "количество_входов", "تعداد_ورود"),
    "trained": ("trained", "training_passed", "training_completed", "обучен", "آموزش_دیده"),
    "leads_created": ("leads", "new_leads", "лиды", "سرنخ_ها"),
    "contacts_created": ("contacts", "new_contacts", "контакты", "مخاطبان"),
    "accounts_created": ("accounts", "companies_created", "компании", "حساب_ها"),
    "deals_created": ("deals", "opportunities", "opportunities_created", "сделки", "فرصت_ها"),
    "cases_created": ("cases", "tickets", "tickets_created", "обращения", "درخواست_ها"),
    "activities_logged": ("activities", "activities_created", "activity_count", "дела", "активности",
                          "فعالیت_ها"),
}
_RECORDS = re.compile(r"^[^\W\d_]\w*_(created|logged)$")


@dataclass
class ActivityFile:
    path: Path
    rows: list[ActivityRow] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ","
    columns: dict[str, str] = field(default_factory=dict)
    """canonical column -> the header as written in the file"""
    record_columns: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def has_trained(self) -> bool:
        return "trained" in self.columns


def normalise(header: str) -> str:
    """'Last Login ' -> 'last_login', Arabic yeh and kaf as Persian ones: the key headers are matched by."""
    text = header.replace("\ufeff", "").strip().lower().replace("ي", "ی").replace("ك", "ک")
    return re.sub(r"[\s\-./\u200c]+", "_", text).strip("_")


def _canonical(header: str) -> str | None:
    key = normalise(header)
    for name, aliases in ALIASES.items():
        if key == name or key in aliases:
            return name
    return key if _RECORDS.match(key) else None


def _delimiter(header: str) -> str:
    """`;` when the header has more of them than commas (Excel in Russian and Persian locales), else `,`."""
    return ";" if header.count(";") > header.count(",") else ","


def _header_problems(headers: list[str], found: dict[str, str], where: str) -> list[Problem]:
    missing = [name for name in REQUIRED if name not in found]
    problems = []
    if missing:
        hints = "; ".join(f"{m} (or {', '.join(ALIASES[m][1:4])})" for m in missing)
        problems.append(Problem(f"missing required column(s): {hints}; the header has: "
                                f"{', '.join(repr(h) for h in headers)}", file=where, line=1, column=1))
    if not any(_RECORDS.match(name) for name in found):
        problems.append(Problem("no records column; expected at least one of leads_created, contacts_created, "
                                "deals_created, cases_created, activities_logged (active users need records, "
                                "not just logins)", file=where, line=1, column=1))
    return problems


def _column(raw: str, values: list[str], index: int, delimiter: str) -> int:
    """The character column of field `index` in its line (1 when quoting makes it hard to tell)."""
    if '"' not in raw:
        return 1 + sum(len(v) + len(delimiter) for v in values[:index])
    found = raw.find(values[index]) if values[index] else -1
    return found + 1 if found >= 0 else 1


def read_activity(path: Path, as_of: date) -> ActivityFile:
    """The rows of an activity export, or the problems that stop the import (then no rows at all)."""
    path = Path(path)
    result, where = ActivityFile(path), str(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            result.problems.append(Problem(f"the file is over {MAX_BYTES // 2**20} MiB; expected a user "
                                           "activity export (one row per user)", file=where))
            return result
        text, result.encoding = decode(path.read_bytes())
    except OSError as exc:
        result.problems.append(Problem(f"cannot read the file: {exc.strerror}", file=where))
        return result
    except ValueError as exc:
        result.problems.append(Problem(str(exc), file=where, line=1, column=1))
        return result
    lines = re.split(r"\r\n|\r|\n", text)
    skip = 1 if lines[0].lower().startswith("sep=") and len(lines[0]) == 5 else 0  # Excel's "sep=;" line
    result.delimiter = lines[0][4] if skip else _delimiter(lines[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=result.delimiter)
    for _ in range(skip):
        next(reader, None)
    headers = next(reader, [])
    position = _read_header(result, headers, lines[skip])
    if result.problems:
        return result
    _read_rows(result, reader, lines, len(headers), position, as_of)
    if result.ok and not result.rows:
        result.problems.append(Problem("no users in the file; expected one row per user after the header",
                                       file=where, line=skip + 2, column=1))
    if result.problems:
        result.rows = []
    return result


def _read_header(result: ActivityFile, headers: list[str], raw: str) -> dict[str, int]:
    """Find the columns by name; canonical name -> index. Problems for missing and doubled columns."""
    where, position = str(result.path), {}
    if not any(h.strip() for h in headers):
        result.problems.append(Problem("the file is empty; expected a header row (user, role, last_login, "
                                       "logins, leads_created ...) and one row per user", file=where, line=1,
                                       column=1))
        return position
    for index, header in enumerate(headers):
        name = _canonical(header)
        if name in position:
            result.problems.append(Problem(f"columns {result.columns[name]!r} and {header!r} both give {name}; "
                                           "expected one of them", file=where, line=1,
                                           column=_column(raw, headers, index, result.delimiter)))
        elif name is not None:
            result.columns[name], position[name] = header, index
    result.problems += _header_problems(headers, result.columns, where)
    result.record_columns = [n for n in result.columns if _RECORDS.match(n)]
    return position


def _read_rows(result: ActivityFile, reader, lines: list[str], width: int, position: dict[str, int],
               as_of: date) -> None:
    """Parse every row; each bad value is a problem at its row and column (the first MAX_PROBLEMS shown)."""
    where, seen, bad = str(result.path), {}, 0

    def report(message: str, line: int, column: int) -> None:
        nonlocal bad
        bad += 1
        if bad <= MAX_PROBLEMS:
            result.problems.append(Problem(message, file=where, line=line, column=column))

    line = reader.line_num + 1
    for values in reader:
        start, line = line, reader.line_num + 1
        if not any(v.strip() for v in values):
            continue
        raw = lines[start - 1] if start - 1 < len(lines) else ""
        if len(values) < width or any(v.strip() for v in values[width:]):
            report(f"row {start} has {len(values)} field(s), the header {width}; expected one per column "
                   f"(a {result.delimiter!r} inside a value needs quotes)", start, 1)
            continue
        parsed: dict[str, object] = {}
        for name, index in position.items():
            try:
                parsed[name] = parse_cell(name, values[index], as_of)
            except ValueError as exc:
                shown = f"{values[index].strip()!r}" + ("; " if str(exc).startswith("expected") else " ")
                report(f"row {start}, column {result.columns[name]!r}: {shown}{exc}", start,
                       _column(raw, values, index, result.delimiter))
        user = str(parsed.get("user", ""))
        if user and user.casefold() in seen:
            report(f"row {start}, column {result.columns['user']!r}: {user!r} is listed again (first on row "
                   f"{seen[user.casefold()]}); expected one row per user", start,
                   _column(raw, values, position["user"], result.delimiter))
            continue
        seen.setdefault(user.casefold(), start)
        if len(parsed) < len(position):
            continue
        result.rows.append(ActivityRow(start, user, str(parsed["role"]), parsed["last_login"],  # type: ignore[arg-type]
                                       int(parsed["logins"]),  # type: ignore[call-overload]
                                       {n: int(parsed[n]) for n in result.record_columns},  # type: ignore[call-overload]
                                       parsed.get("trained")))  # type: ignore[arg-type]
    if bad > MAX_PROBLEMS:
        result.problems.append(Problem(f"{bad - MAX_PROBLEMS} more problem(s) not shown; fix these and run again",
                                       file=where))
