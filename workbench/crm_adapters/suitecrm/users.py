"""SuiteCRM users and their security roles: the v8 JSON:API (`GET /Api/V8/module/Users`, records under
`data` with their `attributes`) or the Users list view's CSV export, and the role membership.

SuiteCRM's user export does not list roles: they are the `acl_roles_users` relation. Give it as a second
file (a report or SQL export of `acl_roles_users` joined to `acl_roles`: `user_name` or `user_id`, and the
role `name`), or as a `roles` column (comma separated) on the users file. `is_admin` is SuiteCRM's
administrator, who bypasses roles; `status` Active/Inactive is whether the account can log in.
"""

from __future__ import annotations

from pathlib import Path

from workbench.domain.people import UserAccount
from workbench.domain.problems import Problem
from workbench.loading.crm.users import Row, Table, bad_flag, flag, read_tables, split_names, unknown_file


def _memberships(tables: list[Table]) -> dict[str, list[str]]:
    held: dict[str, list[str]] = {}
    for table in tables:
        for row in table.rows:
            user = row.text("user_name", "user_id").casefold()
            held.setdefault(user, []).append(row.text("role_name", "name", "role"))
    return held


def _account(
    table: Table, row: Row, held: dict[str, list[str]], problems: list[Problem]
) -> UserAccount | None:
    active = flag(row.get("status"))
    admin = flag(row.get("is_admin"), default=False)
    if active is None or admin is None:
        column = "status" if active is None else "is_admin"
        problems.append(bad_flag(table, row, column, row.get(column)))
        return None
    login = row.text("user_name")
    name = row.text("full_name", "name") or " ".join(
        p for p in (row.text("first_name"), row.text("last_name")) if p
    )
    roles = split_names(row.get("roles")) + held.get(login.casefold(), [])
    if row.text("id"):
        roles += held.get(row.text("id").casefold(), [])
    return UserAccount(
        login,
        name,
        row.text("email1", "email_address", "email"),
        active,
        row.text("last_login") or None,
        tuple(roles),
        row.text("department"),
        admin,
        table.file,
        row.line,
    )


def read(paths: list[Path]) -> tuple[list[UserAccount], list[Problem]]:
    tables, problems = read_tables(paths)
    users = [t for t in tables if t.has("user_name") and t.has("status")]
    roles = [
        t
        for t in tables
        if t not in users and t.has("user_name", "user_id") and t.has("role_name", "name", "role")
    ]
    problems += [
        unknown_file(t, "Users (user_name, status, is_admin ...) or acl_roles_users (user_name, role name)")
        for t in tables
        if t not in users and t not in roles
    ]
    held = _memberships(roles)
    accounts = [a for t in users for row in t.rows if (a := _account(t, row, held, problems)) is not None]
    return accounts, problems
