"""Read a CRM user-activity export (CSV): one row per user with role, last login, logins and records created.

Exports come from many CRMs and many Excel versions, so the reader is forgiving about form and strict about
content: columns are found by name (any case, spaces or underscores, a few aliases and Russian or Persian
names), the delimiter (`,` or `;`) is sniffed, the encoding is detected (UTF-8 with or without BOM,
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
from workbench.loading.activity_encoding import decode

MAX_BYTES = 200 * 1024 * 1024
MAX_PROBLEMS = 20
REQUIRED = ("user", "role", "last_login", "logins")
ALIASES: dict[str, tuple[str, ...]] = {
    "user": ("user", "username", "user_name", "login", "email", "e_mail", "user_email", "name", "full_name",
             "employee", "пользователь", "сотрудник", "کاربر", "كاربر"),
    "role": ("role", "department", "dept", "team", "unit", "роль", "отдел", "نقش", "واحد", "دپارتمان"),
    "last_login": ("last_login", "last_login_date", "last_logon", "last_sign_in", "last_seen",
                   "последний_вход", "آخرین_ورود"),
    "logins": ("logins", "login_count", "logins_count", "number_of_logins", "sessions", "входы",
               "количество_входов", "تعداد_ورود"),
    "trained": ("trained", "training_passed", "training_completed", "обучен", "آموزش_دیده"),
    "leads_created": ("leads", "new_leads"),
    "contacts_created": ("contacts", "new_contacts"),
    "accounts_created": ("accounts", "companies_created"),
    "deals_created": ("deals", "opportunities", "opportunities_created"),
    "cases_created": ("cases", "tickets", "tickets_created"),
    "activities_logged": ("activities", "activities_created", "activity_count"),
}
_RECORDS = re.compile(r"^[^\W\d_]\w*_(created|logged)$")
_YES = {"yes", "y", "true", "1", "да", "بله", "آری"}
_NO = {"no", "n", "false", "0", "", "нет", "خیر", "نه"}


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
    """'Last Login ' -> 'last_login'; the key headers are matched by."""
    return re.sub(r"[\s\-./]+", "_", header.replace("\ufeff", "").strip().lower()).strip("_")


def _canonical(header: str) -> str | None:
    key = normalise(header)
    for name, aliases in ALIASES.items():
        if key == name or key in aliases:
            return name
    return key if _RECORDS.match(key) else None


def _delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;").delimiter
    except csv.Error:
        header = text.split("\n", 1)[0]
        return ";" if header.count(";") > header.count(",") else ","


def parse_date(text: str) -> date:
    """YYYY-MM-DD, YYYY/MM/DD or DD.MM.YYYY, with an optional time after it; ValueError says what to use."""
    value = text.strip()
    iso = re.match(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T].*)?$", value)
    dotted = re.match(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?: .*)?$", value)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif dotted:
        day, month, year = (int(g) for g in dotted.groups())
    else:
        raise ValueError("expected a date YYYY-MM-DD (or DD.MM.YYYY)")
    if year < 1700:
        raise ValueError("looks like a Solar Hijri date; expected a Gregorian date YYYY-MM-DD")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError("is not a real date; expected a date YYYY-MM-DD") from None


def _count(text: str) -> int:
    value = text.strip()
    if value == "":
        return 0
    if not value.isascii() or not value.isdigit():
        raise ValueError("expected a whole number, 0 or more")
    return int(value)


def _yes_no(text: str) -> bool:
    value = text.strip().lower()
    if value in _YES or value in _NO:
        return value in _YES
    raise ValueError("expected yes or no (also true/false, 1/0)")


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
    result.delimiter = lines[0][4] if skip else _delimiter(text)
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


def _value(name: str, text: str, as_of: date) -> object:
    """One cell as its column wants it; ValueError says what was expected."""
    if name == "user":
        if not text.strip():
            raise ValueError("expected the user's name or login")
        return text.strip()
    if name == "role":
        return text.strip()
    if name == "last_login":
        login = parse_date(text) if text.strip() else None
        if login and login > as_of:
            raise ValueError(f"is after the measurement date {as_of}; expected a date on or before it "
                             "(set --date to the day of the export)")
        return login
    if name == "trained":
        return _yes_no(text)
    return _count(text)


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
                parsed[name] = _value(name, values[index], as_of)
            except ValueError as exc:
                shown = f"{values[index].strip()!r}" + (" " if str(exc).startswith("is ") else "; ")
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
