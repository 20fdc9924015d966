"""Bitrix24 CRM roles as pure logic: the design projected onto Bitrix24's roles x entities x rights x
levels.

One Bitrix24 role per playbook role; per mapped entity (LEAD, DEAL, CONTACT, COMPANY, QUOTE,
SMART_INVOICE, a smart process's DYNAMIC_<id>) a level for each right.

Playbook -> Bitrix24:
- create -> Add; read -> Read; update -> Edit; delete -> Delete; export -> Export; import -> Import.
- assign has no right of its own: changing the responsible person is part of Edit. A Limitation,
  nothing written.
- Level: own -> Personal (A), team -> Personal and department (D), all -> All (X). Personal,
  department and sub-departments (F) and All open (O) have no playbook scope and are never written.
- Objects mapped to one entity (contact and account both to CONTACT) get the widest right of them,
  reported as a Limitation for the narrower ones.

System rights are the rows `crm_mappings.bitrix24.system_rights` names (by default customize_system ->
CONFIG, the CRM settings row whose Edit is All), written with Edit at All; a right without names is a
Limitation (the portal's administrators and the per-entity Export and Import carry them).

Bitrix24 -> playbook (`to_scope`): A -> own, D -> team, X -> all; F and O -> all, an approximation chosen so
the audit never hides a widening (F on a designed team right is reported as wider).
"""

from __future__ import annotations

from workbench.domain.access import ACTIONS, Action, Role, widest_scopes
from workbench.domain.crm import project_system
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.drift import Limitation, TargetMatrix
from workbench.domain.playbook import Playbook
from workbench.domain.vocabulary import scope_label
from workbench.i18n import N_, _

TARGET = "bitrix24"
RIGHT_OF: dict[str, str] = {
    "create": "ADD",
    "read": "READ",
    "update": "WRITE",
    "delete": "DELETE",
    "export": "EXPORT",
    "import": "IMPORT",
}
"""playbook action -> the Bitrix24 right that carries it"""
ACTION_OF: dict[str, Action] = {right: action for action, right in RIGHT_OF.items()}  # type: ignore[misc]
LEVEL_OF: dict[str, str] = {"none": "", "own": "A", "team": "D", "all": "X"}
SCOPE_OF: dict[str, str] = {"": "none", "A": "own", "D": "team", "F": "all", "O": "all", "X": "all"}
"""level code -> scope; F and O are the documented approximation"""
APPROXIMATED = frozenset({"F", "O"})
NO_ASSIGN = N_(
    "Bitrix24 has no assign right of its own: changing a record's responsible person is part of Edit; "
    "not written"
)
DEFAULT_OBJECTS: dict[str, str | None] = {
    "lead": "LEAD",
    "deal": "DEAL",
    "contact": "CONTACT",
    "account": "COMPANY",
    "quote": "QUOTE",
    "invoice": "SMART_INVOICE",
} | dict.fromkeys(
    (
        "product",
        "campaign",
        "case",
        "activity",
        "knowledge_article",
        "report",
        "dashboard",
        "user",
        "security_role",
        "settings",
        "workflow",
        "integration",
        "data_import",
        "audit_log",
    )
)
"""playbook object -> Bitrix24 entity for the objects every portal has; the core playbook's others have
no row on the CRM access-permissions screen (products, activities, reports and the portal's users follow
other settings), mapped to null so the projection says so; an overlay's objects are reported unmapped"""
DEFAULT_SYSTEM: dict[str, list[str] | None] = {
    "customize_system": ["CONFIG"],
    "modify_all_data": None,
    "view_all_data": None,
    "export_data": None,
    "import_data": None,
    "bulk_delete": None,
    "manage_users": None,
    "author_code": None,
    "assign_records": None,
}


def default_mapping() -> CrmMapping:
    """Bitrix24's fixed entities, so a playbook needs no `crm_mappings.bitrix24` to export to it."""
    return CrmMapping.model_validate({"objects": DEFAULT_OBJECTS, "system_rights": DEFAULT_SYSTEM})


def entity_of(mapping: CrmMapping, object_id: str) -> str | None:
    """The object's entity code (upper case, as Bitrix24 stores it), or None when it has none."""
    name = mapping.objects.get(object_id)
    return name.strip().upper() if name and name.strip() else None


def role_names(pb: Playbook, mapping: CrmMapping) -> dict[str, str]:
    """role id -> Bitrix24 role name: the mapped name; a second role mapped to a name already taken (case
    ignored) gets ` (<role id>)` so neither overwrites the other."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for role in pb.roles:
        name = mapping.role_name(role.id)
        if name.casefold() in taken:
            name = f"{name} ({role.id})"
        taken.add(name.casefold())
        names[role.id] = name
    return names


def exported_role_names(pb: Playbook, mapping: CrmMapping) -> dict[str, list[str]]:
    return {role: [name] for role, name in role_names(pb, mapping).items()}


def to_scope(level: str) -> str | None:
    """A level code as a playbook scope; None for a code Bitrix24 does not have."""
    return SCOPE_OF.get(level.strip().upper())


def entity_groups(pb: Playbook, mapping: CrmMapping) -> dict[str, list[str]]:
    """entity code -> the playbook objects mapped to it, in playbook order."""
    groups: dict[str, list[str]] = {}
    for obj in pb.objects:
        entity = entity_of(mapping, obj.id)
        if entity:
            groups.setdefault(entity, []).append(obj.id)
    return groups


Levels = dict[str, dict[str, dict[str, str]]]
"""role id -> entity code -> right code -> level code (no-access cells left out)"""


def plan(pb: Playbook, mapping: CrmMapping) -> tuple[Levels, TargetMatrix]:
    """The levels to write per role and entity, and the design as Bitrix24 holds it."""
    groups = entity_groups(pb, mapping)
    matrix = TargetMatrix(TARGET)
    levels: Levels = {}
    for role in pb.roles:
        project_system(role, mapping, matrix, TARGET)
        matrix.limitations += _unwritable(role, mapping)
        entities = levels.setdefault(role.id, {})
        for entity, members in groups.items():
            if any(o in role.permissions for o in members):
                _grant_entity(role, entity, members, entities, matrix)
    return levels, matrix


def _unwritable(role: Role, mapping: CrmMapping) -> list[Limitation]:
    """Rights on unmapped objects, and the assign right Bitrix24 does not have."""
    found = []
    for obj_id, actions in role.permissions.items():
        mapped = entity_of(mapping, obj_id) is not None
        for action, wanted in actions.items():
            if wanted == "none" or (mapped and action != "assign"):
                continue
            why = _(NO_ASSIGN) if mapped else _unmapped(mapping, obj_id)
            found.append(Limitation(role.id, obj_id, action, wanted, "none", why))
    return found


def _unmapped(mapping: CrmMapping, object_id: str) -> str:
    if object_id in mapping.objects:
        return _("{object} is mapped to null (no {kind}); grant it by hand if needed; not written").format(
            object=object_id, kind=_("Bitrix24 CRM entity")
        )
    return _("{object} has no entry under {key}; add its {name} to export it; not written").format(
        object=object_id, key=f"crm_mappings.{TARGET}.objects", name=_("Bitrix24 entity code")
    )


def _grant_entity(
    role: Role, entity: str, members: list[str], entities: dict[str, dict[str, str]], matrix: TargetMatrix
) -> None:
    """One entity's levels for a role (the widest of the objects mapped to it), with what each object
    gets and every difference from the design."""
    widest = widest_scopes(role.permissions, members)
    written = {RIGHT_OF[a]: LEVEL_OF[s] for a, s in widest.items() if a in RIGHT_OF and s != "none"}
    if written:
        entities[entity] = written
    for obj_id in members:
        held = role.permissions.get(obj_id, {})
        for action in ACTIONS:
            if action not in RIGHT_OF:
                continue
            wanted, got = held.get(action, "none"), widest.get(action, "none")
            if got != "none":
                matrix.grants[(role.id, obj_id, action)] = got
            if got != wanted:
                why = _("{objects} share the entity {entity}: the widest right ({scope}) is written")
                matrix.limitations.append(
                    Limitation(
                        role.id,
                        obj_id,
                        action,
                        wanted,
                        got,
                        why.format(objects=", ".join(members), entity=entity, scope=scope_label(got)),
                    )
                )


def project(pb: Playbook, mapping: CrmMapping) -> TargetMatrix:
    """The design as Bitrix24 can hold it: what the audit of a faithful export reads back."""
    return plan(pb, mapping)[1]
