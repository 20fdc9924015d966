"""Dynamics 365 security roles read back into playbook terms, for the drift audit.

Input: an unpacked solution folder (its `Roles/*.xml`, also `Roles/<name>/<name>.xml`, and any
`customizations.xml`), a solution `.zip` (the same files inside), or one role file. A file may hold one
`<Role>`, a `<Roles>` list, or a whole `<ImportExportXml>`. The role's `name` attribute (else the file
stem) becomes a playbook role through the mapping's `roles` or `role_prefix`, ignoring case.
Privileges become scopes by `model`: Deep is read as all (a located warning says so);
update is the widest of Write, Append and AppendTo (a warning when they differ); Share is the action
"share". Privileges `crm_mappings.dynamics.system_rights` names (prvExportToExcel...) are system rights,
held at any depth but None; other miscellaneous privileges are not audited (an info says how many).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from workbench.crm_adapters.dynamics.model import (
    ACTION_OF,
    TARGET,
    privilege_entity,
    role_names,
    split_privilege,
    to_scope,
)
from workbench.domain.access import scope_rank
from workbench.domain.crm import read_system, system_index
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.drift import LiveMatrix
from workbench.domain.playbook import Playbook
from workbench.domain.problems import Problem
from workbench.i18n import _
from workbench.loading.crm import Problems, XmlDoc, local, parse_xml, source_files


def _wanted(name: str) -> bool:
    """A solution's role files: customizations.xml, or an .xml file inside a Roles folder."""
    parts = name.replace("\\", "/").split("/")
    file = parts[-1].lower()
    return file == "customizations.xml" or (file.endswith(".xml") and "Roles" in parts[:-1])


def read(path: Path, pb: Playbook, mapping: CrmMapping) -> tuple[LiveMatrix, list[Problem]]:
    """What the security roles grant, with unknown roles/objects and designed roles that are absent."""
    live = LiveMatrix(TARGET)
    problems = Problems()
    roles = {name.casefold(): role for role, name in role_names(pb, mapping).items()}
    for role in pb.roles:
        roles.setdefault(mapping.role_name(role.id).casefold(), role.id)
    entities: dict[str, list[str]] = {}
    for obj in pb.objects:
        entity = mapping.objects.get(obj.id)
        if entity:
            for key in {entity.lower(), privilege_entity(entity).lower()}:
                entities.setdefault(key, []).append(obj.id)
    seen: dict[str, str] = {}
    index = system_index(mapping)
    for file, stem, data, found in source_files(
        Path(path), _wanted, lambda name: Path(name).stem, "no Roles/*.xml or customizations.xml"
    ):
        problems += found
        doc = None
        if data is not None:
            doc, found = parse_xml(data, file)
            problems += found
        if doc is None:
            seen.setdefault(roles.get(stem.casefold(), ""), file)  # unreadable, but not missing
            continue
        for element in _role_elements(doc, problems):
            name = element.get("name") or element.get("Name") or (element.findtext("RoleName") or "").strip()
            _read_role(doc, element, name or stem, roles, (entities, index), seen, live, problems)
    live.missing_roles = [role.id for role in pb.roles if role.id not in seen]
    return live, problems.done(str(path))


def _role_elements(doc: XmlDoc, problems: list[Problem]) -> list[ET.Element]:
    """The <Role> elements of a file: the root itself, a <Roles> list, or an ImportExportXml's roles."""
    tag = local(doc.root.tag)
    if tag == "Role":
        return [doc.root]
    if tag in ("Roles", "ImportExportXml"):
        return [e for e in doc.root.iter() if local(e.tag) == "Role"]
    problems.append(
        doc.problem(doc.root, f"the root element is <{tag}>; expected <Role>, <Roles> or <ImportExportXml>")
    )
    return []


def _entity_privileges(
    doc: XmlDoc,
    element: ET.Element,
    role: str,
    index: dict[str, list[str]],
    live: LiveMatrix,
    problems: list[Problem],
) -> Iterator[ET.Element]:
    """The role's RolePrivileges, but those the mapping names as system rights are read here instead: held
    at any depth but None (a system right is org-wide)."""
    for priv in element.iter():
        if local(priv.tag) != "RolePrivilege":
            continue
        privilege, depth = priv.get("name", ""), priv.get("level", "")
        if privilege.casefold() not in index:
            yield priv
        elif to_scope(depth) is None:
            message = _("{privilege} has level {depth!r}; expected Basic, Local, Deep, Global or None")
            problems.append(doc.problem(priv, message.format(privilege=privilege, depth=depth)))
        elif to_scope(depth) != "none":
            read_system(live, role, privilege, index, doc.where(priv))


def _read_role(
    doc: XmlDoc,
    element: ET.Element,
    name: str,
    roles: dict[str, str],
    known: tuple[dict[str, list[str]], dict[str, list[str]]],
    seen: dict[str, str],
    live: LiveMatrix,
    problems: list[Problem],
) -> None:
    """One role: each privilege as a grant, a system right, an unknown object, or a located problem.
    `known`: (entity -> playbook objects, privilege -> system rights)."""
    entities, index = known
    role = roles.get(name.casefold())
    locations = live.locations
    if role is None:
        live.unknown_roles.append(name)
        locations[(name, None, None)] = doc.where(element)
        return
    if role in seen:
        problems.append(
            doc.problem(
                element,
                f"a second role for {role} (the first is in {seen[role]}); "
                "both are audited, the widest right counts",
                code="duplicate",
                severity="warning",
            )
        )
    seen.setdefault(role, doc.file)
    locations.setdefault((role, None, None), doc.where(element))
    update: dict[str, dict[str, str]] = {}
    misc: list[str] = []
    frozen = frozenset(entities)
    for priv in _entity_privileges(doc, element, role, index, live, problems):
        privilege = priv.get("name", "")
        parts = split_privilege(privilege, frozen)
        if parts is None:
            misc.append(privilege)
            continue
        scope = _privilege_scope(doc, priv, problems)
        if scope is None or scope == "none":
            continue
        verb, entity = parts
        if entity.lower() not in entities:
            if (name, entity) not in live.unknown_objects:
                live.unknown_objects.append((name, entity))
                locations[(name, entity, None)] = doc.where(priv)
            continue
        _grant(doc, priv, (role, verb, scope), entities[entity.lower()], live, update)
    _mixed_update_problems(doc, element, name, update, misc, problems)


def _privilege_scope(doc: XmlDoc, priv: ET.Element, problems: list[Problem]) -> str | None:
    """The playbook scope of a privilege's level; None (with a problem) for a level Dynamics does not
    have; Deep is read as all, with a warning."""
    privilege, depth = priv.get("name", ""), priv.get("level", "")
    scope = to_scope(depth)
    if scope is None:
        problems.append(
            doc.problem(priv, f"{privilege} has level {depth!r}; expected Basic, Local, Deep, Global or None")
        )
        return None
    if depth.lower() == "deep":
        problems.append(
            doc.problem(
                priv,
                f"{privilege} is Deep (parent: child business units), which "
                "has no playbook scope; audited as all",
                code="approximated",
                severity="warning",
            )
        )
    return scope


def _grant(
    doc: XmlDoc,
    priv: ET.Element,
    what: tuple[str, str, str],
    objects: list[str],
    live: LiveMatrix,
    update: dict[str, dict[str, str]],
) -> None:
    """`what` = (role, verb, scope) on every playbook object of one entity: the widest right read wins;
    the update verbs (Write, Append, AppendTo) are kept apart to compare them afterwards."""
    role, verb, scope = what
    locations = live.locations
    action = ACTION_OF[verb]
    for obj in objects:
        if action == "update":
            update.setdefault(obj, {})[verb] = scope
        cell = (role, obj, action)
        if (role, obj, None) not in locations:
            locations[(role, obj, None)] = doc.where(priv)
        if scope_rank(scope) > scope_rank(live.grants.get(cell, "none")):
            live.grants[cell] = scope
            locations[cell] = doc.where(priv)


def _mixed_update_problems(
    doc: XmlDoc,
    element: ET.Element,
    name: str,
    update: dict[str, dict[str, str]],
    misc: list[str],
    problems: list[Problem],
) -> None:
    """Update verbs at different levels, and miscellaneous privileges that are not audited."""
    for obj, verbs in update.items():
        if len(verbs) < 3 or len(set(verbs.values())) > 1:
            shown = ", ".join(f"{v} {verbs.get(v, 'none')}" for v in ("Write", "Append", "AppendTo"))
            problems.append(
                doc.problem(
                    element,
                    f"{name}: on {obj} {shown} differ; the playbook's update is audited at the widest",
                    code="approximated",
                    severity="warning",
                )
            )
    if misc:
        problems.append(
            doc.problem(
                element,
                f"{name}: {len(misc)} miscellaneous privilege(s) such as "
                f"{misc[0]} are not per entity and are not audited",
                code="not-audited",
                severity="info",
            )
        )
