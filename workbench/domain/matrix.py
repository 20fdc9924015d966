"""The role and permission matrix and the RACI table as plain data.

Writers (xlsx, Markdown, CSV, Odoo, Casbin) and later the TUI read these rows, so every view shows the
same cells in the same order. Pure: no files, no spreadsheets.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from workbench.domain.access import ACTIONS, SCOPES, scope_rank
from workbench.domain.playbook import Playbook
from workbench.domain.text import tr

FAMILIES: tuple[str, ...] = ("data", "analytics", "system")
"""Object kinds, in the order the matrix shows them (business data first, administration last)."""

RACI_LETTERS: tuple[str, ...] = ("R", "A", "C", "I")


@dataclass(frozen=True)
class ObjectColumns:
    """One object of the matrix and the actions shown for it."""

    id: str
    name: str
    family: str
    owner: str
    actions: tuple[str, ...]


@dataclass(frozen=True)
class MatrixRow:
    """One role: its scope on every (object, action) of the playbook ('none' when not granted)."""

    role: str
    name: str
    scopes: dict[tuple[str, str], str]

    def scope(self, obj: str, action: str) -> str:
        return self.scopes.get((obj, action), "none")


@dataclass(frozen=True)
class PermissionMatrix:
    objects: list[ObjectColumns]
    rows: list[MatrixRow]

    def columns(self) -> list[tuple[str, str]]:
        """(object, action) in display order."""
        return [(o.id, a) for o in self.objects for a in o.actions]

    def families(self) -> list[tuple[str, list[ObjectColumns]]]:
        """Objects grouped by kind (data, analytics, system), empty groups left out."""
        groups = [(f, [o for o in self.objects if o.family == f]) for f in FAMILIES]
        return [(f, objs) for f, objs in groups if objs]

    def grants(self) -> list[tuple[str, str, str, str]]:
        """(role, object, action, scope) for every granted cell (scope above none), in matrix order."""
        return [
            (row.role, obj.id, action, row.scope(obj.id, action))
            for row in self.rows
            for obj in self.objects
            for action in ACTIONS
            if row.scope(obj.id, action) != "none"
        ]


def permission_matrix(
    pb: Playbook, lang: str = "en", every_action: bool = False, include: Iterable[tuple[str, str]] = ()
) -> PermissionMatrix:
    """The matrix for a (resolved) playbook.

    Each object shows the actions some role holds on it, and always `read`, so an object nobody may
    read still shows as a column of 'none'; `include` adds (object, action) columns that must show
    (e.g. the cells findings point at); `every_action` shows all seven actions everywhere.
    """
    wanted = set(include)
    objects = []
    for obj in pb.objects:
        held: set[str] = {
            a for role in pb.roles for a, s in role.permissions.get(obj.id, {}).items() if s != "none"
        }
        held |= {a for o, a in wanted if o == obj.id}
        actions = ACTIONS if every_action else tuple(a for a in ACTIONS if a in held or a == "read")
        objects.append(ObjectColumns(obj.id, tr(obj.name, lang), obj.kind, obj.owner, actions))
    known = {o.id for o in pb.objects}
    rows = [
        MatrixRow(
            role.id,
            tr(role.name, lang),
            {(o, a): s for o, perms in role.permissions.items() if o in known for a, s in perms.items()},
        )
        for role in pb.roles
    ]
    return PermissionMatrix(objects, rows)


def holds(scope_held: str, scope_asked: str) -> bool:
    """A right at a wider scope includes the narrower ones (all covers team covers own); none grants
    nothing."""
    return scope_asked != "none" and scope_rank(scope_held) >= scope_rank(scope_asked)


def implied_scopes(scope_held: str) -> tuple[str, ...]:
    """The scopes a held scope answers yes to: 'team' -> ('own', 'team')."""
    return tuple(s for s in SCOPES if holds(scope_held, s))


@dataclass(frozen=True)
class RaciRow:
    phase: str
    phase_name: str
    task: str
    name: str
    owner: str
    letters: dict[str, str]


@dataclass(frozen=True)
class RaciTable:
    roles: list[tuple[str, str]]
    """(role id, name) of every role that has a letter or owns a task, in the playbook's role order."""
    rows: list[RaciRow]

    def phases(self) -> list[tuple[str, str, list[RaciRow]]]:
        """(phase id, phase name, rows) in phase order, phases without tasks left out."""
        out: list[tuple[str, str, list[RaciRow]]] = []
        for row in self.rows:
            if not out or out[-1][0] != row.phase:
                out.append((row.phase, row.phase_name, []))
            out[-1][2].append(row)
        return out


def raci_table(pb: Playbook, lang: str = "en") -> RaciTable:
    """Tasks in phase order against the roles that take part in them."""
    rows = [
        RaciRow(phase.id, tr(phase.name, lang), task.id, tr(task.name, lang), task.owner, dict(task.raci))
        for phase, task in pb.tasks()
    ]
    used = {r for row in rows for r in row.letters} | {row.owner for row in rows}
    roles = [(role.id, tr(role.name, lang)) for role in pb.roles if role.id in used]
    return RaciTable(roles, rows)
