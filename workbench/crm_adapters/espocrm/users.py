"""EspoCRM users and their roles: the REST API's `GET /api/v1/User?select=userName,name,emailAddress,
isActive,type,rolesIds,rolesNames,defaultTeamName,lastAccess` (`{"total": n, "list": [...]}`) or a list
view's CSV export (User Name, Name, Email, Is Active, Type, Roles).

Roles come as `rolesNames` (role id -> name) in JSON, a comma list in CSV. `type: admin` is EspoCRM's
administrator, who bypasses roles; `portal`, `api` and `system` users are not people's logins for the
back office and are read as they are (an API user with roles is still an account to own).
"""

from __future__ import annotations

from pathlib import Path

from workbench.domain.people import UserAccount
from workbench.domain.problems import Problem
from workbench.loading.crm.users import bad_flag, flag, read_tables, split_names, unknown_file


def read(paths: list[Path]) -> tuple[list[UserAccount], list[Problem]]:
    tables, problems = read_tables(paths)
    accounts = []
    for table in tables:
        if not table.has("userName", "User Name"):
            problems.append(unknown_file(table, "EspoCRM users (userName, name, isActive, rolesNames ...)"))
            continue
        for row in table.rows:
            active = flag(row.get("isActive"))
            if active is None:
                problems.append(bad_flag(table, row, "isActive", row.get("isActive")))
                continue
            roles = split_names(row.get("rolesNames", "Roles", "roles"))
            accounts.append(
                UserAccount(
                    row.text("userName"),
                    row.text("name"),
                    row.text("emailAddress", "Email"),
                    active,
                    row.text("lastAccess") or None,
                    tuple(roles),
                    row.text("defaultTeamName", "Default Team"),
                    row.text("type").casefold() in ("admin", "super-admin"),
                    table.file,
                    row.line,
                )
            )
    return accounts, problems
