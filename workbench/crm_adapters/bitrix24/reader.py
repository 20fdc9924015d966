"""The Bitrix24 workbook filled back from the live portal, read into playbook terms for the drift audit.

Input: the workbook (or the folder holding it) in any of our languages. The Access permissions table is
found by its header (Role, Entity or Code, and the rights' columns); each row is one role x entity. A
role is a playbook role by the mapping's name (case ignored), else an unknown role; an entity by its
code (else by its row title in any language), else an unknown object. Levels are the settings screen's
words in any language, or the codes (A, D, F, O, X): Personal, department and sub-departments and All
open are audited as all (a located warning says so); a word that is none of them is a located error
(file, row, column; sheet and cell in the message). Rows of the entities `crm_mappings.bitrix24
.system_rights` names (CONFIG by default) are system rights, held at any level but No access. The Roles
sheet lists roles too, so a role with no rights is not reported missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.crm_adapters.bitrix24.model import (
    ACTION_OF,
    APPROXIMATED,
    TARGET,
    entity_groups,
    role_names,
    to_scope,
)
from workbench.crm_adapters.bitrix24.sheets import Table, find_tables, open_tables, workbook_files
from workbench.crm_adapters.bitrix24.words import (
    LEVELS,
    RIGHTS,
    any_language,
    column_words,
    entity_words,
    folded,
    level_words,
    right_words,
)
from workbench.domain.access import scope_rank
from workbench.domain.crm import read_system, system_index
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.drift import LiveMatrix
from workbench.domain.playbook import Playbook
from workbench.domain.problems import Problem
from workbench.i18n import _
from workbench.loading.crm import Problems


@dataclass
class Context:
    """What reading one workbook needs: names to match and the matrix being filled."""

    roles: dict[str, str]
    """folded Bitrix24 role name -> playbook role"""
    entities: dict[str, list[str]]
    """entity code -> playbook objects"""
    system: dict[str, list[str]]
    """folded system privilege -> system rights"""
    live: LiveMatrix = field(default_factory=lambda: LiveMatrix(TARGET))
    seen: set[str] = field(default_factory=set)
    levels: dict[str, object] = field(default_factory=lambda: any_language(level_words, LEVELS))
    entity_codes: dict[str, object] = field(default_factory=lambda: any_language(entity_words))


def _column_titles() -> dict[str, str]:
    titles = {str(k): str(v) for k, v in any_language(column_words).items()}
    rights = {str(k): str(v) for k, v in any_language(right_words, RIGHTS).items()}
    return titles | rights


def read(path: Path, pb: Playbook, mapping: CrmMapping) -> tuple[LiveMatrix, list[Problem]]:
    """What the workbook's roles grant, with unknown roles/entities and designed roles that are absent."""
    names = {name.casefold(): role for role, name in role_names(pb, mapping).items()}
    for role in pb.roles:
        names.setdefault(mapping.role_name(role.id).casefold(), role.id)
    ctx = Context(names, entity_groups(pb, mapping), system_index(mapping))
    problems = Problems()
    files = workbook_files(path)
    if not files:
        message = _("no .xlsx workbook in this folder; expected the Bitrix24 workbook crmwb crm-export wrote")
        problems.append(Problem(message, file=str(path), code="missing"))
    for file in files:
        problems += open_tables(file, lambda wb, name: _read_workbook(wb, name, ctx))
    ctx.live.missing_roles = [role.id for role in pb.roles if role.id not in ctx.seen]
    return ctx.live, problems.done(str(path))


def _read_workbook(wb: Any, file: str, ctx: Context) -> list[Problem]:
    titles = _column_titles()
    problems: list[Problem] = []
    for table in find_tables(wb, file, titles, {"role", "playbook_role"}):
        for number, row in table.rows:
            _role_seen(table, number, table.text(row, "role"), ctx)
    found = False
    for table in find_tables(wb, file, titles, {"role", "READ"}):
        if "code" not in table.columns and "entity" not in table.columns:
            continue
        found = True
        for number, row in table.rows:
            problems += _read_row(table, number, row, ctx)
    if not found:
        message = _("no access permissions table: expected a sheet with the columns {columns}").format(
            columns=", ".join(
                [column_words()[k] for k in ("role", "entity", "code")] + list(right_words().values())
            )
        )
        problems.append(Problem(message, file=file, code="no-table"))
    return problems


def _role_seen(table: Table, number: int, name: str, ctx: Context) -> str | None:
    """The playbook role of a role name, marked as present; None (an unknown role, once) when none."""
    if not name:
        return None
    role = ctx.roles.get(name.casefold())
    live = ctx.live
    if role is None:
        if name not in live.unknown_roles:
            live.unknown_roles.append(name)
            live.locations[(name, None, None)] = (table.file, number)
        return None
    ctx.seen.add(role)
    live.locations.setdefault((role, None, None), (table.file, number))
    return role


def _entity(table: Table, row: tuple, ctx: Context) -> str:
    code = table.text(row, "code").upper()
    if code:
        return code
    title = table.text(row, "entity")
    return str(ctx.entity_codes.get(folded(title), title))


def _read_row(table: Table, number: int, row: tuple, ctx: Context) -> list[Problem]:
    """One role x entity row: each right's level as a grant, a system right or an unknown object."""
    name = table.text(row, "role")
    role = _role_seen(table, number, name, ctx)
    entity = _entity(table, row, ctx)
    problems: list[Problem] = []
    scopes: dict[str, str] = {}
    for right in RIGHTS:
        if right in table.columns:
            scope = _scope(table, (number, row), right, ctx, problems)
            if scope not in (None, "none"):
                scopes[right] = scope
    if role is None or not scopes:
        return problems
    live = ctx.live
    where = (table.file, number)
    if entity.casefold() in ctx.system:
        read_system(live, role, entity, ctx.system, where)
    elif entity in ctx.entities:
        for right, scope in scopes.items():
            _grant(live, (role, ACTION_OF[right], scope), ctx.entities[entity], where)
    elif (name, entity) not in live.unknown_objects:
        live.unknown_objects.append((name, entity))
        live.locations[(name, entity, None)] = where
    return problems


def _scope(
    table: Table, at: tuple[int, tuple], right: str, ctx: Context, problems: list[Problem]
) -> str | None:
    """The playbook scope of one level cell; None (with a located error) for a word that is no level."""
    number, row = at
    text = table.text(row, right)
    code = ctx.levels.get(folded(text)) if text else ""
    if code is None:
        words = level_words()
        problems.append(
            table.problem(
                number,
                right,
                _("{value!r} is not a Bitrix24 access level; expected one of: {levels}").format(
                    value=text, levels="; ".join(words.values())
                ),
            )
        )
        return None
    level = str(code)
    if level in APPROXIMATED:
        problems.append(
            table.problem(
                number,
                right,
                _("{level} has no scope in the design; audited as all").format(level=level_words()[level]),
                severity="warning",
            )
        )
    return to_scope(level)


def _grant(live: LiveMatrix, what: tuple[str, str, str], objects: list[str], where: tuple[str, int]) -> None:
    """(role, action, scope) on every playbook object of one entity: the widest right read wins."""
    role, action, scope = what
    for obj in objects:
        cell = (role, obj, action)
        live.locations.setdefault((role, obj, None), where)
        if scope_rank(scope) > scope_rank(live.grants.get(cell, "none")):
            live.grants[cell] = scope
            live.locations[cell] = where
