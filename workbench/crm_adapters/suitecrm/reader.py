"""SuiteCRM role ACLs read back into playbook terms, for the drift audit.

Input: `suitecrm_acl.csv` (or a folder holding it) with the columns role, module, action, value in any
order (other columns are ignored), as `crm-export` writes it or as this query exports it from the live
database:

    SELECT r.name AS role, a.category AS module, a.name AS action, ra.access_override AS value
    FROM acl_roles r JOIN acl_roles_actions ra ON ra.role_id = r.id AND ra.deleted = 0
    JOIN acl_actions a ON a.id = ra.action_id AND a.deleted = 0 WHERE r.deleted = 0;

Values are SuiteCRM's numbers; 0 or a missing row is "not set" and read as SuiteCRM's default (enabled,
all) — a role that leaves a mapped module unset grants it in full, and the reader warns about it. Names
The `admin` action (95/99/100) on a `<Module>.admin` entry the mapping names is a system right. Names
become roles through the mapping's `roles`/`role_prefix` (exact, then ignoring case). Translation:
`model`.
"""

from __future__ import annotations

from pathlib import Path

from workbench.crm_adapters.common.design_roles import DesignRoles
from workbench.crm_adapters.suitecrm.model import (
    ADMIN_ACTION,
    ADMIN_HELD,
    ALLOWED,
    DISABLED,
    HEADER,
    NOT_SET,
    ORDER,
    RANK,
    TARGET,
    effective,
    module_scopes,
    modules,
    project,
)
from workbench.domain.crm import read_system, system_index
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.drift import LiveMatrix
from workbench.domain.playbook import Playbook
from workbench.domain.problems import Problem
from workbench.loading.crm import Problems, read_limited
from workbench.loading.crm.csv_text import csv_records, decode_utf8, field_column

ACL = "suitecrm_acl.csv"
Values = dict[tuple[str, str], dict[str, int]]


def read(path: Path, pb: Playbook, mapping: CrmMapping) -> tuple[LiveMatrix, list[Problem]]:
    """What the role ACLs grant, with unknown roles/modules and designed roles that are absent."""
    path = Path(path)
    file = path / ACL if path.is_dir() else path
    problems = Problems()
    values, first = _read_values(file, problems)
    admin = _pop_admin(values)
    live = _live(pb, mapping, values, first, str(file), problems)
    _admin_rights(live, pb, mapping, admin, (str(file), first))
    return live, problems.done(str(file))


def _read_values(path: Path, problems: list[Problem]) -> tuple[Values, dict[str, int]]:
    """(role name, module) -> action -> value, every bad row a located problem; and each role's first line."""
    file = str(path)
    out: Values = {}
    first: dict[str, int] = {}
    if not path.exists():  # a FIFO or device exists and is refused by read_limited, not waited on
        problems.append(
            Problem(
                f"no {path.name} here; expected the SuiteCRM ACL export ({','.join(HEADER)})",
                file=file,
                code="io",
            )
        )
        return out, first
    data, found = read_limited(path, file)
    text, more = decode_utf8(data, file) if data is not None else (None, [])
    problems += found + more
    if text is None:
        return out, first
    records = csv_records(text, file, problems)
    header = [h.strip().lower() for h in records[0][1]] if records else []
    if not records or any(name not in header for name in HEADER):
        problems.append(
            Problem(
                f"the header is {','.join(header) or '(empty)'}; expected {','.join(HEADER)}",
                file=file,
                line=1,
                column=1,
                code="header",
            )
        )
        return out, first
    at = {name: header.index(name) for name in HEADER}
    lines: dict[tuple[str, str, str], int] = {}
    for line, row in records[1:]:
        if len(row) != len(header):
            problems.append(
                Problem(
                    f"{len(row)} fields; expected {len(header)} like the header (truncated?)",
                    file=file,
                    line=line,
                    column=field_column(row, len(row)),
                    code="truncated",
                )
            )
            continue
        role, module, action = (row[at[k]].strip() for k in ("role", "module", "action"))
        raw = row[at["value"]].strip()
        if action not in ALLOWED:
            problems.append(
                Problem(
                    f"action {action!r}; expected one of {', '.join((*ORDER, ADMIN_ACTION))}",
                    file=file,
                    line=line,
                    column=field_column(row, at["action"]),
                    code="value",
                )
            )
            continue
        try:
            value = int(raw)
        except ValueError:
            value = None
        if value not in ALLOWED[action]:
            allowed = ", ".join(str(v) for v in sorted(ALLOWED[action], reverse=True))
            problems.append(
                Problem(
                    f"{action} value {raw!r}; expected one of {allowed}",
                    file=file,
                    line=line,
                    column=field_column(row, at["value"]),
                    code="value",
                )
            )
            continue
        first.setdefault(role, line)
        cell = out.setdefault((role, module), {})
        if action in cell and cell[action] != value:
            problems.append(
                Problem(
                    f"{role} {module} {action} is {value} here and {cell[action]} on line "
                    f"{lines[(role, module, action)]}; expected one value",
                    file=file,
                    line=line,
                    column=field_column(row, at["value"]),
                    code="conflict",
                )
            )
            continue
        cell[action] = value
        lines[(role, module, action)] = line
    return out, first


def _pop_admin(values: Values) -> dict[tuple[str, str], int]:
    """Take the `admin` actions out of the values (they are system rights, not record access); a module
    left with no other action is dropped, since an admin row alone says nothing about its records."""
    admin = {key: actions.pop(ADMIN_ACTION) for key, actions in values.items() if ADMIN_ACTION in actions}
    for key in [key for key in admin if not values[key]]:
        del values[key]
    return admin


def _admin_rights(
    live: LiveMatrix,
    pb: Playbook,
    mapping: CrmMapping,
    admin: dict[tuple[str, str], int],
    where: tuple[str, dict[str, int]],
) -> None:
    """Each design role's `<Module>.admin` entry at 95/99/100 as the system right the mapping gives it."""
    roles = DesignRoles(pb, mapping)
    index = system_index(mapping)
    for (name, module), value in admin.items():
        if value not in ADMIN_HELD or f"{module}.{ADMIN_ACTION}".casefold() not in index:
            continue
        role = roles.known(name, live)  # unknown: a role outside the design holding a system right
        if role is not None:
            read_system(live, role, f"{module}.{ADMIN_ACTION}", index, (where[0], where[1].get(name)))


def _live(
    pb: Playbook,
    mapping: CrmMapping,
    values: Values,
    first: dict[str, int],
    file: str,
    problems: list[Problem],
) -> LiveMatrix:
    """The values as grants per design role, unknown roles and modules, and roles left to defaults."""
    live = LiveMatrix(TARGET)
    roles = DesignRoles(pb, mapping)
    members = modules(pb, mapping)
    seen: dict[str, str] = {}
    for (name, module), actions in values.items():
        role = roles.known(name, live)
        if role is None:
            continue
        seen.setdefault(role, name)
        scopes = module_scopes(actions)
        if module not in members:
            if scopes:
                live.unknown_objects.append((name, module))
            continue
        for action, scope in scopes.items():
            for obj in members[module]:
                cell = (role, obj, action)
                if RANK[scope] > RANK[live.grants.get(cell, "none")]:
                    live.grants[cell] = scope
    _unset_defaults(live, values, members, seen, (file, first), problems)
    absent = [r.id for r in pb.roles if r.id not in seen]
    designed = {role for role, _, _ in project(pb, mapping).grants} if absent else set()
    live.missing_roles = [r for r in absent if r in designed]
    return live


def _unset_defaults(
    live: LiveMatrix,
    values: Values,
    members: dict[str, list[str]],
    seen: dict[str, str],
    where: tuple[str, dict[str, int]],
    problems: list[Problem],
) -> None:
    """Actions a role leaves not set are audited as SuiteCRM's default (with a warning); a module with no
    row at all gets every default as a grant. `where`: the file and each role's first line."""
    file, first = where
    for role, name in seen.items():
        unset = [
            m
            for m in members
            if effective(values.get((name, m), {}), "access") != DISABLED
            and any(values.get((name, m), {}).get(a, NOT_SET) == NOT_SET for a in ORDER)
        ]
        if unset:
            problems.append(
                Problem(
                    f"{name} leaves actions on {', '.join(unset)} not set (0 or no row): audited "
                    "as SuiteCRM's default, enabled / all",
                    file=file,
                    line=first.get(name),
                    column=1 if name in first else None,
                    severity="warning",
                    code="not-set",
                )
            )
        for module in (m for m in unset if (name, m) not in values):  # no row at all: every default
            for action, scope in module_scopes({}).items():
                for obj in members[module]:
                    live.grants[(role, obj, action)] = scope
