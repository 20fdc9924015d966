"""The design as Dynamics 365 security roles, in the `Roles/<name>.xml` form of an unpacked solution.

Files: `Roles/<name>.xml` per playbook role (`<Role id="{guid}" name="..."><RolePrivileges><RolePrivilege
name="prvReadAccount" level="Global"/>...`), with a uuid5 id derived from the role name so repeated
exports are byte-identical and re-importing updates the same role. Nothing else is written: what a role
cannot carry (rules in `model`) is the projection's Limitations, which `crmwb crm-export`
writes to limitations.md. Privileges are sorted by name, as solution exports list them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from workbench.crm_adapters.dynamics.model import (
    DEPTHS,
    PRIVILEGES,
    plan,
    privilege_name,
    role_id,
    role_names,
)
from workbench.domain.access import Action
from workbench.domain.crm import written_names
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.playbook import Playbook
from workbench.writers.atomic import write_bytes_atomic


def file_name(role_name: str) -> str:
    """A file name for a role name (role names may hold spaces; path separators and the like are replaced)."""
    return re.sub(r"[^\w .-]", "_", role_name).strip(" .") or "role"


def write(pb: Playbook, mapping: CrmMapping, folder: Path) -> list[Path]:
    """One role file per playbook role (one with no privileges too, so the audit does not miss it)."""
    roles = plan(pb, mapping)[0]
    by_id = pb.role_map()
    paths: list[Path] = []
    for role, name in role_names(pb, mapping).items():
        path = Path(folder) / "Roles" / f"{file_name(name)}.xml"
        if path in paths:  # two names that differ only in characters a file name cannot hold
            path = path.with_name(f"{file_name(name)} ({file_name(role)}).xml")
        write_bytes_atomic(path, role_xml(name, roles[role], written_names(by_id[role], mapping)))
        paths.append(path)
    return paths


def _attr(value: str) -> str:
    """An escaped attribute value, without the control characters XML 1.0 cannot carry."""
    return escape(re.sub(r"[\x00-\x1f]", " ", value), {'"': "&quot;"})


def role_xml(name: str, entities: dict[str, dict[Action, str]], system: Sequence[str] = ()) -> bytes:
    """One security role: each action's privileges at the depth of its scope, and the system rights'
    privileges at Global (written as text, every value escaped, so a role over 500 entities stays fast)."""
    levels = {
        privilege_name(verb, entity): DEPTHS[scope]
        for entity, scopes in entities.items()
        for action, scope in scopes.items()
        for verb in PRIVILEGES[action]
    }
    levels.update({privilege: "Global" for privilege in system})
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f'<Role id="{role_id(name)}" name="{_attr(name)}">']
    if not levels:
        lines.append("  <RolePrivileges />")
    else:
        lines.append("  <RolePrivileges>")
        lines += [
            f'    <RolePrivilege name="{_attr(p)}" level="{levels[p]}" />'
            for p in sorted(levels, key=str.lower)
        ]
        lines.append("  </RolePrivileges>")
    lines.append("</Role>")
    return ("\n".join(lines) + "\n").encode("utf-8")
