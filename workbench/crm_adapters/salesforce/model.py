"""Salesforce permission sets as pure logic: the design projected onto `objectPermissions` flags, and back.

One permission set per playbook role, named by `set_names` (the mapped name made a valid API name);
one `objectPermissions` entry per mapped sObject (two playbook objects on one sObject share the entry,
which carries the wider right of the two, reported).

Playbook -> Salesforce (`flags_for`):
- create (any scope) -> allowCreate; read own/team -> allowRead; update own/team -> allowEdit;
  delete own/team -> allowDelete; read all -> allowRead + viewAllRecords.
- update all AND delete all -> allowEdit + allowDelete + modifyAllRecords. Salesforce has no "edit all"
  or "delete all" on its own: Modify All is both at once, so update all with a narrower delete (or the
  reverse) is NARROWED to allowEdit/allowDelete rather than widened to Modify All, and reported. Wider
  edit or delete then comes from the org-wide default or sharing rules, which this export does not write.
- Dependencies Salesforce enforces (Create, Edit, Delete and View All need Read; Delete needs Edit;
  Modify All needs Read, Edit, Delete and View All): the export ADDS the missing weaker right (a
  designed right is kept, since a right without its prerequisite cannot be deployed) and reports every
  addition as a Limitation whose `expressed` is wider than `wanted`. A right stronger than a designed
  one (Modify All for a lone "update all") is never added.
- assign, export and import have no object permission (Transfer Record, Export Reports and the import
  user permissions are org-wide): Limitations, nothing written.

Own vs team: a permission set cannot tell them apart. allowRead/allowEdit/allowDelete give the records
the sharing model (org-wide defaults, role hierarchy, sharing rules) shows the user, which is the band
"own or team"; allowCreate has no record scope at all. The audit reads every such flag as `team` (BAND)
and the projection says `team` too, with a Limitation on each designed `own` (and on `create: all`), so
a round trip is clean and a change between own and team is, by construction, invisible in Salesforce.

System rights (domain/system_rights.py) are user permissions: each designed right writes the names
`crm_mappings.salesforce.system_rights` gives it as `<userPermissions>` (enabled), e.g. modify_all_data ->
ModifyAllData, export_data -> ExportReport; a right without names is a Limitation. The audit reads every
enabled user permission the mapping names back as its right (any one name held = the right held).
Prerequisites Salesforce enforces (Modify All Data needs View All Data, Transfer Record and Import Leads:
PREREQUISITES) are written too, and the rights they carry reported as Limitations, as for object flags.

Salesforce -> playbook (`to_scopes`): modifyAllRecords -> read/update/delete all; viewAllRecords ->
read all; allowRead/allowEdit/allowDelete/allowCreate -> team.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from workbench.domain.access import Action, Role, scope_rank
from workbench.domain.crm import api_name, project_system, written_names
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.drift import Limitation, TargetMatrix
from workbench.domain.playbook import Playbook
from workbench.domain.text import tr
from workbench.domain.vocabulary import action_label, scope_label
from workbench.i18n import N_, _

TARGET = "salesforce"
NAMESPACE = "http://soap.sforce.com/2006/04/metadata"
FLAGS: tuple[str, ...] = (
    "allowCreate",
    "allowDelete",
    "allowEdit",
    "allowRead",
    "modifyAllRecords",
    "viewAllRecords",
)
"""The objectPermissions flags, in the (alphabetical) order Salesforce retrieves them."""
FLAGGED: tuple[Action, ...] = ("create", "read", "update", "delete")
BAND = "team"
"""The one scope Salesforce flags below View/Modify All stand for (own and team are one level here)."""
NO_OBJECT_PERMISSION = {
    "assign": N_(
        "changing a record's owner is the Transfer Record user permission (with Edit), not an object "
        "permission; not written"
    ),
    "export": N_(
        "exporting is the org-wide Export Reports / Weekly Data Export user permissions, out of scope "
        "of a permission set's object permissions; not written"
    ),
    "import": N_(
        "importing needs the org-wide import user permissions (Data Import Wizard, Import Leads), not "
        "an object permission; not written"
    ),
}
"""English; translated where a report shows it"""
PREREQUISITES: dict[str, tuple[str, ...]] = {
    "ModifyAllData": ("ImportLeads", "TransferAnyEntity", "ViewAllData")
}
"""User permissions Salesforce enables with (and requires for) another, among those a mapping is likely to
name; Modify All Data brings many more (Run Reports, Edit Tasks ...), which no system right stands for."""
NO_OBJECT_PERMISSIONS = frozenset({"Task", "Event"})
"""sObjects whose access no permission set grants: activities follow the Edit Tasks / Edit Events user
permissions and the sharing of the record they relate to."""
_OWN = N_(
    "a permission set cannot narrow access to the user's own records: the flag lets the org-wide "
    "default, role hierarchy and sharing rules decide, so own and team are audited as one level (team)"
)
_CREATE = N_(
    "Create has no record scope in Salesforce: allowCreate lets the user create records they own "
    "(creating for others needs Transfer Record); audited as team"
)


def user_permissions(names: list[str]) -> list[str]:
    """The user permissions to enable for the designed ones: each with the prerequisites Salesforce
    enforces (a permission set that lacks them does not deploy), sorted."""
    return sorted(set(names) | {need for name in names for need in PREREQUISITES.get(name, ())})


def set_names(pb: Playbook, mapping: CrmMapping) -> dict[str, str]:
    """role id -> its permission set's API name (also the file stem): the mapped name made a valid API
    name; two roles mapped to one name (Salesforce compares names ignoring case) get `_<role id>`."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for role in pb.roles:
        name = api_name(mapping.role_name(role.id))
        if name.casefold() in taken:
            name = api_name(f"{name}_{role.id}")
        taken.add(name.casefold())
        names[role.id] = name
    return names


def flags_for(scopes: Mapping[str, str]) -> tuple[dict[str, bool], dict[str, str]]:
    """The flags for one role on one sObject, and why an action came out other than designed."""
    want = {a: scopes.get(a, "none") for a in FLAGGED}
    flags = {
        "allowCreate": want["create"] != "none",
        "allowRead": want["read"] != "none",
        "viewAllRecords": want["read"] == "all",
        "allowEdit": want["update"] != "none",
        "allowDelete": want["delete"] != "none",
        "modifyAllRecords": want["update"] == "all" and want["delete"] == "all",
    }
    notes: dict[str, str] = {}
    pairs: tuple[tuple[Action, Action], ...] = (("update", "delete"), ("delete", "update"))
    for action, other in pairs:
        if want[action] == "all" and not flags["modifyAllRecords"]:
            notes[action] = _(
                "Salesforce gives {action} on all records only through {modify_all}, which would "
                "also widen {other} ({scope}) to all records; narrowed to the sharing model's "
                "records ({team})"
            ).format(
                action=action_label(action),
                modify_all="Modify All",
                other=action_label(other),
                scope=scope_label(want[other]),
                team=scope_label("team"),
            )
    if flags["modifyAllRecords"] and not flags["viewAllRecords"]:
        flags["viewAllRecords"] = True
        notes["read"] = _("{modify_all} needs {view_all}: {flag} added").format(
            modify_all="Modify All", view_all="View All", flag="viewAllRecords"
        )
    if flags["allowDelete"] and not flags["allowEdit"]:
        flags["allowEdit"] = True
        notes["update"] = _("Delete needs Edit in Salesforce: {flag} added").format(flag="allowEdit")
    needing = [f for f in ("allowCreate", "allowEdit", "allowDelete", "viewAllRecords") if flags[f]]
    if needing and not flags["allowRead"]:
        flags["allowRead"] = True
        notes.setdefault(
            "read",
            _("{flags} need Read in Salesforce: {flag} added").format(
                flags=", ".join(needing), flag="allowRead"
            ),
        )
    return flags, notes


def to_scopes(flags: Mapping[str, bool]) -> dict[str, str]:
    """What a set of flags grants, in playbook terms (actions without a grant are left out)."""
    modify_all = bool(flags.get("modifyAllRecords"))
    levels = {
        "create": BAND if flags.get("allowCreate") else "none",
        "read": "all"
        if modify_all or flags.get("viewAllRecords")
        else (BAND if flags.get("allowRead") else "none"),
        "update": "all" if modify_all else (BAND if flags.get("allowEdit") else "none"),
        "delete": "all" if modify_all else (BAND if flags.get("allowDelete") else "none"),
    }
    return {a: s for a, s in levels.items() if s != "none"}


@dataclass
class PermissionSetPlan:
    """One permission set to write: its names and the flags per sObject (sObjects without a flag left out)."""

    role: str
    name: str
    label: str
    description: str
    objects: dict[str, dict[str, bool]] = field(default_factory=dict)
    user_permissions: list[str] = field(default_factory=list)
    """enabled user permissions (the designed system rights' names), sorted"""


def unmapped_reason(mapping: CrmMapping, object_id: str) -> str | None:
    """Why an object has no sObject to carry its rights, or None when it has one."""
    if object_id not in mapping.objects:
        return _("{object} has no entry under {key}; add its {name} to export it; not written").format(
            object=object_id, key="crm_mappings.salesforce.objects", name=_("sObject name")
        )
    if mapping.objects[object_id] is None:
        return _("{object} is mapped to null (no {kind}); grant it by hand if needed; not written").format(
            object=object_id, kind=_("Salesforce object")
        )
    if mapping.objects[object_id] in NO_OBJECT_PERMISSIONS:
        return _(
            "{object} maps to {sobject}, which has no object permissions in Salesforce (activities follow "
            "the Edit Tasks / Edit Events user permissions and the related record's sharing); not "
            "written"
        ).format(object=object_id, sobject=mapping.objects[object_id])
    return None


def plan(pb: Playbook, mapping: CrmMapping, lang: str = "en") -> tuple[list[PermissionSetPlan], TargetMatrix]:
    """The permission sets to write and the design as Salesforce holds it (grants + limitations)."""
    reasons = {obj.id: unmapped_reason(mapping, obj.id) for obj in pb.objects}
    groups: dict[str, list[str]] = {}
    for obj in pb.objects:
        if reasons[obj.id] is None:
            groups.setdefault(str(mapping.objects[obj.id]), []).append(obj.id)
    matrix = TargetMatrix(TARGET)
    plans = []
    names = set_names(pb, mapping)
    for role in pb.roles:
        item = PermissionSetPlan(role.id, names[role.id], tr(role.name, lang), tr(role.summary, lang))
        item.user_permissions = user_permissions(written_names(role, mapping))
        project_system(role, mapping, matrix, TARGET, item.user_permissions)
        for obj_id, actions in role.permissions.items():
            reason = reasons.get(obj_id, "")  # "": not a playbook object, which the checks report
            for action, wanted in actions.items():
                if wanted != "none" and reason != "" and (reason or action in NO_OBJECT_PERMISSION):
                    why = reason or _(NO_OBJECT_PERMISSION[action])
                    matrix.limitations.append(Limitation(role.id, obj_id, action, wanted, "none", why))
        for sobject, members in groups.items():
            if not any(o in role.permissions for o in members):
                continue
            held = [role.permissions.get(o, {}) for o in members]
            merged = tuple(max((p.get(a, "none") for p in held), key=scope_rank) for a in FLAGGED)
            flags, notes, expressed = _translate(merged)
            if any(flags.values()):
                item.objects[sobject] = dict(flags)
            for obj_id in members:
                _cells(matrix, role, obj_id, expressed, dict(zip(FLAGGED, merged)), notes, members, sobject)
        plans.append(item)
    return plans, matrix


@cache
def _translate(merged: tuple[str, ...]) -> tuple[dict[str, bool], dict[str, str], dict[str, str]]:
    """flags_for and to_scopes of one (create, read, update, delete) combination; there are only 256."""
    flags, notes = flags_for(dict(zip(FLAGGED, merged)))
    return flags, notes, to_scopes(flags)


def _cells(
    matrix: TargetMatrix,
    role: Role,
    obj: str,
    expressed: dict[str, str],
    merged: dict[str, str],
    notes: dict[str, str],
    members: list[str],
    sobject: str,
) -> None:
    """Record the grants of one playbook object and a Limitation wherever Salesforce differs from it."""
    for action in FLAGGED:
        wanted, got = role.scope(obj, action), expressed.get(action, "none")
        if got != "none":
            matrix.grants[(role.id, obj, action)] = got
        if got == wanted:
            continue
        if merged[action] != wanted:
            why = (
                f"{', '.join(members)} share the sObject {sobject}, so one entry carries the widest right "
                f"({merged[action]})"
            )
        elif action in notes:
            why = notes[action]
        else:
            why = _(_CREATE) if action == "create" else _(_OWN)
        matrix.limitations.append(Limitation(role.id, obj, action, wanted, got, why))


def project(pb: Playbook, mapping: CrmMapping) -> TargetMatrix:
    """The design as Salesforce can hold it: what the audit of a faithful export will read back."""
    return plan(pb, mapping)[1]


def exported_role_names(pb: Playbook, mapping: CrmMapping) -> dict[str, list[str]]:
    """role id -> [its permission set's API name], the name user exports show it by."""
    return {role: [name] for role, name in set_names(pb, mapping).items()}
