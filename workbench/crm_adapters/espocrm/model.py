"""EspoCRM roles as pure logic: the design projected onto a Role's `data` field, and back.

A Role's `data` maps an entity (scope) to its levels: `{"Lead": {"create": "yes", "read": "team",
"edit": "own", "delete": "no", "stream": "team"}}`, or `false` for no access. Role-level settings sit
beside it (`exportPermission`, `massUpdatePermission`: yes/no).

Own / team / all: EspoCRM's own levels. own = records assigned to (or created by) the user; team =
records shared with one of the user's teams, plus own; all = every record; no = none.

Playbook -> EspoCRM (`entity_value`):
- read -> read; update -> edit; delete -> delete; stream follows read (whoever reads a record sees its
  stream, nobody else), so the stream level is the read level.
- create -> create yes/no. Create has no level: yes is audited as own (a new record is assigned to its
  creator; creating for a team or anyone else needs the role's assignmentPermission, not written).
- export -> `exportPermission: yes` when the role exports any mapped entity. It is one switch per role,
  and an export then reaches what the role may read: the projection says export = read level on every
  entity the role reads, and reports each cell where that differs from the design.
- `massUpdatePermission` is yes when the role may edit some entity (a mass update still only touches
  records the role may edit); it is not audited.
- assign and import have no per-entity right (assignmentPermission is role-wide; importing is the Import
  scope): Limitations, nothing written.
- Entities with their own rules (RULES): User has read and edit (own or no) only; Role is for
  administrators only (never in a role); Import is on/off (`true` = create, read, edit and delete all).
- Two objects on one entity get the union, reported where it widens.

System rights (domain/system_rights.py) are role fields named by `crm_mappings.espocrm.system_rights`
(export_data -> exportPermission, assign_records -> assignmentPermission): a held right sets its field to
yes (yes/no fields) or all (level fields), every other mapped field is written as no. exportPermission
also carries the per-entity export above, so it is yes when either asks for it, and the projection says
export_data whenever it is yes. Back, yes / all / team (and, for exportPermission, not-set: EspoCRM's
default) is the right held. Administration itself (users, roles, settings) belongs to admin users, not
roles: those rights are Limitations.

EspoCRM -> playbook (`entity_scopes`): the same translation backwards; read is the wider of read and
stream; `true` = create/read/update/delete all; `false` or a missing entity = nothing.
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
from workbench.i18n import N_, _, pgettext

TARGET = "espocrm"
LEVEL = {"none": "no", "own": "own", "team": "team", "all": "all"}
SCOPE = {level: scope for scope, level in LEVEL.items()}
CREATE_YES = "own"
EXPORT_FIELD = "exportPermission"
YES_NO_FIELDS = frozenset(
    {"exportPermission", "massUpdatePermission", "dataPrivacyPermission", "auditPermission"}
)
"""role fields that take yes/no; the other permission fields take all/team/no"""
KEYS: tuple[tuple[str, Action], ...] = (
    ("create", "create"),
    ("read", "read"),
    ("edit", "update"),
    ("delete", "delete"),
    ("stream", "read"),
)
"""EspoCRM action -> playbook action, in the order EspoCRM's role editor shows them."""
CRUD: tuple[Action, ...] = ("create", "read", "update", "delete")
NOT_PER_ENTITY = {
    "assign": N_(
        "EspoCRM has no per-entity assign right: assigning needs edit plus the role's "
        "assignmentPermission (role-wide, not written)"
    ),
    "import": N_(
        "EspoCRM grants importing through the Import scope (map data_import to Import), not per entity"
    ),
}
"""English; translated where a report shows it"""


RANK = SCOPE_RANK


@dataclass(frozen=True)
class EntityRule:
    """What EspoCRM lets a role set on one entity."""

    kind: str = "record"
    """record (levels per action), boolean (true/false) or admin (never in a role)"""
    actions: tuple[str, ...] = ("create", "read", "edit", "delete", "stream")
    levels: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """action -> the levels it allows, when fewer than all/team/own/no"""


RULES: dict[str, EntityRule] = {
    "User": EntityRule("record", ("read", "edit"), {"edit": ("own", "no")}),
    "Role": EntityRule("admin"),
    "Import": EntityRule("boolean"),
}


def rule_for(entity: str) -> EntityRule:
    return RULES.get(entity, EntityRule())


def _fit(level: str, allowed: tuple[str, ...] | None) -> str:
    """The level, or the widest allowed one below it (never wider than designed)."""
    if not allowed or level in allowed:
        return level
    fitting = [a for a in allowed if RANK[SCOPE[a]] <= RANK[SCOPE[level]]]
    return max(fitting, key=lambda a: RANK[SCOPE[a]]) if fitting else "no"


def entity_value(scopes: dict[Action, Scope], rule: EntityRule) -> bool | dict[str, str]:
    """The `data` value for one entity from the (merged) designed scopes."""
    if rule.kind == "admin":
        return False
    if rule.kind == "boolean":
        return any(scopes.get(a, "none") != "none" for a in CRUD)
    value = {}
    for key, action in KEYS:
        if key in rule.actions:
            scope = scopes.get(action, "none")
            value[key] = (
                ("yes" if scope != "none" else "no")
                if key == "create"
                else _fit(LEVEL[scope], rule.levels.get(key))
            )
    return value if any(v != "no" for v in value.values()) else False


def entity_scopes(value: Any, export: bool, rule: EntityRule) -> tuple[dict[str, str], list[str]]:
    """What one `data` value grants in playbook terms, and the keys whose value is not understood
    ('' when the whole value is wrong)."""
    if rule.kind == "admin" or value is False or value is None:
        return {}, []
    if value is True:
        return {a: "all" for a in CRUD}, []
    if not isinstance(value, dict):
        return {}, [""]
    out: dict[str, str] = {}
    bad = []
    for key, level in value.items():
        action = dict(KEYS).get(key)
        if action is None:
            bad.append(key)
            continue
        if key == "create" and level in ("yes", "no"):
            scope = CREATE_YES if level == "yes" else "none"
        elif action and key != "create" and level in SCOPE:
            scope = SCOPE[level]
        else:
            bad.append(key)
            continue
        if RANK[scope] > RANK[out.get(action, "none")]:
            out[action] = scope
    if export and rule.kind == "record" and out.get("read", "none") != "none":
        out["export"] = out["read"]
    return out, bad


@dataclass
class EspoRole:
    """One Role record to write (the fields EspoCRM's API takes on POST /Role)."""

    role: str
    name: str
    data: dict[str, bool | dict[str, str]] = field(default_factory=dict)
    export: bool = False
    mass_update: bool = False
    fields: dict[str, str] = field(default_factory=dict)
    """role permission fields the system rights set (exportPermission aside: `export` carries it)"""

    def document(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "data": self.data,
            "fieldData": {},
            **self.fields,
            "exportPermission": "yes" if self.export else "no",
            "massUpdatePermission": "yes" if self.mass_update else "no",
        }


def field_held(name: str, value: Any) -> bool:
    """Whether a role field's value grants the system right it carries."""
    if name == EXPORT_FIELD and value in ("not-set", None):
        return True  # EspoCRM's default unless aclStrictMode is on, as the per-entity export reads it
    return value in ("yes", "all", "team")


def system_fields(role: Role, mapping: CrmMapping) -> dict[str, str]:
    """Every role field the mapping names (exportPermission aside), yes/all when a designed right needs it."""
    held = set(written_names(role, mapping))
    names = {n for right in mapping.system_rights for n in mapping.system_names(right)} - {EXPORT_FIELD}
    return {n: ("yes" if n in YES_NO_FIELDS else "all") if n in held else "no" for n in sorted(names)}


def entities(pb: Playbook, mapping: CrmMapping) -> dict[str, list[str]]:
    """EspoCRM entity -> the playbook objects mapped to it, in playbook order."""
    out: dict[str, list[str]] = {}
    for obj in pb.objects:
        if mapping.object_name(obj.id):
            out.setdefault(str(mapping.object_name(obj.id)), []).append(obj.id)
    return out


def plan(pb: Playbook, mapping: CrmMapping) -> tuple[list[EspoRole], TargetMatrix]:
    """The Role records to write and the design as EspoCRM holds it (grants + limitations)."""
    members = entities(pb, mapping)
    record = {o for e, objs in members.items() if rule_for(e).kind == "record" for o in objs}
    matrix = TargetMatrix(TARGET)
    roles = []
    for role in pb.roles:
        item = EspoRole(role.id, mapping.role_name(role.id))
        written = written_names(role, mapping)
        item.export = any(role.scope(o, "export") != "none" for o in record) or EXPORT_FIELD in written
        item.fields = system_fields(role, mapping)
        project_system(role, mapping, matrix, TARGET, [*written, *([EXPORT_FIELD] if item.export else [])])
        matrix.limitations += unmapped_limitations(pb, role, mapping, "espocrm", "EspoCRM entity")
        for entity, objects in members.items():
            rule = rule_for(entity)
            merged = widest_scopes(role.permissions, objects)
            value = item.data[entity] = entity_value(merged, rule)
            if isinstance(value, dict) and value.get("edit", "no") != "no":
                item.mass_update = True
            got, _ = entity_scopes(item.data[entity], item.export, rule)
            for obj in objects:
                perms = role.permissions.get(obj, {})
                for action in ACTIONS:
                    wanted, have = perms.get(action, "none"), got.get(action, "none")
                    if have != "none":
                        matrix.grants[(role.id, obj, action)] = have
                    if have != wanted:
                        why = _why(
                            action, wanted, merged.get(action, "none"), entity, rule, objects, item.export
                        )
                        matrix.limitations.append(Limitation(role.id, obj, action, wanted, have, why))
        roles.append(item)
    return roles, matrix


def _why(
    action: str, wanted: str, merged: str, entity: str, rule: EntityRule, objects: list[str], export: bool
) -> str:
    """Why EspoCRM holds a designed right differently (the first reason that applies)."""
    if rule.kind == "admin":
        return _("only administrators manage {entity} in EspoCRM; a role cannot grant it").format(
            entity=entity
        )
    if action in NOT_PER_ENTITY:
        return _(NOT_PER_ENTITY[action])
    if rule.kind == "boolean":
        return _("{entity} is on or off in EspoCRM (no levels, no export): access is granted whole").format(
            entity=entity
        )
    if action == "export":
        return _(
            "exportPermission is one switch per role (here {value}); an export reaches what the role may read"
        ).format(value=pgettext("yes/no answer", "yes") if export else pgettext("yes/no answer", "no"))
    if merged != wanted:
        return _("{objects} share the EspoCRM entity {entity}: the union ({scope}) applies").format(
            objects=", ".join(objects), entity=entity, scope=scope_label(merged)
        )
    key = {"create": "create", "read": "read", "update": "edit", "delete": "delete"}.get(action, "")
    if action == "create" and key in rule.actions:
        return _(
            "create is yes/no in EspoCRM; yes is audited as own (a new record is assigned to its "
            "creator; creating for others needs assignmentPermission)"
        )
    allowed = ", ".join(f"{a} ({'/'.join(rule.levels[a])})" if a in rule.levels else a for a in rule.actions)
    return _("on {entity} EspoCRM has only {allowed}: the nearest narrower level was written").format(
        entity=entity, allowed=allowed
    )


def project(pb: Playbook, mapping: CrmMapping) -> TargetMatrix:
    """The design as EspoCRM can hold it: what the audit of a faithful export will read back."""
    return plan(pb, mapping)[1]
