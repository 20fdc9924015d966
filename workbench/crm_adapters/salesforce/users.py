"""Salesforce users and their permission sets, as Data Loader (or a SOQL query tool) exports them.

Two CSV files, in any order, recognised by their columns:
- Users: `SELECT Id, Username, Name, Email, IsActive, LastLoginDate, Profile.Name, UserRole.Name,
  Department FROM User` (Data Loader writes the headers upper case: `ID`, `USERNAME`, `PROFILE.NAME` ...);
- PermissionSetAssignment: `SELECT AssigneeId, PermissionSet.Name, PermissionSet.Label,
  PermissionSet.IsOwnedByProfile FROM PermissionSetAssignment`. Assignments of a profile's own permission
  set (IsOwnedByProfile true) are the profile, not a grant, and are left out.
The permission set API names (or labels) are the roles held; the System Administrator profile is the
CRM's admin flag. The role hierarchy's role (UserRole.Name) is the business unit.
"""

from __future__ import annotations

from pathlib import Path

from workbench.domain.people import UserAccount
from workbench.domain.problems import Problem
from workbench.loading.crm.users import Table, bad_flag, flag, read_tables, unknown_file

ADMIN_PROFILES = {"system administrator"}
"""the standard profile's API name, English whatever the org's language"""


def _assignments(table: Table, problems: list[Problem]) -> dict[str, list[str]]:
    held: dict[str, list[str]] = {}
    for row in table.rows:
        if flag(row.get("PermissionSet.IsOwnedByProfile"), default=False):
            continue
        name = row.text("PermissionSet.Name", "PermissionSet.Label", "PermissionSetName", "PermissionSetId")
        user = row.text("AssigneeId", "Assignee.Id")
        if name and user:
            held.setdefault(user, []).append(name)
    return held


def _users(table: Table, held: dict[str, list[str]], problems: list[Problem]) -> list[UserAccount]:
    accounts = []
    for row in table.rows:
        active = flag(row.get("IsActive"))
        if active is None:
            problems.append(bad_flag(table, row, "IsActive", row.get("IsActive")))
            continue
        name = row.text("Name") or " ".join(p for p in (row.text("FirstName"), row.text("LastName")) if p)
        profile = row.text("Profile.Name", "ProfileName")
        accounts.append(
            UserAccount(
                row.text("Username"),
                name,
                row.text("Email"),
                active,
                row.text("LastLoginDate") or None,
                tuple(held.get(row.text("Id"), ())),
                row.text("UserRole.Name", "Department"),
                profile.casefold() in ADMIN_PROFILES,
                table.file,
                row.line,
            )
        )
    return accounts


def read(paths: list[Path]) -> tuple[list[UserAccount], list[Problem]]:
    tables, problems = read_tables(paths)
    users = [t for t in tables if t.has("Username")]
    assignments = [t for t in tables if t.has("AssigneeId", "Assignee.Id")]
    problems += [
        unknown_file(
            t,
            "a User export (Username ...) or a PermissionSetAssignment export "
            "(AssigneeId, PermissionSet.Name ...)",
        )
        for t in tables
        if t not in users and t not in assignments
    ]
    held: dict[str, list[str]] = {}
    for table in assignments:
        for user, names in _assignments(table, problems).items():
            held.setdefault(user, []).extend(names)
    accounts = [a for table in users for a in _users(table, held, problems)]
    return accounts, problems
