"""Odoo users (res.users) and their groups, from the Export dialog (CSV) or JSON-RPC (`search_read`).

Files, in any order, recognised by their columns:
- res.users: `login`, `name`, `email`, `active`, `login_date` (Latest authentication) and the groups:
  `groups_id` (Odoo 17; `group_ids` from 18). In a CSV export the groups are one cell, comma separated,
  by name or, in an import-compatible export (`groups_id/id`), by external id (`crm_roles.group_crm_x`);
  in JSON-RPC a list of ids, or of [id, name] pairs with `read`;
- res.groups (`id`, `name` or `full_name`), to name groups given as ids.
Odoo's own base groups (Internal User, Portal, Public) every account has are not roles of the design.
A group named by external id is looked up without its module; a `Category / Name` without its category.
"""

from __future__ import annotations

from pathlib import Path

from workbench.domain.people import UserAccount
from workbench.domain.problems import Problem
from workbench.loading.crm.users import Row, Table, bad_flag, flag, read_tables, split_names, unknown_file

BASE_GROUPS = {
    "base.group_user",
    "base.group_portal",
    "base.group_public",
    "internal user",
    "portal",
    "public",
    "user types / internal user",
    "user types / portal",
    "user types / public",
    "group_user",
    "group_portal",
    "group_public",
}
ADMIN_GROUPS = {"base.group_system", "settings", "administration / settings", "group_system"}
GROUPS = ("groups_id", "group_ids", "groups_id/id", "groups")


def _group(name: str) -> str:
    """An external id without its module, a full name without its category."""
    if " / " in name:
        return name.rsplit(" / ", 1)[1].strip()
    if "." in name and " " not in name:
        return name.rsplit(".", 1)[1]
    return name


def _groups(row: Row, names: dict[str, str]) -> tuple[list[str], bool]:
    raw = next(
        (row.values[k] for k in ("groupsid", "groupids", "groupsid/id", "groups") if k in row.values), None
    )
    held = [names.get(n, n) for n in split_names(raw)]
    admin = any(n.casefold() in ADMIN_GROUPS for n in held)
    return [_group(n) for n in held if n.casefold() not in BASE_GROUPS | ADMIN_GROUPS], admin


def _users(table: Table, names: dict[str, str], problems: list[Problem]) -> list[UserAccount]:
    accounts = []
    for row in table.rows:
        active = flag(row.get("active"))
        if active is None:
            problems.append(bad_flag(table, row, "active", row.get("active")))
            continue
        held, admin = _groups(row, names)
        unit = row.get("company_id", "company")
        unit = unit[1] if isinstance(unit, list) and len(unit) == 2 else unit
        accounts.append(
            UserAccount(
                row.text("login"),
                row.text("name"),
                row.text("email"),
                active,
                row.text("login_date", "Latest authentication") or None,
                tuple(held),
                str(unit or ""),
                admin,
                table.file,
                row.line,
            )
        )
    return accounts


def read(paths: list[Path]) -> tuple[list[UserAccount], list[Problem]]:
    tables, problems = read_tables(paths)
    users = [t for t in tables if t.has("login")]
    groups = [t for t in tables if t not in users and t.has("id") and t.has("name", "full_name")]
    problems += [
        unknown_file(t, "res.users (login, name, groups_id ...) or res.groups (id, name)")
        for t in tables
        if t not in users and t not in groups
    ]
    names = {row.text("id"): row.text("full_name", "name") for t in groups for row in t.rows}
    return [a for table in users for a in _users(table, names, problems)], problems
