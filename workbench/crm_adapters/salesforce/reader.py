"""Salesforce permission sets read back into playbook terms, for the drift audit.

Input: a folder (searched recursively, so a whole source tree works), one file, or a retrieved package
`.zip`, holding `*.permissionset-meta.xml` (source format) or `*.permissionset` (Metadata API format).
A permission set's name is its `fullName` when the file has one, else the file stem; it becomes a role
through the mapping's `roles` or `role_prefix` (names are matched ignoring case, as Salesforce does).
`objectPermissions` are audited, and `userPermissions` the mapping names as system rights
(`crm_mappings.salesforce.system_rights`); other user permissions, field permissions and tab settings are
out of scope. Flags become scopes by `to_scopes` (`model`): own and team read as
one level.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from workbench.crm_adapters.salesforce.model import FLAGS, NAMESPACE, TARGET, set_names, to_scopes
from workbench.domain.access import scope_rank
from workbench.domain.crm import read_system, system_index
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.drift import LiveMatrix
from workbench.domain.playbook import Playbook
from workbench.domain.problems import Problem
from workbench.i18n import _
from workbench.loading.crm import Problems, XmlDoc, local, namespace, parse_xml, source_files

SUFFIXES = (".permissionset-meta.xml", ".permissionset")


def read(path: Path, pb: Playbook, mapping: CrmMapping) -> tuple[LiveMatrix, list[Problem]]:
    """What the permission sets grant, with unknown roles/objects and designed roles that are absent."""
    live = LiveMatrix(TARGET)
    problems = Problems()
    index = system_index(mapping)
    roles = {name.casefold(): role for role, name in set_names(pb, mapping).items()}
    for role in pb.roles:
        roles.setdefault(mapping.role_name(role.id).casefold(), role.id)
    objects: dict[str, list[str]] = {}
    for obj in pb.objects:
        if mapping.objects.get(obj.id):
            objects.setdefault(str(mapping.objects[obj.id]).casefold(), []).append(obj.id)
    seen: dict[str, str] = {}
    for file, stem, data, found in source_files(
        Path(path), lambda name: name.endswith(SUFFIXES), _stem, "no permission sets"
    ):
        problems += found
        if data is None:
            seen.setdefault(roles.get(stem.casefold(), ""), file)  # unreadable, but not missing
            continue
        doc, found = parse_xml(data, file)
        problems += found
        if doc is None:
            seen.setdefault(roles.get(stem.casefold(), ""), file)
            continue
        _read_set(doc, stem, roles, objects, seen, live, problems)
        _user_permissions(doc, stem, roles, index, live, problems)
    live.missing_roles = [role.id for role in pb.roles if role.id not in seen]
    return live, problems.done(str(path))


def _stem(name: str) -> str:
    for suffix in SUFFIXES + (".xml",):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _read_set(
    doc: XmlDoc,
    stem: str,
    roles: dict[str, str],
    objects: dict[str, list[str]],
    seen: dict[str, str],
    live: LiveMatrix,
    problems: list[Problem],
) -> None:
    """One permission set: its role, then each objectPermissions entry as grants or an unknown object."""
    root = doc.root
    if local(root.tag) != "PermissionSet" or namespace(root.tag) != NAMESPACE:
        problems.append(
            doc.problem(
                root,
                f"the root element is <{local(root.tag)}> in namespace "
                f"{namespace(root.tag) or '(none)'!r}; expected <PermissionSet> in "
                f"{NAMESPACE!r}",
            )
        )
        seen.setdefault(roles.get(stem.casefold(), ""), doc.file)
        return
    full_name = root.find(f"{{{NAMESPACE}}}fullName")
    name = ((full_name.text or "").strip() if full_name is not None else "") or stem
    role = roles.get(name.casefold())
    locations = live.locations
    if role is None:
        live.unknown_roles.append(name)
        locations[(name, None, None)] = doc.where(root)
        return
    if role in seen:
        problems.append(
            doc.problem(
                root,
                f"a second permission set for role {role} (the first is in "
                f"{seen[role]}); both are audited, the widest right counts",
                code="duplicate",
                severity="warning",
            )
        )
    seen.setdefault(role, doc.file)
    locations.setdefault((role, None, None), doc.where(root))
    for entry in root.iter(f"{{{NAMESPACE}}}objectPermissions"):
        flags = _flags(doc, entry, problems)
        obj_el = entry.find(f"{{{NAMESPACE}}}object")
        sobject = (obj_el.text or "").strip() if obj_el is not None else ""
        if not sobject:
            problems.append(
                doc.problem(entry, "objectPermissions without an <object>; expected the sObject API name")
            )
            continue
        if sobject.casefold() not in objects:
            if any(flags.values()) and (name, sobject) not in live.unknown_objects:
                live.unknown_objects.append((name, sobject))
                locations[(name, sobject, None)] = doc.where(entry)
            continue
        scopes = to_scopes(flags)
        for obj in objects[sobject.casefold()]:
            if (role, obj, None) not in locations:
                locations[(role, obj, None)] = doc.where(entry)
            for action, scope in scopes.items():
                cell = (role, obj, action)
                if scope_rank(scope) > scope_rank(live.grants.get(cell, "none")):
                    live.grants[cell] = scope
                    locations[cell] = doc.where(entry)


_TAGS = {f"{{{NAMESPACE}}}{flag}": flag for flag in FLAGS}


def _user_permissions(
    doc: XmlDoc,
    stem: str,
    roles: dict[str, str],
    index: dict[str, list[str]],
    live: LiveMatrix,
    problems: list[Problem],
) -> None:
    """The enabled user permissions the mapping names, as the system rights they carry."""
    root = doc.root
    if local(root.tag) != "PermissionSet" or namespace(root.tag) != NAMESPACE:
        return  # _read_set has reported it
    full_name = root.find(f"{{{NAMESPACE}}}fullName")
    role = roles.get((((full_name.text or "").strip() if full_name is not None else "") or stem).casefold())
    if role is None:
        return  # an unknown role: reported whole by _read_set
    for entry in root.iter(f"{{{NAMESPACE}}}userPermissions"):
        name = (entry.findtext(f"{{{NAMESPACE}}}name") or "").strip()
        enabled_el = entry.find(f"{{{NAMESPACE}}}enabled")
        enabled = (enabled_el.text or "").strip().lower() if enabled_el is not None else ""
        if enabled not in ("true", "false"):
            problems.append(
                doc.problem(
                    entry if enabled_el is None else enabled_el,
                    _("userPermissions {name!r}: <enabled> is {value!r}; expected true or false").format(
                        name=name, value=enabled
                    ),
                )
            )
        elif enabled == "true":
            read_system(live, role, name, index, doc.where(entry))


def _flags(doc: XmlDoc, entry: ET.Element, problems: list[Problem]) -> dict[str, bool]:
    """The entry's flags; a value other than true/false is a located problem and counts as false."""
    flags = {}
    for element in entry:
        flag = _TAGS.get(element.tag)
        if flag is None:
            continue
        value = (element.text or "").strip().lower()
        if value not in ("true", "false"):
            problems.append(doc.problem(element, f"<{flag}> is {value!r}; expected true or false"))
        flags[flag] = value == "true"
    return flags
