"""Bitrix24 users and the CRM roles they hold, from the Users sheet of the Bitrix24 workbook filled back
from the portal (Bitrix24's REST has no documented method listing who holds a CRM role, so the
administrator copies the Access permissions screen's assignments there).

Columns, found by their header in any of our languages: Login, Full name, E-mail, Active, Department,
Portal administrator, CRM roles (several separated by commas, semicolons or |). Yes/no cells take the
workbook's words in any language and the usual true/false, 1/0. A role given to a whole department on
the portal is listed on each of its users' rows. `user.get` answers given beside the workbook bring the
live portal's active state and last login (`rest_users`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workbench.crm_adapters.bitrix24.rest_users import joined, read_rest
from workbench.crm_adapters.bitrix24.sheets import Table, find_tables, open_tables, workbook_files
from workbench.crm_adapters.bitrix24.words import any_language, column_words, folded, yes_no_words
from workbench.domain.people import UserAccount
from workbench.domain.problems import Problem
from workbench.i18n import _
from workbench.loading.crm.users import flag, split_names


def _yes_no(table: Table, number: int, row: tuple, key: str, default: bool) -> bool | Problem:
    text = table.text(row, key)
    word = _YES_NO.get(folded(text))
    if isinstance(word, bool):
        return word
    value = flag(text, default=default)
    if value is None:
        words = yes_no_words()
        return table.problem(
            number,
            key,
            _("{value!r}; expected {yes} or {no}").format(value=text, yes=words[True], no=words[False]),
        )
    return value


_YES_NO: dict[str, object] = {}
"""folded yes/no word in any language -> True/False, filled on the first read"""


def _account(table: Table, number: int, row: tuple) -> UserAccount | Problem:
    active = _yes_no(table, number, row, "active", True)
    admin = _yes_no(table, number, row, "admin", False)
    for value in (active, admin):
        if isinstance(value, Problem):
            return value
    return UserAccount(
        table.text(row, "login"),
        table.text(row, "name"),
        table.text(row, "email"),
        bool(active),
        None,
        tuple(split_names(table.text(row, "roles"))),
        table.text(row, "department"),
        bool(admin),
        table.file,
        number,
    )


def _read_users(wb: Any, file: str, accounts: list[UserAccount]) -> list[Problem]:
    titles = {str(k): str(v) for k, v in any_language(column_words).items()}
    _YES_NO.update(_YES_NO or any_language(yes_no_words))
    problems: list[Problem] = []
    tables = list(find_tables(wb, file, titles, {"login", "roles"}))
    if not tables:
        columns = column_words()
        message = _("no users table: expected a sheet with the columns {columns}").format(
            columns=", ".join(columns[k] for k in ("login", "name", "active", "admin", "roles"))
        )
        return [Problem(message, file=file, line=1, column=1, code="format")]
    for table in tables:
        for number, row in table.rows:
            if not table.text(row, "login") and not table.text(row, "name"):
                continue
            found = _account(table, number, row)
            if isinstance(found, Problem):
                problems.append(found)
            else:
                accounts.append(found)
    return problems


def read(paths: list[Path]) -> tuple[list[UserAccount], list[Problem]]:
    """The accounts on the Users sheets of the workbooks given (files or folders, any order), joined with
    the REST answers among them (`user.get`, `department.get` as .json; see `rest_users`)."""
    accounts: list[UserAccount] = []
    problems: list[Problem] = []
    answers = [p for p in paths if p.is_file() and p.suffix.lower() in (".json", ".csv")]
    answers += [f for p in paths if p.is_dir() for f in sorted(p.glob("*.json"))]
    for path in (p for p in paths if p not in answers):
        for file in workbook_files(path):
            problems += open_tables(file, lambda wb, name: _read_users(wb, name, accounts))
    if not answers:
        return accounts, problems
    live, found = read_rest(answers)
    return joined(accounts, live), problems + found
