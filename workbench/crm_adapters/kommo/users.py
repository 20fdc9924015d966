"""Kommo users and their roles: the API's `GET /api/v4/users?with=role,group` (HAL+JSON, the users under
`_embedded.users`; a plain array of user objects is read too).

A Kommo user holds at most one role: `rights.role_id`, named in the user's `_embedded.roles` when asked
`with=role`; without it, pass the roles answer (`GET /api/v4/roles`) among the files and the ids are
named from it. `rights.is_admin` is Kommo's administrator, `rights.is_active` whether the user can log in;
the group (`_embedded.groups`, else `rights.group_id`) is read as the business unit. The login is the
e-mail address, as Kommo's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workbench.domain.people import UserAccount
from workbench.domain.problems import Problem
from workbench.i18n import _
from workbench.loading.crm.users import Row, Table, bad_flag, flag, read_tables, split_names, unknown_file


def _role_names(tables: list[Table]) -> dict[str, str]:
    """role id -> name, from the roles answers among the files (tables without e-mail addresses)."""
    return {
        row.text("id"): row.text("name")
        for table in tables
        if not table.has("email") and table.has("rights")
        for row in table.rows
    }


def _embedded(row: Row, name: str) -> list[Any]:
    embedded = row.get("_embedded")
    found = embedded.get(name) if isinstance(embedded, dict) else None
    return found if isinstance(found, list) else []


def _account(row: Row, rights: dict, table: Table, names: dict[str, str]) -> UserAccount | Problem:
    active = flag(rights.get("is_active"))
    if active is None:
        return bad_flag(table, row, "rights.is_active", rights.get("is_active"))
    admin = flag(rights.get("is_admin"), default=False)
    if admin is None:
        return bad_flag(table, row, "rights.is_admin", rights.get("is_admin"))
    roles = split_names(_embedded(row, "roles"))
    role_id = rights.get("role_id")
    if not roles and role_id not in (None, ""):
        roles = [names.get(str(role_id), str(role_id))]
    groups = split_names(_embedded(row, "groups"))
    group_id = rights.get("group_id")
    group = groups[0] if groups else "" if group_id is None else str(group_id)  # 0: the account's first group
    return UserAccount(
        row.text("email"),
        row.text("name"),
        row.text("email"),
        active,
        None,
        tuple(roles),
        group,
        admin,
        table.file,
        row.line,
    )


def read(paths: list[Path]) -> tuple[list[UserAccount], list[Problem]]:
    tables, problems = read_tables(paths)
    names = _role_names(tables)
    accounts = []
    for table in tables:
        if not table.has("email") and table.has("rights"):
            continue  # a roles answer: its names are used above
        if not table.has("email"):
            problems.append(
                unknown_file(table, _("Kommo users (GET /api/v4/users?with=role,group: email, rights ...)"))
            )
            continue
        for row in table.rows:
            rights = row.get("rights")
            if not isinstance(rights, dict):
                problems.append(
                    Problem(
                        _("rights is {value!r}; expected the user's rights object").format(value=rights),
                        file=table.file,
                        line=row.line,
                        column=1,
                        code="format",
                    )
                )
                continue
            found = _account(row, rights, table, names)
            if isinstance(found, Problem):
                problems.append(found)
            else:
                accounts.append(found)
    return accounts, problems
