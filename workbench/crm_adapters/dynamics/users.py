"""Dynamics 365 users with their security roles and business units, from the Web API (JSON) or an
Advanced Find / Excel export (CSV) using the columns' logical names.

Files, in any order, recognised by their columns:
- systemusers: `GET /api/data/v9.2/systemusers?$select=fullname,domainname,internalemailaddress,isdisabled,
  _businessunitid_value&$expand=systemuserroles_association($select=name)` (with the header
  `Prefer: odata.include-annotations="*"` the business unit's name comes as
  `_businessunitid_value@OData.Community.Display.V1.FormattedValue`); the expanded
  `systemuserroles_association` lists the user's roles by name;
- systemuserroles (the user-role intersection, `systemuserid`, `roleid`) with roles (`roleid`, `name`),
  when the roles were not expanded.
Dynamics keeps no last login on the user (it is in the audit log), so it is left empty.
"""

from __future__ import annotations

from pathlib import Path

from workbench.domain.people import UserAccount
from workbench.domain.problems import Problem
from workbench.loading.crm.users import Table, bad_flag, flag, read_tables, split_names, unknown_file

FORMATTED = "@OData.Community.Display.V1.FormattedValue"


def _role_names(tables: list[Table]) -> dict[str, str]:
    return {
        row.text("roleid"): row.text("name")
        for t in tables
        if t.has("roleid") and t.has("name") and not t.has("systemuserid")
        for row in t.rows
    }


def _held(tables: list[Table], names: dict[str, str]) -> dict[str, list[str]]:
    held: dict[str, list[str]] = {}
    for table in (t for t in tables if t.has("systemuserid") and t.has("roleid") and not t.has("domainname")):
        for row in table.rows:
            role = row.text("roleid")
            name = names.get(role) or row.text("rolename", "roleid" + FORMATTED, "name") or role
            held.setdefault(row.text("systemuserid").strip("{}").casefold(), []).append(name)
    return held


def _users(table: Table, held: dict[str, list[str]], problems: list[Problem]) -> list[UserAccount]:
    accounts = []
    for row in table.rows:
        disabled = flag(row.get("isdisabled"), default=False)
        if disabled is None:
            problems.append(bad_flag(table, row, "isdisabled", row.get("isdisabled")))
            continue
        user = row.text("systemuserid").strip("{}").casefold()
        roles = split_names(row.get("systemuserroles_association", "securityroles")) + held.get(user, [])
        unit = row.text(
            "_businessunitid_value" + FORMATTED,
            "businessunitidname",
            "businessunit",
            "_businessunitid_value",
            "businessunitid",
        )
        accounts.append(
            UserAccount(
                row.text("domainname"),
                row.text("fullname"),
                row.text("internalemailaddress"),
                not disabled,
                row.text("lastlogin") or None,
                tuple(roles),
                unit,
                False,
                table.file,
                row.line,
            )
        )
    return accounts


def read(paths: list[Path]) -> tuple[list[UserAccount], list[Problem]]:
    tables, problems = read_tables(paths)
    users = [t for t in tables if t.has("domainname")]
    known = [t for t in tables if t in users or t.has("roleid")]
    problems += [
        unknown_file(
            t,
            "systemusers (domainname, fullname, isdisabled ...), systemuserroles "
            "(systemuserid, roleid) or roles (roleid, name)",
        )
        for t in tables
        if t not in known
    ]
    held = _held(tables, _role_names(tables))
    return [a for table in users for a in _users(table, held, problems)], problems
