"""SuiteCRM role ACLs as pure logic: the design projected onto ACL values per module and action, and back.

A SuiteCRM role holds, per module, a value for each action: `access` 89 (enabled) / -98 (disabled);
`view`, `list`, `edit`, `delete`, `export` 90 (all) / 80 (group) / 75 (owner) / -99 (none); `import`
and `massupdate` 90 / -99 only. 0 means "not set": SuiteCRM then applies the action's default, which is
enabled / all.

Own / team / all: owner (75) = records assigned to the user (or created by them); group (80) = records
shared with one of the user's security groups, plus own — SuiteCRM's team; all (90) = every record.

Playbook -> SuiteCRM (`module_values`):
- read -> view AND list (both the read level); update -> edit, and massupdate 90 when the role may update
  at all (a mass update still only touches records the role may edit); delete -> delete; export ->
  export; import -> import 90 (SuiteCRM has no import levels: own or team import is written as all and
  reported); access 89 when the role has any designed right on the module, else -98.
- create has no action of its own (whoever may edit may create) and assign is an edit of the assigned
  user: both Limitations, nothing written.
- Two objects on one module get the union, reported where it widens.

System rights (domain/system_rights.py): SuiteCRM's administrator is a user flag (is_admin), not a role
right; what a role can carry is the ACL `admin` action per module (1 normal, 95 developer, 99 admin, 100
admin & developer, SugarCRM's actiondefs). `crm_mappings.suitecrm.system_rights` names `<Module>.admin`
entries (manage_users -> Users.admin): a held right writes 99, every other mapped entry 1. Back, 95, 99
or 100 is the right held. Rights without entries (export and import are per module here, and the object
permissions carry them) are Limitations.

SuiteCRM -> playbook (`module_scopes`): access -98 -> nothing; else read = the wider of view and list,
update = edit, delete, export, import; 0 or a missing action -> the default (all); massupdate is not
audited.
"""

from __future__ import annotations

from workbench.domain.access import ACTIONS, SCOPE_RANK, Action, Role, Scope, widest_scopes
from workbench.domain.crm import project_system, unmapped_limitations, written_names
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.drift import Limitation, TargetMatrix
from workbench.domain.playbook import Playbook
from workbench.i18n import N_, _

TARGET = "suitecrm"
HEADER = ("role", "module", "action", "value")
ORDER: tuple[str, ...] = ("access", "view", "list", "edit", "delete", "import", "export", "massupdate")
ENABLED, NOT_SET, DISABLED = 89, 0, -98
LEVEL = {"all": 90, "team": 80, "own": 75, "none": -99}
SCOPE = {value: scope for scope, value in LEVEL.items()}
ADMIN_ACTION, ADMIN_HELD, ADMIN_NORMAL = "admin", frozenset({95, 99, 100}), 1
ALLOWED: dict[str, frozenset[int]] = {
    "access": frozenset({ENABLED, NOT_SET, DISABLED}),
    ADMIN_ACTION: frozenset({100, 99, 95, ADMIN_NORMAL, NOT_SET}),
    "import": frozenset({90, NOT_SET, -99}),
    "massupdate": frozenset({90, NOT_SET, -99}),
    **{a: frozenset({90, 80, 75, NOT_SET, -99}) for a in ("view", "list", "edit", "delete", "export")},
}
"""The values SuiteCRM offers per action (its ACLActions definitions with security groups)."""
CARRIED = {
    "read": ("view", "list"),
    "update": ("edit",),
    "delete": ("delete",),
    "import": ("import",),
    "export": ("export",),
}
"""Playbook action -> the SuiteCRM actions that carry it."""
NOT_CARRIED = {
    "create": N_(
        "SuiteCRM has no create action: whoever may edit a module may create records in it (edit "
        "is written from update); not written"
    ),
    "assign": N_("assigning is an edit of the assigned user in SuiteCRM: it follows edit; not written"),
}


RANK = SCOPE_RANK


def module_values(scopes: dict[Action, Scope]) -> dict[str, int]:
    """The eight values for one role on one module, from its (merged) designed scopes."""
    level = {a: scopes.get(a, "none") for a in ACTIONS}
    return {
        "access": ENABLED if any(s != "none" for s in level.values()) else DISABLED,
        "view": LEVEL[level["read"]],
        "list": LEVEL[level["read"]],
        "edit": LEVEL[level["update"]],
        "delete": LEVEL[level["delete"]],
        "import": 90 if level["import"] != "none" else -99,
        "export": LEVEL[level["export"]],
        "massupdate": 90 if level["update"] != "none" else -99,
    }


def effective(values: dict[str, int], action: str) -> int:
    """A value after SuiteCRM's defaults: not set (0 or absent) -> enabled / all."""
    value = values.get(action, NOT_SET)
    return (ENABLED if action == "access" else 90) if value == NOT_SET else value


def module_scopes(values: dict[str, int]) -> dict[str, str]:
    """What one role's values on one module grant, in playbook terms (none left out)."""
    if effective(values, "access") == DISABLED:
        return {}
    out = {}
    for action, carriers in CARRIED.items():
        scope = "none"
        for carrier in carriers:
            value = values.get(carrier, NOT_SET)
            found = "all" if value == NOT_SET else SCOPE.get(value, "none")
            if RANK[found] > RANK[scope]:
                scope = found
        if scope != "none":
            out[action] = scope
    return out


def modules(pb: Playbook, mapping: CrmMapping) -> dict[str, list[str]]:
    """SuiteCRM module -> the playbook objects mapped to it, in playbook order."""
    out: dict[str, list[str]] = {}
    for obj in pb.objects:
        if mapping.object_name(obj.id):
            out.setdefault(str(mapping.object_name(obj.id)), []).append(obj.id)
    return out


def admin_values(role: Role, mapping: CrmMapping) -> dict[str, int]:
    """`<Module>.admin` entry -> the value to write: 99 where a designed system right needs it, else 1."""
    held = set(written_names(role, mapping))
    names = {n for right in mapping.system_rights for n in mapping.system_names(right)}
    return {n: 99 if n in held else ADMIN_NORMAL for n in sorted(names)}


def split_admin(name: str) -> tuple[str, str]:
    """`Users.admin` -> (Users, admin); a name without a dot is a module's admin action."""
    module, _, action = name.rpartition(".")
    return (module, action) if module else (name, ADMIN_ACTION)


def plan(pb: Playbook, mapping: CrmMapping) -> tuple[dict[str, dict[str, dict[str, int]]], TargetMatrix]:
    """Role name -> module -> action -> value to write, and the design as SuiteCRM holds it."""
    members = modules(pb, mapping)
    matrix = TargetMatrix(TARGET)
    acl: dict[str, dict[str, dict[str, int]]] = {}
    for role in pb.roles:
        values = acl.setdefault(mapping.role_name(role.id), {})
        project_system(role, mapping, matrix, TARGET)
        matrix.limitations += unmapped_limitations(pb, role, mapping, "suitecrm", "SuiteCRM module")
        for module, objects in members.items():
            merged = widest_scopes(role.permissions, objects)
            values[module] = module_values(merged)
            got = module_scopes(values[module])
            for obj in objects:
                perms = role.permissions.get(obj, {})
                for action in ACTIONS:
                    wanted, have = perms.get(action, "none"), got.get(action, "none")
                    if have != "none":
                        matrix.grants[(role.id, obj, action)] = have
                    if have != wanted:
                        matrix.limitations.append(
                            Limitation(
                                role.id,
                                obj,
                                action,
                                wanted,
                                have,
                                _why(action, merged.get(action, "none"), wanted, module, objects),
                            )
                        )
    return acl, matrix


def _why(action: str, merged: str, wanted: str, module: str, objects: list[str]) -> str:
    if action in NOT_CARRIED:
        return _(NOT_CARRIED[action])
    if merged != wanted:
        return f"{', '.join(objects)} share the SuiteCRM module {module}: the union ({merged}) applies"
    return f"SuiteCRM's {action} is all or none: {wanted} was written as all (90)"


def project(pb: Playbook, mapping: CrmMapping) -> TargetMatrix:
    """The design as SuiteCRM can hold it: what the audit of a faithful export will read back."""
    return plan(pb, mapping)[1]
