"""Read a CRM user-activity export (CSV): one row per user with role, last login, logins and records created.

Exports come from many CRMs and many Excel versions, so the reader is forgiving about form and strict about
content: columns are found by name (any case, spaces or underscores, a few aliases and Russian or Persian
names), the delimiter (`,` or `;`) is read from the header, the encoding is detected (UTF-8 with or without
BOM,
cp1251, cp1256), but every bad value is a located problem and a file with any problem gives no rows.
"""

from __future__ import annotations

import csv
import io
import itertools
import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from workbench.domain.adoption import ActivityRow, ActivityTally
from workbench.domain.problems import Problem
from workbench.domain.role_groups import RoleClassifier
from workbench.i18n import _
from workbench.loading.activity_cells import parse_cell
from workbench.loading.activity_encoding import detect
from workbench.loading.bounded import BoundedReadError, open_regular
from workbench.loading.seen_keys import SeenKeys

MAX_BYTES = 200 * 1024 * 1024
MAX_PROBLEMS = 20
MAX_LINE = 2**20
"""characters in one line: a row of one user is a few hundred at most"""
MAX_RECORD_LINES = 1_000
"""lines one record may span (values with line breaks in quotes): more means a stray quote"""
REQUIRED = ("user", "role", "last_login", "logins")
ALIASES: dict[str, tuple[str, ...]] = {
    "user": (
        "user",
        "username",
        "user_name",
        "login",
        "email",
        "e_mail",
        "user_email",
        "name",
        "full_name",
        "employee",
        "пользователь",
        "сотрудник",
        "کاربر",
    ),
    "role": ("role", "department", "dept", "team", "unit", "роль", "отдел", "نقش", "واحد", "دپارتمان"),
    "last_login": (
        "last_login",
        "last_login_date",
        "last_logon",
        "last_sign_in",
        "last_seen",
        "последний_вход",
        "آخرین_ورود",
    ),
    "logins": (
        "logins",
        "login_count",
        "logins_count",
        "number_of_logins",
        "sessions",
        "входы",
        "количество_входов",
        "تعداد_ورود",
    ),
    "trained": ("trained", "training_passed", "training_completed", "обучен", "آموزش_دیده"),
    "leads_created": ("leads", "new_leads", "лиды", "سرنخ_ها"),
    "contacts_created": ("contacts", "new_contacts", "контакты", "مخاطبان"),
    "accounts_created": ("accounts", "companies_created", "компании", "حساب_ها"),
    "deals_created": ("deals", "opportunities", "opportunities_created", "сделки", "فرصت_ها"),
    "cases_created": ("cases", "tickets", "tickets_created", "обращения", "درخواست_ها"),
    "activities_logged": (
        "activities",
        "activities_created",
        "activity_count",
        "дела",
        "активности",
        "فعالیت_ها",
    ),
}
_BAD_CHAR = re.compile("[\x00\udc80-\udcff]")
"""a NUL, or a byte the encoding has no character for (kept by surrogateescape so it can be located)"""
_RECORDS = re.compile(r"^[^\W\d_]\w*_(created|logged)$")


@dataclass
class ActivityFile:
    path: Path
    rows: list[ActivityRow] = field(default_factory=list)
    """only with read_activity(..., keep_rows=True); the measures come from `tally`"""
    tally: ActivityTally | None = None
    groups: RoleClassifier | None = None
    """the playbook's role groups the tally classifies users by (none: every user unmatched)"""
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
    def users(self) -> int:
        return self.tally.rows if self.tally else 0

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
        problems.append(
            Problem(
                f"missing required column(s): {hints}; the header has: {', '.join(repr(h) for h in headers)}",
                file=where,
                line=1,
                column=1,
            )
        )
    if not any(_RECORDS.match(name) for name in found):
        problems.append(
            Problem(
                "no records column; expected at least one of leads_created, contacts_created, "
                "deals_created, cases_created, activities_logged (active users need records, "
                "not just logins)",
                file=where,
                line=1,
                column=1,
            )
        )
    return problems


def _column(raw: str, values: list[str], index: int, delimiter: str) -> int:
    """The character column of field `index` in its line (1 when quoting makes it hard to tell)."""
    if '"' not in raw:
        return 1 + sum(len(v) + len(delimiter) for v in values[:index])
    found = raw.find(values[index]) if values[index] else -1
    return found + 1 if found >= 0 else 1


def read_activity(
    path: Path,
    as_of: date,
    keep_rows: bool = False,
    limit: int | None = None,
    groups: RoleClassifier | None = None,
) -> ActivityFile:
    """The measures of an activity export, or the problems that stop the import (then no rows at all).

    The file is streamed twice, never held whole: once to tell its encoding, once row by row into the
    tally; `rows` keeps the rows themselves only with `keep_rows` (tests, small files)."""
    path, limit = Path(path), limit or MAX_BYTES
    result, where = ActivityFile(path), str(path)
    result.groups = groups
    try:
        with open_regular(path, _("the file")) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                result.problems.append(
                    Problem(
                        _(
                            "the file is {size:,} bytes, over the limit of {mib} MiB; "
                            "expected a user activity export (one row per user)"
                        ).format(size=size, mib=limit // 2**20),
                        file=where,
                    )
                )
                return result
            try:
                result.encoding, codec = detect(handle)
            except ValueError as exc:
                result.problems.append(Problem(str(exc), file=where, line=1, column=1))
                return result
            handle.seek(0)
            _read_text(
                result,
                io.TextIOWrapper(handle, encoding=codec, errors="surrogateescape", newline=""),
                as_of,
                keep_rows,
                limit,
            )
    except BoundedReadError as exc:
        result.problems.append(Problem(exc.message, file=where))
    except OSError as exc:
        result.problems.append(
            Problem(_("cannot read the file: {reason}").format(reason=exc.strerror or exc), file=where)
        )
    if result.problems:
        result.rows, result.tally = [], None
    return result


class _Stop(Exception):
    """The file cannot be read on: `problem` says where and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class _Lines:
    """The file's lines for csv.reader: counted, each checked (no NUL, not absurdly long, the file within
    its limit), and the lines of the record being read kept to locate its values."""

    def __init__(self, text: io.TextIOBase, file: str, limit: int, encoding: str) -> None:
        self.text, self.file, self.limit, self.encoding = text, file, limit, encoding
        self.number = self.chars = 0
        self.record: list[str] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = self.text.readline(MAX_LINE + 1)
        if not line:
            raise StopIteration
        self.number += 1
        self.chars += len(line)
        self.record.append(line)
        if len(line) > MAX_LINE or self.chars > self.limit or len(self.record) > MAX_RECORD_LINES:
            raise _Stop(self._too_long(line))
        bad = _BAD_CHAR.search(line)
        if bad:
            raise _Stop(self._bad_char(bad.group(), bad.start() + 1))
        return line

    def _bad_char(self, char: str, column: int) -> Problem:
        if char == "\x00":
            return Problem(
                _(
                    "a NUL byte (\\x00): this is not a text export; expected CSV text in UTF-8, cp1251 "
                    "or cp1256"
                ),
                file=self.file,
                line=self.number,
                column=column,
                code="nul",
            )
        return Problem(
            _(
                "byte 0x{byte:02x} is not {encoding} like the rest of the file; expected one encoding "
                "throughout (save it as 'CSV UTF-8')"
            ).format(byte=ord(char) - 0xDC00, encoding=self.encoding),
            file=self.file,
            line=self.number,
            column=column,
            code="encoding",
        )

    def _too_long(self, line: str) -> Problem:
        if len(line) > MAX_LINE:
            message = _("line {n} is over {max:,} characters; expected one row per user").format(
                n=self.number, max=MAX_LINE
            )
            return Problem(message, file=self.file, line=self.number, column=MAX_LINE + 1, code="too-long")
        if self.chars > self.limit:
            return Problem(
                _(
                    "the file grew past the limit of {mib} MiB while being read; expected a finished export"
                ).format(mib=self.limit // 2**20),
                file=self.file,
                line=self.number,
                column=1,
                code="too-big",
            )
        start = self.number - len(self.record) + 1
        return Problem(
            _(
                'a quoted value opened on line {start} runs over {max:,} lines (a stray "?); expected '
                'quotes in pairs, a " inside a value written twice'
            ).format(start=start, max=MAX_RECORD_LINES),
            file=self.file,
            line=start,
            column=_quote_column(self.record[0]),
            code="csv",
        )


def _quote_column(line: str) -> int:
    """The column of the quote left open on `line` (quotes pair up left to right), 1 when all are paired."""
    count = line.count('"')
    return line.rfind('"') + 1 if count % 2 else 1


def _read_text(result: ActivityFile, text: io.TextIOBase, as_of: date, keep_rows: bool, limit: int) -> None:
    """The header, then the rows; a broken record (stray quote, NUL, undecodable byte) ends the read."""
    where = str(result.path)
    lines, skip = _Lines(text, where, limit, result.encoding), False
    try:
        first = next(lines, "")
        skip = first.lower().startswith("sep=") and len(first.rstrip("\r\n")) == 5  # Excel's "sep=;"
        result.delimiter = first[4] if skip else _delimiter(first)
        reader = csv.reader(lines if skip else itertools.chain([first], lines), delimiter=result.delimiter)
        if skip:
            lines.record = []  # the header starts on the next line; otherwise `first` is its first line
        headers = next(reader, [])
        position = _read_header(result, headers, lines.record[0] if lines.record else "")
        if result.problems:
            return
        rows = _Rows(result, position, len(headers), as_of, keep_rows)
        rows.read(reader, lines)
    except _Stop as stop:
        result.problems.append(stop.problem)
    except csv.Error as exc:
        result.problems.append(_csv_problem(exc, lines, where))
    if not result.problems and result.tally is not None and not result.tally.rows:
        result.problems.append(
            Problem(
                "no users in the file; expected one row per user after the header",
                file=where,
                line=lines.number + 1,
                column=1,
            )
        )


def _csv_problem(exc: csv.Error, lines: _Lines, where: str) -> Problem:
    start = lines.number - len(lines.record) + 1
    if "field limit" in str(exc):
        return Problem(
            _(
                'a value over {max:,} characters from line {start} on: a stray " opens a quoted '
                'value that never closes; expected quotes in pairs, a " inside a value written '
                "twice"
            ).format(max=csv.field_size_limit(), start=start),
            file=where,
            line=start,
            column=_quote_column(lines.record[0]) if lines.record else 1,
            code="csv",
        )
    return Problem(
        _("not readable as CSV: {reason}; expected comma- or semicolon-separated values").format(reason=exc),
        file=where,
        line=start,
        column=1,
        code="csv",
    )


def _read_header(result: ActivityFile, headers: list[str], raw: str) -> dict[str, int]:
    """Find the columns by name; canonical name -> index. Problems for missing and doubled columns."""
    where, position = str(result.path), dict[str, int]()
    if not any(h.strip() for h in headers):
        result.problems.append(
            Problem(
                "the file is empty; expected a header row (user, role, last_login, "
                "logins, leads_created ...) and one row per user",
                file=where,
                line=1,
                column=1,
            )
        )
        return position
    for index, header in enumerate(headers):
        name = _canonical(header)
        if name in position:
            result.problems.append(
                Problem(
                    f"columns {result.columns[name]!r} and {header!r} both give {name}; expected one of them",
                    file=where,
                    line=1,
                    column=_column(raw, headers, index, result.delimiter),
                )
            )
        elif name is not None:
            result.columns[name], position[name] = header, index
    result.problems += _header_problems(headers, result.columns, where)
    result.record_columns = [n for n in result.columns if _RECORDS.match(n)]
    return position


class _Rows:
    """Every row parsed into the tally; each bad value a problem at its row and column (the first
    MAX_PROBLEMS shown). Users are told apart by a 64-bit hash of their folded name, not kept whole."""

    def __init__(
        self, result: ActivityFile, position: dict[str, int], width: int, as_of: date, keep_rows: bool
    ) -> None:
        self.result, self.position, self.width, self.as_of, self.keep = (
            result,
            position,
            width,
            as_of,
            keep_rows,
        )
        self.where, self.seen, self.bad = str(result.path), SeenKeys(), 0
        result.tally = ActivityTally(as_of, result.record_columns, result.has_trained, result.groups)

    def report(self, message: str, line: int, column: int) -> None:
        self.bad += 1
        if self.bad <= MAX_PROBLEMS:
            self.result.problems.append(Problem(message, file=self.where, line=line, column=column))

    def read(self, reader, lines: _Lines) -> None:
        while True:
            lines.record = []
            values = next(reader, None)
            if values is None:
                break
            if any(v.strip() for v in values):
                self.row(values, lines.number - len(lines.record) + 1, lines.record[0])
        if self.bad > MAX_PROBLEMS:
            self.result.problems.append(
                Problem(
                    f"{self.bad - MAX_PROBLEMS} more problem(s) not shown; fix these and run again",
                    file=self.where,
                )
            )

    def row(self, values: list[str], start: int, raw: str) -> None:
        result, delimiter = self.result, self.result.delimiter
        if len(values) < self.width or any(v.strip() for v in values[self.width :]):
            self.report(
                f"row {start} has {len(values)} field(s), the header {self.width}; expected one per "
                f"column (a {delimiter!r} inside a value needs quotes)",
                start,
                1,
            )
            return
        parsed: dict[str, object] = {}
        for name, index in self.position.items():
            try:
                parsed[name] = parse_cell(name, values[index], self.as_of)
            except ValueError as exc:
                shown = f"{values[index].strip()!r}" + ("; " if str(exc).startswith("expected") else " ")
                self.report(
                    f"row {start}, column {result.columns[name]!r}: {shown}{exc}",
                    start,
                    _column(raw, values, index, delimiter),
                )
        user = str(parsed.get("user", ""))
        first = self.seen.first(hash(user.casefold()), start) if user else None
        if first is not None:
            self.report(
                f"row {start}, column {result.columns['user']!r}: {user!r} is listed again (first on row "
                f"{first}); expected one row per user",
                start,
                _column(raw, values, self.position["user"], delimiter),
            )
            return
        if len(parsed) < len(self.position) or self.bad:
            return
        row = ActivityRow(
            start,
            user,
            str(parsed["role"]),
            parsed["last_login"],  # type: ignore[arg-type]
            int(parsed["logins"]),  # type: ignore[call-overload]
            {n: int(parsed[n]) for n in result.record_columns},  # type: ignore[call-overload]
            parsed.get("trained"),  # type: ignore[arg-type]
        )
        assert result.tally is not None
        result.tally.add(row)
        if self.keep:
            result.rows.append(row)
