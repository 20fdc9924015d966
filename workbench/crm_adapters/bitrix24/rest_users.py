"""Bitrix24's REST answers for the people audit: `user.get` (who the portal's users are, whether they can
log in, when they last did) and `department.get` (the departments' names), as JSON saved from the API.

REST has no documented method listing who holds a CRM role, so the roles come from the workbook's Users
sheet; REST's users are joined to its rows by e-mail (else login), and the live portal's answer wins for
what it knows: active, last login, name, department. A REST user with no row in the sheet holds no CRM
role; a row with no REST user is kept as the sheet says.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from workbench.domain.people import UserAccount
from workbench.domain.problems import Problem
from workbench.loading.crm.users import Row, Table, bad_flag, flag, read_tables, unknown_file


def _department_names(tables: list[Table]) -> dict[str, str]:
    return {
        row.text("ID"): row.text("NAME")
        for t in tables
        if t.has("ID") and t.has("NAME") and not t.has("EMAIL") and (t.has("PARENT") or t.has("UF_HEAD"))
        for row in t.rows
    }


def _department(row: Row, names: dict[str, str]) -> str:
    value = row.get("UF_DEPARTMENT")
    ids = value if isinstance(value, list) else [value] if value not in (None, "") else []
    return ", ".join(names.get(str(i), str(i)) for i in ids)


def _account(table: Table, row: Row, names: dict[str, str], problems: list[Problem]) -> UserAccount | None:
    active = flag(row.get("ACTIVE"), default=True)
    if active is None:
        problems.append(bad_flag(table, row, "ACTIVE", row.get("ACTIVE")))
        return None
    name = " ".join(part for part in (row.text("NAME"), row.text("LAST_NAME")) if part)
    email = row.text("EMAIL")
    return UserAccount(
        row.text("LOGIN") or email or row.text("ID"),
        name,
        email,
        active,
        row.text("LAST_LOGIN") or None,
        (),
        _department(row, names),
        False,
        table.file,
        row.line,
    )


def read_rest(paths: list[Path]) -> tuple[list[UserAccount], list[Problem]]:
    """The users of `user.get` answers (with department names from `department.get` ones)."""
    tables, problems = read_tables(paths)
    names = _department_names(tables)
    users = [t for t in tables if t.has("EMAIL") and t.has("ACTIVE")]
    problems += [
        unknown_file(
            t, "user.get (ID, NAME, LAST_NAME, EMAIL, ACTIVE ...) or department.get (ID, NAME, PARENT)"
        )
        for t in tables
        if t not in users and not (t.has("ID") and t.has("NAME"))
    ]
    found = [_account(t, row, names, problems) for t in users for row in t.rows]
    return [a for a in found if a is not None], problems


def _key(account: UserAccount) -> str:
    return (account.email or account.login).casefold()


def joined(sheet: list[UserAccount], rest: list[UserAccount]) -> list[UserAccount]:
    """The sheet's accounts with what REST knows of each, then REST's users the sheet does not list."""
    live = {_key(a): a for a in rest}
    out = []
    for account in sheet:
        found = live.pop(_key(account), None) or live.pop(account.login.casefold(), None)
        if found is None:
            out.append(account)
            continue
        out.append(
            replace(
                account,
                name=found.name or account.name,
                active=found.active,
                last_login=found.last_login,
                business_unit=found.business_unit or account.business_unit,
            )
        )
    return out + list(live.values())
