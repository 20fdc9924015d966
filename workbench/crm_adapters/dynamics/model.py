"""Dynamics 365 (Dataverse) security roles as pure logic: the design projected onto privileges and depths.

One security role per playbook role; per mapped entity the privileges `prv<Verb><Entity>` with a depth.

Playbook -> Dynamics:
- create -> Create; read -> Read; update -> Write, Append and AppendTo (Append/AppendTo follow update:
  the playbook has no separate "link records" right, and linking is a change); delete -> Delete;
  assign -> Assign. Share is never written: the playbook has no sharing right, so no role gets one.
- Depth: own -> Basic (user), team -> Local (business unit), all -> Global (organization). Deep (parent:
  child business units) has no playbook scope and is never written.
- export/import have no per-entity privilege (prvExportToExcel and the import privileges are org-wide
  "miscellaneous" privileges): Limitations, nothing written.
- Organization-owned entities (ORG_OWNED: product, organization, systemform, serviceendpoint) have no
  owner, so only Global exists and there is no Assign: own/team are WIDENED to Global (the designed
  right is kept; narrowing it to nothing would stop the role's work) and assign is left out; both are
  reported.

System rights (domain/system_rights.py) are the privileges `crm_mappings.dynamics.system_rights` names
(miscellaneous ones such as prvExportToExcel and prvBulkDelete, or per-entity ones on entities the design
does not map, such as prvCreatePluginAssembly), written at Global; a right without names is a Limitation.
The audit reads any of those privileges at any depth but None as its right held (a system right is
org-wide: a user-level Export to Excel still exports everything the user reads).

Dynamics -> playbook (`to_scope`): Basic -> own, Local -> team, Global -> all, and Deep -> all, an
approximation chosen so the audit never hides a widening (Deep on a designed team right is reported as
wider; Deep on a designed all right is not reported as narrower). update = the widest of Write, Append,
AppendTo. A live Share is reported as the action "share", which the design never grants (drift).
"""

from __future__ import annotations

import re
import uuid

from workbench.domain.access import Action, Role, scope_rank
from workbench.domain.crm import project_system
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.drift import Limitation, TargetMatrix
from workbench.domain.playbook import Playbook
from workbench.domain.vocabulary import scope_label
from workbench.i18n import N_, _

TARGET = "dynamics"
VERBS: tuple[str, ...] = ("Create", "Read", "Write", "Delete", "Append", "AppendTo", "Assign", "Share")
PRIVILEGES: dict[Action, tuple[str, ...]] = {
    "create": ("Create",),
    "read": ("Read",),
    "update": ("Write", "Append", "AppendTo"),
    "delete": ("Delete",),
    "assign": ("Assign",),
}
"""playbook action -> the privilege verbs that carry it"""
ACTION_OF: dict[str, str] = {verb: action for action, verbs in PRIVILEGES.items() for verb in verbs} | {
    "Share": "share"
}
DEPTHS: dict[str, str] = {"own": "Basic", "team": "Local", "all": "Global"}
SCOPE_OF: dict[str, str] = {"basic": "own", "local": "team", "deep": "all", "global": "all"}
"""depth (lower case) -> scope; Deep is the documented approximation"""
NO_PRIVILEGE = {
    "export": N_(
        "Dynamics has no per-entity export privilege: Export to Excel (prvExportToExcel) is one "
        "org-wide privilege, out of scope of the per-entity export; not written"
    ),
    "import": N_(
        "Dynamics has no per-entity import privilege: importing needs the org-wide import privileges "
        "plus Create on the entity; not written"
    ),
}
"""English; translated where a report shows it"""
ORG_OWNED = frozenset({"product", "organization", "systemform", "serviceendpoint"})
"""standard entities whose records have no owner: Global or nothing, and no Assign/Share"""
SCHEMA_NAMES: dict[str, str] = {
    "account": "Account",
    "contact": "Contact",
    "lead": "Lead",
    "opportunity": "Opportunity",
    "quote": "Quote",
    "product": "Product",
    "campaign": "Campaign",
    "incident": "Incident",
    "activitypointer": "Activity",
    "knowledgearticle": "KnowledgeArticle",
    "report": "Report",
    "systemform": "SystemForm",
    "systemuser": "User",
    "role": "Role",
    "organization": "Organization",
    "workflow": "Workflow",
    "serviceendpoint": "ServiceEndpoint",
    "import": "Import",
    "audit": "Audit",
}
"""logical name -> the name privileges use for standard entities; other entities use the mapped name"""
ROLE_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "crm-workbench:dynamics:role")


def privilege_entity(entity: str) -> str:
    """The entity part of a privilege name: `activitypointer` -> `Activity`, `new_loyalty` as mapped."""
    return SCHEMA_NAMES.get(entity.lower(), entity)


def privilege_name(verb: str, entity: str) -> str:
    return f"prv{verb}{privilege_entity(entity)}"


_PRIVILEGE = re.compile(r"prv(AppendTo|Append|Create|Read|Write|Delete|Assign|Share)(.+)")


def split_privilege(name: str, known: set[str] | frozenset[str]) -> tuple[str, str] | None:
    """(verb, entity) of a per-entity privilege, or None for a miscellaneous one (prvExportToExcel).
    `known` (lower-case entity names) settles AppendTo vs Append + an entity starting with 'To'."""
    match = _PRIVILEGE.fullmatch(name)
    if match is None:
        return None
    verb, entity = match.groups()
    if verb == "AppendTo" and entity.lower() not in known and f"to{entity}".lower() in known:
        return "Append", name[len("prvAppend") :]
    return verb, entity


def to_scope(depth: str) -> str | None:
    """A depth as a playbook scope ('None' -> 'none'); None when it is no depth Dynamics knows."""
    return "none" if depth.lower() == "none" else SCOPE_OF.get(depth.lower())


def role_names(pb: Playbook, mapping: CrmMapping) -> dict[str, str]:
    """role id -> security role name: the mapped name; two roles mapped to one name (Dynamics compares
    names ignoring case) get ` (<role id>)` so neither overwrites the other."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for role in pb.roles:
        name = mapping.role_name(role.id)
        if name.casefold() in taken:
            name = f"{name} ({role.id})"
        taken.add(name.casefold())
        names[role.id] = name
    return names


def role_id(name: str) -> str:
    """A stable GUID for a role name, so repeated exports are identical (uuid5, braces as solutions use)."""
    return "{" + str(uuid.uuid5(ROLE_NAMESPACE, name)) + "}"


def unmapped_reason(mapping: CrmMapping, object_id: str) -> str | None:
    """Why an object has no entity to carry its rights, or None when it has one."""
    if object_id not in mapping.objects:
        return _("{object} has no entry under {key}; add its {name} to export it; not written").format(
            object=object_id, key="crm_mappings.dynamics.objects", name=_("entity logical name")
        )
    if mapping.objects[object_id] is None:
        return _("{object} is mapped to null (no {kind}); grant it by hand if needed; not written").format(
            object=object_id, kind=_("Dynamics entity")
        )
    return None


def entity_scopes(role: Role, members: list[str], entity: str) -> tuple[dict[Action, str], dict[Action, str]]:
    """The scope each action gets on one entity (the widest of the objects mapped to it, Global only on
    organization-owned entities), and why an action differs from the design."""
    perms = [role.permissions.get(o, {}) for o in members]
    org_owned = entity.lower() in ORG_OWNED
    scopes: dict[Action, str] = {}
    notes: dict[Action, str] = {}
    for action in PRIVILEGES:
        held = [p.get(action, "none") for p in perms]
        scope = held[0] if len(held) == 1 else max(held, key=scope_rank)
        if len(set(held)) > 1:
            notes[action] = _(
                "{objects} share the entity {entity}: the widest right ({scope}) is written"
            ).format(objects=", ".join(members), entity=entity, scope=scope_label(scope))
        if scope == "none":
            continue
        if org_owned and action == "assign":
            notes[action] = _(
                "{entity} is organization-owned: it has no owner to assign; not written"
            ).format(entity=entity)
            continue
        if org_owned and scope != "all":
            notes.setdefault(
                action,
                _("{entity} is organization-owned: Global is its only depth; widened to {scope}").format(
                    entity=entity, scope=scope_label("all")
                ),
            )
            scope = "all"
        scopes[action] = scope
    return scopes, notes


def plan(pb: Playbook, mapping: CrmMapping) -> tuple[dict[str, dict[str, dict[Action, str]]], TargetMatrix]:
    """role id -> entity -> {action: scope} to write, and the design as Dynamics holds it."""
    reasons = {obj.id: unmapped_reason(mapping, obj.id) for obj in pb.objects}
    groups: dict[str, list[str]] = {}
    spelled: dict[str, str] = {}  # objects mapped to `activitypointer` and `Activity` share one privilege
    for obj in pb.objects:
        if reasons[obj.id] is None:
            entity = str(mapping.objects[obj.id])
            entity = spelled.setdefault(privilege_entity(entity).lower(), entity)
            groups.setdefault(entity, []).append(obj.id)
    matrix = TargetMatrix(TARGET)
    roles: dict[str, dict[str, dict[Action, str]]] = {}
    for role in pb.roles:
        entities = roles.setdefault(role.id, {})
        project_system(role, mapping, matrix, TARGET)
        _note_unwritable(role, reasons, matrix)
        for entity, members in groups.items():
            if any(o in role.permissions for o in members):
                _grant_entity(role, entity, members, entities, matrix)
    return roles, matrix


def _note_unwritable(role: Role, reasons: dict[str, str | None], matrix: TargetMatrix) -> None:
    """Rights on objects Dynamics cannot hold (unmapped, or an action with no privilege) become
    limitations."""
    for obj_id, actions in role.permissions.items():
        reason = reasons.get(obj_id, "")  # "": not a playbook object, which the checks report
        for action, wanted in actions.items():
            if wanted != "none" and reason != "" and (reason or action in NO_PRIVILEGE):
                matrix.limitations.append(
                    Limitation(role.id, obj_id, action, wanted, "none", reason or _(NO_PRIVILEGE[action]))
                )


def _grant_entity(
    role: Role,
    entity: str,
    members: list[str],
    entities: dict[str, dict[Action, str]],
    matrix: TargetMatrix,
) -> None:
    """One entity's privileges for a role (shared by the objects mapped to it), with what each object
    gets and every difference from the design."""
    scopes, notes = entity_scopes(role, members, entity)
    if scopes:
        entities[entity] = scopes
    for obj_id in members:
        held = role.permissions.get(obj_id, {})
        for action in PRIVILEGES:
            wanted, got = held.get(action, "none"), scopes.get(action, "none")
            if got != "none":
                matrix.grants[(role.id, obj_id, action)] = got
            if got != wanted:
                matrix.limitations.append(
                    Limitation(role.id, obj_id, action, wanted, got, notes.get(action, ""))
                )


def project(pb: Playbook, mapping: CrmMapping) -> TargetMatrix:
    """The design as Dynamics can hold it: what the audit of a faithful export will read back."""
    return plan(pb, mapping)[1]


def exported_role_names(pb: Playbook, mapping: CrmMapping) -> dict[str, list[str]]:
    """role id -> [its security role's name], the name user exports show it by."""
    return {role: [name] for role, name in role_names(pb, mapping).items()}
