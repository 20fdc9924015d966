"""Kommo (amoCRM) roles as pure logic: the design projected onto a role's `rights` object, and back.

A Kommo role (API v4, `/api/v4/roles`) holds `rights`: per entity (`leads`, `contacts`, `companies`,
`tasks`) an object of action -> level, `{"view": "A", "edit": "G", "add": "A", "delete": "M", "export":
"D"}`, beside booleans (`mail_access`: Mail, `catalog_access`: Lists) and `status_rights`, a list of
per-pipeline-stage rights on leads (`entity_type`, `pipeline_id`, `status_id`, `rights` with view, edit,
delete, export). Levels: A (access: every record), G (group: records of users in the user's group, plus
own), M (main: records the user is responsible for), D (denied) -> all / team / own / none.

Playbook -> Kommo (`entity_value`):
- read -> view; update -> edit; delete -> delete; export -> export, each with its level.
- create -> add, which takes A or D only: A is audited as own (a new record's responsible user is its
  creator; making it someone else's is an edit, which the edit level governs).
- `tasks` has edit and delete only: who sees a task follows the record it is on and whom it is for, so
  read, create and export of a task are Limitations (nothing written).
- assign and import have no per-entity right (the responsible user is an edited field; importing is
  the account's, not a role's): Limitations.
- Boolean entities (`catalog_access`, `mail_access`): on when the role has any designed right on an object
  mapped to them (the default maps product to catalog_access: Kommo keeps products in Lists), read back
  as create/read/update/delete all. A boolean nobody maps is written false and not audited.
- Two objects on one entity (lead and deal are both Kommo's `leads`) get the union, reported where it
  widens.
- Stage rights: the design has none, and pipeline and stage ids are the account's own, so `status_rights`
  is not written (Kommo applies the general leads rights to each stage). Read back, a stage right wider
  than the general one widens the role: the widest level counts, as a user holding it sees those leads.

System rights (domain/system_rights.py) are boolean fields of `rights` named by
`crm_mappings.kommo.system_rights`; the default names `is_admin` (Kommo's administrator: users, settings,
roles) for manage_users and customize_system. A held right writes its field true, every other mapped
field false; back, true is the right held. Kommo documents `is_admin` among a role's rights in the
role's GET answer and applies it per user as well: the people audit reads the users' flag.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workbench.domain.access import ACTIONS, SCOPE_RANK, Action, Role, Scope, widest_scopes
from workbench.domain.crm import project_system, unmapped_limitations, written_names
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.drift import Limitation, TargetMatrix
from workbench.domain.playbook import Playbook
from workbench.domain.vocabulary import scope_label
from workbench.i18n import N_, _

TARGET = "kommo"
LEVEL: dict[str, str] = {"none": "D", "own": "M", "team": "G", "all": "A"}
SCOPE: dict[str, str] = {letter: scope for scope, letter in LEVEL.items()}
ADD_YES: Scope = "own"
KEYS: dict[str, Action] = {
    "view": "read",
    "edit": "update",
    "add": "create",
    "delete": "delete",
    "export": "export",
}
"""Kommo action -> playbook action, in the order the API reference lists them"""
STAGE_KEYS = ("view", "edit", "delete", "export")
"""the actions a `status_rights` entry carries"""
CRUD: tuple[Action, ...] = ("create", "read", "update", "delete")
STATUS_RIGHTS, ADMIN = "status_rights", "is_admin"
USER_FIELDS = frozenset({"is_free", "is_active", "group_id", "role_id"})
"""fields the GET answers carry in `rights` that describe a user, not what the role grants"""
NOT_PER_ENTITY = {
    "assign": N_(
        "Kommo has no assign right: the responsible user is a field, changed by whoever may edit the record"
    ),
    "import": N_("Kommo has no per-entity import right: importing belongs to the account, not to a role"),
}
"""English; translated where a report shows it"""
BEYOND_THE_DESIGN = {
    STATUS_RIGHTS: N_(
        "rights per pipeline stage: the design has none and stage ids are the account's own, so none are "
        "written; a stage right wider than its role's general leads right is audited as a widened right"
    ),
    ADMIN: N_(
        "Kommo's administrator is also a flag on each user: the people audit reads it from the users "
        "answer (`GET /api/v4/users`)"
    ),
    "view": N_(
        "a user following a lead's chat may view that lead past the role's view level: the roles do not "
        "show it, so the audit cannot"
    ),
    "role_id": N_(
        "a Kommo user holds one role: a person the design gives two roles needs one Kommo role that "
        "carries both (the people audit reports a second role as a role beyond the design)"
    ),
}
"""what Kommo can hold that the design cannot say, for the limitations report (English; translated there)"""
UNMAPPED_FLAG = N_(
    "`{flag}` is mapped to no object of the design (crm_mappings.kommo.objects): written `false`, not audited"
)
KIND = N_("Kommo entity")
"""what an object maps to in Kommo (translated where a limitation names it)"""


@dataclass(frozen=True)
class EntityRule:
    """What a Kommo role sets on one entity of `rights`."""

    kind: str = "levels"
    """levels (action -> A/G/M/D) or flag (a boolean: the whole entity on or off)"""
    actions: tuple[str, ...] = tuple(KEYS)


RULES: dict[str, EntityRule] = {
    "leads": EntityRule(),
    "contacts": EntityRule(),
    "companies": EntityRule(),
    "tasks": EntityRule("levels", ("edit", "delete")),
    "catalog_access": EntityRule("flag", ()),
    "mail_access": EntityRule("flag", ()),
}
FLAGS = tuple(name for name, rule in RULES.items() if rule.kind == "flag")


def default_mapping() -> CrmMapping:
    """Kommo's entities for the neutral objects (used when the playbook has no `crm_mappings.kommo`)."""
    return CrmMapping(
        objects={
            "lead": "leads",
            "deal": "leads",
            "contact": "contacts",
            "account": "companies",
            "activity": "tasks",
            "product": "catalog_access",
        },
        system_rights={
            "manage_users": [ADMIN],
            "customize_system": [ADMIN],
            # a role has no field for these: entity levels and export carry the data rights, the account
            # (not a role) imports, and code is a widget installed by an administrator
            "modify_all_data": None,
            "view_all_data": None,
            "export_data": None,
            "import_data": None,
            "bulk_delete": None,
            "author_code": None,
            "assign_records": None,
        },
    )


def beyond_the_design(pb: Playbook, mapping: CrmMapping) -> list[str]:
    """What Kommo can hold that the design cannot say, in the current language: the fixed list and each
    boolean no object maps to."""
    mapped = entities(pb, mapping)
    return [f"`{key}`: {_(text)}" for key, text in BEYOND_THE_DESIGN.items()] + [
        _(UNMAPPED_FLAG).format(flag=flag) for flag in FLAGS if flag not in mapped
    ]


def entity_value(scopes: dict[Action, Scope], rule: EntityRule) -> bool | dict[str, str]:
    """The `rights` value for one entity from the (merged) designed scopes."""
    if rule.kind == "flag":
        return any(scopes.get(a, "none") != "none" for a in CRUD)
    value = {}
    for key in rule.actions:
        scope = scopes.get(KEYS[key], "none")
        value[key] = ("A" if scope != "none" else "D") if key == "add" else LEVEL[scope]
    return value


def _raise(out: dict[str, str], action: str, scope: str) -> None:
    if SCOPE_RANK[scope] > SCOPE_RANK[out.get(action, "none")]:
        out[action] = scope


def entity_scopes(value: Any, rule: EntityRule) -> tuple[dict[str, str], list[str]]:
    """What one `rights` value grants in playbook terms, and the keys whose level is not understood
    ('' when the whole value is wrong)."""
    if rule.kind == "flag":
        if isinstance(value, bool) or value is None:
            return ({a: "all" for a in CRUD} if value else {}), []
        return {}, [""]
    if not isinstance(value, dict):
        return {}, [""]
    out: dict[str, str] = {}
    bad = []
    for key, level in value.items():
        allowed = ("A", "D") if key == "add" else tuple(SCOPE)
        if key not in rule.actions or level not in allowed:
            bad.append(key)
            continue
        _raise(out, KEYS[key], (ADD_YES if level == "A" else "none") if key == "add" else SCOPE[level])
    return out, bad


def stage_scopes(rights: Any) -> tuple[dict[str, str], list[str]]:
    """What one stage's `rights` grant on leads, and the keys not understood."""
    if not isinstance(rights, dict):
        return {}, [""]
    out: dict[str, str] = {}
    bad = []
    for key, level in rights.items():
        if key not in STAGE_KEYS or level not in SCOPE:
            bad.append(key)
            continue
        _raise(out, KEYS[key], SCOPE[level])
    return out, bad


def entities(pb: Playbook, mapping: CrmMapping) -> dict[str, list[str]]:
    """Kommo entity -> the playbook objects mapped to it, in playbook order (names Kommo lacks are left to
    `unmapped`)."""
    out: dict[str, list[str]] = {}
    for obj in pb.objects:
        name = mapping.object_name(obj.id)
        if name and name in RULES:
            out.setdefault(name, []).append(obj.id)
    return out


def unmapped(pb: Playbook, role: Role, mapping: CrmMapping) -> list[Limitation]:
    """The role's rights on objects mapped to nothing, or to a name that is no Kommo entity."""
    out = unmapped_limitations(pb, role, mapping, TARGET, KIND)
    for obj in pb.objects:
        name = mapping.object_name(obj.id)
        if not name or name in RULES:
            continue
        why = _("`{name}` is no Kommo role entity; expected one of: {entities}").format(
            name=name, entities=", ".join(f"`{e}`" for e in RULES)
        )
        out += [
            Limitation(role.id, obj.id, action, wanted, "none", why)
            for action, wanted in role.permissions.get(obj.id, {}).items()
            if wanted != "none"
        ]
    return out


@dataclass
class KommoRole:
    """One role to write: the body `POST /api/v4/roles` takes for it."""

    role: str
    name: str
    rights: dict[str, bool | dict[str, str]] = field(default_factory=dict)

    def document(self) -> dict[str, Any]:
        return {"name": self.name, "rights": self.rights}


def system_fields(role: Role, mapping: CrmMapping) -> dict[str, bool]:
    """Every `rights` field the mapping names for system rights, true when a designed right needs it."""
    held = set(written_names(role, mapping))
    names = {n for right in mapping.system_rights for n in mapping.system_names(right)}
    return {name: name in held for name in sorted(names)}


def _role(role: Role, pb: Playbook, mapping: CrmMapping, matrix: TargetMatrix) -> KommoRole:
    members = entities(pb, mapping)
    item = KommoRole(role.id, mapping.role_name(role.id))
    item.rights = {**{flag: False for flag in FLAGS}, **system_fields(role, mapping)}
    project_system(role, mapping, matrix, TARGET)
    matrix.limitations += unmapped(pb, role, mapping)
    for entity, objects in members.items():
        rule = RULES[entity]
        merged = widest_scopes(role.permissions, objects)
        value = entity_value(merged, rule)
        item.rights[entity] = value if rule.kind == "levels" else bool(item.rights.get(entity)) or value
        got, _bad = entity_scopes(value, rule)
        for obj in objects:
            for action in ACTIONS:
                wanted, have = role.scope(obj, action), got.get(action, "none")
                if have != "none":
                    matrix.grants[(role.id, obj, action)] = have
                if have != wanted:
                    why = _why(action, wanted, merged.get(action, "none"), entity, rule, objects)
                    matrix.limitations.append(Limitation(role.id, obj, action, wanted, have, why))
    return item


def plan(pb: Playbook, mapping: CrmMapping) -> tuple[list[KommoRole], TargetMatrix]:
    """The roles to write and the design as Kommo holds it (grants + limitations)."""
    matrix = TargetMatrix(TARGET)
    return [_role(role, pb, mapping, matrix) for role in pb.roles], matrix


def _why(action: str, wanted: str, merged: str, entity: str, rule: EntityRule, objects: list[str]) -> str:
    """Why Kommo holds a designed right differently (the first reason that applies)."""
    if action in NOT_PER_ENTITY:
        return _(NOT_PER_ENTITY[action])
    if rule.kind == "flag":
        return _(
            "`{entity}` is on or off in a Kommo role (no levels, no export): access is granted whole"
        ).format(entity=entity)
    if merged != wanted:
        return _("{objects} share the Kommo entity `{entity}`: the union ({scope}) applies").format(
            objects=", ".join(objects), entity=entity, scope=scope_label(merged)
        )
    if action == "create" and "add" in rule.actions:
        return _(
            "`add` is `A` or `D` in Kommo; `A` is audited as own (a new record's responsible user is its "
            "creator)"
        )
    return _("on `{entity}` Kommo has only {allowed}: not written").format(
        entity=entity, allowed=", ".join(f"`{a}`" for a in rule.actions)
    )


def project(pb: Playbook, mapping: CrmMapping) -> TargetMatrix:
    """The design as Kommo can hold it: what the audit of a faithful export will read back."""
    return plan(pb, mapping)[1]
