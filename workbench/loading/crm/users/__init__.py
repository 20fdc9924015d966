"""Readers of CRM user exports: who the accounts are and which roles they hold, one typed model
(`domain.people.UserAccount`) whatever CRM the export came from.

Each CRM adapter with a user reader (its package's `users` module, exposed as the adapter's
`read_users`: `read(paths) -> (accounts, problems)`) builds on this module; `read_users(target, reader,
paths)` runs it. The files are the ones the CRM's own tools export (CSV
from Data Loader, a list view or Advanced Find; JSON from the REST API); each file is recognised by its
columns, not its name, so the user passes them in any order. They share this module's table reader:
UTF-8 (a BOM dropped), within the permission-file budget, CSV rows or JSON records each with the line it
starts on, column names compared ignoring case, spaces and underscores (Data Loader writes `USERNAME`, a
list view `User Name`). Bad input is a located Problem, never an exception.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.domain.people import UserAccount
from workbench.domain.problems import Problem
from workbench.i18n import _
from workbench.loading.crm import read_limited
from workbench.loading.crm.csv_text import csv_records, decode_utf8
from workbench.loading.roster import ACTIVE, INACTIVE

JSON_LISTS = ("value", "list", "records", "data", "result", "users", "roles")
"""where the records sit in an API answer: Dynamics `value`, EspoCRM `list`, Salesforce REST `records`,
SuiteCRM JSON:API `data`, Odoo JSON-RPC `result`, Kommo's HAL `_embedded` `users` (and `roles`)"""


def key(name: str) -> str:
    """A column name folded: case, spaces, underscores and dashes ignored (`User Name` = `USERNAME`)."""
    return re.sub(r"[\s_\-]+", "", name).casefold()


@dataclass
class Row:
    """One record of a table: its values by folded column name and the line it starts on."""

    values: dict[str, Any]
    line: int | None

    def get(self, *names: str) -> Any:
        """The first of `names` (folded) the row has with a value; None when it has none."""
        for name in names:
            value = self.values.get(key(name))
            if value not in (None, ""):
                return value
        return None

    def text(self, *names: str) -> str:
        value = self.get(*names)
        return "" if value is None else str(value).strip()


@dataclass
class Table:
    file: str
    rows: list[Row]

    @property
    def columns(self) -> set[str]:
        return set().union(*(r.values for r in self.rows)) if self.rows else set()

    def has(self, *names: str) -> bool:
        return any(key(n) in self.columns for n in names)


def _json_rows(text: str, file: str, problems: list[Problem]) -> list[Row]:
    try:
        doc = json.loads(text)
    except RecursionError:
        problems.append(
            Problem(
                _("nested too deep to be a user export; expected the API answer or a list of records"),
                file=file,
                line=1,
                column=1,
                code="json",
            )
        )
        return []
    except json.JSONDecodeError as exc:
        problems.append(
            Problem(
                _("not readable as JSON: {reason}; expected the API answer or a list of records").format(
                    reason=exc.msg
                ),
                file=file,
                line=exc.lineno,
                column=exc.colno,
                code="json",
            )
        )
        return []
    at = 0
    if isinstance(doc, dict) and isinstance(doc.get("_embedded"), dict):
        doc = doc["_embedded"]  # HAL+JSON (Kommo): the lists sit under _embedded
    if isinstance(doc, dict):
        name = next((k for k in JSON_LISTS if isinstance(doc.get(k), list)), None)
        found = re.search(r'"' + re.escape(name) + r'"\s*:\s*\[', text) if name else None
        doc, at = (doc[name], found.end() - 1) if name and found else (None, 0)
    if not isinstance(doc, list):
        problems.append(
            Problem(
                _("no list of records; expected a JSON list, or an object holding one under {keys}").format(
                    keys=", ".join(JSON_LISTS)
                ),
                file=file,
                line=1,
                column=1,
                code="format",
            )
        )
        return []
    return [
        Row({key(k): v for k, v in _flat(record).items()}, line)
        for record, line in zip(doc, _record_lines(text, text.index("[", at)), strict=False)
        if isinstance(record, dict)
    ]


def _flat(record: dict) -> dict:
    """A record with its JSON:API `attributes` (SuiteCRM) lifted next to its id."""
    attributes = record.get("attributes")
    return {**record, **attributes} if isinstance(attributes, dict) else record


def _record_lines(text: str, start: int) -> Iterator[int | None]:
    """The line each element of the JSON array opening at `start` begins on (the text already parsed), then
    None for ever: a guess gone wrong (the list's key also names a nested list earlier) costs lines, never
    records."""
    decoder, pos, line, counted = json.JSONDecoder(), start + 1, 1 + text.count("\n", 0, start), start
    try:
        while True:
            while text[pos] in " \t\r\n,":
                pos += 1
            if text[pos] == "]":
                break
            line += text.count("\n", counted, pos)
            counted = pos
            yield line
            pos = decoder.raw_decode(text, pos)[1]
    except (ValueError, IndexError, RecursionError):
        pass
    while True:
        yield None


def _csv_rows(text: str, file: str, problems: list[Problem]) -> list[Row]:
    records = csv_records(text, file, problems)
    if not records:
        return []
    head = [key(h) for h in records[0][1]]
    return [
        Row(dict(zip(head, (c.strip() for c in cells), strict=False)), line) for line, cells in records[1:]
    ]


def read_table(path: Path) -> tuple[Table | None, list[Problem]]:
    """A CSV or JSON export as rows; None with the problems when it cannot be read."""
    file = str(path)
    data, problems = read_limited(path, file)
    if data is None:
        return None, problems
    text, problems = decode_utf8(data, file)
    if text is None:
        return None, problems
    rows = (_json_rows if text.lstrip()[:1] in ("[", "{") else _csv_rows)(text, file, problems)
    if any(p.severity == "error" for p in problems):
        return None, problems
    return Table(file, rows), problems


def read_tables(paths: Iterable[Path]) -> tuple[list[Table], list[Problem]]:
    tables, problems = [], []
    for path in paths:
        files = (
            sorted(p for p in path.iterdir() if p.suffix.lower() in (".csv", ".json"))
            if path.is_dir()
            else [path]
        )
        for file in files:
            table, found = read_table(file)
            problems += found
            if table is not None:
                tables.append(table)
    return tables, problems


TRUE = {"y", "t", "enabled"} | ACTIVE
FALSE = {"n", "f", "disabled"} | INACTIVE
"""yes/no cells: the CRMs' own (true/false, 1/0, Active/Inactive) and the words of a hand-kept list"""


def flag(value: Any, default: bool = True) -> bool | None:
    """A yes/no cell as a bool (`default` when empty); None when it is neither."""
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold()
    return True if text in TRUE else False if text in FALSE else None


def split_names(value: Any) -> list[str]:
    """A cell holding several names: a JSON list, an id -> name map, or text split on ',' ';' or '|'."""
    if value is None:
        return []
    if isinstance(value, dict):
        return [str(v).strip() for v in value.values() if str(v).strip()]
    if isinstance(value, list):
        out = []
        for item in value:
            if isinstance(item, list) and len(item) == 2:  # Odoo JSON-RPC [id, name]
                out.append(str(item[1]))
            elif isinstance(item, dict):
                out.append(str(item.get("name") or item.get("Name") or ""))
            else:
                out.append(str(item))
        return [n.strip() for n in out if n and n.strip()]
    return [n.strip() for n in re.split(r"[,;|]", str(value)) if n.strip()]


def bad_flag(table: Table, row: Row, column: str, value: Any) -> Problem:
    return Problem(
        _("{column} is {value!r}; expected true or false").format(column=column, value=value),
        file=table.file,
        line=row.line,
        column=1,
        code="flag",
    )


def unknown_file(table: Table, expected: str) -> Problem:
    return Problem(
        _("the columns of this file are none the reader knows; expected {expected}").format(
            expected=expected
        ),
        file=table.file,
        line=1,
        column=1,
        code="format",
    )


class UnknownUserTarget(ValueError):
    """A CRM whose user exports we cannot read."""


def read_users(
    target: str, reader: Callable[[list[Path]], tuple[list[UserAccount], list[Problem]]], paths: list[Path]
) -> tuple[list[UserAccount], list[Problem]]:
    """The accounts of `target`'s user export files (any order) read by the adapter's `reader`, and the
    problems found reading them; a path that does not exist is a problem, not an exception."""
    missing = [p for p in paths if not p.exists()]
    if missing:
        return [], [
            Problem(
                _("no such file or folder; expected the {target} user export").format(target=target),
                file=str(p),
                code="missing",
            )
            for p in missing
        ]
    return reader(paths)
